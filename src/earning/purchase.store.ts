import type { EntityManager } from '@mikro-orm/postgresql';

import { earnWithinParams, earnWithinSql } from '../ledger/earn.store';
import { PointsOrigin } from '../ledger/ledger.entity';
import type { TransactionRow } from '../ledger/ledger.model';
import { upgradeWithBookedCtes } from '../program/tier.sql';
import type { Channel } from '../shared/channel';
import { bind } from '../shared/db/sql';
import { prepared, preparedNamed, type StatementPool } from '../shared/db/statements';
import { claimCte, claimParams, type IdempotentRequest } from '../shared/idempotency';
import { TIMELINE_COLUMNS } from '../timeline/timeline';
import { type reservations, reserveCtes } from './earning-rule.service';
import { capPeriodStart, type LineFacts, type RuleForEvaluation } from './rules.logic';

/**
 * Everything a purchase reads that is per customer, in one prepared statement: the customer (its survivor when
 * the id was merged, in the caller's tenant), who holds its points (its business account's pool when that pools
 * them), its tier status row, its usage of the capped rules in their current periods and the budgets used so far.
 * The program itself comes from ProgramConfigCache; budgets and usage move with every sale, so they are read here.
 * The survivor and pool joins repeat customerByIdLoader's and pointsHolder's, not shared: each is one join, bound
 * differently (a batch of ids in the ORM's session; one id in the caller's transaction; here a prepared statement).
 */
const PURCHASE_FACTS = prepared(
  'purchase_facts',
  `with customer_row as (
     select c.id, c.segments, c.business_account_id from customer k
       join customer c on c.id = coalesce(k.merged_into_id, k.id) and c.tenant_id = k.tenant_id
      where k.tenant_id = ? and k.id = ?)
   select c.id, c.segments, c.business_account_id,
          coalesce((select ba.pool_customer_id from business_account ba
                     where ba.tenant_id = ? and ba.id = c.business_account_id and ba.pool_points and ba.pool_customer_id is not null), c.id) as holder,
          ct.tier_id, ct.granted_tier_id, ct.granted_until,
          (select coalesce(jsonb_object_agg(u.rule_id, u.points), '{}') from rule_usage u
             join unnest(?::uuid[], ?::date[]) as w(rule_id, period_start)
               on u.rule_id = w.rule_id and u.period_start = w.period_start
            where u.customer_id = c.id) as usage,
          (select coalesce(jsonb_object_agg(r.id, r.budget_used), '{}') from earning_rule r
            where r.tenant_id = ? and r.id = any(?::uuid[])) as budgets
     from customer_row c left join customer_tier ct on ct.tenant_id = ? and ct.customer_id = c.id`,
);

export interface CustomerFacts {
  /** The customer the purchase is theirs: the survivor of a merged id. */
  id: string;
  segments: string[];
  businessAccountId: string | null;
  /** Who earns the points: the pool of the business account, or the customer. */
  holder: string;
  /** The customer_tier row's status columns, or undefined before the first qualification. */
  status: { tier_id: string; granted_tier_id: string | null; granted_until: string | null } | undefined;
  /** The rules in force at the purchase's time, each a copy with this customer's usage and the budget used now. */
  rules: RuleForEvaluation[];
}

interface FactsRow {
  id: string;
  segments: string[];
  business_account_id: string | null;
  holder: string;
  tier_id: string | null;
  granted_tier_id: string | null;
  granted_until: string | null;
  usage: Record<string, number>;
  budgets: Record<string, number>;
}

