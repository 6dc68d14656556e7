import type { EntityManager } from '@mikro-orm/postgresql';

import { pgArray } from '../shared/db/sql';
import type { KeysetCursor } from '../shared/graphql/connection';
import type { CasePriority, CaseSourceType, CaseStatus, SlaMinutes } from './case.logic';
import type { SupportCase } from './case.types';

/** A support_case row as stored. */
export interface CaseRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  status: CaseStatus;
  priority: CasePriority;
  team_id: string | null;
  topic: string | null;
  channel: string | null;
  store_id: string | null;
  source_type: CaseSourceType;
  source_id: string | null;
  subject: string;
  opened_at: Date;
  acknowledged_at: Date | null;
  first_response_due_at: Date;
  resolution_due_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
  first_response_breached_at: Date | null;
  resolution_breached_at: Date | null;
  first_response_escalated_at: Date | null;
  resolution_escalated_at: Date | null;
  escalation_level: number;
  root_cause: string | null;
  version: number;
}

const date = (value: Date | string | null): Date | undefined => (value === null ? undefined : new Date(value));

export function toCase(row: CaseRow): SupportCase {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    priority: row.priority,
    teamId: row.team_id,
    topic: row.topic ?? undefined,
    channel: row.channel ?? undefined,
    storeId: row.store_id ?? undefined,
    sourceType: row.source_type,
    sourceId: row.source_id ?? undefined,
    subject: row.subject,
    openedAt: new Date(row.opened_at),
    acknowledgedAt: date(row.acknowledged_at),
    firstResponseDueAt: new Date(row.first_response_due_at),
    resolutionDueAt: new Date(row.resolution_due_at),
    resolvedAt: date(row.resolved_at),
    closedAt: date(row.closed_at),
    firstResponseBreachedAt: date(row.first_response_breached_at),
    resolutionBreachedAt: date(row.resolution_breached_at),
    escalationLevel: row.escalation_level,
    rootCause: row.root_cause ?? undefined,
    version: row.version,
  };
}

/** What routing, priority and SLAs are decided from, read in one statement. */
export interface RoutingFacts {
  /** The customer, or the survivor of a merge; null when the tenant has no such customer. */
  customer_id: string | null;
  tier_id: string | null;
  tier_rank: number | null;
  tier_priority: CasePriority | null;
  routed_team_id: string | null;
  default_team_id: string | null;
  slas: (SlaMinutes & { priority: CasePriority })[];
  now: Date;
}

/**
 * The customer's tier now (limited-time status while it lasts and outranks; the base tier without a row),
 * the first routing rule that matches (store, the store's region, channel, tier, topic; a rule's empty
 * condition matches anything), the tenant's default team, and its SLA policies.
 */
export async function routingFacts(
  tx: EntityManager,
  input: { tenantId: string; customerId: string; storeId: string | null; channel: string | null; topic: string | null },
): Promise<RoutingFacts> {
  const { tenantId } = input;
  const [facts] = await tx.execute<RoutingFacts[]>(
    `with cust as (
       select coalesce(c.merged_into_id, c.id) as id from customer c where c.id = ? and c.tenant_id = ?),
     held as (
       select t.id, t.rank from tier t
        where t.tenant_id = ? and (t.rank = 0 or t.id in (
          select ct.tier_id from customer_tier ct where ct.customer_id = (select id from cust)
          union all
          select ct.granted_tier_id from customer_tier ct
           where ct.customer_id = (select id from cust) and ct.granted_until > now()))
        order by t.rank desc limit 1),
     place as (select s.region from store s where s.id = ?::uuid and s.tenant_id = ?)
     select (select id from cust) as customer_id, (select id from held) as tier_id, (select rank from held) as tier_rank,
       (select p.priority from support_tier_priority p where p.tenant_id = ? and p.tier_id = (select id from held)) as tier_priority,
       (select r.team_id from support_routing_rule r
         where r.tenant_id = ?
           and (r.store_id is null or r.store_id = ?::uuid)
           and (r.region is null or r.region = (select region from place))
           and (r.channel is null or r.channel = ?)
           and (r.tier_id is null or r.tier_id = (select id from held))
           and (r.topic is null or r.topic = ?)
         order by r.position limit 1) as routed_team_id,
       (select s.default_team_id from support_settings s where s.tenant_id = ?) as default_team_id,
       (select coalesce(json_agg(json_build_object('priority', p.priority,
                 'firstResponseMinutes', p.first_response_minutes, 'resolutionMinutes', p.resolution_minutes)), '[]')
          from support_sla_policy p where p.tenant_id = ?) as slas,
       now() as now`,
    [
      input.customerId,
      tenantId,
      tenantId,
      input.storeId,
      tenantId,
      tenantId,
      tenantId,
      input.storeId,
      input.channel,
      input.topic,
      tenantId,
      tenantId,
    ],
  );
  return { ...facts, now: new Date(facts.now) };
}

