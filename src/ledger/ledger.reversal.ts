import type { EntityManager } from '@mikro-orm/postgresql';

import { Account, TransactionKind } from './ledger.entity';
import { ledgerError, LedgerErrorCode } from './ledger.errors';
import { type BalanceRow, LIVE_LOT_OF_EARN, type TransactionRow } from './ledger.model';
import {
  consumeLots,
  credit,
  debit,
  entries,
  holderNow,
  type Leg,
  type ProgramLeg,
  programLegOf,
  recordConsumption,
  returnTakes,
} from './ledger.store';

/*
 * Reversals: an earn taken back (a refund, a correction) or a redemption given back (a cancelled voucher), in
 * part or whole, against the original's own program leg. Used by the direct reversal and by other domains' records.
 */

/** Takes back (part of) an earn or gives back (part of) a redemption, on the header `txnId` already inserted. */
export async function reverseWork(
  tx: EntityManager,
  tenantId: string,
  original: TransactionRow,
  txnId: string,
  requested: number | undefined,
): Promise<BalanceRow> {
  // Lock the original so two reversals of it cannot both take the same remainder.
  await tx.execute(`select id from ledger_transaction where id = ? for update`, [original.id]);
  // Points of a profile merged since are held by its survivor now: take them back (or give them back) there.
  const customerId = await holderNow(tx, original.customer_id!);
  const [{ reversed }] = await tx.execute<{ reversed: string }[]>(
    `select coalesce(sum(points), 0)::bigint as reversed from ledger_transaction where reverses_id = ? and id <> ?`,
    [original.id, txnId],
  );
  const left = Number(original.points) - Number(reversed);
  const amount = requested ?? left;
  if (amount <= 0 || amount > left) {
    throw ledgerError(
      LedgerErrorCode.REVERSAL_EXCEEDS_ORIGINAL,
      `Only ${left} points of this transaction are left to reverse`,
      'input.points',
    );
  }
  // The reversal books back against the original's program leg: a partner's earn against that partner.
  const program = await programLegOf(tx, original.id);
  await tx.execute(`update ledger_transaction set points = ?, partner_id = ? where id = ?`, [
    amount,
    program.partnerId,
    txnId,
  ]);
  const reversal = { tenantId, customerId, originalId: original.id, txnId, amount, program };
  return original.kind === TransactionKind.EARN
    ? clawBack(tx, reversal)
    : refundRedemption(tx, reversal, Number(reversed));
}

/** One reversal: `amount` points of `originalId`, booked on `txnId` for the holder `customerId`. */
interface Reversal {
  tenantId: string;
  customerId: string;
  originalId: string;
  txnId: string;
  amount: number;
  /** The original's program leg, which the reversal books back on. */
  program: ProgramLeg;
}

/** A refunded purchase takes its points back: from the earn's own lot first, pending or not. */
async function clawBack(tx: EntityManager, reversal: Reversal): Promise<BalanceRow> {
  const { tenantId, customerId, originalId: earnId, txnId, amount, program } = reversal;
  const programLeg: Leg = [program.account, null, amount, program.partnerId];
  // Balance row first, as everywhere: the settlement job cannot then turn the lot from pending to
  // available between our reading it and our debit.
  await tx.execute(`select customer_id from points_balance where customer_id = ? for update`, [customerId]);
  const [found] = await tx.execute<
    {
      id: string;
      customer_id: string;
      remaining: string;
      pending_until: Date | null;
    }[]
  >(LIVE_LOT_OF_EARN, [earnId]);
  const lot = found?.customer_id === customerId ? found : undefined;
  if (lot?.pending_until) {
    const balance = await debit(tx, customerId, { pending: amount, lifetimeEarned: amount });
    const updated = await tx.execute(
      `update points_lot set remaining = remaining - ? where id = ? and remaining >= ? returning id`,
      [amount, lot.id, amount],
    );
    if (updated.length === 0)
      throw ledgerError(
        LedgerErrorCode.INSUFFICIENT_POINTS,
        'The pending points of that earn do not cover the reversal',
        'input.points',
      );
    await recordConsumption(tx, txnId, lot.id, amount);
    await entries(tx, tenantId, txnId, [[Account.CUSTOMER_PENDING, customerId, -amount], programLeg]);
    return balance;
  }
  const balance = await debit(tx, customerId, { available: amount, lifetimeEarned: amount });
  await consumeLots(tx, customerId, txnId, amount, lot?.id);
  await entries(tx, tenantId, txnId, [[Account.CUSTOMER_AVAILABLE, customerId, -amount], programLeg]);
  return balance;
}

/**
 * A cancelled redemption gives its points back into lots like those it took, latest take first, after the
 * `givenBack` points earlier reversals of it returned.
 */
async function refundRedemption(tx: EntityManager, reversal: Reversal, givenBack: number): Promise<BalanceRow> {
  const { tenantId, customerId, originalId: redeemId, txnId, amount, program } = reversal;
  const balance = await credit(tx, tenantId, customerId, { available: amount, lifetimeRedeemed: -amount });
  await returnTakes(tx, redeemId, givenBack, amount, customerId, txnId);
  await entries(tx, tenantId, txnId, [
    [Account.CUSTOMER_AVAILABLE, customerId, amount],
    [program.account, null, -amount, program.partnerId],
  ]);
  return balance;
}