/** The customer's facts for a purchase at `at`, or null when the tenant has no such customer. */
export async function customerFacts(
  pool: StatementPool,
  tenantId: string,
  customerId: string,
  active: readonly RuleForEvaluation[],
  at: Date,
  timeZone: string,
): Promise<CustomerFacts | null> {
  const rules = active
    .filter((rule) => (!rule.startsAt || rule.startsAt <= at) && (!rule.endsAt || rule.endsAt > at))
    .map((rule) => ({ ...rule, customerUsed: 0 }));
  const capped = rules.filter((rule) => rule.capPerCustomer !== null);
  const [row] = await pool.run<FactsRow>(PURCHASE_FACTS, [
    tenantId,
    customerId,
    tenantId,
    capped.map((rule) => rule.id),
    capped.map((rule) => capPeriodStart(rule.customerCapPeriod!, at, timeZone)),
    tenantId,
    rules.filter((rule) => rule.budget !== null).map((rule) => rule.id),
    tenantId,
  ]);
  if (!row) return null;
  for (const rule of rules) {
    rule.customerUsed = Number(row.usage[rule.id] ?? 0);
    if (rule.budget !== null) rule.budgetUsed = Number(row.budgets[rule.id] ?? rule.budgetUsed);
  }
  return {
    id: row.id,
    segments: row.segments,
    businessAccountId: row.business_account_id,
    holder: row.holder,
    status: row.tier_id
      ? { tier_id: row.tier_id, granted_tier_id: row.granted_tier_id, granted_until: row.granted_until }
      : undefined,
    rules,
  };
}

/**
 * The lock every booking of a purchase takes first after its key, as a CTE `counted` (its row when `gate`, a
 * relation, has one): the holder's purchase counter, bumped. Bookings of one holder, with points or without, so
 * pass one at a time, and a booking in one statement learns from the number it wrote whether another committed
 * since its snapshot. Not on `points_balance`, whose every change is a loyalty-state version, and whose row a
 * first purchase or one without points has not got.
 */
const countedCte = (gate: string) => `counted as (
     insert into purchase_counter as n (holder_id, tenant_id, booked)
     select :holder::uuid, :tenantId::uuid, 1 from ${gate}
     on conflict (holder_id) do update set booked = n.booked + 1
     returning n.booked)`;

/**
 * A booking of a purchase, in one statement, so one autocommit transaction (as few round trips as an earn), in the
 * lock order of every purchase (ADR 0001): the idempotency key, the holder's purchase counter, the holder's balance
 * (the earn), the customer's tier (qualification, counting this purchase as an extra row: the statement cannot read
 * its own insert), the order id, then the budgets and caps. The configuration version is checked first: a stale
 * version writes nothing, nor does a key claimed before (a replay, or CONFLICT). Raised by `lg_fail`, undoing the
 * whole statement: an order already recorded; a reservation that fell short; and a booking overtaken by another of
 * the same holder, which committed while this one waited for the counter (the counter moved by more than this
 * booking), or an earn that found no holder: qualification reads the purchases as of the statement's start, so it
 * would miss that one, and the booking is evaluated again.
 */
