import { prepared, type StatementPool } from '../shared/db/statements';
import { claimBatchCte, claimParams } from '../shared/idempotency';
import { Account } from './ledger.entity';
import { type EarnBooking, lotExpirySql, type TransactionRow } from './ledger.model';
import { creditSql, entriesOfEachSql, headerSql, lotSql, newCohortSql } from './ledger.rows';
import { earnedOnTimelineSql } from './ledger.timeline';

/**
 * Several earns with a client's key in one statement, so one commit: the earn statement of ledger.store, row by
 * row over an `unnest` of the group, from the same row builders (ledger.rows). The batcher forms the groups; the
 * statement keeps each earn what it is alone:
 * - customers are key-share locked, claimed and credited in customer id order (the batcher sends at most one
 *   earn per customer id and per key);
 * - two ids of one holder (a merged profile and its survivor) would credit one balance row twice, which one
 *   upsert cannot, and move its loyalty-state version once: only the first (`rn = 1`) books, the others come
 *   back `deferred` for the next group;
 * - an earn with no row back found its key taken or its customer unknown, as an empty single earn.
 */
const COLUMNS: [string, string][] = [
  ['ord', 'int'],
  ['customer_id', 'uuid'],
  ['tenant_id', 'uuid'],
  ['available', 'bigint'],
  ['pending', 'bigint'],
  ['points', 'bigint'],
  ['reason', 'text'],
  ['channel', 'text'],
  ['store_id', 'uuid'],
  ['actor', 'text'],
  ['scope', 'text'],
  ['key', 'text'],
  ['principal', 'text'],
  ['request_hash', 'text'],
  ['pending_until', 'timestamptz'],
  ['expires_at', 'timestamptz'],
  ['origin', 'points_origin'],
  ['account', 'text'],
  ['timeline', 'boolean'],
];

const earnBatchSql = (): string => {
  const balance = creditSql(
    'b.holder, b.tenant_id, b.available, b.pending, b.points, 0',
    'from booking b order by b.holder',
  );
  const header = headerSql(
    {
      id: 'b.result_id',
      tenant_id: 'b.tenant_id',
      kind: `'EARN'`,
      customer_id: 'bal.customer_id',
      points: 'b.points',
      reason: 'b.reason',
      channel: 'b.channel',
      store_id: 'b.store_id',
      actor: 'b.actor',
      idempotency_key: 'b.key',
      request_hash: 'b.request_hash',
      available_after: 'bal.available',
      pending_after: 'bal.pending',
      version_after: 'bal.version',
    },
    'from balance bal join booking b on b.holder = bal.customer_id order by b.holder',
  );
  const lot = lotSql(
    {
      tenant_id: 'h.tenant_id',
      customer_id: 'h.customer_id',
      transaction_id: 'h.id',
      points: 'h.points',
      remaining: 'h.points',
      pending_until: 'b.pending_until',
      expires_at: lotExpirySql('b.expires_at'),
      origin: 'b.origin',
      cohort: newCohortSql(),
    },
    'from header h join booking b on b.result_id = h.id join tenant t on t.id = h.tenant_id',
  );
  // The header with what each booking adds to it: its customer account and whether it is pending or shown.
  const booked = `(select h.*, b.account, b.pending_until, b.timeline from header h join booking b on b.result_id = h.id)`;
  return `with input as (
         select * from unnest(${COLUMNS.map(([, type]) => `?::${type}[]`).join(', ')})
           as i(${COLUMNS.map(([name]) => name).join(', ')})),
       target as (
         select i.*, coalesce(c.merged_into_id, c.id) as holder
           from input i join customer c on c.id = i.customer_id and c.tenant_id = i.tenant_id and c.erased_at is null
          order by c.id for key share of c),
       ranked as (select t.*, row_number() over (partition by t.holder order by t.ord) as rn from target t),
       ${claimBatchCte('ranked where rn = 1 order by holder')},
       booking as (
         select r.*, claim.result_id from ranked r
           join claim on claim.tenant_id = r.tenant_id and claim.scope = r.scope and claim.key = r.key
          where r.rn = 1),
       balance as (${balance}),
       header as (${header} returning *),
       lot as (${lot}),
       legs as (${entriesOfEachSql(booked, `(h.account, h.points), ('PROGRAM_ISSUED', -h.points)`)}),
       timeline as (${earnedOnTimelineSql(booked, 'h.pending_until')} where h.timeline)
     select r.ord, r.rn > 1 as deferred, h.* from ranked r
       left join booking b on b.ord = r.ord left join header h on h.id = b.result_id
      where r.rn > 1 or h.id is not null`;
};

const EARN_BATCH = prepared('ledger_earn_batch', earnBatchSql());

export type BatchRow = TransactionRow & { ord: number; deferred: boolean };

/** Books `earns` (each with its claim) in one statement: a row per booked or deferred earn, by its index. */
export async function earnBatch(pool: StatementPool, earns: EarnBooking[]): Promise<BatchRow[]> {
  const columns: unknown[][] = COLUMNS.map(() => []);
  earns.forEach((earn, ord) => {
    const [tenantId, scope, key, principal, hash] = claimParams(earn.claim!);
    const pending = earn.pendingUntil !== null;
    [
      ord,
      earn.customerId,
      tenantId,
      pending ? 0 : earn.points,
      pending ? earn.points : 0,
      earn.points,
      earn.reason,
      earn.channel,
      earn.storeId,
      earn.actor,
      scope,
      key,
      principal,
      hash,
      earn.pendingUntil,
      earn.expiresAt,
      earn.origin,
      pending ? Account.CUSTOMER_PENDING : Account.CUSTOMER_AVAILABLE,
      earn.timeline,
    ].forEach((value, i) => columns[i].push(value));
  });
  return await pool.run<BatchRow>(EARN_BATCH, columns);
}
