import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { ConnectionType } from '../shared/graphql/connection';
import { Account, TransactionKind } from './ledger.entity';

registerEnumType(TransactionKind, {
  name: 'PointsTransactionKind',
  description: 'What a points transaction did.',
  valuesConfig: {
    EARN: { description: 'Points credited, e.g. for a purchase.' },
    REDEEM: { description: 'Points spent, e.g. on a reward.' },
    ADJUST: { description: 'A manual correction, up or down, with a reason code.' },
    REVERSAL: { description: 'Undoes part or all of an earlier earn or redemption.' },
    TRANSFER: { description: 'Points moved from one customer to another, by a transfer, a merge or an unmerge.' },
    SETTLEMENT: { description: 'Pending points that became available at the end of their return window.' },
    EXPIRY: { description: 'Points that expired unspent.' },
    IMPORT: { description: 'Balances brought over from a previous loyalty system.' },
  },
});
registerEnumType(Account, {
  name: 'LedgerAccount',
  description: "The accounts points move between: two per customer, the program's own, and each partner's.",
  valuesConfig: {
    CUSTOMER_AVAILABLE: { description: "The customer's spendable points." },
    CUSTOMER_PENDING: { description: "The customer's points not yet spendable (return window)." },
    PROGRAM_ISSUED: { description: 'Points the program gave out (earns).' },
    PROGRAM_REDEEMED: { description: 'Points members spent.' },
    PROGRAM_EXPIRED: { description: 'Points that expired unspent.' },
    PROGRAM_ADJUSTMENTS: { description: 'Manual corrections.' },
    PROGRAM_PARTNER: { description: 'Reserved for points exchanged with partner programs.' },
    PROGRAM_MIGRATION: { description: 'Balances imported from a previous system.' },
    PARTNER_ISSUED: { description: "Points a partner issued to the program's customers, per partner." },
    PARTNER_REDEEMED: { description: "Customers' points a partner honoured, per partner." },
  },
});

const idempotencyKeyDoc =
  'Required. A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT.';

@InputType({ description: 'Points to credit outside a purchase.' })
export class EarnPointsInput {
  @Field(() => ID, { description: 'The customer who earns.' })
  customerId!: string;

  @Field(() => Int, { description: 'Positive whole points.' })
  points!: number;

  @Field({ description: 'Why, shown in the history.' })
  reason!: string;

  @Field({
    nullable: true,
    description: 'Points stay pending (not spendable) until this time, e.g. the end of the return window.',
  })
  pendingUntil?: Date;

  @Field({ nullable: true, description: "Defaults to the tenant's expiry policy." })
  expiresAt?: Date;

  @Field(() => Channel, { nullable: true, description: "Defaults to the caller's channel." })
  channel?: Channel;

  @Field({ description: idempotencyKeyDoc })
  idempotencyKey!: string;
}

@InputType({ description: 'Points to spend.' })
export class RedeemPointsInput {
  @Field(() => ID, { description: 'The customer who spends.' })
  customerId!: string;

  @Field(() => Int, { description: 'Positive whole points.' })
  points!: number;

  @Field({ description: 'What they were spent on, shown in the history.' })
  reason!: string;

  @Field(() => Channel, { nullable: true, description: "Defaults to the caller's channel." })
  channel?: Channel;

  @Field({ description: idempotencyKeyDoc })
  idempotencyKey!: string;
}

@InputType({ description: "A manual correction of a customer's points." })
export class AdjustPointsInput {
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => Int, { description: 'Non-zero; negative takes points away.' })
  points!: number;

  @Field({ description: 'A short code for reporting, e.g. GOODWILL, CORRECTION, FRAUD.' })
  reasonCode!: string;

  @Field({ description: 'Why, in words, for the audit trail.' })
  reason!: string;

  @Field({ description: idempotencyKeyDoc })
  idempotencyKey!: string;
}

@InputType({ description: 'An earn or a redemption to reverse.' })
export class ReverseTransactionInput {
  @Field(() => ID, { description: 'The EARN or REDEEM transaction.' })
  transactionId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Part of the original to reverse; the default is all that is left.',
  })
  points?: number;

  @Field({ nullable: true, description: 'Why, shown in the history.' })
  reason?: string;

  @Field({ description: idempotencyKeyDoc })
  idempotencyKey!: string;
}

@InputType({ description: 'Points to move from one customer to another.' })
export class TransferPointsInput {
  @Field(() => ID, { description: 'The sender; a customer token may send only its own points.' })
  fromCustomerId!: string;

  @Field(() => ID, { description: 'The receiver.' })
  toCustomerId!: string;

  @Field(() => Int, { description: 'Positive whole points.' })
  points!: number;

  @Field({ nullable: true, description: 'Why, shown in both histories.' })
  reason?: string;

  @Field({ description: idempotencyKeyDoc })
  idempotencyKey!: string;
}

@ObjectType({ description: "A customer's points. Integers; `balanceRevision` goes up by one with every change." })
export class Balance {
  @Field(() => ID, { description: 'The customer whose points these are.' })
  customerId!: string;

