import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { ConnectionType } from '../shared/graphql/connection';
import { Account, TransactionKind } from './ledger.entity';

registerEnumType(TransactionKind, { name: 'PointsTransactionKind' });
registerEnumType(Account, { name: 'LedgerAccount' });

const idempotencyKeyDoc =
  'Required. A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT.';

@InputType()
export class EarnPointsInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Int, { description: 'Positive whole points.' })
  points!: number;

  @Field()
  reason!: string;

  @Field({
    nullable: true,
    description: 'Points stay pending (not spendable) until this time, e.g. the end of the return window.',
  })
  pendingUntil?: Date;

  @Field({ nullable: true, description: "Defaults to the tenant's expiry policy." })
  expiresAt?: Date;

  @Field(() => Channel, { nullable: true })
  channel?: Channel;

  @Field({ description: idempotencyKeyDoc })
  idempotencyKey!: string;
}

@InputType()
export class RedeemPointsInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Int)
  points!: number;

  @Field()
  reason!: string;

  @Field(() => Channel, { nullable: true })
  channel?: Channel;

  @Field({ description: idempotencyKeyDoc })
  idempotencyKey!: string;
}

@InputType()
export class AdjustPointsInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Int, { description: 'Non-zero; negative takes points away.' })
  points!: number;

  @Field({ description: 'A short code for reporting, e.g. GOODWILL, CORRECTION, FRAUD.' })
  reasonCode!: string;

  @Field()
  reason!: string;

  @Field({ description: idempotencyKeyDoc })
  idempotencyKey!: string;
}

@InputType()
export class ReverseTransactionInput {
  @Field(() => ID)
  transactionId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Part of the original to reverse; the default is all that is left.',
  })
  points?: number;

  @Field({ nullable: true })
  reason?: string;

  @Field({ description: idempotencyKeyDoc })
  idempotencyKey!: string;
}

@InputType()
export class TransferPointsInput {
  @Field(() => ID)
  fromCustomerId!: string;

  @Field(() => ID)
  toCustomerId!: string;

  @Field(() => Int)
  points!: number;

  @Field({ nullable: true })
  reason?: string;

  @Field({ description: idempotencyKeyDoc })
  idempotencyKey!: string;
}

@ObjectType({ description: "A customer's points. Integers; `version` goes up by one with every change." })
export class Balance {
  @Field(() => ID)
  customerId!: string;

  @Field(() => SafeIntResolver, { description: 'Spendable now.' })
  available!: number;

  @Field(() => SafeIntResolver, { description: 'Earned but not yet spendable (return window).' })
  pending!: number;

  @Field(() => SafeIntResolver)
  lifetimeEarned!: number;

  @Field(() => SafeIntResolver)
  lifetimeRedeemed!: number;

  @Field(() => SafeIntResolver)
  expired!: number;

  @Field(() => Int)
  version!: number;
}

@ObjectType()
export class EntryView {
  @Field(() => Account)
  account!: Account;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => SafeIntResolver, { description: 'Signed: the entries of a transaction sum to zero.' })
  amount!: number;
}

@ObjectType('PointsTransaction')
export class TransactionView {
  @Field(() => ID)
  id!: string;

  @Field(() => TransactionKind)
  kind!: TransactionKind;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'The other customer of a transfer.' })
  counterpartyId?: string;

  @Field(() => SafeIntResolver)
  points!: number;

  @Field()
  reason!: string;

  @Field({ nullable: true })
  reasonCode?: string;

  @Field(() => Channel, { nullable: true })
  channel?: Channel;

  @Field({ description: 'Who booked it: key:<id>, customer:<id>, platform, or job:<name>.' })
  actor!: string;

  @Field({ nullable: true })
  idempotencyKey?: string;

  @Field(() => ID, { nullable: true })
  reversesId?: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'The balance right after the transaction.' })
export class BalanceAfter {
  @Field(() => SafeIntResolver)
  available!: number;

  @Field(() => SafeIntResolver)
  pending!: number;

  @Field(() => Int)
  version!: number;
}

@ObjectType()
export class PointsResult {
  @Field(() => TransactionView)
  transaction!: TransactionView;

  @Field(() => BalanceAfter)
  balance!: BalanceAfter;

  @Field({ description: 'True when this answer replays an earlier request with the same idempotency key.' })
  replayed!: boolean;
}

export const PointsTransactionConnection = ConnectionType('PointsTransaction', TransactionView);
export type PointsTransactionConnection = InstanceType<typeof PointsTransactionConnection>;

@ObjectType()
export class LedgerDiscrepancy {
  @Field()
  check!: string;

  @Field()
  detail!: string;
}

@ObjectType()
export class LedgerIntegrity {
  @Field()
  ok!: boolean;

  @Field(() => SafeIntResolver)
  transactionsChecked!: number;

  @Field(() => SafeIntResolver)
  balancesChecked!: number;

  @Field(() => [LedgerDiscrepancy], { description: 'The first discrepancies found, at most one per check.' })
  discrepancies!: LedgerDiscrepancy[];
}
