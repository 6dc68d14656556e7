import type { EntityManager } from '@mikro-orm/postgresql';

import { claimCte, claimParams, type IdempotentRequest, type StoredClaim } from '../shared/idempotency';
import { Account } from './ledger.entity';
import { type EarnBooking, lotExpirySql, type TransactionRow } from './ledger.model';
import { creditSql, entriesOfEachSql, headerSql, lotSql, newCohortSql } from './ledger.rows';
import { earnedOnTimelineSql } from './ledger.timeline';

/**
 * The single-statement earn, the product's hot path: its SQL built once per variant, the same rows inside another
 * domain's statement (a purchase), and a replay's read. The grouped earns (earn.batch.store.ts) use the same
 * row builders of ledger.rows.
 */

/**
 * A taken key's claim and the transaction it booked, read together: a replayed earn costs one round trip after
 * its statement instead of two. `resultOfClaim` decides replay or CONFLICT from `claim`.
 */
export async function findClaimedTransaction(
  em: EntityManager,
  request: IdempotentRequest,
): Promise<{ claim: StoredClaim; transaction?: TransactionRow } | undefined> {
  const [row] = await em.execute<(TransactionRow & { claim: StoredClaim })[]>(
    `select json_build_object('principal', k.principal, 'request_hash', k.request_hash, 'result_id', k.result_id) as claim, t.*
       from idempotency_key k left join ledger_transaction t on t.id = k.result_id and t.tenant_id = k.tenant_id
      where k.tenant_id = ? and k.scope = ? and k.key = ?`,
    [request.tenantId, request.scope, request.key],
  );
  if (!row) return undefined;
  const { claim, ...transaction } = row;
  return { claim, transaction: transaction.id ? transaction : undefined };
}

/**
 * The earn after its `target` (holder, tenant_id) and `id` (a relation with the header's id as `result_id`, a row
 * only when the earn books, and with its idempotency key as `key` when `keyed`): balance, header (returning every
 * column), lot, entries and the timeline event, as CTEs. Their parameters, `earnRowParams`, come where they are placed.
 */
function earnRowsSql(id: string, keyed = false): string {
  const balance = creditSql('t.holder, t.tenant_id, ?, ?, ?, 0', `from target t cross join ${id}`);
  const header = headerSql(
    {
      id: `${id}.result_id`,
      tenant_id: '?',
      kind: `'EARN'`,
      customer_id: 'customer_id',
      points: '?',
      reason: '?',
      channel: '?',
      store_id: '?::uuid',
      actor: '?',
      idempotency_key: keyed ? `${id}.key` : '?',
      request_hash: '?',
      available_after: 'available',
      pending_after: 'pending',
      version_after: 'version',
    },
    `from balance cross join ${id}`,
  );
  const lot = lotSql(
    {
      tenant_id: 'h.tenant_id',
      customer_id: 'h.customer_id',
      transaction_id: 'h.id',
      points: 'h.points',
      remaining: 'h.points',
      pending_until: '?::timestamptz',
      expires_at: lotExpirySql(),
      origin: '?::points_origin',
      cohort: newCohortSql(),
    },
    'from header h join tenant t on t.id = h.tenant_id',
  );
  return `balance as (${balance}),
       header as (${header} returning *),
       lot as (${lot}),
       legs as (${entriesOfEachSql('header', `(?, h.points), ('PROGRAM_ISSUED', -h.points)`)}),
       timeline as (${earnedOnTimelineSql('header')} where ?::boolean)`;
}

function earnRowParams(earn: Omit<EarnBooking, 'key'> & { key?: string }): unknown[] {
  const [available, pendingPoints] = earn.pendingUntil ? [0, earn.points] : [earn.points, 0];
  return [
    available,
    pendingPoints,
    earn.points,
    earn.tenantId,
    earn.points,
    earn.reason,
    earn.channel,
    earn.storeId,
    earn.actor,
    ...(earn.key === undefined ? [] : [earn.key]),
    earn.claim?.hash ?? null,
    earn.pendingUntil,
    earn.expiresAt,
    earn.origin,
    earn.pendingUntil ? Account.CUSTOMER_PENDING : Account.CUSTOMER_AVAILABLE,
    earn.pendingUntil,
    earn.timeline,
  ];
}

/** The customer's holder, key-share locked (see `earnStatement`): the `target` of `earnRowsSql`. */
const TARGET_SQL = `target as (
         select coalesce(c.merged_into_id, c.id) as holder, c.tenant_id from customer c
          where c.id = ? and c.tenant_id = ? and c.erased_at is null for key share of c)`;

/**
 * The earn's statement, built once per variant: the hot path pays only for its parameters. With a client's
 * key the idempotency claim is part of the statement; an earn inside another domain's record has a derived
 * key (guarded by the header's unique index) and claims nothing.
 */
const earnSql = (claimed: boolean): string =>
  `with ${TARGET_SQL},
       ${claimed ? claimCte('target') : 'claim as (select uuid_generate_v7() as result_id from target)'},
       ${earnRowsSql('claim')}
     select * from header`;
const EARN_SQL = { claimed: earnSql(true), derived: earnSql(false) };

/**
 * An earn inside another domain's statement (a purchase's booking), from the same rows as `earnStatement`: CTEs
 * named target, earn_id, balance, header, lot, legs and timeline (the header row in `header`). `gate` is a relation
 * of that statement with the header's id as `transaction_id` and its derived idempotency key as `key`: no row, no
 * earn. Bind `earnWithinParams(earn)` where the SQL is placed. The earn puts no event on the timeline.
 */
export function earnWithinSql(gate: string): string {
  return `${TARGET_SQL.replace('from customer c', `from customer c cross join ${gate}`)},
       earn_id as (select g.transaction_id as result_id, g.key from ${gate} g cross join target),
       ${earnRowsSql('earn_id', true)}`;
}

export function earnWithinParams(earn: Omit<EarnBooking, 'claim' | 'timeline' | 'key'>): unknown[] {
  return [earn.customerId, earn.tenantId, ...earnRowParams({ ...earn, claim: null, timeline: false })];
}

/**
 * The hot path of the product, so one statement (atomic even in autocommit): idempotency claim, balance,
 * header with the balance after, lot, entries. The lot reads no other row, so the statement's single
 * snapshot is safe here. Nothing is returned when the key is taken (a retry waits for the first to commit,
 * then books nothing; `findIdempotentResult` says what to answer) or when the customer is unknown (or of
 * another tenant); the id of a merged profile books to its survivor. The key-share lock waits for a merge
 * of the customer under way (which locks the row FOR UPDATE) and then reads the row as the merge left it.
 */
export async function earnStatement(em: EntityManager, earn: EarnBooking): Promise<TransactionRow[]> {
  return await em.execute<TransactionRow[]>(earn.claim ? EARN_SQL.claimed : EARN_SQL.derived, earnParams(earn));
}

function earnParams(earn: EarnBooking): unknown[] {
  return [earn.customerId, earn.tenantId, ...(earn.claim ? claimParams(earn.claim) : []), ...earnRowParams(earn)];
}
