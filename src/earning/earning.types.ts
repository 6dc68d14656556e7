import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { TransactionView } from '../ledger/ledger.types';
import { Tier, type TierRecord } from '../program/tier.entity';
import { Channel } from '../shared/channel';
import { CapPeriod, RuleEffect, RuleStacking } from './earning-rule.entity';
import { ContributionOutcome, ContributionSource } from './rules.logic';

registerEnumType(ContributionSource, {
  name: 'ContributionSource',
  description: "Where a part of a purchase's points came from.",
  valuesConfig: {
    BASE: { description: "The program's base earn rate." },
    TIER_BENEFIT: { description: "The member's tier points multiplier." },
    RULE: { description: 'An earning rule or promotion.' },
  },
});
registerEnumType(ContributionOutcome, {
  name: 'ContributionOutcome',
  description: 'What became of a contribution.',
  valuesConfig: {
    APPLIED: { description: 'Given in full.' },
    CAPPED: { description: 'Applied, but a cap or the budget cut it down.' },
    EXCLUDED: {
      description: 'Matched, but an exclusive rule applied first, or this exclusive rule came after another rule.',
    },
    EXHAUSTED: { description: 'Matched, but its caps or budget have nothing left.' },
  },
});

@InputType({ description: 'The definition of an earning rule or promotion. Conditions left empty match everything.' })
export class EarningRuleInput {
  @Field({ description: 'Short code, unique within the tenant.' })
  code!: string;

  @Field({ description: 'The name shown to staff and in breakdowns.' })
  name!: string;

  @Field(() => Int, { description: 'Higher goes first.' })
  priority!: number;

  @Field(() => RuleStacking, { description: 'Whether the rule combines with others.' })
  stacking!: RuleStacking;

  @Field(() => RuleEffect, { description: 'How `value` turns into points.' })
  effect!: RuleEffect;

  @Field(() => Int, {
    description: 'MULTIPLIER: percent above 100 (200 = double). FIXED_BONUS: points. POINTS_PER_UNIT: points per unit.',
  })
  value!: number;

  @Field(() => [Channel], { nullable: true, description: 'Only purchases on these channels.' })
  channels?: Channel[];

  @Field(() => [ID], { nullable: true, description: 'Only purchases in these stores.' })
  storeIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Only purchases in stores of these regions.' })
  regions?: string[];

  @Field(() => [String], { nullable: true, description: 'Only these lines (by SKU).' })
  skus?: string[];

  @Field(() => [String], { nullable: true, description: 'Only lines of these categories.' })
  categories?: string[];

  @Field(() => [ID], { nullable: true, description: 'Only members of these tiers.' })
  tierIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Only customers in one of these segments.' })
  segments?: string[];

  @Field(() => [Int], { nullable: true, description: 'ISO days of the week, 1 = Monday, in the tenant time zone.' })
  daysOfWeek?: number[];

  @Field(() => SafeIntResolver, { nullable: true, description: 'Minimum spend of the matching lines, minor units.' })
  minSpend?: number;

  @Field({ nullable: true, description: 'Applies to purchases from then on.' })
  startsAt?: Date;

  @Field({ nullable: true, description: 'Applies to purchases before then.' })
  endsAt?: Date;

  @Field(() => Int, { nullable: true, description: 'Most points the rule gives on one purchase.' })
  capPerPurchase?: number;

  @Field(() => Int, { nullable: true, description: 'Most points the rule gives one customer per `customerCapPeriod`.' })
  capPerCustomer?: number;

  @Field(() => CapPeriod, { nullable: true, description: 'Required with capPerCustomer.' })
  customerCapPeriod?: CapPeriod;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Most points the rule gives in total.' })
  budget?: number;

  @Field({ nullable: true, description: 'Default true; inactive rules are kept but never applied.' })
  active?: boolean;
}

@InputType({ description: 'One line of a purchase.' })
export class PurchaseLineInput {
  @Field({ description: "The product's SKU, matched by earning rules." })
  sku!: string;

  @Field({ nullable: true, description: 'The product category, matched by earning rules.' })
  category?: string;

  @Field(() => Int, { description: 'Units bought, at least 1.' })
  quantity!: number;

  @Field(() => SafeIntResolver, { description: 'Minor units, after line discounts.' })
  unitPrice!: number;
}

@InputType({ description: 'A purchase to evaluate without booking anything.' })
export class PreviewPurchaseInput {
  @Field(() => ID, { description: 'The member who buys.' })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: "Required for POS; a POS key's own store by default." })
  storeId?: string;

  @Field(() => Channel, { nullable: true, description: "Defaults to the caller's channel." })
  channel?: Channel;

  @Field({ nullable: true, description: 'Defaults to now; at most 5 minutes ahead, at most 1 year back.' })
  occurredAt?: Date;

  @Field(() => [PurchaseLineInput], { description: 'What was bought.' })
  lines!: PurchaseLineInput[];
}

@InputType({ description: 'A purchase to record: evaluates the rules and books the points.' })
export class RecordPurchaseInput extends PreviewPurchaseInput {
  @Field({ description: 'Unique per tenant: the same order cannot earn twice.' })
  orderId!: string;