  @Field(() => SafeIntResolver, { description: 'Spendable now.' })
  available!: number;

  @Field(() => SafeIntResolver, { description: 'Earned but not yet spendable (return window).' })
  pending!: number;

  @Field(() => SafeIntResolver, { description: 'Every point ever credited to the customer.' })
  lifetimeEarned!: number;

  @Field(() => SafeIntResolver, { description: 'Every point ever spent by the customer.' })
  lifetimeRedeemed!: number;

  @Field(() => SafeIntResolver, { description: 'Every point that expired unspent.' })
  expired!: number;

  /** The balance's revision; answered as balanceRevision too (BalanceResolver). */
  @Field(() => Int, {
    description: 'The same number as balanceRevision.',
    deprecationReason: 'Use balanceRevision; to resume subscriptions use LoyaltyState.version.',
  })
  version!: number;
}

@ObjectType({ description: 'One leg of a transaction: points into or out of one account.' })
export class EntryView {
  @Field(() => Account, { description: 'The account the leg books on.' })
  account!: Account;

  @Field(() => ID, {
    nullable: true,
    description: 'The customer, for the customer accounts; null for program accounts.',
  })
  customerId?: string;

  @Field(() => SafeIntResolver, { description: 'Signed: the entries of a transaction sum to zero.' })
  amount!: number;
}

@ObjectType('PointsTransaction', {
  description: 'One balanced movement of points, never changed once booked: a correction is a new transaction.',
})
export class TransactionView {
  @Field(() => ID, { description: "The transaction's id." })
  id!: string;

  @Field(() => TransactionKind, { description: 'What the transaction did.' })
  kind!: TransactionKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The customer it is about (the sender, for a transfer).',
  })
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'The other customer of a transfer.' })
  counterpartyId?: string;

  @Field(() => SafeIntResolver, {
    description: 'The points moved, a positive whole number; the entries carry the signs.',
  })
  points!: number;

  @Field({ description: 'Free text given when it was booked.' })
  reason!: string;

  @Field({ nullable: true, description: 'The short reporting code of an adjustment, e.g. GOODWILL.' })
  reasonCode?: string;

  @Field(() => Channel, { nullable: true, description: 'The channel it came through.' })
  channel?: Channel;

  @Field(() => ID, {
    nullable: true,
    description:
      "The store it was booked at: a till's own, or a purchase's store for the purchase's points and their refund; null otherwise.",
  })
  storeId?: string;

  @Field({ description: 'Who booked it: key:<id>, customer:<id>, platform, or job:<name>.' })
  actor!: string;

  @Field({ nullable: true, description: 'The key it was booked with, if any.' })
  idempotencyKey?: string;

  @Field(() => ID, { nullable: true, description: 'The transaction this one reverses, for a REVERSAL.' })
  reversesId?: string;

  @Field({ description: 'When it was booked.' })
  createdAt!: Date;
}

@ObjectType({ description: 'The balance right after the transaction.' })
export class BalanceAfter {
  @Field(() => SafeIntResolver, { description: 'Spendable points.' })
  available!: number;

  @Field(() => SafeIntResolver, { description: 'Points not yet spendable (return window).' })
  pending!: number;

  /** Answered as balanceRevision too (BalanceAfterResolver). */
  @Field(() => Int, {
    description: 'The same number as balanceRevision.',
    deprecationReason: 'Use balanceRevision; to resume subscriptions use LoyaltyState.version.',
  })
  version!: number;
}

@ObjectType({ description: 'A points transaction booked (or replayed) and the balance right after it.' })
export class PointsResult {
  @Field(() => TransactionView, { description: 'The transaction.' })
  transaction!: TransactionView;

  @Field(() => BalanceAfter, { description: "The customer's balance right after it." })
  balance!: BalanceAfter;

  @Field({ description: 'True when this answer replays an earlier request with the same idempotency key.' })
  replayed!: boolean;
}

export const PointsTransactionConnection = ConnectionType('PointsTransaction', TransactionView);
export type PointsTransactionConnection = InstanceType<typeof PointsTransactionConnection>;

@ObjectType({ description: 'A ledger invariant that does not hold.' })
export class LedgerDiscrepancy {
  @Field({ description: 'The invariant that failed.' })
  check!: string;

  @Field({ description: 'What was found, e.g. the transaction or customer and the amounts.' })
  detail!: string;
}

@ObjectType({ description: "The result of checking the tenant's ledger invariants." })
export class LedgerIntegrity {
  @Field({ description: 'True when no check found a discrepancy.' })
  ok!: boolean;

  @Field(() => SafeIntResolver, { description: 'Transactions whose entries were checked.' })
  transactionsChecked!: number;

  @Field(() => SafeIntResolver, { description: 'Customer balances compared with their entries.' })
  balancesChecked!: number;

  @Field(() => [LedgerDiscrepancy], { description: 'The first discrepancies found, at most one per check.' })
  discrepancies!: LedgerDiscrepancy[];
}
