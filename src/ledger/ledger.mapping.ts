import type { TransactionRow } from './ledger.model';
import type { PointsResult, TransactionView } from './ledger.types';

export function toTransactionView(row: TransactionRow): TransactionView {
  return {
    id: row.id,
    kind: row.kind,
    customerId: row.customer_id ?? undefined,
    counterpartyId: row.counterparty_id ?? undefined,
    points: Number(row.points),
    reason: row.reason,
    reasonCode: row.reason_code ?? undefined,
    channel: row.channel ?? undefined,
    storeId: row.store_id ?? undefined,
    actor: row.actor,
    idempotencyKey: row.idempotency_key ?? undefined,
    reversesId: row.reverses_id ?? undefined,
    createdAt: new Date(row.created_at),
  };
}

/** A booked header as the operation's answer, with the balance it left. */
export function toPointsResult(row: TransactionRow, replayed: boolean): PointsResult {
  return {
    transaction: toTransactionView(row),
    balance: {
      available: Number(row.available_after ?? 0),
      pending: Number(row.pending_after ?? 0),
      version: row.version_after ?? 0,
    },
    replayed,
  };
}
