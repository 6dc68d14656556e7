import type { EntityManager } from '@mikro-orm/postgresql';

import type { Channel } from '../shared/channel';
import { pgArray } from '../shared/db/sql';
import { Account, PointsOrigin } from './ledger.entity';
import { ledgerError, LedgerErrorCode } from './ledger.errors';
import { type LotTake, planConsumption } from './ledger.logic';
import { type BalanceRow, type Delta, type Header, lotExpirySql, type TransactionRow } from './ledger.model';
import { boundHeaderSql, CONSUMPTION_SQL, creditSql, ENTRY_SQL, lotSql, newCohortSql } from './ledger.rows';

/**
 * The double-entry SQL every booking is made of: header, balance (credit, conditional debit), lots and
 * balanced entries. Each function runs in the caller's transaction; none commits or decides a replay.
 * The rows themselves are written by the builders of ledger.rows, like the set-based jobs write them.
 */

/**
 * One entry: the account, the customer it belongs to (null for a program account), the signed amount, and for
 * a partner account the partner.
 */
export type Leg = [account: Account, customerId: string | null, amount: number, partnerId?: string | null];

/** Inserts a header; with an idempotency key, returns no row when that key is already taken. */
export async function insertHeader(
  tx: EntityManager,
  tenantId: string,
  header: Header,
  meta: {
    id?: string;
    actor: string;
    channel?: Channel;
    /** The store it is booked at: a till's own, or the purchase's. */
    storeId?: string | null;
    idempotencyKey?: string;
    requestHash?: string;
  },
): Promise<TransactionRow[]> {
  const row = boundHeaderSql({
    ...(meta.id ? { id: meta.id } : {}),
    tenant_id: tenantId,
    kind: header.kind,
    customer_id: header.customerId,
    counterparty_id: header.counterpartyId ?? null,
    points: header.points,
    reason: header.reason,
    reason_code: header.reasonCode ?? null,
    channel: meta.channel ?? null,
    store_id: meta.storeId ?? null,
    actor: meta.actor,
    idempotency_key: meta.idempotencyKey ?? null,
    request_hash: meta.requestHash ?? null,
    reverses_id: header.reversesId ?? null,
    import_id: header.importId ?? null,
    partner_id: header.partnerId ?? null,
  });
  return await tx.execute<TransactionRow[]>(
    `${row.sql} on conflict (tenant_id, idempotency_key) do nothing returning *`,
    row.params,
  );
}

export async function recordBalanceAfter(
  tx: EntityManager,
  txnId: string,
  balance: BalanceRow,
): Promise<TransactionRow> {
  const [row] = await tx.execute<TransactionRow[]>(
    `update ledger_transaction set available_after = ?, pending_after = ?, version_after = ? where id = ? returning *`,
    [balance.available, balance.pending, balance.version, txnId],
  );
  return row;
}

/** A transaction of the tenant by id. */
export async function findTransaction(
  em: EntityManager,
  tenantId: string,
  id: string,
): Promise<TransactionRow | undefined> {
  const rows = await em.execute<TransactionRow[]>(`select * from ledger_transaction where id = ? and tenant_id = ?`, [
    id,
    tenantId,
  ]);
  return rows[0];
}

/** Adds to a balance, creating the row on a customer's first points; see creditSql. */
export async function credit(
  tx: EntityManager,
  tenantId: string,
  customerId: string,
  delta: Delta,
): Promise<BalanceRow> {
  const rows = await tx.execute<BalanceRow[]>(creditSql('?, ?, ?, ?, ?, ?'), [
    customerId,
    tenantId,
    delta.available ?? 0,
    delta.pending ?? 0,
    delta.lifetimeEarned ?? 0,
    delta.lifetimeRedeemed ?? 0,
  ]);
  return rows[0];
}

/**
 * Takes from a balance only if it covers the amount: one statement, no read-then-write window. Chosen by
 * `npm run bench:debit` (32 clients): 879 debits/s on one hot account against 739 for SELECT FOR UPDATE
 * then UPDATE and 127 for SERIALIZABLE with retries (321 retries in 5 s); 3032 against 2192 and 2055
 * over 100 accounts. All three stay consistent; this one does the least work while holding the lock.
 */
export async function debit(tx: EntityManager, customerId: string, delta: Delta): Promise<BalanceRow> {
  const balance = await debitOrNull(tx, customerId, delta);
  if (balance) return balance;
  const [current] = await tx.execute<BalanceRow[]>(
    `select available, pending from points_balance where customer_id = ?`,
    [customerId],
  );
  const pending = delta.pending ?? 0;
  const have = pending > 0 ? `${current?.pending ?? 0} pending` : `${current?.available ?? 0} available`;
  throw ledgerError(
    LedgerErrorCode.INSUFFICIENT_POINTS,
    `The customer has ${have} points, ${(delta.available ?? 0) + pending} needed`,
    'input.points',
  );
}

