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

registerEnumType(RuleEffect, { name: 'RuleEffect' });
registerEnumType(RuleStacking, { name: 'RuleStacking' });
registerEnumType(CapPeriod, { name: 'CapPeriod' });

const numbers = new ArrayType<number>((item) => Number(item));

/**
 * An earning rule or promotion. Every condition left empty matches everything; the ones set must all hold.
 * Rules are evaluated in one order (see `orderRules` in rules.logic.ts and the README).
 */
@ObjectType()
@Entity()
@Unique({ properties: ['tenant', 'code'] })
export class EarningRule extends TenantOwnedEntity<'active' | 'budgetUsed' | 'version'> {
  @Field()
  @Property({ type: 'text' })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Int, { description: 'Higher goes first.' })
  @Property({ type: 'integer' })
  priority!: number;

  @Field(() => RuleStacking)
  @Enum({ items: () => RuleStacking, nativeEnumName: 'rule_stacking' })
  stacking!: RuleStacking;

  @Field(() => RuleEffect)
  @Enum({ items: () => RuleEffect, nativeEnumName: 'rule_effect' })
  effect!: RuleEffect;

  @Field(() => Int)
  @Property({ type: 'integer' })
  value!: number;

  @Field(() => [Channel])
  @Property({ type: ArrayType, columnType: 'text[]' })
  channels!: Channel[];

  @Field(() => [ID])
  @Property({ type: ArrayType, columnType: 'text[]' })
  storeIds!: string[];

  @Field(() => [String])
  @Property({ type: ArrayType, columnType: 'text[]' })
  regions!: string[];

  @Field(() => [String])
  @Property({ type: ArrayType, columnType: 'text[]' })
  skus!: string[];

  @Field(() => [String])
  @Property({ type: ArrayType, columnType: 'text[]' })
  categories!: string[];

  @Field(() => [ID], { description: 'Tiers whose members qualify.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  tierIds!: string[];

  @Field(() => [String])
  @Property({ type: ArrayType, columnType: 'text[]' })
  segments!: string[];

  @Field(() => [Int], { description: 'ISO days of the week, 1 = Monday, in the tenant time zone.' })
  @Property({ type: numbers, columnType: 'int[]' })
  daysOfWeek!: number[];

  @Field(() => SafeIntResolver, { nullable: true, description: 'Minimum spend of the matching lines, minor units.' })
  @Property({ type: 'bigint', runtimeType: 'number', nullable: true })
  minSpend?: number | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
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

  @Field(() => CapPeriod, { nullable: true })
  @Enum({ items: () => CapPeriod, nativeEnumName: 'cap_period', nullable: true })
  customerCapPeriod?: CapPeriod | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Most points this rule gives in total.' })
  @Property({ type: 'bigint', runtimeType: 'number', nullable: true })
  budget?: number | null;

  @Field(() => SafeIntResolver)
  @Property({ type: 'bigint', runtimeType: 'number', default: 0 })
  budgetUsed: number = 0;

  @Field(() => Int)
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
