import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { bind, pgArray } from '../shared/db/sql';
import { isUuid, requiredText } from '../shared/validation';
import { earningError, EarningErrorCode } from './earning.errors';
import type { EarningRuleInput } from './earning.types';
import { CapPeriod, EarningRule, RuleEffect } from './earning-rule.entity';
import { capPeriodStart, type RuleForEvaluation } from './rules.logic';

const MAX_RULE_POINTS = 1_000_000;

function invalid(message: string, field: string): never {
  throw earningError(EarningErrorCode.RULE_INVALID, message, field);
}

function texts(values: string[] | undefined, field: string): string[] {
  if (!values) return [];
  if (values.length > 500) invalid(`${field} takes at most 500 entries`, field);
  return [...new Set(values.map((value, index) => requiredText(value, `${field}.${index}`, 100)))];
}

function optionalInt(value: number | undefined | null, field: string, min: number, max: number): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    invalid(`${field} must be a whole number from ${min} to ${max}`, field);
  return value;
}

/** Validates a rule as a whole, so a rule that could never apply or never stop is refused up front. */
export function ruleFields(input: EarningRuleInput) {
  const value = optionalInt(input.value, 'input.value', 1, MAX_RULE_POINTS)!;
  if (input.effect === RuleEffect.MULTIPLIER && (value <= 100 || value > 1000))
    invalid('A multiplier is a percent from 101 to 1000 (200 = double points)', 'input.value');
  const daysOfWeek = [...new Set(input.daysOfWeek ?? [])];
  if (daysOfWeek.some((day) => !Number.isInteger(day) || day < 1 || day > 7))
    invalid('Days of the week are 1 (Monday) to 7 (Sunday)', 'input.daysOfWeek');
  if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt)
    invalid('input.endsAt must be after input.startsAt', 'input.endsAt');
  const capPerCustomer = optionalInt(input.capPerCustomer, 'input.capPerCustomer', 1, 1_000_000_000);
  if ((capPerCustomer === null) !== (input.customerCapPeriod == null)) {
    invalid(
      'capPerCustomer and customerCapPeriod go together',
      input.customerCapPeriod == null ? 'input.customerCapPeriod' : 'input.capPerCustomer',
    );
  }
  const storeIds = texts(input.storeIds, 'input.storeIds');
  if (storeIds.some((id) => !isUuid(id))) invalid('input.storeIds must be store ids', 'input.storeIds');
  const tierIds = texts(input.tierIds, 'input.tierIds');
  if (tierIds.some((id) => !isUuid(id))) invalid('input.tierIds must be tier ids', 'input.tierIds');
  const code = requiredText(input.code, 'input.code', 50).toUpperCase();
  if (!/^[A-Z0-9_-]+$/.test(code)) invalid('input.code may hold letters, digits, - and _ only', 'input.code');
  return {
    code,
    name: requiredText(input.name, 'input.name', 200),
    active: input.active ?? true,
    priority: optionalInt(input.priority, 'input.priority', -1000, 1000)!,
    stacking: input.stacking,
    effect: input.effect,
    value,
    channels: [...new Set(input.channels ?? [])],
    storeIds,
    regions: texts(input.regions, 'input.regions'),
    skus: texts(input.skus, 'input.skus'),
    categories: texts(input.categories, 'input.categories'),
    tierIds,
    segments: texts(input.segments, 'input.segments'),
    daysOfWeek,
    minSpend: optionalInt(input.minSpend, 'input.minSpend', 0, Number.MAX_SAFE_INTEGER),
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
    capPerPurchase: optionalInt(input.capPerPurchase, 'input.capPerPurchase', 1, 1_000_000_000),
    capPerCustomer,
    customerCapPeriod: input.customerCapPeriod ?? null,
    budget: optionalInt(input.budget, 'input.budget', 1, Number.MAX_SAFE_INTEGER),
  };
}