export async function debitOrNull(tx: EntityManager, customerId: string, delta: Delta): Promise<BalanceRow | null> {
  const available = delta.available ?? 0;
  const pending = delta.pending ?? 0;
  const rows = await tx.execute<BalanceRow[]>(
    `update points_balance set
       available = available - ?, pending = pending - ?,
       lifetime_earned = lifetime_earned - ?, lifetime_redeemed = lifetime_redeemed + ?,
       version = version + 1, last_activity_at = coalesce(?, last_activity_at), updated_at = now()
     where customer_id = ? and available >= ? and pending >= ?
     returning available, pending, version`,
    [
      available,
      pending,
      delta.lifetimeEarned ?? 0,
      delta.lifetimeRedeemed ?? 0,
      delta.activity ?? null,
      customerId,
      available,
      pending,
    ],
  );
  return rows[0] ?? null;
}

/**
 * Creates the two balance rows a movement between customers touches and locks them in one fixed (id)
 * order: two opposite movements cannot each hold the row the other needs.
 */
export async function lockBalancePair(tx: EntityManager, tenantId: string, fromId: string, toId: string) {
  await tx.execute(
    `insert into points_balance (customer_id, tenant_id, updated_at) values (?, ?, now()) on conflict do nothing`,
    [toId, tenantId],
  );
  await tx.execute(
    `select customer_id from points_balance where customer_id in (?, ?) order by customer_id for update`,
    [fromId, toId],
  );
}

/**
 * The lot of a new credit of `origin`, in this month's cohort. `expiresAt: 'policy'` dates the lot by the
 * tenant's expiry policy, in SQL like the earn path.
 */
export async function createLot(
  tx: EntityManager,
  tenantId: string,
  customerId: string,
  txnId: string,
  amount: number,
  pendingUntil: Date | null,
  expiresAt: Date | null | 'policy',
  origin: PointsOrigin,
) {
  const lot = lotSql(
    {
      tenant_id: 't.id',
      customer_id: '?',
      transaction_id: '?',
      points: '?',
      remaining: '?',
      pending_until: '?',
      expires_at: expiresAt === 'policy' ? lotExpirySql() : '?::timestamptz',
      origin: '?::points_origin',
      cohort: newCohortSql(),
    },
    'from tenant t where t.id = ?',
  );
  await tx.execute(lot, [
    customerId,
    txnId,
    amount,
    amount,
    pendingUntil,
    expiresAt === 'policy' ? null : expiresAt,
    origin,
    tenantId,
  ]);
}

/**
 * One new lot of `toId` per take, with the take's points and its source lot's expiry, origin and cohort: points
 * that change hands stay what they were.
 */
export async function copyTakes(tx: EntityManager, takes: readonly LotTake[], toId: string, txnId: string) {
  const values = takes.map(() => '(?::int, ?::uuid, ?::bigint)').join(', ');
  const lot = lotSql(
    {
      tenant_id: 's.tenant_id',
      customer_id: '?',
      transaction_id: '?',
      points: 'v.take',
      remaining: 'v.take',
      expires_at: 's.expires_at',
      origin: 's.origin',
      cohort: 's.cohort',
    },
    `from (values ${values}) as v(ord, id, take) join points_lot s on s.id = v.id order by v.ord`,
  );
  await tx.execute(lot, [toId, txnId, ...takes.flatMap((take, ord) => [ord, take.lotId, take.points])]);
}

/** Consumes spendable lots first-to-expire first. The balance row is already locked by the debit. */
export async function consumeLots(
  tx: EntityManager,
  customerId: string,
  txnId: string,
  amount: number,
  preferLotId?: string,
): Promise<LotTake[]> {
  const lots = await tx.execute<{ id: string; remaining: string; expires_at: Date | null }[]>(
    `select id, remaining, expires_at from points_lot
      where customer_id = ? and remaining > 0 and pending_until is null
      order by expires_at asc nulls last, created_at, id for update`,
    [customerId],
  );
  const takes = planConsumption(
    lots.map((lot) => ({
      id: lot.id,
      remaining: Number(lot.remaining),
      expiresAt: lot.expires_at ? new Date(lot.expires_at) : null,
    })),
    amount,
    preferLotId,
  );
  const values = takes.map(() => '(?::uuid, ?::bigint)').join(', ');
  const params = takes.flatMap((take) => [take.lotId, take.points]);
  await tx.execute(
    `update points_lot l set remaining = l.remaining - v.take from (values ${values}) as v(id, take) where l.id = v.id`,
    params,
  );
  await tx.execute(`${CONSUMPTION_SQL} select ?::uuid, v.id, v.take from (values ${values}) as v(id, take)`, [
    txnId,
    ...params,
  ]);
  return takes;
}

/**
 * Gives back `amount` points of what the redemption `redeemId` took, latest take first, after the `skip` points
 * earlier refunds gave back: one new lot of `toId` per take, with its source lot's expiry, origin and cohort.
 */
