import { randomUUID } from 'node:crypto';

import { ArrayType, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SafeIntResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import { Channel } from '../shared/channel';
import { TenantOwnedEntity } from '../tenancy/tenant-owned.entity';

export enum RewardStatus {
  /** Being set up; cost fields can change. */
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}

export enum VoucherStatus {
  ISSUED = 'ISSUED',
  CONSUMED = 'CONSUMED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(RewardStatus, {
  name: 'RewardStatus',
  description: 'Where a reward is in its life.',
  valuesConfig: {
    DRAFT: { description: 'Being set up; cost fields can change.' },
    ACTIVE: { description: 'Live: members can redeem it.' },
    INACTIVE: { description: 'Taken off; vouchers already issued stay valid.' },
  },
});
registerEnumType(VoucherStatus, {
  name: 'VoucherStatus',
  description: 'Where a voucher is in its life.',
  valuesConfig: {
    ISSUED: { description: 'Issued and not yet used: valid until it expires.' },
    CONSUMED: { description: 'Used once; cannot be used again.' },
    CANCELLED: { description: 'Cancelled; its points and stock came back.' },
  },
});

@ObjectType({ description: 'Who let a reward over the margin guardrail go live, and why.' })
@Entity()
export class RewardGuardrailOverride {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Field(() => ID, { description: 'The reward.' })
  @Property({ type: 'uuid' })
  @Index()
  rewardId!: string;

  @Field({ description: 'Who overrode: key:<id> of an OWNER key.' })
  @Property({ type: 'text' })
  actor!: string;

  @Field({ description: 'Why, as given with activateReward.' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => Int, { description: 'The reward cost per 1,000 points when it was overridden.' })
  @Property({ type: 'integer' })
  costPerThousand!: number;

  @Field(() => Int, { description: 'The guardrail it exceeded.' })
  @Property({ type: 'integer' })
  limitPerThousand!: number;

  @Field({ description: 'When.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

@ObjectType({ description: 'Something members spend points on; redeeming it issues a single-use voucher.' })
@Entity()
@Unique({ properties: ['tenant', 'code'] })
export class Reward extends TenantOwnedEntity<'status' | 'stockRemaining' | 'version'> {
  @Field({ description: 'Short code, unique within the tenant.' })
  @Property({ type: 'text' })
  code!: string;

  @Field({ description: 'The name members see.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => RewardStatus, { description: 'Only ACTIVE rewards can be redeemed.' })
  @Enum({ items: () => RewardStatus, nativeEnumName: 'reward_status', default: RewardStatus.DRAFT })
  status: RewardStatus = RewardStatus.DRAFT;

  @Field(() => SafeIntResolver, { description: 'Points one redemption costs the member.' })
  @Property({ type: 'integer' })
  pointsCost!: number;

  @Authorized(Access.readProgramInternals)
  @Field(() => SafeIntResolver, {
    description: 'What one redemption costs the business, minor units. Staff only: a customer gets FORBIDDEN.',
  })
  @Property({ type: 'bigint', runtimeType: 'number' })
  costToBusiness!: number;

  @Field(() => SafeIntResolver, { description: 'What the customer would pay for it, minor units.' })
  @Property({ type: 'bigint', runtimeType: 'number' })
  retailValue!: number;

  @Authorized(Access.readProgramInternals)
  @Field(() => Int, {
    nullable: true,
    description: 'Vouchers allotted in all; null: unlimited. Staff only: a customer gets FORBIDDEN.',
  })
  @Property({ type: 'integer', nullable: true })
  stock?: number | null;

  @Field(() => Int, { nullable: true, description: 'Vouchers left to issue; null: unlimited.' })
  @Property({ type: 'integer', nullable: true })
  stockRemaining?: number | null;

  @Field(() => Int, { nullable: true, description: 'Most vouchers one customer may hold or have used.' })
  @Property({ type: 'integer', nullable: true })
  perCustomerLimit?: number | null;

  @Field(() => [ID], { description: 'Empty: every tier.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  eligibleTierIds!: string[];

  @Field(() => [Channel], { description: 'Where it can be redeemed; empty: everywhere.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  channels!: Channel[];

  @Field(() => Date, { nullable: true, description: 'Redeemable from then on; null: no start.' })
  @Property({ type: 'timestamptz', nullable: true })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Redeemable until then; null: no end.' })
  @Property({ type: 'timestamptz', nullable: true })
  validUntil?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  guardrailOverrideId?: string | null;

  @Field(() => Int, { description: 'Increases by one with every change.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}

@Entity()
@Unique({ properties: ['tenantId', 'code'] })
@Unique({ properties: ['tenantId', 'idempotencyKey'] })
@Index({ properties: ['rewardId', 'customerId'] })
@Index({ properties: ['tenantId', 'customerId', 'status'] })
export class Voucher {
  [OptionalProps]?: 'id' | 'createdAt' | 'status';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  /** Normalised: upper case, no separators. */
  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'uuid' })
  rewardId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Enum({ items: () => VoucherStatus, nativeEnumName: 'voucher_status', default: VoucherStatus.ISSUED })
  status: VoucherStatus = VoucherStatus.ISSUED;

  @Property({ type: 'integer' })
  pointsCost!: number;

  @Property({ type: 'text' })
  channel!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Set in the same transaction, right after the ledger booking. */
  @Property({ type: 'uuid', nullable: true })
  redemptionTransactionId?: string | null;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'string', columnType: 'char(64)' })
  requestHash!: string;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz', nullable: true })
  consumedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  consumedStoreId?: string | null;

  /** The key of the consumption, so a till's retry gets its first answer back. */
  @Property({ type: 'text', nullable: true })
  consumeKey?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  cancelKey?: string | null;

  @Property({ type: 'uuid', nullable: true })
  refundTransactionId?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
