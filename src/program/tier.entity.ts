import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SafeIntResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

import { BaseEntity } from '../shared/db/base.entity';
import { TenantOwnedEntity } from '../tenancy/tenant-owned.entity';

/** What a tier's threshold counts. Only purchases qualify (see README, "Tiers"). */
export enum TierMetric {
  POINTS_EARNED = 'POINTS_EARNED',
  SPEND = 'SPEND',
  VISITS = 'VISITS',
}

export enum TierWindow {
  CALENDAR_YEAR = 'CALENDAR_YEAR',
  ROLLING_12_MONTHS = 'ROLLING_12_MONTHS',
}

export enum TierChangeReason {
  QUALIFIED = 'QUALIFIED',
  DOWNGRADED = 'DOWNGRADED',
  GRANTED = 'GRANTED',
  GRANT_ENDED = 'GRANT_ENDED',
  /** A merged duplicate's higher status went to the survivor. */
  MERGED = 'MERGED',
  /** An unmerge put the survivor's status back. */
  UNMERGED = 'UNMERGED',
}

registerEnumType(TierMetric, {
  name: 'TierMetric',
  description: "What a tier's threshold counts; only purchases qualify.",
  valuesConfig: {
    POINTS_EARNED: { description: 'Points earned on purchases.' },
    SPEND: { description: 'Money spent, in minor units.' },
    VISITS: { description: 'Purchases made.' },
  },
});
registerEnumType(TierWindow, {
  name: 'TierWindow',
  description: "The period a tier's metric is counted over.",
  valuesConfig: {
    CALENDAR_YEAR: { description: 'From 1 January, in the tenant time zone.' },
    ROLLING_12_MONTHS: { description: 'The last 12 months.' },
  },
});
registerEnumType(TierChangeReason, {
  name: 'TierChangeReason',
  description: "Why a member's tier changed.",
  valuesConfig: {
    QUALIFIED: { description: 'Reached a higher tier by qualifying purchases.' },
    DOWNGRADED: { description: 'Dropped one tier after the status period and its grace ended.' },
    GRANTED: { description: 'Limited-time status granted by staff.' },
    GRANT_ENDED: { description: 'Limited-time status ended, back to the qualified tier.' },
    MERGED: { description: "A merged duplicate's higher status went to the survivor." },
    UNMERGED: { description: "An unmerge put the survivor's status back." },
  },
});

@ObjectType({ description: 'A status level. Rank 0 is the base tier every member starts in.' })
@Entity()
@Unique({ properties: ['tenant', 'code'] })
@Unique({ properties: ['tenant', 'rank'] })
export class Tier extends TenantOwnedEntity<'graceDays'> {
  @Field({ description: 'Short code, unique within the tenant.' })
  @Property({ type: 'text' })
  code!: string;

  @Field({ description: 'The name members see.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Int, { description: 'Order of tiers: higher is better; 0 is the base tier.' })
  @Property({ type: 'integer' })
  rank!: number;

  @Field(() => TierMetric, { description: 'What the threshold counts.' })
  @Enum({ items: () => TierMetric, nativeEnumName: 'tier_metric' })
  metric!: TierMetric;

  @Field(() => SafeIntResolver, {
    description: 'Reached when the metric over the window is at least this (spend in minor units).',
  })
  @Property({ type: 'bigint', runtimeType: 'number' })
  threshold!: number;

  @Field(() => TierWindow, { description: 'The period the metric is counted over.' })
  @Enum({ items: () => TierWindow, nativeEnumName: 'tier_window' })
  window!: TierWindow;

  @Field(() => Int, {
    description: 'Days after the status period ends before a member who did not requalify drops one tier.',
  })
  @Property({ type: 'integer', default: 30 })
  graceDays: number = 30;
}

/** A tier as read (the request's loader): its fields, not an entity. GraphQL answers it as `Tier`. */
export type TierRecord = Omit<Tier, 'tenant' | typeof OptionalProps>;

/**
 * A member's status. No row means the base tier. `tier` is what the rules gave (kept by requalifying);
 * `grantedTier` is limited-time status that outranks it until `grantedUntil`.
 */
@Entity()
@Index({ properties: ['tenantId', 'periodEnd'] })
export class CustomerTier {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  tierId!: string;

  @Property({ type: 'timestamptz' })
  since!: Date;

  /** The status is held until then; requalifying moves it on. Null for the base tier. */
  @Property({ type: 'timestamptz', nullable: true })
  periodEnd?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  grantedTierId?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  grantedSince?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  grantedUntil?: Date | null;

  @Property({ type: 'integer' })
  version: number = 1;
}

@ObjectType({ description: "A change of a member's tier and why." })
@Entity()
@Index({ properties: ['tenantId', 'customerId', 'createdAt'] })
@Unique({ properties: ['tenantId', 'idempotencyKey'] })
export class TierChange extends BaseEntity {
  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'uuid', nullable: true })
  fromTierId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  toTierId?: string | null;

  @Field(() => TierChangeReason)
  @Enum({ items: () => TierChangeReason, nativeEnumName: 'tier_change_reason' })
  reason!: TierChangeReason;

  @Field(() => String, {
    nullable: true,
    description: 'Free text: the status match, challenge or service recovery behind a grant.',
  })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field()
  @Property({ type: 'text' })
  actor!: string;

  /** Set on grants, which a client may retry. */
  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  @Property({ type: 'string', columnType: 'char(64)', nullable: true })
  requestHash?: string | null;
}
