import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import {
  EarningRuleInput,
  PreviewPurchaseInput,
  PurchaseEvaluation,
  PurchaseResult,
  RecordPurchaseInput,
  RefundPurchaseInput,
  RefundResult,
} from './earning.types';
import { EarningRule } from './earning-rule.entity';
import { EarningRuleService } from './earning-rule.service';
import { PurchaseService } from './purchase.service';

@Resolver()
export class EarningResolver {
  constructor(
    private readonly rules: EarningRuleService,
    private readonly purchases: PurchaseService,
  ) {}

  @Authorized(Access.readProgram)
  @Query(() => [EarningRule], { description: 'By priority, then code. The full evaluation order is in the README.' })
  earningRules(
    @Ctx() ctx: Context,
    @Arg('activeOnly', { defaultValue: true }) activeOnly: boolean,
  ): Promise<EarningRule[]> {
    return this.rules.list(ctx, activeOnly);
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => EarningRule)
  createEarningRule(@Arg('input') input: EarningRuleInput, @Ctx() ctx: Context): Promise<EarningRule> {
    return this.rules.create(ctx, input);
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => EarningRule, {
    description: 'Replaces the definition; the budget used and customer usage so far stay.',
  })
  updateEarningRule(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: EarningRuleInput,
    @Ctx() ctx: Context,
  ): Promise<EarningRule> {
    return this.rules.update(ctx, id, input);
  }

  @Authorized(Access.recordPurchase)
  @Mutation(() => PurchaseResult, {
    description: 'Evaluates the rules and books the points in one transaction, with the breakdown.',
  })
  recordPurchase(@Arg('input') input: RecordPurchaseInput, @Ctx() ctx: Context): Promise<PurchaseResult> {
    return this.purchases.record(ctx, input);
  }

  @Authorized(Access.readCustomer)
  @Query(() => PurchaseEvaluation, {
    description: 'What recordPurchase would give now, booking nothing (for the POS screen).',
  })
  previewPurchase(@Arg('input') input: PreviewPurchaseInput, @Ctx() ctx: Context): Promise<PurchaseEvaluation> {
    return this.purchases.preview(ctx, input);
  }

  @Authorized(Access.refundPurchase)
  @Mutation(() => RefundResult, {
    description: 'Claws back the points the refunded lines earned, pro rata, through the ledger.',
  })
  refundPurchase(@Arg('input') input: RefundPurchaseInput, @Ctx() ctx: Context): Promise<RefundResult> {
    return this.purchases.refund(ctx, input);
  }

  @Authorized(Access.readCustomer)
  @Query(() => PurchaseResult, {
    nullable: true,
    description: 'A recorded purchase with the breakdown it was answered with.',
  })
  purchase(@Arg('orderId') orderId: string, @Ctx() ctx: Context): Promise<PurchaseResult | null> {
    return this.purchases.byOrderId(ctx, orderId);
  }
}
