import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { Reward, RewardGuardrailOverride } from './reward.entity';
import { costPerThousandPoints, RewardService } from './reward.service';
import {
  CancelVoucherInput,
  ConsumeVoucherInput,
  RedeemRewardInput,
  RedeemRewardResult,
  RewardInput,
  VoucherView,
} from './reward.types';

@Resolver(() => Reward)
export class RewardResolver {
  constructor(private readonly service: RewardService) {}

  @Authorized(Access.readProgram)
  @Query(() => [Reward], {
    description:
      "Cheapest first. Any caller of the tenant; a customer sees ACTIVE rewards only, without the business's figures.",
  })
  rewards(
    @Ctx() ctx: Context,
    @Arg('activeOnly', {
      defaultValue: true,
      description: 'False lists drafts and inactive rewards too: staff only (a customer gets FORBIDDEN).',
    })
    activeOnly: boolean,
  ): Promise<Reward[]> {
    return this.service.list(ctx, activeOnly);
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => Reward, { description: 'Created as DRAFT; activateReward puts it live. OWNER or ADMIN.' })
  createReward(@Arg('input', { description: 'The reward.' }) input: RewardInput, @Ctx() ctx: Context): Promise<Reward> {
    return this.service.create(ctx, input);
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => Reward, {
    description: 'Only while DRAFT or INACTIVE; clears any guardrail override. OWNER or ADMIN.',
  })
  updateReward(
    @Arg('id', () => ID, { description: 'The reward to change.' }) id: string,
    @Arg('input', { description: 'The whole new definition.' }) input: RewardInput,
    @Ctx() ctx: Context,
  ): Promise<Reward> {
    return this.service.update(ctx, id, input);
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => Reward, {
    description:
      'Over the margin guardrail, only the OWNER can activate, with `overrideReason` (recorded). OWNER or ADMIN.',
  })
  activateReward(
    @Arg('id', () => ID, { description: 'The reward to put live.' }) id: string,
    @Ctx() ctx: Context,
    @Arg('overrideReason', {
      nullable: true,
      description: 'Why a reward over the margin guardrail goes live anyway; OWNER only, recorded.',
    })
    overrideReason?: string,
  ): Promise<Reward> {
    return this.service.activate(ctx, id, overrideReason);
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => Reward, {
    description:
      'Takes a reward off: it can no longer be redeemed; vouchers already issued stay valid. OWNER or ADMIN.',
  })
  deactivateReward(
    @Arg('id', () => ID, { description: 'The reward to take off.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Reward> {
    return this.service.deactivate(ctx, id);
  }

  @Authorized(Access.redeemReward)
  @Mutation(() => RedeemRewardResult, {
    description:
      'Debits the points and the stock and issues a single-use voucher, all or nothing. Staff other than ANALYST, or the customer themself.',
  })
  redeemReward(
    @Arg('input', { description: 'The member, the reward and the idempotency key.' }) input: RedeemRewardInput,
    @Ctx() ctx: Context,
  ): Promise<RedeemRewardResult> {
    return this.service.redeem(ctx, input);
  }

  @Authorized(Access.readVoucher)
  @Query(() => VoucherView, {
    nullable: true,
    description: 'For the till: whether the code can be accepted, and for what. Staff other than ANALYST.',
  })
  voucher(
    @Arg('code', { description: 'As printed; case and dashes do not matter. Null when no voucher has this code.' })
    code: string,
    @Ctx() ctx: Context,
  ): Promise<VoucherView | null> {
    return this.service.voucher(ctx, code);
  }

  @Authorized(Access.consumeVoucher)
  @Mutation(() => VoucherView, {
    description:
      'Single use: a second consumption fails with VOUCHER_ALREADY_USED (a retry with the same key replays). OWNER, ADMIN, SUPERVISOR, POS or SERVICE.',
  })
  consumeVoucher(
    @Arg('input', { description: 'The voucher code and the store where it is used.' }) input: ConsumeVoucherInput,
    @Ctx() ctx: Context,
  ): Promise<VoucherView> {
    return this.service.consume(ctx, input);
  }

  @Authorized(Access.cancelVoucher)
  @Mutation(() => VoucherView, {
    description:
      'An unused, unexpired voucher: the points and the stock come back. OWNER, ADMIN, SUPERVISOR, AGENT, SERVICE, or the customer themself.',
  })
  cancelVoucher(
    @Arg('input', { description: 'The voucher code.' }) input: CancelVoucherInput,
    @Ctx() ctx: Context,
  ): Promise<VoucherView> {
    return this.service.cancel(ctx, input);
  }

  @Authorized(Access.readProgramInternals)
  @FieldResolver(() => Int, {
    description:
      'What the business pays per 1,000 points redeemed, minor units: compared with the guardrail. Staff only: a customer gets FORBIDDEN.',
  })
  costPerThousandPoints(@Root() reward: Reward): number {
    return costPerThousandPoints(reward);
  }

  @Authorized(Access.manageProgram)
  @FieldResolver(() => RewardGuardrailOverride, {
    nullable: true,
    description: 'Set when the OWNER let the reward go live above the margin guardrail. OWNER or ADMIN.',
  })
  guardrailOverride(@Root() reward: Reward, @Ctx() ctx: Context): Promise<RewardGuardrailOverride | null> {
    return this.service.guardrailOverride(ctx, reward);
  }
}