  @Field({
    description:
      'A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'A returned quantity of one line.' })
export class RefundLineInput {
  @Field({ description: "The line's SKU, as recorded." })
  sku!: string;

  @Field(() => Int, { description: 'Units returned, at most what was bought and not yet refunded.' })
  quantity!: number;
}

@InputType({ description: 'Lines of a recorded purchase that were returned.' })
export class RefundPurchaseInput {
  @Field({ description: 'The order id the purchase was recorded with.' })
  orderId!: string;

  @Field(() => [RefundLineInput], { description: 'The lines returned, by SKU and quantity.' })
  lines!: RefundLineInput[];

  @Field({
    description:
      'A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'One part of what a purchase earned, and why.' })
export class ContributionView {
  @Field(() => ContributionSource, { description: 'Base earn, a tier benefit, or an earning rule.' })
  source!: ContributionSource;

  @Field(() => ID, { nullable: true, description: 'The earning rule, for RULE contributions.' })
  ruleId?: string;

  @Field({ description: 'The rule or benefit code; BASE for the base earn.' })
  code!: string;

  @Field({ description: 'The rule or benefit name.' })
  name!: string;

  @Field(() => SafeIntResolver, { description: 'What the rule asked for before caps.' })
  requestedPoints!: number;

  @Field(() => SafeIntResolver, { description: 'What it gave, after caps and budget.' })
  points!: number;

  @Field(() => ContributionOutcome, { description: 'Whether it applied, and if not fully, why.' })
  outcome!: ContributionOutcome;

  @Field({ description: 'Plain-language explanation, e.g. which cap cut it down.' })
  note!: string;
}

@ObjectType({ description: 'One line of a purchase and the points it earned.' })
export class PurchaseLineView {
  @Field({ description: "The product's SKU." })
  sku!: string;

  @Field({ nullable: true, description: 'The product category, if given.' })
  category?: string;

  @Field(() => Int, { description: 'Units bought.' })
  quantity!: number;

  @Field(() => SafeIntResolver, { description: 'Quantity times unit price, minor units.' })
  amount!: number;

  @Field(() => SafeIntResolver, { description: 'Points this line earned.' })
  points!: number;
}

@ObjectType({ description: 'A move from one tier to another.' })
export class TierMoveView {
  @Field(() => Tier, { nullable: true, description: 'The tier before; null for a member with no recorded tier yet.' })
  from?: TierRecord;

  @Field(() => Tier, { description: 'The tier after.' })
  to!: TierRecord;
}

@ObjectType({ description: 'What a purchase would earn, line by line and rule by rule. Points are whole numbers.' })
export class PurchaseEvaluation {
  @Field(() => SafeIntResolver, { description: 'Minor units.' })
  amount!: number;

  @Field(() => SafeIntResolver, { description: "Points from the program's base earn rate alone." })
  basePoints!: number;

  @Field(() => SafeIntResolver, { description: 'Every point the purchase earns: base, tier benefit and rules.' })
  totalPoints!: number;

  @Field(() => [ContributionView], {
    description: 'Base, tier benefit, then rules in evaluation order, with those that matched but gave nothing.',
  })
  contributions!: ContributionView[];

  @Field(() => [PurchaseLineView], { description: 'The lines with their amounts and the points each earned.' })
  lines!: PurchaseLineView[];

  @Field({ nullable: true, description: 'The points stay pending until then (the return window).' })
  pendingUntil?: Date;
}

@ObjectType({
  description: 'A recorded purchase: what it earned, line by line and rule by rule, and the transaction booked.',
})
export class PurchaseResult extends PurchaseEvaluation {
  @Field(() => ID, { description: "The purchase's id." })
  purchaseId!: string;

  @Field({ description: 'The order id it was recorded with.' })
  orderId!: string;

  @Field(() => ID, { description: 'The member who bought.' })
  customerId!: string;

  @Field(() => TransactionView, {
    nullable: true,
    description: 'The earn booked; null when the purchase earned nothing.',
  })
  transaction?: TransactionView;

  @Field(() => TierMoveView, { nullable: true, description: 'Set when this purchase moved the member up.' })
  tierChange?: TierMoveView;

  @Field({ description: 'True when this answers a retry with the same idempotency key: nothing was booked again.' })
  replayed!: boolean;
}

@ObjectType({ description: 'What a refund took back.' })
export class RefundResult {
  @Field(() => ID, { description: "The refund's id." })
  refundId!: string;

  @Field({ description: 'The order refunded.' })
  orderId!: string;

  @Field(() => SafeIntResolver, { description: "The refunded lines' amount, minor units." })
  amount!: number;

  @Field(() => SafeIntResolver, { description: 'Points the refunded lines had earned.' })
  points!: number;

  @Field(() => SafeIntResolver, { description: 'Taken back through the ledger.' })
  pointsClawedBack!: number;

  @Field(() => SafeIntResolver, { description: 'Already spent, so not taken back; reported for finance.' })
  pointsUncollected!: number;

  @Field(() => TransactionView, {
    nullable: true,
    description: 'The clawback booked; null when there was nothing to take back.',
  })
  transaction?: TransactionView;

  @Field({ description: 'True when this answers a retry with the same idempotency key.' })
  replayed!: boolean;
}
