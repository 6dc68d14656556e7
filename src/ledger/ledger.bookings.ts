import type { EntityManager } from '@mikro-orm/postgresql';

import type { Channel } from '../shared/channel';
import { earnStatement } from './earn.store';
import { Account, PointsOrigin, TransactionKind } from './ledger.entity';
import { ledgerError, LedgerErrorCode } from './ledger.errors';
import { toPointsResult } from './ledger.mapping';
import { type EarnBooking, LIVE_LOT_OF_EARN, type MovedPoints, points } from './ledger.model';
import { reverseWork } from './ledger.reversal';
import {
  consumeLots,
  createLot,
  credit,
  debit,
  entries,
  findTransaction,
  holderNow,
  insertHeader,
  type Leg,
  lockBalancePair,
  recordBalanceAfter,
  relocateLots,
} from './ledger.store';
import { onTimeline } from './ledger.timeline';
import type { PointsResult } from './ledger.types';

/** Who moves points between two customers, and under which key. */
interface Move {
  tenantId: string;
  fromId: string;
  toId: string;
  reason: string;
  actor: string;
  key: string;
}

/**
 * Bookings inside another domain's unit of work (a purchase, a reward redemption, a refund, a merge). That
 * domain claims its client's idempotency key (shared/idempotency) before it calls here, so `key` is derived
 * from its record and unique.
 */
export class LedgerBookings {
  /** Books a purchase's points in the caller's transaction. */
  async earnWithin(
    tx: EntityManager,
    /** A purchase's points, at its store, under a key derived from the purchase; they expire by the tenant's policy. */
    booking: Omit<EarnBooking, 'claim' | 'expiresAt' | 'timeline' | 'origin'>,
  ): Promise<PointsResult> {
    points(booking.points, 'points');
    const rows = await earnStatement(tx, {
      ...booking,
      claim: null,
      expiresAt: null,
      timeline: false,
      origin: PointsOrigin.PURCHASE,
    });
    if (rows.length === 0)
      throw ledgerError(LedgerErrorCode.CUSTOMER_NOT_FOUND, `No customer ${booking.customerId}`, 'input.customerId');
    return toPointsResult(rows[0], false);
  }

  /**
   * Credits points by hand in the caller's transaction: an ADJUST with a reporting code (e.g. GOODWILL), under
   * a key derived from the caller's record, on the customer's timeline like any adjustment. The points expire
   * by the tenant's policy; a merged profile's go to its survivor.
   */
  async creditWithin(
    tx: EntityManager,
    booking: {
      tenantId: string;
      customerId: string;
      points: number;
      reason: string;
      reasonCode: string;
      actor: string;
      key: string;
    },
  ): Promise<PointsResult> {
    points(booking.points, 'points');
    const { tenantId } = booking;
    const customerId = await holderNow(tx, booking.customerId);
    const [header] = await insertHeader(
      tx,
      tenantId,
      {
        kind: TransactionKind.ADJUST,
        customerId,
        points: booking.points,
        reason: booking.reason,
        reasonCode: booking.reasonCode,
      },
      { actor: booking.actor, idempotencyKey: booking.key },
    );
    if (!header) throw new Error(`ledger key ${booking.key} already used`);
    const balance = await credit(tx, tenantId, customerId, { available: booking.points });
    const origin = booking.reasonCode === 'GOODWILL' ? PointsOrigin.GOODWILL : PointsOrigin.ADJUSTMENT;
    await createLot(tx, tenantId, customerId, header.id, booking.points, null, 'policy', origin);
    await entries(tx, tenantId, header.id, [
      [Account.CUSTOMER_AVAILABLE, customerId, booking.points],
      [Account.PROGRAM_ADJUSTMENTS, null, -booking.points],
    ]);
    const booked = await recordBalanceAfter(tx, header.id, balance);
    await onTimeline(tx, booked);
    return toPointsResult(booked, false);
  }

  /** Spends points in the caller's transaction; INSUFFICIENT_POINTS aborts it. */
  async redeemWithin(
    tx: EntityManager,
    booking: {
      tenantId: string;
      customerId: string;
      points: number;
      reason: string;
      channel: Channel;
      storeId: string | null;
      actor: string;
      key: string;
    },
  ): Promise<PointsResult> {
    points(booking.points, 'points');
    const [header] = await insertHeader(
      tx,
      booking.tenantId,
      {
        kind: TransactionKind.REDEEM,
        customerId: booking.customerId,
        points: booking.points,
        reason: booking.reason,
      },
      { actor: booking.actor, channel: booking.channel, storeId: booking.storeId, idempotencyKey: booking.key },
    );
    if (!header) throw new Error(`ledger key ${booking.key} already used`);
    const balance = await debit(tx, booking.customerId, {
      available: booking.points,
      lifetimeRedeemed: booking.points,
      activity: new Date(),
    });
    await consumeLots(tx, booking.customerId, header.id, booking.points);
    await entries(tx, booking.tenantId, header.id, [
      [Account.CUSTOMER_AVAILABLE, booking.customerId, -booking.points],
      [Account.PROGRAM_REDEEMED, null, booking.points],
    ]);
    return toPointsResult(await recordBalanceAfter(tx, header.id, balance), false);
  }

