import type { TransactionRow } from '../ledger/ledger.model';
import { earnWithinParams, earnWithinSql } from '../ledger/ledger.store';
import { UPGRADE_CTES } from '../program/tier.sql';
import type { Channel } from '../shared/channel';
import { prepared, preparedNamed, type RunStatement, type StatementPool } from '../shared/db/statements';
import { claimCte, claimParams, type IdempotentRequest } from '../shared/idempotency';
import { TIMELINE_COLUMNS } from '../timeline/timeline';
import { type reservations, RESERVE_CTES } from './earning-rule.service';
import { capPeriodStart, type LineFacts, type RuleForEvaluation } from './rules.logic';

/**
 * Everything a purchase reads that is per customer, in one prepared statement: the customer (its survivor when
 * the id was merged, in the caller's tenant), who holds its points (its business account's pool when that pools
 * them), its tier status row, its usage of the capped rules in their current periods and the budgets used so far.
 * The program itself comes from ProgramConfigCache; budgets and usage move with every sale, so they are read here.
 */
const PURCHASE_FACTS = prepared(
  'purchase_facts',
  `with customer_row as (
     select c.id, c.segments, c.business_account_id from customer k
       join customer c on c.id = coalesce(k.merged_into_id, k.id) and c.tenant_id = k.tenant_id
      where k.tenant_id = ? and k.id = ?)
   select c.id, c.segments, c.business_account_id,
          coalesce((select ba.pool_customer_id from business_account ba
                     where ba.id = c.business_account_id and ba.pool_points and ba.pool_customer_id is not null), c.id) as holder,
          ct.tier_id, ct.granted_tier_id, ct.granted_until,
          (select coalesce(jsonb_object_agg(u.rule_id, u.points), '{}') from rule_usage u
             join unnest(?::uuid[], ?::date[]) as w(rule_id, period_start)
               on u.rule_id = w.rule_id and u.period_start = w.period_start
            where u.customer_id = c.id) as usage,
          (select coalesce(jsonb_object_agg(r.id, r.budget_used), '{}') from earning_rule r where r.id = any(?::uuid[])) as budgets
     from customer_row c left join customer_tier ct on ct.customer_id = c.id`,
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
    capped.map((rule) => rule.id),
    capped.map((rule) => capPeriodStart(rule.customerCapPeriod!, at, timeZone)),
    rules.filter((rule) => rule.budget !== null).map((rule) => rule.id),
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
 * The booking's first statement: the configuration version check, the idempotency claim, the purchase with its
 * final points, the earn (to the holder, keyed by the purchase) and the lines; a purchase without points takes its
 * customer's row instead of a balance row, so two such purchases still qualify one after the other. A stale
 * version writes nothing; a key already claimed writes nothing (a replay, or CONFLICT); an order already recorded
 * writes its claim only, which the caller rolls back.
 */
const BOOK_PURCHASE = prepared(
  'purchase_book',
  `with config as (
     select coalesce((select version from program_config_version where tenant_id = ?), 0)::text as version),
   fresh as (select 1 from config where config.version = ?),
   ${claimCte('fresh')},
   inserted as (
     insert into purchase (id, tenant_id, customer_id, store_id, channel, order_id, occurred_at, amount, net_amount, points,
                           net_points, transaction_id, idempotency_key, request_hash, breakdown, actor, created_at)
     select claim.result_id, ?, ?, ?, ?, ?, ?::timestamptz, ?::bigint, ?::bigint, ?::bigint, ?::bigint,
            case when ?::bigint > 0 then uuid_generate_v7() end, ?, ?, '{}', ?, now() from claim
     on conflict (tenant_id, order_id) do nothing returning id, transaction_id),
   earning as (select transaction_id, 'purchase:' || id as key from inserted where transaction_id is not null),
   ${earnWithinSql('earning')},
   lines as (
     insert into purchase_line (purchase_id, line_no, sku, category, quantity, unit_price, points, refunded_quantity, refunded_points)
     select i.id, l.n - 1, l.sku, l.category, l.quantity, l.unit_price, l.points, 0, 0
       from inserted i cross join unnest(?::text[], ?::text[], ?::int[], ?::bigint[], ?::bigint[])
            with ordinality as l(sku, category, quantity, unit_price, points, n)),
   pointless as (
     select c.id from customer c cross join inserted i where c.id = ? and i.transaction_id is null for no key update of c)
   select config.version as config_version, (select result_id from claim) as claimed, (select id from inserted) as purchase_id,
          (select count(*) from pointless) as pointless, h.*
     from config left join header h on true`,
);

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
  amount: number;
  points: number;
  actor: string;
  pendingUntil: Date | null;
  lines: (LineFacts & { points: number })[];
}

