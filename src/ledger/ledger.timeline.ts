import type { EntityManager } from '@mikro-orm/postgresql';

import { recordTimeline, TIMELINE_COLUMNS } from '../timeline/timeline';
import { TimelineKind } from '../timeline/timeline.entity';
import { TransactionKind } from './ledger.entity';
import type { TransactionRow } from './ledger.model';

/** What a direct ledger operation shows on the customer's timeline (and the receiver's, for a transfer). */
export async function onTimeline(tx: EntityManager, row: TransactionRow): Promise<void> {
  const points = Number(row.points);
  const event = {
    tenantId: row.tenant_id,
    channel: row.channel,
    actor: row.actor,
    occurredAt: new Date(row.created_at),
    refType: 'ledger_transaction',
    refId: row.id,
  };
  const data = { points, reason: row.reason, reasonCode: row.reason_code };
  switch (row.kind) {
    case TransactionKind.REDEEM:
      return recordTimeline(tx, {
        ...event,
        customerId: row.customer_id!,
        kind: TimelineKind.POINTS_REDEEMED,
        summary: `${points} points redeemed: ${row.reason}`,
        data,
      });
    case TransactionKind.ADJUST: {
      // The header holds the size of an adjustment; its direction is in the customer's entry.
      const [entry] = await tx.execute<{ amount: string }[]>(
        `select amount from ledger_entry where transaction_id = ? and customer_id is not null`,
        [row.id],
      );
      const signed = Number(entry?.amount ?? points);
      return recordTimeline(tx, {
        ...event,
        customerId: row.customer_id!,
        kind: TimelineKind.POINTS_ADJUSTED,
        summary: `${signed > 0 ? '+' : ''}${signed} points (${row.reason_code}): ${row.reason}`,
        data: { ...data, points: signed },
      });
    }
    case TransactionKind.REVERSAL:
      return recordTimeline(tx, {
        ...event,
        customerId: row.customer_id!,
        kind: TimelineKind.POINTS_REVERSED,
        summary: `${points} points reversed: ${row.reason}`,
        data: { ...data, reverses: row.reverses_id },
      });
    case TransactionKind.TRANSFER:
      await recordTimeline(tx, {
        ...event,
        customerId: row.customer_id!,
        kind: TimelineKind.POINTS_TRANSFERRED,
        summary: `${points} points sent`,
        data: { ...data, to: row.counterparty_id },
      });
      return recordTimeline(tx, {
        ...event,
        customerId: row.counterparty_id!,
        kind: TimelineKind.POINTS_TRANSFERRED,
        summary: `${points} points received`,
        data: { ...data, from: row.customer_id },
      });
    default:
      return undefined;
  }
}

/**
 * The POINTS_EARNED event of every earn header in `header` (seen as `h`), as SQL for the earn's single
 * statement. `pendingUntil` (SQL, a timestamptz: a parameter by default, or a column of `h`) says whether the
 * points are pending (null when not).
 */
export function earnedOnTimelineSql(header: string, pendingUntil = '?::timestamptz'): string {
  return `insert into timeline_event ${TIMELINE_COLUMNS}
    select uuid_generate_v7(), h.tenant_id, h.customer_id, 'POINTS_EARNED', 'gateway', null, h.channel, h.actor, h.created_at,
           h.points || ' points earned: ' || h.reason, jsonb_build_object('points', h.points, 'pending', ${pendingUntil} is not null),
           'ledger_transaction', h.id::text, now()
      from ${header} h`;
}