const BOOK_PURCHASE = preparedNamed(
  'purchase_book',
  `with config as (
     select coalesce((select version from program_config_version where tenant_id = :tenantId), 0)::text as version),
   fresh as (select 1 from config where config.version = :configVersion),
   ${claimCte('fresh')},
   ids as (
     select claim.result_id as purchase_id, case when :points::bigint > 0 then uuid_generate_v7() end as transaction_id,
            'purchase:' || claim.result_id as key
       from claim),
   ${countedCte('ids')},
   -- Everything that locks a row reads through this, so no plan can lock the balance, the tier, the order id or a
   -- budget before the counter: the counter is the first lock of every booking of the holder, on both paths.
   counted_ids as (select ids.* from ids cross join counted),
   earning as (select transaction_id, key from counted_ids where transaction_id is not null),
   ${earnWithinSql('earning')},
   ${upgradeWithBookedCtes('counted_ids')},
   change as (
     select c.from_tier_id, c.to_tier_id, t.code as to_code from changes c
       join tier t on t.tenant_id = :tenantId and t.id = c.to_tier_id limit 1),
   inserted as (
     insert into purchase (id, tenant_id, customer_id, store_id, channel, order_id, occurred_at, amount, net_amount, points,
                           net_points, transaction_id, idempotency_key, request_hash, breakdown, actor, created_at)
     select ids.purchase_id, :tenantId, :customerId, :storeId, :channel, :orderId, :bookedAt::timestamptz, :bookedAmount::bigint,
            :bookedAmount::bigint, :bookedPoints::bigint, :bookedPoints::bigint, ids.transaction_id, :key, :hash,
            :result::jsonb || jsonb_build_object('purchaseId', ids.purchase_id)
              || coalesce((select jsonb_build_object('transaction', :transaction::jsonb || jsonb_build_object(
                   'id', h.id, 'customerId', h.customer_id, 'idempotencyKey', h.idempotency_key,
                   'createdAt', to_char(h.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) from header h), '{}')
              || coalesce((select jsonb_build_object('tierChange', case when :tiers::jsonb -> c.from_tier_id::text is null
                   then jsonb_build_object('to', :tiers::jsonb -> c.to_tier_id::text)
                   else jsonb_build_object('from', :tiers::jsonb -> c.from_tier_id::text, 'to', :tiers::jsonb -> c.to_tier_id::text) end)
                 from change c), '{}'),
            :actor, now()
       from counted_ids ids
     on conflict (tenant_id, order_id) do nothing returning id),
   lines as (
     insert into purchase_line (purchase_id, line_no, sku, category, quantity, unit_price, points, refunded_quantity, refunded_points)
     select i.id, l.n - 1, l.sku, l.category, l.quantity, l.unit_price, l.points, 0, 0
       from inserted i cross join unnest(:skus::text[], :categories::text[], :quantities::int[], :unitPrices::bigint[], :linePoints::bigint[])
            with ordinality as l(sku, category, quantity, unit_price, points, n)
     returning 1),
   ${reserveCtes('counted_ids')},
   event as (
     insert into timeline_event ${TIMELINE_COLUMNS}
     select uuid_generate_v7(), :tenantId, :customerId, 'PURCHASE', 'gateway', null, :channel, :actor, :bookedAt::timestamptz,
            :summary, :data::jsonb || coalesce((select jsonb_build_object('tierChange', c.to_code) from change c), '{}'),
            'purchase', ids.purchase_id::text, now()
       from ids
     returning 1),
   booked as (
     -- The order of these reads is the lock order: the counter here, then the balance and the tier (read by the
     -- purchase insert), the order id, the budgets and the caps. The lines and the purchase's event are read before
     -- the budgets, so written before them; the earn's lot and legs and the tier change's event are read by nothing,
     -- and PostgreSQL writes those at the end of the statement, the budget rows held.
     select (select purchase_id from ids) as claimed,
            (select booked from counted)
              - coalesce((select booked from purchase_counter where tenant_id = :tenantId and holder_id = :holder), 0) as moved,
            (select id from inserted) as purchase_id, (select from_tier_id from change) as from_tier_id,
            (select to_tier_id from change) as to_tier_id, (select count(*) from earning) - (select count(*) from header) as unearned,
            (select count(*) from lines) + (select count(*) from event) as written, (select count(*) from budgets) as budgets,
            (select count(*) from caps) as caps)
   select config.version as config_version, b.claimed, b.from_tier_id, b.to_tier_id, b.written, h.*,
          case when b.claimed is null then null
               when b.moved is distinct from 1 or b.unearned <> 0 then lg_fail('LG_OVERTAKEN')
               when b.purchase_id is null then lg_fail('LG_ORDER_RECORDED')
               when b.budgets < :budgetsWanted or b.caps < :capsWanted then lg_fail('LG_CAPS_TAKEN') end as failed
     from config cross join booked b left join header h on true`,
);

/**
 * For a booking statement by statement (the last attempt, a purchase without points), after its key: the locks of
 * BOOK_PURCHASE up to the order id, in its order: the holder's purchase counter (bumped), balance and the customer's
 * tier row, those that exist. What it then writes (the order id, budgets and caps, the earn, the tier) it writes under them.
 */
