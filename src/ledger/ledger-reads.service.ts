import { requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { decodeCursor, pageSize, toConnection } from '../shared/graphql/connection';
import { toTransactionView } from './ledger.mapping';
import type { TransactionRow } from './ledger.model';
import type { PointsTransactionConnection } from './ledger.types';

/** What the API reads of a customer's points beyond the balance row: history pages and what expires soon. */
export class LedgerReadService {
  /** Newest first, including transfers received. */
  async transactions(
    ctx: Context,
    customerId: string,
    first: number | undefined,
    after: string | undefined,
  ): Promise<PointsTransactionConnection> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const tenantId = requireTenant(ctx);
    const page = cursor ? 'and (created_at, id) < (?, ?)' : '';
    const pageParams = cursor ? [cursor.at, cursor.id] : [];
    // Two index-ordered halves (sent or booked for the customer; received), each limited, then merged.
    const rows = await ctx.reads.rows<TransactionRow>(
      `(select * from ledger_transaction where tenant_id = ? and customer_id = ? ${page} order by created_at desc, id desc limit ?)
       union all
       (select * from ledger_transaction where tenant_id = ? and counterparty_id = ? ${page} order by created_at desc, id desc limit ?)
       order by created_at desc, id desc limit ?`,
      [tenantId, customerId, ...pageParams, limit + 1, tenantId, customerId, ...pageParams, limit + 1, limit + 1],
    );
    return toConnection(rows.map(toTransactionView), limit, (txn) => ({ at: txn.createdAt, id: txn.id }), cursor);
  }

  /** Spendable points that expire within `withinDays` (checked by the caller). */
  async expiringPoints(ctx: Context, customerId: string, withinDays: number): Promise<number> {
    const [row] = await ctx.reads.rows<{ points: number }>(
      `select coalesce(sum(remaining), 0)::bigint as points from points_lot
        where tenant_id = ? and customer_id = ? and remaining > 0 and pending_until is null
          and expires_at <= now() + make_interval(days => ?)`,
      [requireTenant(ctx), customerId, withinDays],
    );
    return Number(row.points);
  }
}