export class EarningRuleService {
  async create(ctx: Context, input: EarningRuleInput): Promise<EarningRule> {
    const tenantId = requireTenant(ctx);
    const fields = ruleFields(input);
    try {
      return await ctx.em.transactional(async (tx) => {
        const rule = tx.create(EarningRule, { tenant: tenantId, ...fields });
        await tx.flush();
        return rule;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw earningError(EarningErrorCode.RULE_TAKEN, `Another rule has code ${fields.code}`, 'input.code');
      throw error;
    }
  }

  /** Replaces the rule's definition; what it already gave (budget used, customer usage) stays. */
  async update(ctx: Context, id: string, input: EarningRuleInput): Promise<EarningRule> {
    requireTenant(ctx);
    const fields = ruleFields(input);
    try {
      return await ctx.em.transactional(async (tx) => {
        const rule = isUuid(id) ? await tx.findOne(EarningRule, { id }) : null;
        if (!rule) throw earningError(EarningErrorCode.RULE_NOT_FOUND, `No rule ${id}`, 'id');
        Object.assign(rule, fields);
        rule.version += 1;
        await tx.flush();
        return rule;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw earningError(EarningErrorCode.RULE_TAKEN, `Another rule has code ${fields.code}`, 'input.code');
      throw error;
    }
  }

  list(ctx: Context, activeOnly: boolean): Promise<EarningRule[]> {
    requireTenant(ctx);
    return ctx.em.find(EarningRule, activeOnly ? { active: true } : {}, { orderBy: { priority: 'desc', code: 'asc' } });
  }

  /** The tenant's active rules, whatever their dates: what ProgramConfigCache holds. */
  async active(em: EntityManager, tenantId: string): Promise<RuleForEvaluation[]> {
    const rows = await em.execute<RuleRow[]>(`select * from earning_rule where tenant_id = ? and active`, [tenantId]);
    return rows.map(toRule);
  }

  /**
   * Inside a booking: locks the budgets and usage rows of the rules that want to give points, in id
   * order (concurrent purchases queue on exactly the caps they share, and cannot deadlock), and refreshes
   * the rules' usage from the locked rows, so caps hold under concurrency.
   */
  async lockCaps(
    tx: EntityManager,
    tenantId: string,
    customerId: string,
    at: Date,
    timeZone: string,
    rules: RuleForEvaluation[],
    ruleIds: string[],
  ): Promise<void> {
    const wanted = rules
      .filter((rule) => ruleIds.includes(rule.id) && (rule.budget !== null || rule.capPerCustomer !== null))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    if (wanted.length === 0) return;
    const budgets = wanted.filter((rule) => rule.budget !== null);
    if (budgets.length > 0) {
      const rows = await tx.execute<
        {
          id: string;
          budget_used: string;
        }[]
      >(`select id, budget_used from earning_rule where tenant_id = ? and id in (?) order by id for update`, [
        tenantId,
        budgets.map((rule) => rule.id),
      ]);
      for (const row of rows) budgets.find((rule) => rule.id === row.id)!.budgetUsed = Number(row.budget_used);
    }
    const perCustomer = wanted.filter((rule) => rule.capPerCustomer !== null);
    if (perCustomer.length > 0) {
      const keys = perCustomer.map(
        (rule) => [rule.id, customerId, capPeriodStart(rule.customerCapPeriod!, at, timeZone)] as const,
      );
      await tx.execute(
        `insert into rule_usage (rule_id, customer_id, period_start, points) values ${keys.map(() => '(?, ?, ?, 0)').join(', ')} on conflict do nothing`,
        keys.flat(),
      );
      const rows = await tx.execute<{ rule_id: string; points: string }[]>(
        `select rule_id, points from rule_usage where rule_id in (?) and customer_id = ? and (rule_id::text || '/' || period_start::text) in (?)
          order by rule_id for update`,
        [perCustomer.map((rule) => rule.id), customerId, keys.map(([ruleId, , period]) => usageKey(ruleId, period))],
      );
      for (const row of rows) perCustomer.find((rule) => rule.id === row.rule_id)!.customerUsed = Number(row.points);
    }
  }

  /**
   * Adds what a booking granted to the rules' budgets and the customer's usage, each only if it still fits, in one
   * statement: false when another purchase took those points since they were read (the booking then rolls back
   * and is evaluated again). The budget rows, shared by every sale, stay locked only from here to the commit.
   */
  async reserve(
    tx: EntityManager,
    tenantId: string,
    customerId: string,
    at: Date,
    timeZone: string,
    rules: RuleForEvaluation[],
    granted: Map<string, number>,
  ): Promise<boolean> {
    const wanted = reservations(customerId, at, timeZone, rules, granted);
    if (wanted.budgets + wanted.caps === 0) return true;
    const [taken] = await tx.execute<{ budgets: number; caps: number }[]>(
      ...bind(
        `with ${reserveCtes()}
         select (select count(*) from budgets)::int as budgets, (select count(*) from caps)::int as caps`,
        { ...wanted.values, tenantId },
      ),
    );
    return taken.budgets === wanted.budgets && taken.caps === wanted.caps;
  }
}

/**
 * The reservation of `reserve` as CTEs `budgets` and `caps` (a row per reservation taken), for a statement that
 * books more: named parameters from `reservations(...).values` and `:tenantId`; nothing is taken when the relation `gate` is
 * empty. The budget rows are locked in id order first: an UPDATE ... FROM takes its rows in join order, and two
 * purchases taking them in different orders deadlock (a one-second stall each time). Either CTE runs when the
 * statement reads it, so its place in the final select sets the lock order.
 */
export const reserveCtes = (gate?: string) => `
  budget_locks as (
    select r.id from earning_rule r${gate ? ` cross join ${gate}` : ''}
     where r.tenant_id = :tenantId and r.id = any(:budgetIds::uuid[]) order by r.id for update of r),
  budgets as (
    update earning_rule r set budget_used = r.budget_used + v.points
      from unnest(:budgetIds::uuid[], :budgetPoints::bigint[]) as v(id, points), budget_locks
     where r.id = v.id and budget_locks.id = v.id and r.budget_used + v.points <= r.budget
    returning r.id),
  caps as (
    insert into rule_usage as u (rule_id, customer_id, period_start, points)
    select v.id, :capCustomerId::uuid, v.period_start, v.points
      from unnest(:capIds::uuid[], :capPeriods::date[], :capPoints::bigint[], :caps::bigint[]) as v(id, period_start, points, cap)
     where v.points <= v.cap${gate ? ` and exists (select 1 from ${gate})` : ''}
    on conflict (rule_id, customer_id, period_start) do update set points = u.points + excluded.points
     where u.points + excluded.points
           <= (select cap_per_customer from earning_rule where tenant_id = :tenantId and id = excluded.rule_id)
    returning u.rule_id)`;

/** The values of `reserveCtes` for what a booking granted, and how many budgets and caps it must take. */
export function reservations(
  customerId: string,
  at: Date,
  timeZone: string,
  rules: RuleForEvaluation[],
  granted: Map<string, number>,
): { values: Record<string, unknown>; budgets: number; caps: number } {
  const budgets = rules.filter((rule) => rule.budget !== null && (granted.get(rule.id) ?? 0) > 0).sort(byId);
  const capped = rules.filter((rule) => rule.capPerCustomer !== null && (granted.get(rule.id) ?? 0) > 0).sort(byId);
  return {
    budgets: budgets.length,
    caps: capped.length,
    values: {
      budgetIds: pgArray(budgets.map((rule) => rule.id)),
      budgetPoints: pgArray(budgets.map((rule) => String(granted.get(rule.id)))),
      capCustomerId: customerId,
      capIds: pgArray(capped.map((rule) => rule.id)),
      capPeriods: pgArray(capped.map((rule) => capPeriodStart(rule.customerCapPeriod!, at, timeZone))),
      capPoints: pgArray(capped.map((rule) => String(granted.get(rule.id)))),
      caps: pgArray(capped.map((rule) => String(rule.capPerCustomer))),
    },
  };
}

function byId(a: RuleForEvaluation, b: RuleForEvaluation): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function usageKey(ruleId: string, periodStart: string): string {
  return `${ruleId}/${periodStart}`;
}

function toRule(row: RuleRow): RuleForEvaluation {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    priority: row.priority,
    stacking: row.stacking,
    effect: row.effect,
    value: row.value,
    channels: row.channels,
    storeIds: row.store_ids,
    regions: row.regions,
    skus: row.skus,
    categories: row.categories,
    tierIds: row.tier_ids,
    segments: row.segments,
    daysOfWeek: row.days_of_week,
    minSpend: row.min_spend === null ? null : Number(row.min_spend),
    startsAt: row.starts_at ? new Date(row.starts_at) : null,
    endsAt: row.ends_at ? new Date(row.ends_at) : null,
    capPerPurchase: row.cap_per_purchase,
    capPerCustomer: row.cap_per_customer,
    customerCapPeriod: row.customer_cap_period,
    customerUsed: 0,
    budget: row.budget === null ? null : Number(row.budget),
    budgetUsed: Number(row.budget_used),
  };
}

interface RuleRow {
  id: string;
  code: string;
  name: string;
  priority: number;
  stacking: EarningRule['stacking'];
  effect: RuleEffect;
  value: number;
  channels: string[];
  store_ids: string[];
  regions: string[];
  skus: string[];
  categories: string[];
  tier_ids: string[];
  segments: string[];
  days_of_week: number[];
  min_spend: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  cap_per_purchase: number | null;
  cap_per_customer: number | null;
  customer_cap_period: CapPeriod | null;
  budget: string | null;
  budget_used: string;
}
