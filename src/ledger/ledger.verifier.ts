import type { EntityManager } from '@mikro-orm/postgresql';

import type { LedgerDiscrepancy, LedgerIntegrity } from './ledger.types';

interface Check {
  name: string;
  /** Returns at most one row describing the first discrepancy, or none. */
  sql: string;
}

/** Tenant scope as SQL: every check reads only the given tenant's rows (or all, for the CLI). */
const scoped = (alias: string) => `(?::uuid is null or ${alias}.tenant_id = ?::uuid)`;

const CHECKS: Check[] = [
  {
    name: 'transaction sums to zero',
    sql: `select e.transaction_id as ref, sum(e.amount)::text as detail from ledger_entry e where ${scoped('e')}
          group by e.transaction_id having sum(e.amount) <> 0 order by e.transaction_id limit 1`,
  },
  {
    name: 'transaction has at least two entries',
    sql: `select t.id as ref, count(e.id)::text as detail from ledger_transaction t left join ledger_entry e on e.transaction_id = t.id
          where ${scoped('t')} group by t.id having count(e.id) < 2 order by t.id limit 1`,
  },
  {
    name: 'balance equals the sum of its entries',
    sql: `with sums as (
            select e.customer_id,
                   coalesce(sum(e.amount) filter (where e.account = 'CUSTOMER_AVAILABLE'), 0) as available,
                   coalesce(sum(e.amount) filter (where e.account = 'CUSTOMER_PENDING'), 0) as pending
              from ledger_entry e where e.customer_id is not null and ${scoped('e')} group by e.customer_id)
          select coalesce(b.customer_id, s.customer_id) as ref,
                 format('balance available %s pending %s, entries available %s pending %s',
                        coalesce(b.available, 0), coalesce(b.pending, 0), coalesce(s.available, 0), coalesce(s.pending, 0)) as detail
            from (select * from points_balance b where ${scoped('b')}) b full join sums s on s.customer_id = b.customer_id
           where coalesce(b.available, 0) <> coalesce(s.available, 0) or coalesce(b.pending, 0) <> coalesce(s.pending, 0)
           order by 1 limit 1`,
  },
  {
    name: 'customer account never went negative',
    sql: `select customer_id as ref, format('%s reached %s after entry %s', account, running, id) as detail from (
            select e.id, e.customer_id, e.account,
                   sum(e.amount) over (partition by e.customer_id, e.account order by e.id) as running
              from ledger_entry e where e.customer_id is not null and ${scoped('e')}) r
           where running < 0 order by id limit 1`,
  },
  {
    name: 'lots cover the balance',
    sql: `with lots as (
            select l.customer_id,
                   coalesce(sum(l.remaining) filter (where l.pending_until is null), 0) as available,
                   coalesce(sum(l.remaining) filter (where l.pending_until is not null), 0) as pending
              from points_lot l where ${scoped('l')} group by l.customer_id)
          select b.customer_id as ref,
                 format('balance available %s pending %s, lots available %s pending %s', b.available, b.pending,
                        coalesce(lots.available, 0), coalesce(lots.pending, 0)) as detail
            from points_balance b left join lots on lots.customer_id = b.customer_id
           where ${scoped('b')} and (b.available <> coalesce(lots.available, 0) or b.pending <> coalesce(lots.pending, 0))
           order by 1 limit 1`,
  },
  {
    name: 'every point taken from a lot is accounted for',
    sql: `select l.id as ref, format('lot of %s has %s left but %s recorded as taken', l.points, l.remaining, coalesce(c.taken, 0)) as detail
            from points_lot l left join (select lot_id, sum(points) as taken from points_lot_consumption group by lot_id) c on c.lot_id = l.id
           where ${scoped('l')} and l.points - l.remaining <> coalesce(c.taken, 0)
           order by l.id limit 1`,
  },
  {
    name: 'every lot has an origin and a cohort',
    sql: `select l.id as ref, format('origin %s, cohort %s', coalesce(l.origin::text, 'none'), coalesce(l.cohort::text, 'none')) as detail
            from points_lot l where ${scoped('l')} and (l.origin is null or l.cohort is null)
           order by l.id limit 1`,
  },
  {
    name: 'a relocated lot keeps its source lot origin and cohort',
    sql: `select l.id as ref, format('origin %s cohort %s, source %s origin %s cohort %s', l.origin, l.cohort, s.id, s.origin, s.cohort) as detail
            from points_lot l join points_lot s on s.id = l.source_lot_id
           where ${scoped('l')} and (l.origin is distinct from s.origin or l.cohort is distinct from s.cohort)
           order by l.id limit 1`,
  },
  {
    // What the liability report reads from lots then ties to the ledger's customer accounts, per transaction.
    name: 'lots created minus consumed equal the customer legs',
    sql: `with lots as (
            select l.transaction_id as id, sum(l.points) as points from points_lot l where ${scoped('l')} group by 1
            union all
            select c.transaction_id, -sum(c.points) from points_lot_consumption c join points_lot l on l.id = c.lot_id
             where ${scoped('l')} group by 1
            union all
            select e.transaction_id, -sum(e.amount) from ledger_entry e
             where e.account in ('CUSTOMER_AVAILABLE', 'CUSTOMER_PENDING') and ${scoped('e')} group by 1)
          select id as ref, format('lots minus consumption differ from the customer legs by %s', sum(points)) as detail
            from lots group by id having sum(points) <> 0 order by id limit 1`,
  },
];

/**
 * Proves the ledger's invariants from the rows themselves: every transaction balances, every balance is
 * the sum of its entries, no customer account ever went below zero, the lots account for the balance,
 * every point taken from a lot was recorded against the transaction that took it, every lot says where its
 * points came from (a relocated one as its source did), and each transaction's lots move as its customer legs.
 */
export async function verifyLedger(em: EntityManager, tenantId: string | null): Promise<LedgerIntegrity> {
  const discrepancies: LedgerDiscrepancy[] = [];
  for (const check of CHECKS) {
    const params = Array.from({ length: (check.sql.match(/\?::uuid/g) ?? []).length }, () => tenantId);
    const [row] = await em.execute<{ ref: string; detail: string }[]>(check.sql, params);
    if (row) discrepancies.push({ check: check.name, detail: `${row.ref}: ${row.detail}` });
  }
  const [counts] = await em.execute<{ transactions: string; balances: string }[]>(
    `select (select count(*) from ledger_transaction t where ${scoped('t')})::bigint as transactions,
            (select count(*) from points_balance b where ${scoped('b')})::bigint as balances`,
    [tenantId, tenantId, tenantId, tenantId],
  );
  return {
    ok: discrepancies.length === 0,
    transactionsChecked: Number(counts.transactions),
    balancesChecked: Number(counts.balances),
    discrepancies,
  };
}
