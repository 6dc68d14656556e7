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
  @Query(() => [EarningRule], {
    description: 'By priority, then code. The full evaluation order is in the README. Any caller of the tenant.',
  })
  earningRules(
    @Ctx() ctx: Context,
    @Arg('activeOnly', { defaultValue: true, description: 'False lists inactive rules too.' }) activeOnly: boolean,
  ): Promise<EarningRule[]> {
    return this.rules.list(ctx, activeOnly);
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => EarningRule, {
    description: 'Creates an earning rule or promotion; it applies to purchases from then on. OWNER or ADMIN.',
  })
  createEarningRule(
    @Arg('input', { description: 'The rule.' }) input: EarningRuleInput,
    @Ctx() ctx: Context,
  ): Promise<EarningRule> {
    return this.rules.create(ctx, input);
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => EarningRule, {
    description: 'Replaces the definition; the budget used and customer usage so far stay. OWNER or ADMIN.',
  })
  updateEarningRule(
    @Arg('id', () => ID, { description: 'The rule to change.' }) id: string,
    @Arg('input', { description: 'The whole new definition.' }) input: EarningRuleInput,
    @Ctx() ctx: Context,
  ): Promise<EarningRule> {
    return this.rules.update(ctx, id, input);
  }

  @Authorized(Access.recordPurchase)
  @Mutation(() => PurchaseResult, {
    description:
      'Evaluates the rules and books the points in one transaction, with the breakdown. OWNER, ADMIN, SUPERVISOR, POS or SERVICE.',
  })
  recordPurchase(
    @Arg('input', { description: 'The purchase, with its order id and idempotency key.' }) input: RecordPurchaseInput,
    @Ctx() ctx: Context,
  ): Promise<PurchaseResult> {
    return this.purchases.record(ctx, input);
  }

  @Authorized(Access.readCustomer)
  @Query(() => PurchaseEvaluation, {
    description:
      'What recordPurchase would give now, booking nothing (for the POS screen). Staff, or the customer themself.',
  })
  previewPurchase(
    @Arg('input', { description: 'The purchase as it would be recorded.' }) input: PreviewPurchaseInput,
    @Ctx() ctx: Context,
  ): Promise<PurchaseEvaluation> {
    return this.purchases.preview(ctx, input);
  }

  @Authorized(Access.refundPurchase)
  @Mutation(() => RefundResult, {
    description:
      'Claws back the points the refunded lines earned, pro rata, through the ledger. OWNER, ADMIN, SUPERVISOR, POS or SERVICE.',
  })
  refundPurchase(
    @Arg('input', { description: 'The order and the lines refunded.' }) input: RefundPurchaseInput,
    @Ctx() ctx: Context,
  ): Promise<RefundResult> {
    return this.purchases.refund(ctx, input);
  }

  @Authorized(Access.readCustomer)
  @Query(() => PurchaseResult, {
    nullable: true,
    description: 'A recorded purchase with the breakdown it was answered with. Staff, or the customer themself.',
  })
  purchase(
    @Arg('orderId', { description: 'The order id the purchase was recorded with; null when there is none.' })
    orderId: string,
    @Ctx() ctx: Context,
  ): Promise<PurchaseResult | null> {
    return this.purchases.byOrderId(ctx, orderId);
  }
}
