import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

/** What happened to a customer, from any channel or system. */
export enum TimelineKind {
  PURCHASE = 'PURCHASE',
  REFUND = 'REFUND',
  POINTS_EARNED = 'POINTS_EARNED',
  POINTS_REDEEMED = 'POINTS_REDEEMED',
  POINTS_ADJUSTED = 'POINTS_ADJUSTED',
  POINTS_REVERSED = 'POINTS_REVERSED',
  POINTS_TRANSFERRED = 'POINTS_TRANSFERRED',
  TIER_CHANGED = 'TIER_CHANGED',
  REWARD_REDEEMED = 'REWARD_REDEEMED',
  VOUCHER_CONSUMED = 'VOUCHER_CONSUMED',
  VOUCHER_CANCELLED = 'VOUCHER_CANCELLED',
  SUPPORT_CASE = 'SUPPORT_CASE',
  SURVEY_RESPONSE = 'SURVEY_RESPONSE',
  /** A sign-in, call, chat, e-mail, store visit... (`data.type` says which). */
  INTERACTION = 'INTERACTION',
  NOTE = 'NOTE',
  BILLING = 'BILLING',
  CUSTOMER_MERGED = 'CUSTOMER_MERGED',
  CUSTOMER_UNMERGED = 'CUSTOMER_UNMERGED',
  CONSENT_CHANGED = 'CONSENT_CHANGED',
  PLAYBOOK_FIRED = 'PLAYBOOK_FIRED',
  CHURN_RISK_CHANGED = 'CHURN_RISK_CHANGED',
  /** Goodwill points or limited-time status, requested, granted or rejected (`data.status` says which). */
  GOODWILL = 'GOODWILL',
}

registerEnumType(TimelineKind, {
  name: 'TimelineKind',
  description: 'What happened to a customer, from any channel or system.',
  valuesConfig: {
    PURCHASE: { description: 'A purchase was recorded.' },
    REFUND: { description: 'Lines of a purchase were refunded.' },
    POINTS_EARNED: { description: 'Points were credited.' },
    POINTS_REDEEMED: { description: 'Points were spent.' },
    POINTS_ADJUSTED: { description: 'Points were corrected by hand.' },
    POINTS_REVERSED: { description: 'An earn or a redemption was reversed.' },
    POINTS_TRANSFERRED: { description: 'Points went to or came from another customer.' },
    TIER_CHANGED: { description: "The member's tier changed." },
    REWARD_REDEEMED: { description: 'A reward was redeemed for a voucher.' },
    VOUCHER_CONSUMED: { description: 'A voucher was used.' },
    VOUCHER_CANCELLED: { description: 'A voucher was cancelled and its points given back.' },
    SUPPORT_CASE: { description: 'A support case, from the support system or an agent.' },
    SURVEY_RESPONSE: { description: 'An answer to a survey.' },
    INTERACTION: { description: 'A sign-in, call, chat, e-mail, store visit... (`data.type` says which).' },
    NOTE: { description: 'A note left by staff.' },
    BILLING: { description: 'A billing event, from the billing system.' },
    CUSTOMER_MERGED: { description: 'A duplicate profile was merged into this one.' },
    CUSTOMER_UNMERGED: { description: 'A merge into or from this profile was undone.' },
    CONSENT_CHANGED: { description: 'The customer gave or withdrew consent for a purpose.' },
    PLAYBOOK_FIRED: { description: 'A playbook acted on a signal about the customer (`data.outcome` says how).' },
    CHURN_RISK_CHANGED: { description: "The customer's churn risk level changed." },
    GOODWILL: { description: 'Goodwill points or limited-time status: requested, granted or rejected.' },
  },
});

/**
 * Append-only: one row per thing that happened, written in the same transaction as the change it records
 * (or by ingestion from another system). Ids are time-ordered (UUIDv7), and pages walk
 * (occurred_at, id), so cursors stay valid while events are added.
 */
@Entity()
@Index({ properties: ['tenantId', 'customerId', 'occurredAt', 'id'] })
@Unique({ properties: ['tenantId', 'source', 'sourceEventId'] })
export class TimelineEvent {
  [OptionalProps]?: 'createdAt' | 'data';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Enum({ items: () => TimelineKind, nativeEnumName: 'timeline_kind' })
  kind!: TimelineKind;

  /** The system it came from: `gateway` for what happened here, else crm, support, billing, pos. */
  @Property({ type: 'text' })
  source!: string;

  /** The event's id in its source system: ingestion is idempotent on (source, sourceEventId). */
  @Property({ type: 'text', nullable: true })
  sourceEventId?: string | null;

  @Property({ type: 'text', nullable: true })
  channel?: string | null;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'json', default: '{}' })
  data: Record<string, unknown> = {};

  /** The original record: a ledger transaction, purchase, voucher, tier change, or the source's own id. */
  @Property({ type: 'text', nullable: true })
  refType?: string | null;

  @Property({ type: 'text', nullable: true })
  refId?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
