import { ArrayType, Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { TenantOwnedEntity } from '../tenancy/tenant-owned.entity';

export enum RuleEffect {
  /** Extra points on the matching lines' base points: `value`/100 times base in total (200 = double points). */
  MULTIPLIER = 'MULTIPLIER',
  /** `value` points once per purchase. */
  FIXED_BONUS = 'FIXED_BONUS',
  /** `value` points per unit bought of the matching lines. */
  POINTS_PER_UNIT = 'POINTS_PER_UNIT',
}

export enum RuleStacking {
  /** Applies alone, when it comes first in the order; skipped when another rule already applied. */
  EXCLUSIVE = 'EXCLUSIVE',
  STACKABLE = 'STACKABLE',
}

export enum CapPeriod {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  /** The whole life of the rule. */
  EVER = 'EVER',
}

registerEnumType(RuleEffect, {
  name: 'RuleEffect',
  description: "How an earning rule's `value` turns into points.",
  valuesConfig: {
    MULTIPLIER: {
      description:
        "Extra points on the matching lines' base points: `value`/100 times base in total (200 = double points).",
    },
    FIXED_BONUS: { description: '`value` points once per purchase.' },
    POINTS_PER_UNIT: { description: '`value` points per unit bought of the matching lines.' },
  },
});
registerEnumType(RuleStacking, {
  name: 'RuleStacking',
  description: 'Whether an earning rule combines with others on one purchase.',
  valuesConfig: {
    EXCLUSIVE: {
      description: 'Applies alone, when it comes first in the order; skipped when another rule already applied.',
    },
    STACKABLE: { description: 'Adds to whatever other rules gave.' },
  },
});
registerEnumType(CapPeriod, {
  name: 'CapPeriod',
  description: 'The period a per-customer cap counts over, in the tenant time zone.',
  valuesConfig: {
    DAY: { description: 'A calendar day.' },
    WEEK: { description: 'An ISO week, Monday to Sunday.' },
    MONTH: { description: 'A calendar month.' },
    YEAR: { description: 'A calendar year.' },
    EVER: { description: 'The whole life of the rule.' },
  },
});

const numbers = new ArrayType<number>((item) => Number(item));

/**
 * An earning rule or promotion. Every condition left empty matches everything; the ones set must all hold.
 * Rules are evaluated in one order (see `orderRules` in rules.logic.ts and the README).
 */
@ObjectType({
  description:
    'An earning rule or promotion: extra points on purchases that meet its conditions. Conditions left empty match everything; those set must all hold.',
})
@Entity()
@Unique({ properties: ['tenant', 'code'] })
export class EarningRule extends TenantOwnedEntity<'active' | 'budgetUsed' | 'version'> {
  @Field({ description: 'Short code, unique within the tenant; shown in purchase breakdowns.' })
  @Property({ type: 'text' })
  code!: string;

  @Field({ description: 'The name shown to staff and in breakdowns.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Inactive rules are kept but never applied.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Int, { description: 'Higher goes first.' })
  @Property({ type: 'integer' })
  priority!: number;

  @Field(() => RuleStacking, { description: 'Whether the rule combines with others.' })
  @Enum({ items: () => RuleStacking, nativeEnumName: 'rule_stacking' })
  stacking!: RuleStacking;

  @Field(() => RuleEffect, { description: 'How `value` turns into points.' })
  @Enum({ items: () => RuleEffect, nativeEnumName: 'rule_effect' })
  effect!: RuleEffect;

  @Field(() => Int, {
    description: 'MULTIPLIER: percent above 100 (200 = double). FIXED_BONUS: points. POINTS_PER_UNIT: points per unit.',
  })
  @Property({ type: 'integer' })
  value!: number;

  @Field(() => [Channel], { description: 'Only purchases on these channels; empty: any.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  channels!: Channel[];

  @Field(() => [ID], { description: 'Only purchases in these stores; empty: any.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  storeIds!: string[];

  @Field(() => [String], { description: 'Only purchases in stores of these regions; empty: any.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  regions!: string[];

  @Field(() => [String], { description: 'Only these lines (by SKU); empty: any.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  skus!: string[];

  @Field(() => [String], { description: 'Only lines of these categories; empty: any.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  categories!: string[];

  @Field(() => [ID], { description: 'Tiers whose members qualify.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  tierIds!: string[];

  @Field(() => [String], { description: 'Only customers in one of these segments; empty: any.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  segments!: string[];

  @Field(() => [Int], { description: 'ISO days of the week, 1 = Monday, in the tenant time zone.' })
  @Property({ type: numbers, columnType: 'int[]' })
  daysOfWeek!: number[];

  @Field(() => SafeIntResolver, { nullable: true, description: 'Minimum spend of the matching lines, minor units.' })
  @Property({ type: 'bigint', runtimeType: 'number', nullable: true })
  minSpend?: number | null;

  @Field(() => Date, { nullable: true, description: 'Applies to purchases from then on; null: no start.' })
  @Property({ type: 'timestamptz', nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Applies to purchases before then; null: no end.' })
  @Property({ type: 'timestamptz', nullable: true })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Most points this rule gives on one purchase.' })
  @Property({ type: 'integer', nullable: true })
  capPerPurchase?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Most points this rule gives one customer per `customerCapPeriod`.',
  })
  @Property({ type: 'integer', nullable: true })
  capPerCustomer?: number | null;

  @Field(() => CapPeriod, { nullable: true, description: 'The period `capPerCustomer` counts over.' })
  @Enum({ items: () => CapPeriod, nativeEnumName: 'cap_period', nullable: true })
  customerCapPeriod?: CapPeriod | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Most points this rule gives in total.' })
  @Property({ type: 'bigint', runtimeType: 'number', nullable: true })
  budget?: number | null;

  @Field(() => SafeIntResolver, { description: 'Points the rule has given so far, counted against `budget`.' })
  @Property({ type: 'bigint', runtimeType: 'number', default: 0 })
  budgetUsed: number = 0;

  @Field(() => Int, { description: 'Increases by one with every change to the rule.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}

/** Points a rule gave one customer in one cap period (`periodStart` is a date in the tenant time zone). */
@Entity()
export class RuleUsage {
  @PrimaryKey({ type: 'uuid' })
  ruleId!: string;

  @PrimaryKey({ type: 'uuid' })
  customerId!: string;

  @PrimaryKey({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'bigint' })
  points!: string;
}