export async function lockForBooking(tx: EntityManager, tenantId: string, holder: string, customerId: string) {
  await tx.execute(
    ...bind(
      `with ${countedCte('(select 1) one')},
         balance as (select 1 from points_balance where tenant_id = :tenantId and customer_id = :holder for update),
         status as (select 1 from customer_tier where tenant_id = :tenantId and customer_id = :customerId for update)
       select (select count(*) from counted) as counted, (select count(*) from balance) as balance,
              (select count(*) from status) as status`,
      { tenantId, holder, customerId },
    ),
  );
}

/** `lg_fail`'s messages from BOOK_PURCHASE. */
export const ORDER_RECORDED = 'LG_ORDER_RECORDED';
export const CAPS_TAKEN = 'LG_CAPS_TAKEN';
export const OVERTAKEN = 'LG_OVERTAKEN';

export interface PurchaseBooking {
  tenantId: string;
  configVersion: string;
  claim: IdempotentRequest;
  /** The customer the purchase is theirs (a survivor), and who earns its points. */
  customerId: string;
  holder: string;
  storeId: string | null;
  channel: Channel;
  orderId: string;
  occurredAt: Date;
  /** When qualification counts from: the purchase's time, or now if later. */
  qualifyAt: Date;
  amount: number;
  points: number;
  actor: string;
  pendingUntil: Date | null;
  lines: (LineFacts & { points: number })[];
  /** The answer as stored, but what the statement adds: the purchase's id, the transaction's id, customer and time, the tier change. */
  result: string;
  /** The transaction's view as stored, but its id, customer and time. */
  transaction: string;
  /** The tenant's tiers by id, as JSON: the tier change's from and to. */
  tiers: string;
  summary: string;
  /** The timeline event's data, but its tier change. */
  data: string;
  reservations: ReturnType<typeof reservations>;
}

export type BookedRow = Partial<TransactionRow> & {
  config_version: string;
  /** The purchase's id when the key was this request's. */
  claimed: string | null;
  from_tier_id: string | null;
  to_tier_id: string | null;
};

/** Books a purchase in one statement (see BOOK_PURCHASE): the earn's header columns when it earned. */
export async function bookPurchase(pool: StatementPool, booking: PurchaseBooking): Promise<BookedRow> {
  const { reservations: wanted } = booking;
  const [row] = await pool.run<BookedRow>(
    BOOK_PURCHASE,
    BOOK_PURCHASE.values(
      {
        ...wanted.values,
        budgetsWanted: wanted.budgets,
        capsWanted: wanted.caps,
        tenantId: booking.tenantId,
        holder: booking.holder,
        configVersion: booking.configVersion,
        points: booking.points,
        customerId: booking.customerId,
        at: booking.qualifyAt,
        actor: booking.actor,
        bookedAt: booking.occurredAt,
        bookedAmount: booking.amount,
        bookedPoints: booking.points,
        storeId: booking.storeId,
        channel: booking.channel,
        orderId: booking.orderId,
        key: booking.claim.key,
        hash: booking.claim.hash,
        result: booking.result,
        transaction: booking.transaction,
        tiers: booking.tiers,
        skus: booking.lines.map((line) => line.sku),
        categories: booking.lines.map((line) => line.category),
        quantities: booking.lines.map((line) => line.quantity),
        unitPrices: booking.lines.map((line) => line.unitPrice),
        linePoints: booking.lines.map((line) => line.points),
        summary: booking.summary,
        data: booking.data,
      },
      [
        ...claimParams(booking.claim),
        ...earnWithinParams({
          tenantId: booking.tenantId,
          customerId: booking.holder,
          points: booking.points,
          reason: `purchase ${booking.orderId}`,
          channel: booking.channel,
          storeId: booking.storeId,
          actor: booking.actor,
          pendingUntil: booking.pendingUntil,
          expiresAt: null,
          origin: PointsOrigin.PURCHASE,
        }),
      ],
    ),
  );
  return row;
}
