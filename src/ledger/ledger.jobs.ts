import type { EntityManager } from '@mikro-orm/postgresql';

import { BATCH_JOBS_LOCK_SQL } from '../shared/db/sql';
import { CONSUMPTION_SQL, entriesOfEachSql, headerSql } from './ledger.rows';

export interface JobResult {
  transactions: number;
  points: number;
}

const BATCH_CUSTOMERS = 500;

/** One header per customer of `per_customer`, with the balance it leaves, stamped at the job's `?` time. */
function jobHeaderSql(kind: string, reason: string, actor: string, after: { available: string; pending: string }) {
  return headerSql(
    {
      tenant_id: 'tenant_id',
      kind: `'${kind}'`,
      customer_id: 'customer_id',
      points: 'points',
      reason: `'${reason}'`,
      actor: `'${actor}'`,
      available_after: after.available,
      pending_after: after.pending,
      version_after: 'version + 1',
    },
    'from per_customer',
    '?::timestamptz',
  );
}

const SETTLEMENT_HEADER = jobHeaderSql('SETTLEMENT', 'pending points became available', 'job:settle-points', {
  available: 'available + points',
  pending: 'pending - points',
});

const EXPIRY_HEADER = jobHeaderSql('EXPIRY', 'points expired', 'job:expire-points', {
  available: 'available - points',
  pending: 'pending',
});

/**
 * Whole-tenant ledger jobs, set-based: one statement per batch of customers books one transaction per
 * customer (header, balanced entries, balance, lots). Balance rows are locked first and with SKIP LOCKED,
 * in the same order as the request path (balance, then lots), so a job never deadlocks with a redemption
 * and a customer busy right now is simply taken on the next run.
 */
export class LedgerJobs {
  /** Pending points whose date has come become available. */
  async settlePending(em: EntityManager, now: Date): Promise<JobResult> {
    return this.loop(em, (tx) =>
      tx.execute(
        `with candidates as (
           select distinct customer_id from points_lot
            where pending_until is not null and pending_until <= ? and remaining > 0
            limit ${BATCH_CUSTOMERS}
         ), locked as (
           select b.customer_id, b.tenant_id, b.available, b.pending, b.version from points_balance b
             join candidates c using (customer_id) order by b.customer_id for update of b skip locked
         ), due as (
           select l.id, l.customer_id, l.remaining from points_lot l join locked k using (customer_id)
            where l.pending_until is not null and l.pending_until <= ? and l.remaining > 0 for update of l
         ), per_customer as (
           select k.customer_id, k.tenant_id, k.available, k.pending, k.version, sum(d.remaining)::bigint as points
             from due d join locked k using (customer_id) group by 1, 2, 3, 4, 5
         ), header as (${SETTLEMENT_HEADER} returning id, tenant_id, customer_id, points
         ), legs as (${entriesOfEachSql('header', `('CUSTOMER_PENDING', -h.points), ('CUSTOMER_AVAILABLE', h.points)`)}
         ), lots as (
           update points_lot l set pending_until = null from due d where l.id = d.id
         )
         update points_balance b set available = b.available + h.points, pending = b.pending - h.points,
                version = b.version + 1, updated_at = now()
           from header h where b.customer_id = h.customer_id
         returning h.points`,
        [now, now, now],
      ),
    );
  }

  /**
   * Lots past their date expire, and under an inactivity policy every lot of a customer with no earn or
   * redemption for the tenant's number of months.
   */
  async expireDue(em: EntityManager, now: Date): Promise<JobResult> {
    return this.loop(em, (tx) =>
      tx.execute(
        `with candidates as (
           -- Two index-backed halves: lots past their date, and idle customers of inactivity tenants.
           (select l.customer_id from points_lot l
             where l.remaining > 0 and l.pending_until is null and l.expires_at <= ? limit ${BATCH_CUSTOMERS})
           union
           (select b.customer_id from points_balance b join tenant t on t.id = b.tenant_id
             where t.points_expiry_policy = 'INACTIVITY_MONTHS' and b.available > 0
               and b.last_activity_at <= ?::timestamptz - make_interval(months => t.points_expiry_months)
             limit ${BATCH_CUSTOMERS})
         ), locked as (
           select b.customer_id, b.tenant_id, b.available, b.pending, b.version, b.last_activity_at from points_balance b
             join candidates c using (customer_id) order by b.customer_id for update of b skip locked
         ), due as (
           select l.id, l.customer_id, l.remaining from points_lot l
             join locked k using (customer_id) join tenant t on t.id = l.tenant_id
            where l.remaining > 0 and l.pending_until is null
              and (l.expires_at <= ? or (t.points_expiry_policy = 'INACTIVITY_MONTHS'
                   and k.last_activity_at <= ?::timestamptz - make_interval(months => t.points_expiry_months)))
            for update of l
         ), per_customer as (
           select k.customer_id, k.tenant_id, k.available, k.pending, k.version, sum(d.remaining)::bigint as points
             from due d join locked k using (customer_id) group by 1, 2, 3, 4, 5
         ), header as (${EXPIRY_HEADER} returning id, tenant_id, customer_id, points
         ), legs as (${entriesOfEachSql('header', `('CUSTOMER_AVAILABLE', -h.points), ('PROGRAM_EXPIRED', h.points)`)}
         ), consumed as (
           ${CONSUMPTION_SQL} select h.id, d.id, d.remaining from due d join header h using (customer_id)
         ), lots as (
           update points_lot l set remaining = 0 from due d where l.id = d.id
         )
         update points_balance b set available = b.available - h.points, expired = b.expired + h.points,
                version = b.version + 1, updated_at = now()
           from header h where b.customer_id = h.customer_id
         returning h.points`,
        [now, now, now, now, now],
      ),
    );
  }

  private async loop(
    em: EntityManager,
    batch: (tx: EntityManager) => Promise<{ points: string }[]>,
  ): Promise<JobResult> {
    const total: JobResult = { transactions: 0, points: 0 };
    for (;;) {
      const rows = await em.fork().transactional(async (tx) => {
        await tx.execute(BATCH_JOBS_LOCK_SQL);
        return batch(tx);
      });
      total.transactions += rows.length;
      total.points += rows.reduce((sum, row) => sum + Number(row.points), 0);
      // An empty batch means nothing is due that was not skipped as busy (those wait for the next run).
      if (rows.length === 0) return total;
    }
  }
}