export type BookedRow = Partial<TransactionRow> & {
  config_version: string;
  claimed: string | null;
  purchase_id: string | null;
};

/** The first statement of a booking (see BOOK_PURCHASE): the earn's header columns when it earned. */
export async function bookPurchase(run: RunStatement, booking: PurchaseBooking): Promise<BookedRow> {
  const [row] = await run<BookedRow>(BOOK_PURCHASE, [
    booking.tenantId,
    booking.configVersion,
    ...claimParams(booking.claim),
    booking.tenantId,
    booking.customerId,
    booking.storeId,
    booking.channel,
    booking.orderId,
    booking.occurredAt,
    booking.amount,
    booking.amount,
    booking.points,
    booking.points,
    booking.points,
    booking.claim.key,
    booking.claim.hash,
    booking.actor,
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
    }),
    booking.lines.map((line) => line.sku),
    booking.lines.map((line) => line.category),
    booking.lines.map((line) => line.quantity),
    booking.lines.map((line) => line.unitPrice),
    booking.lines.map((line) => line.points),
    booking.customerId,
  ]);
  return row;
}

/**
 * The booking's second statement, after the first's purchase is visible: the customer's qualification (which
 * counts that purchase), the reservation of budgets and caps, the stored breakdown (with the tier change as the
 * cached tiers serialise) and the purchase's timeline event. It reads the qualification first, then budgets, then
 * caps: the lock order of every purchase (ADR 0001). The budget rows, shared by every sale, are locked from here to
 * the commit that follows at once.
 */
const COMPLETE_PURCHASE = preparedNamed(
  'purchase_complete',
  `with ${UPGRADE_CTES},
   ${RESERVE_CTES},
   change as (
     select c.from_tier_id, c.to_tier_id, t.code as to_code from changes c join tier t on t.id = c.to_tier_id limit 1),
   stored as (
     update purchase set breakdown = :result::jsonb || coalesce((
       select jsonb_build_object('tierChange', case when :tiers::jsonb -> c.from_tier_id::text is null
         then jsonb_build_object('to', :tiers::jsonb -> c.to_tier_id::text)
         else jsonb_build_object('from', :tiers::jsonb -> c.from_tier_id::text, 'to', :tiers::jsonb -> c.to_tier_id::text) end)
       from change c), '{}')
      where id = :purchaseId),
   event as (
     insert into timeline_event ${TIMELINE_COLUMNS}
     select uuid_generate_v7(), :tenantId, :customerId, 'PURCHASE', 'gateway', null, :channel, :actor, :occurredAt::timestamptz,
            :summary, :data::jsonb || coalesce((select jsonb_build_object('tierChange', c.to_code) from change c), '{}'),
            'purchase', :purchaseId, now())
   select (select from_tier_id from change) as from_tier_id, (select to_tier_id from change) as to_tier_id,
          (select count(*) from budgets)::int as budgets, (select count(*) from caps)::int as caps`,
);

export interface PurchaseCompletion {
  tenantId: string;
  customerId: string;
  purchaseId: string;
  /** When qualification counts from: the purchase's time, or now if later. */
  qualifyAt: Date;
  actor: string;
  channel: Channel;
  occurredAt: Date;
  /** The answer as stored, but its tier change, which this statement adds. */
  result: string;
  /** The tenant's tiers by id, as JSON: the tier change's from and to. */
  tiers: string;
  summary: string;
  /** The timeline event's data, but its tier change. */
  data: string;
  reservations: ReturnType<typeof reservations>;
}

export interface Completed {
  from_tier_id: string | null;
  to_tier_id: string | null;
  /** Whether every budget and cap the evaluation counted on was still there. */
  reserved: boolean;
}

export async function completePurchase(run: RunStatement, completion: PurchaseCompletion): Promise<Completed> {
  const { reservations: wanted } = completion;
  const [row] = await run<{ from_tier_id: string | null; to_tier_id: string | null; budgets: number; caps: number }>(
    COMPLETE_PURCHASE,
    COMPLETE_PURCHASE.values({
      ...wanted.values,
      tenantId: completion.tenantId,
      customerId: completion.customerId,
      at: completion.qualifyAt,
      actor: completion.actor,
      result: completion.result,
      tiers: completion.tiers,
      purchaseId: completion.purchaseId,
      channel: completion.channel,
      occurredAt: completion.occurredAt,
      summary: completion.summary,
      data: completion.data,
    }),
  );
  return {
    from_tier_id: row.from_tier_id,
    to_tier_id: row.to_tier_id,
    reserved: row.budgets === wanted.budgets && row.caps === wanted.caps,
  };
}
