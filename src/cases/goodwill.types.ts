import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

import { StaffRole } from '../shared/auth/roles';

export enum GoodwillKind {
  POINTS = 'POINTS',
  STATUS = 'STATUS',
}

export enum GoodwillStatus {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  GRANTED = 'GRANTED',
  REJECTED = 'REJECTED',
}

registerEnumType(GoodwillKind, {
  name: 'GoodwillKind',
  description: 'What a goodwill grant gives.',
  valuesConfig: {
    POINTS: { description: 'Points, booked through the ledger as an ADJUST with reason code GOODWILL.' },
    STATUS: { description: 'A tier until a date (limited-time status).' },
  },
});

registerEnumType(GoodwillStatus, {
  name: 'GoodwillStatus',
  description: 'Where a goodwill grant is.',
  valuesConfig: {
    PENDING_APPROVAL: { description: "Over the requester's limit: waits for a supervisor (never the requester)." },
    GRANTED: { description: 'Booked: the points or the status are the customer’s.' },
    REJECTED: { description: 'Refused by a supervisor; nothing was booked.' },
  },
});

@ObjectType({ description: 'Service recovery: points or limited-time status given to a customer, from a case.' })
export class GoodwillGrant {
  @Field(() => ID, { description: "The grant's id; the ledger transaction's key is goodwill:<id>." })
  id!: string;

  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'The case it was given from.' })
  caseId?: string;

  @Field(() => GoodwillKind, { description: 'Points or status.' })
  kind!: GoodwillKind;

  @Field(() => SafeIntResolver, { nullable: true, description: 'The points, for POINTS.' })
  points?: number;

  @Field(() => ID, { nullable: true, description: 'The tier, for STATUS.' })
  tierId?: string;

  @Field({ nullable: true, description: 'When the status ends, for STATUS.' })
  until?: Date;

  @Field({ description: 'Why it was given.' })
  reason!: string;

  @Field(() => GoodwillStatus, { description: 'Granted, waiting for approval, or rejected.' })
  status!: GoodwillStatus;

  @Field({ description: 'Who asked for it (an API key, or a playbook).' })
  requestedBy!: string;

  @Field(() => StaffRole, { description: "The requester's role, whose limit applied." })
  requestedRole!: StaffRole;

  @Field({ description: 'When it was asked for.' })
  requestedAt!: Date;

  @Field({ nullable: true, description: 'Who approved or rejected it; null when it was within the limit.' })
  decidedBy?: string;

  @Field({ nullable: true, description: 'When it was approved or rejected.' })
  decidedAt?: Date;

  @Field({ nullable: true, description: 'Why it was rejected.' })
  decisionNote?: string;

  @Field(() => ID, { nullable: true, description: 'The ledger transaction that booked the points.' })
  ledgerTransactionId?: string;

  @Field(() => ID, { nullable: true, description: 'The tier change that gave the status.' })
  tierChangeId?: string;

  @Field({ description: 'True when this answer replays an earlier request with the same idempotency key.' })
  replayed!: boolean;
}

@InputType({ description: 'Goodwill from a case: points, or a tier until a date.' })
export class GrantGoodwillInput {
  @Field(() => ID, { description: 'The case; the grant goes to its customer.' })
  caseId!: string;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Points to give (not with tierId).' })
  points?: number;

  @Field(() => ID, { nullable: true, description: 'A tier to give until `until` (not with points).' })
  tierId?: string;

  @Field({ nullable: true, description: 'When the status ends; required with tierId, in the future.' })
  until?: Date;

  @Field({ description: 'Why, up to 500 characters; on the timeline and the ledger transaction.' })
  reason!: string;

  @Field({
    description:
      'A retry with the same key and input returns the first result; the same key with other input is a CONFLICT.',
  })
  idempotencyKey!: string;
}
