import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { TransactionView } from '../ledger/ledger.types';
import { Tier } from '../program/tier.entity';
import { Channel } from '../shared/channel';
import { CapPeriod, RuleEffect, RuleStacking } from './earning-rule.entity';
import { ContributionOutcome, ContributionSource } from './rules.logic';

registerEnumType(ContributionSource, { name: 'ContributionSource' });
registerEnumType(ContributionOutcome, { name: 'ContributionOutcome' });

@InputType()
export class EarningRuleInput {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Higher goes first.' })
  priority!: number;

  @Field(() => RuleStacking)
  stacking!: RuleStacking;

  @Field(() => RuleEffect)
  effect!: RuleEffect;

  @Field(() => Int, {
    description: 'MULTIPLIER: percent above 100 (200 = double). FIXED_BONUS: points. POINTS_PER_UNIT: points per unit.',
  })
  value!: number;

  @Field(() => [Channel], { nullable: true })
  channels?: Channel[];

  @Field(() => [ID], { nullable: true })
  storeIds?: string[];

  @Field(() => [String], { nullable: true })
  regions?: string[];

  @Field(() => [String], { nullable: true })
  skus?: string[];

  @Field(() => [String], { nullable: true })
  categories?: string[];

  @Field(() => [ID], { nullable: true })
  tierIds?: string[];

  @Field(() => [String], { nullable: true })
  segments?: string[];

  @Field(() => [Int], { nullable: true })
  daysOfWeek?: number[];

  @Field(() => SafeIntResolver, { nullable: true })
  minSpend?: number;

  @Field({ nullable: true })
  startsAt?: Date;

  @Field({ nullable: true })
  endsAt?: Date;

  @Field(() => Int, { nullable: true })
  capPerPurchase?: number;

  @Field(() => Int, { nullable: true })
  capPerCustomer?: number;

  @Field(() => CapPeriod, { nullable: true, description: 'Required with capPerCustomer.' })
  customerCapPeriod?: CapPeriod;

  @Field(() => SafeIntResolver, { nullable: true })
  budget?: number;

  @Field({ nullable: true })
  active?: boolean;
}

@InputType()
export class PurchaseLineInput {
  @Field()
  sku!: string;

  @Field({ nullable: true })
  category?: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => SafeIntResolver, { description: 'Minor units, after line discounts.' })
  unitPrice!: number;
}

@InputType()
export class PreviewPurchaseInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => ID, { nullable: true, description: "Required for POS; a POS key's own store by default." })
  storeId?: string;

  @Field(() => Channel, { nullable: true, description: "Defaults to the caller's channel." })
  channel?: Channel;

  @Field({ nullable: true, description: 'Defaults to now; at most 5 minutes ahead, at most 1 year back.' })
  occurredAt?: Date;

  @Field(() => [PurchaseLineInput])
  lines!: PurchaseLineInput[];
}

@InputType()
export class RecordPurchaseInput extends PreviewPurchaseInput {
  @Field({ description: 'Unique per tenant: the same order cannot earn twice.' })
  orderId!: string;

  @Field()
  idempotencyKey!: string;
}

@InputType()
export class RefundLineInput {
  @Field()
  sku!: string;

  @Field(() => Int)
  quantity!: number;
}

@InputType()
export class RefundPurchaseInput {
  @Field()
  orderId!: string;

  @Field(() => [RefundLineInput])
  lines!: RefundLineInput[];

  @Field()
  idempotencyKey!: string;
}

@ObjectType({ description: 'One part of what a purchase earned, and why.' })
export class ContributionView {
  @Field(() => ContributionSource)
  source!: ContributionSource;

  @Field(() => ID, { nullable: true })
  ruleId?: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => SafeIntResolver, { description: 'What the rule asked for before caps.' })
  requestedPoints!: number;

  @Field(() => SafeIntResolver)
  points!: number;

  @Field(() => ContributionOutcome)
  outcome!: ContributionOutcome;

  @Field()
  note!: string;
}

@ObjectType()
export class PurchaseLineView {
  @Field()
  sku!: string;

  @Field({ nullable: true })
  category?: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => SafeIntResolver)
  amount!: number;

  @Field(() => SafeIntResolver)
  points!: number;
}

@ObjectType()
export class TierMoveView {
  @Field(() => Tier, { nullable: true })
  from?: Tier;

  @Field(() => Tier)
  to!: Tier;
}

@ObjectType()
export class PurchaseEvaluation {
  @Field(() => SafeIntResolver, { description: 'Minor units.' })
  amount!: number;

  @Field(() => SafeIntResolver)
  basePoints!: number;

  @Field(() => SafeIntResolver)
  totalPoints!: number;

  @Field(() => [ContributionView], {
    description: 'Base, tier benefit, then rules in evaluation order, with those that matched but gave nothing.',
  })
  contributions!: ContributionView[];

  @Field(() => [PurchaseLineView])
  lines!: PurchaseLineView[];

  @Field({ nullable: true, description: 'The points stay pending until then (the return window).' })
  pendingUntil?: Date;
}

@ObjectType()
export class PurchaseResult extends PurchaseEvaluation {
  @Field(() => ID)
  purchaseId!: string;

  @Field()
  orderId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => TransactionView, {
    nullable: true,
    description: 'The earn booked; null when the purchase earned nothing.',
  })
  transaction?: TransactionView;

  @Field(() => TierMoveView, { nullable: true, description: 'Set when this purchase moved the member up.' })
  tierChange?: TierMoveView;

  @Field()
  replayed!: boolean;
}

@ObjectType()
export class RefundResult {
  @Field(() => ID)
  refundId!: string;

  @Field()
  orderId!: string;

  @Field(() => SafeIntResolver)
  amount!: number;

  @Field(() => SafeIntResolver, { description: 'Points the refunded lines had earned.' })
  points!: number;

  @Field(() => SafeIntResolver, { description: 'Taken back through the ledger.' })
  pointsClawedBack!: number;

  @Field(() => SafeIntResolver, { description: 'Already spent, so not taken back; reported for finance.' })
  pointsUncollected!: number;

  @Field(() => TransactionView, { nullable: true })
  transaction?: TransactionView;

  @Field()
  replayed!: boolean;
}