export async function returnTakes(
  tx: EntityManager,
  redeemId: string,
  skip: number,
  amount: number,
  toId: string,
  txnId: string,
) {
  // Takes in the reverse of the order consumeLots made them; [start, upto) is each one's span in that order.
  const lot = lotSql(
    {
      tenant_id: 's.tenant_id',
      customer_id: '?',
      transaction_id: '?',
      points: 'r.given',
      remaining: 'r.given',
      expires_at: 's.expires_at',
      origin: 's.origin',
      cohort: 's.cohort',
    },
    `from (select t.lot_id, least(t.upto, ?::bigint + ?::bigint) - greatest(t.upto - t.points, ?::bigint) as given, t.rank
             from (select c.lot_id, c.points, row_number() over w as rank, sum(c.points) over w as upto
                     from points_lot_consumption c join points_lot l on l.id = c.lot_id where c.transaction_id = ?
                   window w as (order by l.expires_at desc nulls first, l.created_at desc, l.id desc)) t) r
       join points_lot s on s.id = r.lot_id
      where r.given > 0 order by r.rank`,
  );
  const [made] = await tx.execute<{ points: string }[]>(
    `with made as (${lot} returning points) select coalesce(sum(points), 0)::bigint as points from made`,
    [toId, txnId, skip, amount, skip, redeemId],
  );
  // The refund credits `amount`; lots that hold less would leave the balance ahead of its lots for good.
  if (Number(made.points) !== amount)
    throw new Error(`refund of ${redeemId} re-created ${made.points} points of lots for ${amount} credited`);
}

/**
 * Empties the given (locked) lots into new lots of `toId`, one each, with the same points, pending date
 * and expiry date, each pointing back at its source; `txnId` consumed them.
 */
export async function relocateLots(tx: EntityManager, lotIds: string[], toId: string, txnId: string) {
  const ids = pgArray(lotIds);
  const lot = lotSql(
    {
      tenant_id: 'l.tenant_id',
      customer_id: '?',
      transaction_id: '?',
      points: 'l.remaining',
      remaining: 'l.remaining',
      pending_until: 'l.pending_until',
      expires_at: 'l.expires_at',
      source_lot_id: 'l.id',
      origin: 'l.origin',
      cohort: 'l.cohort',
    },
    'from points_lot l where l.id = any(?::uuid[]) order by l.id',
  );
  await tx.execute(lot, [toId, txnId, ids]);
  await tx.execute(
    `with taken as (select id, remaining from points_lot where id = any(?::uuid[])),
          emptied as (update points_lot l set remaining = 0 from taken where l.id = taken.id)
     ${CONSUMPTION_SQL} select ?::uuid, id, remaining from taken`,
    [ids, txnId],
  );
}

/** Records that a transaction took `amount` points from one lot. */
export async function recordConsumption(tx: EntityManager, txnId: string, lotId: string, amount: number) {
  await tx.execute(`${CONSUMPTION_SQL} values (?, ?, ?)`, [txnId, lotId, amount]);
}

export async function entries(tx: EntityManager, tenantId: string, txnId: string, legs: Leg[]) {
  const values = legs.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
  await tx.execute(
    `${ENTRY_SQL} values ${values}`,
    legs.flatMap(([account, customerId, amount, partnerId]) => [
      tenantId,
      txnId,
      account,
      customerId,
      amount,
      partnerId ?? null,
    ]),
  );
}

/** A program or partner account, and the partner for a partner account. */
export interface ProgramLeg {
  account: Account;
  partnerId: string | null;
}

/**
 * The program-side leg of a transaction (its one entry that is no customer's): what a reversal books back, so
 * a partner's earn is reversed against that partner's account and a program's against the program's.
 */
export async function programLegOf(tx: EntityManager, txnId: string): Promise<ProgramLeg> {
  const [leg] = await tx.execute<{ account: Account; partner_id: string | null }[]>(
    `select account, partner_id from ledger_entry where transaction_id = ? and customer_id is null order by id limit 1`,
    [txnId],
  );
  if (!leg) throw new Error(`transaction ${txnId} has no program leg`);
  return { account: leg.account, partnerId: leg.partner_id };
}

/**
 * The customers were looked up before the transaction; a merge may have committed since. Key-share locks
 * make a merge under way finish first; a customer merged meanwhile is refused (a retry books on the survivor).
 */
export async function assertNotMerged(tx: EntityManager, ids: (string | undefined)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))].sort();
  const rows = await tx.execute<{ id: string; merged_into_id: string | null }[]>(
    `select id, merged_into_id from customer where id in (?) order by id for key share`,
    [wanted],
  );
  const merged = rows.find((row) => row.merged_into_id);
  if (merged) {
    throw ledgerError(
      LedgerErrorCode.CUSTOMER_MERGED,
      `Customer ${merged.id} was merged into ${merged.merged_into_id} just now; send the request again`,
      'input.customerId',
    );
  }
}

/** Who holds a customer's points now: its survivor when it was merged. Read under a key-share lock, so a merge waits. */
export async function holderNow(tx: EntityManager, customerId: string): Promise<string> {
  const [row] = await tx.execute<{ id: string }[]>(
    `select coalesce(merged_into_id, id) as id from customer where id = ? for key share`,
    [customerId],
  );
  return row?.id ?? customerId;
}
