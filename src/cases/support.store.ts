import type { EntityManager } from '@mikro-orm/postgresql';

import { StaffRole } from '../shared/auth/roles';
import type { Channel } from '../shared/channel';
import { pgArray } from '../shared/db/sql';
import { CasePriority, DEFAULT_SLAS } from './case.logic';
import type { GoodwillStatusLimit, RoutingRule, SupportSettings, SupportTeam } from './support.types';

export interface TeamRow {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  escalation_team_id: string | null;
  supervisor: string | null;
  created_at: Date;
}

export function toTeam(row: TeamRow): SupportTeam {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    escalationTeamId: row.escalation_team_id ?? undefined,
    supervisor: row.supervisor ?? undefined,
    createdAt: new Date(row.created_at),
  };
}

/**
 * Days of limited-time status a role may give as goodwill without approval, until the tenant sets its own:
 * agents a month, supervisors a quarter; the back office is not bound; analysts and tills give none.
 * SERVICE (integrations, playbooks acting for the tenant) gets the agents' bound.
 */
export const DEFAULT_STATUS_DAYS: Readonly<Record<StaffRole, number | null>> = {
  [StaffRole.OWNER]: null,
  [StaffRole.ADMIN]: null,
  [StaffRole.SUPERVISOR]: 90,
  [StaffRole.AGENT]: 30,
  [StaffRole.SERVICE]: 30,
  [StaffRole.ANALYST]: 0,
  [StaffRole.POS]: 0,
  [StaffRole.AUDITOR]: 0,
};

/** The role's bound on goodwill status: the tenant's, else the default. OWNER is never bound. */
export async function statusDaysLimit(em: EntityManager, tenantId: string, role: StaffRole): Promise<number | null> {
  if (role === StaffRole.OWNER) return null;
  const [row] = await em.execute<{ max_status_days: number | null }[]>(
    `select max_status_days from support_goodwill_limit where tenant_id = ? and role = ?`,
    [tenantId, role],
  );
  return row ? row.max_status_days : DEFAULT_STATUS_DAYS[role];
}

/** The ids among `ids` that name rows of `table` in the tenant. */
export async function existing(
  em: EntityManager,
  table: 'support_team' | 'store' | 'tier',
  tenantId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await em.execute<{ id: string }[]>(
    `select id from ${table} where tenant_id = ? and id = any(?::uuid[])`,
    [tenantId, pgArray(ids)],
  );
  return new Set(rows.map((row) => row.id));
}

export async function routingRules(em: EntityManager, tenantId: string): Promise<RoutingRule[]> {
  const rows = await em.execute<
    {
      position: number;
      team_id: string;
      store_id: string | null;
      region: string | null;
      channel: Channel | null;
      tier_id: string | null;
      topic: string | null;
    }[]
  >(
    `select position, team_id, store_id, region, channel, tier_id, topic from support_routing_rule
      where tenant_id = ? order by position`,
    [tenantId],
  );
  return rows.map((row) => ({
    position: row.position,
    teamId: row.team_id,
    storeId: row.store_id ?? undefined,
    region: row.region ?? undefined,
    channel: row.channel ?? undefined,
    tierId: row.tier_id ?? undefined,
    topic: row.topic ?? undefined,
  }));
}

export async function supportSettings(em: EntityManager, tenantId: string): Promise<SupportSettings> {
  const [row] = await em.execute<
    {
      default_team_id: string | null;
      lead: number | null;
      slas: { priority: CasePriority; first: number; resolution: number }[];
      tiers: { tierId: string; priority: CasePriority }[];
      limits: { role: StaffRole; days: number | null }[];
    }[]
  >(
    `select (select default_team_id from support_settings where tenant_id = ?) as default_team_id,
       (select escalation_lead_minutes from support_settings where tenant_id = ?) as lead,
       (select coalesce(json_agg(json_build_object('priority', priority, 'first', first_response_minutes,
          'resolution', resolution_minutes)), '[]') from support_sla_policy where tenant_id = ?) as slas,
       (select coalesce(json_agg(json_build_object('tierId', p.tier_id, 'priority', p.priority) order by t.rank), '[]')
          from support_tier_priority p join tier t on t.id = p.tier_id where p.tenant_id = ?) as tiers,
       (select coalesce(json_agg(json_build_object('role', role, 'days', max_status_days)), '[]')
          from support_goodwill_limit where tenant_id = ?) as limits`,
    [tenantId, tenantId, tenantId, tenantId, tenantId],
  );
  const limits: GoodwillStatusLimit[] = Object.values(StaffRole)
    .filter((role) => role !== StaffRole.OWNER)
    .map((role) => {
      const own = row.limits.find((limit) => limit.role === role);
      return { role, maxStatusDays: (own ? own.days : DEFAULT_STATUS_DAYS[role]) ?? undefined };
    });
  return {
    defaultTeamId: row.default_team_id ?? undefined,
    escalationLeadMinutes: row.lead ?? 0,
    slas: Object.values(CasePriority).map((priority) => {
      const own = row.slas.find((sla) => sla.priority === priority);
      return own
        ? { priority, firstResponseMinutes: own.first, resolutionMinutes: own.resolution, isDefault: false }
        : { priority, ...DEFAULT_SLAS[priority], isDefault: true };
    }),
    tierPriorities: row.tiers,
    goodwillStatusLimits: limits,
  };
}
