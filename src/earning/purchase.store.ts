import { prepared, type StatementPool } from '../shared/db/statements';
import { capPeriodStart, type RuleForEvaluation } from './rules.logic';

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