  /** Reverses (part of) an earn or a redemption in the caller's transaction. */
  async reverseWithin(
    tx: EntityManager,
    booking: {
      tenantId: string;
      transactionId: string;
      points: number;
      reason: string;
      /** The store it is booked at (a till's own, or the refunded purchase's); null for none. */
      storeId: string | null;
      actor: string;
      key: string;
    },
  ): Promise<PointsResult> {
    const original = await findTransaction(tx, booking.tenantId, booking.transactionId);
    if (!original)
      throw ledgerError(
        LedgerErrorCode.TRANSACTION_NOT_FOUND,
        `No transaction ${booking.transactionId}`,
        'transactionId',
      );
    const [header] = await insertHeader(
      tx,
      booking.tenantId,
      {
        kind: TransactionKind.REVERSAL,
        customerId: original.customer_id!,
        points: booking.points,
        reason: booking.reason,
        reversesId: original.id,
      },
      { actor: booking.actor, storeId: booking.storeId, idempotencyKey: booking.key },
    );
    if (!header) throw new Error(`ledger key ${booking.key} already used`);
    const balance = await reverseWork(tx, booking.tenantId, original, header.id, booking.points);
    return toPointsResult(await recordBalanceAfter(tx, header.id, balance), false);
  }

  /**
   * Moves every point of a merged duplicate to the survivor in the caller's transaction (a TRANSFER keyed
   * `key`): each open lot, available or pending, is emptied and re-created on the survivor with the same
   * points, pending date and expiry date, so the move changes nothing but the holder. Returns null when
   * the duplicate held no points.
   */
  async mergeWithin(tx: EntityManager, move: Move): Promise<MovedPoints | null> {
    return moveLots(tx, move, `customer_id = ?`, [move.fromId]);
  }

  /**
   * Gives back, in the caller's transaction, what is left of the lots a merge transfer created on the
   * survivor: their unspent points go back to the restored profile with their dates. Spent points stay spent.
   */
  async returnMergedWithin(
    tx: EntityManager,
    move: Move & { mergeTransactionId: string },
  ): Promise<MovedPoints | null> {
    // The lots the merge created, or the lots they were moved into since (a later merge and its undoing).
    return moveLots(
      tx,
      move,
      `customer_id = ? and id in (
        with recursive line as (
          select id from points_lot where transaction_id = ?
          union all select l.id from points_lot l join line on l.source_lot_id = line.id)
        select id from line)`,
      [move.fromId, move.mergeTransactionId],
    );
  }

  /**
   * How many points a reversal of this earn can take back now: what is left of it after earlier reversals,
   * and no more than its own lot holds while pending, or the available balance once settled. Locks the
   * earn, then the balance row (the order `reverse` takes them in), so the answer holds until commit.
   */
  async reversibleNow(tx: EntityManager, earnId: string): Promise<number> {
    const [earn] = await tx.execute<{ points: string; customer_id: string }[]>(
      `select points, customer_id from ledger_transaction where id = ? for update`,
      [earnId],
    );
    // The earn's holder (a business account's pool when the purchase earned into it), or its survivor since a merge.
    const customerId = earn ? await holderNow(tx, earn.customer_id) : null;
    const [{ reversed }] = await tx.execute<{ reversed: string }[]>(
      `select coalesce(sum(points), 0)::bigint as reversed from ledger_transaction where reverses_id = ?`,
      [earnId],
    );
    const [balance] = await tx.execute<{ available: string }[]>(
      `select available from points_balance where customer_id = ? for update`,
      [customerId],
    );
    const [lot] = await tx.execute<{ remaining: string; pending_until: Date | null }[]>(LIVE_LOT_OF_EARN, [earnId]);
    const left = Number(earn?.points ?? 0) - Number(reversed);
    return Math.max(0, Math.min(left, lot?.pending_until ? Number(lot.remaining) : Number(balance?.available ?? 0)));
  }
}

/** Empties the open lots matching `lotCondition` and re-creates them, dates kept, on the receiving customer. */
async function moveLots(
  tx: EntityManager,
  move: Move,
  lotCondition: string,
  lotParams: unknown[],
): Promise<MovedPoints | null> {
  const { tenantId, fromId, toId } = move;
  // Balance rows in id order, then lots: the order every debit takes them in, so no deadlock.
  await lockBalancePair(tx, tenantId, fromId, toId);
  const lots = await tx.execute<{ id: string; remaining: string; pending_until: Date | null }[]>(
    `select id, remaining, pending_until from points_lot where ${lotCondition} and remaining > 0 order by id for update`,
    lotParams,
  );
  if (lots.length === 0) return null;
  const available = lots.filter((lot) => !lot.pending_until).reduce((sum, lot) => sum + Number(lot.remaining), 0);
  const pending = lots.filter((lot) => lot.pending_until).reduce((sum, lot) => sum + Number(lot.remaining), 0);
  const [header] = await insertHeader(
    tx,
    tenantId,
    {
      kind: TransactionKind.TRANSFER,
      customerId: fromId,
      counterpartyId: toId,
      points: available + pending,
      reason: move.reason,
    },
    { actor: move.actor, idempotencyKey: move.key },
  );
  if (!header) throw new Error(`ledger key ${move.key} already used`);
  await relocateLots(
    tx,
    lots.map((lot) => lot.id),
    toId,
    header.id,
  );
  const balance = await debit(tx, fromId, { available, pending });
  await credit(tx, tenantId, toId, { available, pending });
  const legs: Leg[] = [];
  if (available > 0)
    legs.push([Account.CUSTOMER_AVAILABLE, fromId, -available], [Account.CUSTOMER_AVAILABLE, toId, available]);
  if (pending > 0) legs.push([Account.CUSTOMER_PENDING, fromId, -pending], [Account.CUSTOMER_PENDING, toId, pending]);
  await entries(tx, tenantId, header.id, legs);
  await recordBalanceAfter(tx, header.id, balance);
  return { transactionId: header.id, available, pending };
}
