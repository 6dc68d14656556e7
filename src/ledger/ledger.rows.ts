import { stampSql } from './ledger.model';

/*
 * How each ledger row is written, defined once as SQL: a header, an entry, a lot, a lot consumption, a
 * balance credit. The store's row-at-a-time primitives and the set-based statements (the earn, the
 * settlement and expiry jobs) are all built from these.
 */

/** SQL expressions by column; the columns are written in the order given, so `?` placeholders bind in that order. */
type Row<Column extends string> = Partial<Record<Column, string>>;

type HeaderColumn =
  | 'id'
  | 'tenant_id'
  | 'kind'
  | 'customer_id'
  | 'counterparty_id'
  | 'points'
  | 'reason'
  | 'reason_code'
  | 'channel'
  | 'store_id'
  | 'actor'
  | 'idempotency_key'
  | 'request_hash'
  | 'reverses_id'
  | 'import_id'
  | 'partner_id'
  | 'available_after'
  | 'pending_after'
  | 'version_after';

type LotColumn =
  | 'tenant_id'
  | 'customer_id'
  | 'transaction_id'
  | 'points'
  | 'remaining'
  | 'pending_until'
  | 'expires_at'
  | 'source_lot_id'
  | 'origin'
  | 'cohort';

/** `insert into <table> (...) values (...)`, or `select ... <from>` when `from` is given. */
function insertSql(table: string, row: Record<string, string | undefined>, from?: string): string {
  const given = Object.entries(row).filter((column): column is [string, string] => column[1] !== undefined);
  const columns = given.map(([column]) => column).join(', ');
  const values = given.map(([, value]) => value).join(', ');
  return `insert into ${table} (${columns}) ${from === undefined ? `values (${values})` : `select ${values} ${from}`}`;
}

/** A header: a fresh v7 id, stamped to the millisecond at `stampedAt` (an SQL time, now by default). */
export function headerSql(row: Row<HeaderColumn>, from?: string, stampedAt = 'now()'): string {
  return insertSql('ledger_transaction', { id: 'uuid_generate_v7()', ...row, created_at: stampSql(stampedAt) }, from);
}

/** A header of values bound as parameters, in the order given: its SQL (a `values` row) and parameters. */
export function boundHeaderSql(values: Partial<Record<HeaderColumn, unknown>>): { sql: string; params: unknown[] } {
  const row = Object.fromEntries(Object.keys(values).map((column) => [column, '?']));
  return { sql: headerSql(row), params: Object.values(values) };
}

/** The cohort of points credited now: the first of this month in the time zone of the tenant `t`. */
export function newCohortSql(tenant = 't'): string {
  return `date_trunc('month', now() at time zone ${tenant}.timezone)::date`;
}

/**
 * A lot: a fresh v7 id, created now. Its origin and cohort are always written: a new credit's (see newCohortSql),
 * or the lot's it was moved from.
 */
export function lotSql(row: Row<LotColumn> & { origin: string; cohort: string }, from?: string): string {
  return insertSql('points_lot', { id: 'uuid_generate_v7()', ...row, created_at: 'now()' }, from);
}

/** Followed by rows of (transaction_id, lot_id, points): what a transaction took from each lot. */
export const CONSUMPTION_SQL = `insert into points_lot_consumption (transaction_id, lot_id, points)`;

/** Followed by rows of (tenant_id, transaction_id, account, customer_id, amount, partner_id). */
export const ENTRY_SQL = `insert into ledger_entry (tenant_id, transaction_id, account, customer_id, amount, partner_id)`;

/**
 * The entries of every header in `header` (a relation with id, tenant_id and customer_id, seen as `h`): one
 * per row of `legs`, a VALUES list of (account, amount) that may use `h`. A customer account's entry
 * belongs to the header's customer; a program account's to no customer.
 */
export function entriesOfEachSql(header: string, legs: string): string {
  return `${ENTRY_SQL}
    select h.tenant_id, h.id, leg.account::ledger_account,
           case when leg.account like 'CUSTOMER_%' then h.customer_id end, leg.amount, null::uuid
      from ${header} h cross join lateral (values ${legs}) as leg(account, amount)`;
}

/**
 * Adds to a balance, creating the row on a customer's first points. `values` are SQL for customer_id,
 * tenant_id, available, pending, lifetime_earned and lifetime_redeemed, selected `from` a relation when given.
 * Every credit restarts the inactivity clock: points just given must not expire as "inactive" at once.
 */
export function creditSql(values: string, from?: string): string {
  const row = `${values}, 1, now(), now()`;
  return `insert into points_balance as b (customer_id, tenant_id, available, pending, lifetime_earned, lifetime_redeemed, version, last_activity_at, updated_at)
     ${from === undefined ? `values (${row})` : `select ${row} ${from}`}
     on conflict (customer_id) do update set
       available = b.available + excluded.available,
       pending = b.pending + excluded.pending,
       lifetime_earned = b.lifetime_earned + excluded.lifetime_earned,
       lifetime_redeemed = b.lifetime_redeemed + excluded.lifetime_redeemed,
       version = b.version + 1,
       last_activity_at = now(),
       updated_at = now()
     returning customer_id, available, pending, version`;
}