export interface NewCase {
  id: string | null;
  tenantId: string;
  customerId: string;
  priority: CasePriority;
  teamId: string | null;
  topic: string | null;
  channel: string | null;
  storeId: string | null;
  sourceType: CaseSourceType;
  sourceId: string | null;
  subject: string;
  openedAt: Date;
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

/** Inserts a case; null when the customer already has one from this source record. */
export async function insertCase(tx: EntityManager, c: NewCase): Promise<CaseRow | null> {
  const [row] = await tx.execute<CaseRow[]>(
    `insert into support_case (id, tenant_id, customer_id, status, priority, team_id, topic, channel, store_id,
       source_type, source_id, subject, opened_at, first_response_due_at, resolution_due_at, escalation_level, version)
     values (coalesce(?::uuid, uuid_generate_v7()), ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)
     on conflict (tenant_id, customer_id, source_type, source_id) where source_id is not null do nothing
     returning *`,
    [
      c.id,
      c.tenantId,
      c.customerId,
      c.priority,
      c.teamId,
      c.topic,
      c.channel,
      c.storeId,
      c.sourceType,
      c.sourceId,
      c.subject,
      c.openedAt,
      c.firstResponseDueAt,
      c.resolutionDueAt,
    ],
  );
  return row ?? null;
}

export async function caseBySource(
  em: EntityManager,
  c: { tenantId: string; customerId: string; sourceType: CaseSourceType; sourceId: string },
): Promise<CaseRow | null> {
  const [row] = await em.execute<CaseRow[]>(
    `select * from support_case where tenant_id = ? and customer_id = ? and source_type = ? and source_id = ?`,
    [c.tenantId, c.customerId, c.sourceType, c.sourceId],
  );
  return row ?? null;
}

/** The customer's open case from a survey response (the detractor case), newest first, locked. */
export async function openDetractorCase(
  tx: EntityManager,
  tenantId: string,
  customerId: string,
): Promise<CaseRow | null> {
  const [row] = await tx.execute<CaseRow[]>(
    `select * from support_case
      where tenant_id = ? and customer_id = (select coalesce(merged_into_id, id) from customer where id = ?)
        and source_type = 'SURVEY_RESPONSE' and status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')
      order by opened_at desc, id desc limit 1 for update`,
    [tenantId, customerId],
  );
  return row ?? null;
}

/** Names the case a signal led to in its payload (`caseId`), which playbooks act on. */
export async function noteSignalCase(tx: EntityManager, signalId: string, caseId: string): Promise<void> {
  await tx.execute(
    `update customer_signal set payload = payload || jsonb_build_object('caseId', ?::text) where id = ?`,
    [caseId, signalId],
  );
}

export async function findCase(em: EntityManager, tenantId: string, id: string, lock = false): Promise<CaseRow | null> {
  const [row] = await em.execute<CaseRow[]>(
    `select * from support_case where tenant_id = ? and id = ?${lock ? ' for update' : ''}`,
    [tenantId, id],
  );
  return row ?? null;
}

/** What a change of status does besides setting the status; the version moves by one. */
export interface CaseEffects {
  status: CaseStatus;
  /** The first response: acknowledged_at is set if it was not, and a late one records its breach. */
  respond: boolean;
  /** `set` records the resolution (a late one records its breach); `clear` undoes it (a reopening). */
  resolution: 'set' | 'clear' | null;
  close: boolean;
  /** undefined keeps the root cause; null clears it. */
  rootCause?: string | null;
}

/**
 * Applies a change of status in one statement. Breaches are judged by the database clock, like the SLA job's,
 * and a breach already recorded keeps its time (SET expressions read the row as it was).
 */
export async function applyChange(tx: EntityManager, id: string, e: CaseEffects): Promise<CaseRow> {
  const [row] = await tx.execute<CaseRow[]>(
    `update support_case set status = ?,
       acknowledged_at = case when ?::boolean then coalesce(acknowledged_at, now()) else acknowledged_at end,
       first_response_breached_at = case when ?::boolean and acknowledged_at is null and now() > first_response_due_at
         then coalesce(first_response_breached_at, now()) else first_response_breached_at end,
       resolved_at = case ?::text when 'set' then now() when 'clear' then null else resolved_at end,
       resolution_breached_at = case when ?::text = 'set' and now() > resolution_due_at
         then coalesce(resolution_breached_at, now()) else resolution_breached_at end,
       closed_at = case when ?::boolean then now() else closed_at end,
       root_cause = case when ?::boolean then ?::text else root_cause end,
       version = version + 1
     where id = ? returning *`,
    [
      e.status,
      e.respond,
      e.respond,
      e.resolution,
      e.resolution,
      e.close,
      e.rootCause !== undefined,
      e.rootCause ?? null,
      id,
    ],
  );
  return row;
}

export interface CaseQuery {
  tenantId: string;
  statuses?: CaseStatus[];
  teamId?: string;
  customerIds?: string[];
  breached?: boolean;
  limit: number;
  after?: KeysetCursor;
}

/** A page of cases, newest first, by (opened_at, id). */
export async function casePage(em: EntityManager, q: CaseQuery): Promise<CaseRow[]> {
  const conditions = ['tenant_id = ?'];
  const params: unknown[] = [q.tenantId];
  if (q.statuses?.length) {
    conditions.push('status = any(?::text[])');
    params.push(pgArray(q.statuses));
  }
  if (q.teamId) {
    conditions.push('team_id = ?');
    params.push(q.teamId);
  }
  if (q.customerIds) {
    conditions.push('customer_id = any(?::uuid[])');
    params.push(pgArray(q.customerIds));
  }
  if (q.breached !== undefined) {
    conditions.push(
      `(first_response_breached_at is not null or resolution_breached_at is not null) = ${q.breached ? 'true' : 'false'}`,
    );
  }
  if (q.after) {
    conditions.push('(opened_at, id) < (?, ?)');
    params.push(q.after.at, q.after.id);
  }
  return em.execute<CaseRow[]>(
    `select * from support_case where ${conditions.join(' and ')} order by opened_at desc, id desc limit ?`,
    [...params, q.limit],
  );
}
