import type { Channel } from '../shared/channel';
import type { IdempotentRequest } from '../shared/idempotency';
import type { PointsOrigin, TransactionKind } from './ledger.entity';
import { ledgerError, LedgerErrorCode } from './ledger.errors';

/**
 * The expiry date of a new lot: the one given (`given`, SQL: a `?` parameter by default), else `points_expiry_months`
 * after now under a FIXED_MONTHS policy, else none. Needs the tenant as `t`.
 */
export function lotExpirySql(given = '?::timestamptz'): string {
  return `coalesce(${given}, case when t.points_expiry_policy = 'FIXED_MONTHS'
  then now() + make_interval(months => t.points_expiry_months) end)`;
}

/** Headers are stamped to the millisecond, the precision of the history cursors that page over them. */
export function stampSql(at: string): string {
  return `date_trunc('milliseconds', ${at})`;
}

/** Largest single movement: far above any real basket, far below 2^53 once summed. */
export const MAX_POINTS = 1_000_000_000;

/** The live lot an earn's points sit in now: its own lot, or the one a merge (or several) moved it to. */
export const LIVE_LOT_OF_EARN = `with recursive line as (
    select id, customer_id, remaining, pending_until, 0 as depth from points_lot where transaction_id = ? and source_lot_id is null
    union all
    select l.id, l.customer_id, l.remaining, l.pending_until, line.depth + 1 from points_lot l join line on l.source_lot_id = line.id)
  select id, customer_id, remaining, pending_until from line order by depth desc limit 1`;

export interface Header {
  kind: TransactionKind;
  customerId: string;
  points: number;
  reason: string;
  reasonCode?: string;
  channel?: Channel;
  counterpartyId?: string;
  reversesId?: string;
  importId?: string;
  partnerId?: string;
}

/** A change to a balance row; fields are amounts to add (credit) or take (debit). */
export interface Delta {
  available?: number;
  pending?: number;
  lifetimeEarned?: number;
  lifetimeRedeemed?: number;
  activity?: Date;
}

export interface BalanceRow {
  available: string;
  pending: string;
  version: number;
}

export interface TransactionRow {
  id: string;
  tenant_id: string;
  kind: TransactionKind;
  customer_id: string | null;
  counterparty_id: string | null;
  /** A string from pg, a number from a request's batched reads (JSON); likewise created_at. */
  points: string | number;
  reason: string;
  reason_code: string | null;
  channel: Channel | null;
  store_id: string | null;
  actor: string;
  idempotency_key: string | null;
  request_hash: string | null;
  reverses_id: string | null;
  partner_id?: string | null;
  available_after: string | null;
  pending_after: string | null;
  version_after: number | null;
  created_at: Date | string;
}

/** What an earn books. */
export interface EarnBooking {
  tenantId: string;
  customerId: string;
  points: number;
  reason: string;
  channel: Channel;
  /** The store it is booked at: a till's own, or the purchase's; null otherwise. */
  storeId: string | null;
  actor: string;
  key: string;
  /** The client's idempotency claim; null for an earn inside another domain's record, whose key is derived. */
  claim: IdempotentRequest | null;
  pendingUntil: Date | null;
  expiresAt: Date | null;
  /** A direct earn is on the customer's timeline; one inside a purchase is shown by the purchase's event. */
  timeline: boolean;
  /** A purchase's points (PURCHASE) or given ones (BONUS): the lot's origin. */
  origin: PointsOrigin;
}

/** Points a merge (or its undoing) moved between two customers. */
export interface MovedPoints {
  transactionId: string;
  available: number;
  pending: number;
}

/** A movement's size, checked: a whole, non-zero number within MAX_POINTS (negative only where allowed). */
export function points(value: number, field: string, allowNegative = false): number {
  const ok = Number.isInteger(value) && value !== 0 && Math.abs(value) <= MAX_POINTS && (allowNegative || value > 0);
  if (!ok) {
    const range = allowNegative
      ? `a non-zero whole number from -${MAX_POINTS} to ${MAX_POINTS}`
      : `a whole number from 1 to ${MAX_POINTS}`;
    throw ledgerError(LedgerErrorCode.POINTS_INVALID, `${field} must be ${range}`, field);
  }
  return value;
}
