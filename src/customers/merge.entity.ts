import { ArrayType, BigIntType, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { BaseEntity } from '../shared/db/base.entity';

export enum MergeStatus {
  ACTIVE = 'ACTIVE',
  UNDONE = 'UNDONE',
}

registerEnumType(MergeStatus, {
  name: 'MergeStatus',
  description: 'Whether a merge still stands.',
  valuesConfig: {
    ACTIVE: { description: 'The merge stands.' },
    UNDONE: { description: 'The merge was undone by unmergeCustomers.' },
  },
});

/** What an unmerge could not give back, and why (points already spent, a contact taken since, ...). */
@ObjectType({ description: 'What an unmerge gave back, and what it could not, and why.' })
export class UnmergeReport {
  @Field(() => SafeIntResolver, {
    description: 'Points that went back to the restored profile, with their lots and expiry dates.',
  })
  pointsReturned!: number;

  @Field(() => SafeIntResolver, {
    description: 'Points that came over in the merge but were spent or expired since: they stay spent.',
  })
  pointsNotReturned!: number;

  @Field(() => Int, { description: 'Identifiers that went back to the restored profile.' })
  identifiersReturned!: number;

  @Field(() => Int, { description: 'Identifiers that came over but are no longer on the survivor (removed since).' })
  identifiersNotReturned!: number;

  @Field({ description: "Whether the survivor's tier went back to what it was before the merge." })
  tierRestored!: boolean;

  @Field(() => [String], { description: 'Plain-language notes on anything that could not go back.' })
  notes!: string[];
}

/**
 * One merge of a duplicate profile into a survivor, kept so it can be read back and undone. The merged
 * profile stays (its id answers with the survivor); the records here say exactly what moved.
 */
@ObjectType({ description: 'A merge of a duplicate customer profile into a survivor.' })
@Entity()
@Unique({ properties: ['tenantId', 'idempotencyKey'] })
@Index({ properties: ['tenantId', 'survivorId'] })
@Index({ properties: ['tenantId', 'mergedId'] })
export class CustomerMerge extends BaseEntity<'status'> {
  @Property({ type: 'uuid' })
  tenantId!: string;

  @Field(() => ID, { description: 'The profile that stayed.' })
  @Property({ type: 'uuid' })
  survivorId!: string;

  @Field(() => ID, { description: 'The duplicate merged into the survivor; its id now answers with the survivor.' })
  @Property({ type: 'uuid' })
  mergedId!: string;

  @Field({ description: 'Why, as given by whoever merged.' })
  @Property({ type: 'text' })
  reason!: string;

  @Field({ description: 'Who merged: key:<id>.' })
  @Property({ type: 'text' })
  actor!: string;

  @Field(() => MergeStatus, { description: 'ACTIVE until undone.' })
  @Enum({ items: () => MergeStatus, nativeEnumName: 'merge_status', default: MergeStatus.ACTIVE })
  status: MergeStatus = MergeStatus.ACTIVE;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'string', columnType: 'char(64)' })
  requestHash!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The ledger transfer that moved the points (none when there were none).',
  })
  @Property({ type: 'uuid', nullable: true })
  transactionId?: string | null;

  // A balance is a sum of movements and can pass 2^31 (Int), so points go out as SafeInt like every balance.
  @Field(() => SafeIntResolver, { description: 'Points moved to the survivor, available and pending.' })
  @Property({ type: new BigIntType('number'), default: 0 })
  pointsMoved: number = 0;

  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}' })
  identifierIds: string[] = [];

  /** Profiles merged into the merged one earlier, re-pointed at the survivor by this merge. */
  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}' })
  repointedIds: string[] = [];

  /** The merged profile's email and phone, cleared by the merge (they are unique) and restored by an unmerge. */
  @Property({ type: 'jsonb' })
  mergedContact!: { email: string | null; phone: string | null };

  /** The survivor's status row before the merge (null: none, the base tier) and the version the merge left it at. */
  @Property({ type: 'jsonb', nullable: true })
  survivorTierBefore?: Record<string, unknown> | null;

  @Property({ type: 'integer', nullable: true })
  survivorTierVersionAfter?: number | null;

  @Field(() => Date, { nullable: true, description: 'When the merge was undone; null while it stands.' })
  @Property({ type: 'timestamptz', nullable: true })
  undoneAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Who undid it: key:<id>.' })
  @Property({ type: 'text', nullable: true })
  undoneBy?: string | null;

  @Field(() => UnmergeReport, {
    nullable: true,
    description: 'What the unmerge gave back and what it could not; null until undone.',
  })
  @Property({ type: 'jsonb', nullable: true })
  unmergeReport?: UnmergeReport | null;
}
