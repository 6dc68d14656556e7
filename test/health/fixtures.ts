import { randomUUID } from 'node:crypto';

import { HealthScoring, type ScoringResult } from '../../src/health/health.scoring';
import { SignalService } from '../../src/signals/signal.service';
import { CustomerHealthDocument, SetConsentDocument } from '../generated/graphql';
import type { ApiClient, TestGateway } from '../support';

/*
 * Health inputs dated in the past, written in SQL: the API records "now" (earns, redemptions), takes purchases at
 * most a year back one request at a time, and surveys, cases and consent belong to parts built beside this one.
 */

export const scoring = new HealthScoring(new SignalService());

/** A full scoring run of the tenant, as the CLI and the job do it. */
export async function scoreTenant(gw: TestGateway, tenantId: string, at?: Date): Promise<ScoringResult> {
  const result = await scoring.scoreTenant(gw.gateway.orm.em.fork(), tenantId, at);
  if (!result) throw new Error('another scoring run held the tenant');
  return result;
}

export function sql<T = Record<string, unknown>>(gw: TestGateway, text: string, params: unknown[] = []) {
  return gw.gateway.orm.em.fork().execute<T[]>(text, params);
}

/** Purchases of `amount` minor units, one `daysAgo` each. */
export async function pastPurchases(
  gw: TestGateway,
  tenantId: string,
  customerId: string,
  daysAgo: number[],
  amount = 5_000,
): Promise<void> {
  await sql(
    gw,
    `insert into purchase (id, tenant_id, customer_id, channel, order_id, occurred_at, amount, net_amount, points, net_points,
                           idempotency_key, request_hash, breakdown, actor, created_at)
     select gen_random_uuid(), ?, ?, 'POS', 'o-' || gen_random_uuid(), now() - make_interval(days => d), ?::bigint, ?::bigint, ?::bigint / 100, ?::bigint / 100,
            'k-' || gen_random_uuid(), repeat('0', 64), '{}', 'test', now()
       from unnest(?::int[]) d`,
    [tenantId, customerId, amount, amount, amount, amount, `{${daysAgo.join(',')}}`],
  );
}

/** A survey answer `daysAgo`; `detractor` as the feedback part decides it from the tenant's threshold. */
export async function surveyAnswer(
  gw: TestGateway,
  tenantId: string,
  customerId: string,
  answer: { kind: 'NPS' | 'CES' | 'CSAT'; score: number; detractor: boolean; daysAgo: number },
): Promise<void> {
  const [survey] = await sql<{ id: string }>(
    gw,
    `insert into survey (id, tenant_id, code, name, kind, trigger, question)
     values (gen_random_uuid(), ?, ?, 'Survey', ?, 'RELATIONSHIP', 'How likely...?') returning id`,
    [tenantId, `S-${randomUUID().slice(0, 8)}`, answer.kind],
  );
  await sql(
    gw,
    `insert into survey_response (id, tenant_id, customer_id, survey_id, kind, score, channel, detractor, responded_at)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, 'WEB', ?, now() - make_interval(days => ?))`,
    [tenantId, customerId, survey.id, answer.kind, answer.score, answer.detractor, answer.daysAgo],
  );
}

/** A support case opened `openedDaysAgo`; open unless resolved, breached `breachedDaysAgo` when given. */
export async function supportCase(
  gw: TestGateway,
  tenantId: string,
  customerId: string,
  options: { status?: 'OPEN' | 'RESOLVED'; openedDaysAgo?: number; breachedDaysAgo?: number } = {},
): Promise<void> {
  await sql(
    gw,
    `insert into support_case (id, tenant_id, customer_id, status, priority, source_type, subject, opened_at,
                               first_response_due_at, resolution_due_at, resolution_breached_at)
     values (gen_random_uuid(), ?, ?, ?, 'P3', 'AGENT', 'Order late', now() - make_interval(days => ?),
             now() - make_interval(days => ?) + interval '1 day', now() - make_interval(days => ?) + interval '3 days',
             case when ?::int is null then null else now() - make_interval(days => ?::int) end)`,
    [
      tenantId,
      customerId,
      options.status ?? 'OPEN',
      options.openedDaysAgo ?? 1,
      options.openedDaysAgo ?? 1,
      options.openedDaysAgo ?? 1,
      options.breachedDaysAgo ?? null,
      options.breachedDaysAgo ?? null,
    ],
  );
}

/** The customer's choice for PROFILING, through the consent API. */
export async function profilingConsent(by: ApiClient, customerId: string, granted: boolean): Promise<void> {
  await by.data(SetConsentDocument, {
    input: { customerId, purpose: 'PROFILING', granted, source: 'app-settings', idempotencyKey: randomUUID() },
  });
}

/** Moves the customer's creation back: with no activity since, they have been inactive that long. */
export async function createdDaysAgo(gw: TestGateway, customerId: string, days: number): Promise<void> {
  await sql(gw, `update customer set created_at = now() - make_interval(days => ?) where id = ?`, [days, customerId]);
}

export async function healthOf(by: ApiClient, customerId: string) {
  const { customer } = await by.data(CustomerHealthDocument, { id: customerId });
  return customer;
}

/** The weighted mean of literal component values, rounded to cents: the score by hand. */
export function byHand(values: number[], weights: number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return Math.round((values.reduce((sum, v, i) => sum + v * weights[i], 0) / total) * 100) / 100;
}
