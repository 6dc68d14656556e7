import type { EntityManager } from '@mikro-orm/postgresql';

import { Topic } from '../realtime/pubsub';
import { recordStreamEvents } from '../realtime/versioned-stream';
import { Channel } from '../shared/channel';
import { bind, pgArray } from '../shared/db/sql';
import type { SignalService } from '../signals/signal.service';
import { SignalType } from '../signals/signal.types';
import { TIMELINE_COLUMNS } from '../timeline/timeline';
import type { CasePriority } from './case.logic';
import { SlaDeadline } from './case.logic';
import type { CaseEscalatedPayload } from './case.types';

export interface SlaCheck {
  /** Cases escalated (each one level, whatever number of its deadlines caused it). */
  escalated: number;
  /** Deadlines found missed: first responses and resolutions. */
  firstResponseBreaches: number;
  resolutionBreaches: number;
  /** SLA_BREACHED signals raised (a breach a change of status signalled first is not raised again). */
  signals: number;
  durationMs: number;
}

interface Moved {
  id: string;
  tenant_id: string;
  customer_id: string;
  from_team_id: string | null;
  team_id: string | null;
  escalation_level: number;
  priority: CasePriority;
  subject: string;
  fr_escalate: boolean;
  fr_breach: boolean;
  res_escalate: boolean;
  res_breach: boolean;
  first_response_due_at: Date;
  resolution_due_at: Date;
}

const ACTOR = 'job:check-slas';

/**
 * Finds, in one statement across tenants, each open case whose deadline is within the tenant's lead time
 * (escalate) or past (breach), with what is still to do for it: the first response counts while the case is
 * OPEN, the resolution while it is open at all. Each deadline is escalated once and its breach recorded once
 * (the *_escalated_at and *_breached_at columns); an escalation moves the case to its team's escalation team
 * (or leaves it with the team at the top of the path) and raises its level by one. The same statement writes
 * each case's timeline event. Rows another instance is checking are skipped (SKIP LOCKED).
 */
const CHECK_SQL = `
with due as (
  select c.id, c.team_id as from_team_id, t.escalation_team_id as next_team_id,
    (c.status = 'OPEN' and c.first_response_escalated_at is null
      and c.first_response_due_at - make_interval(mins => coalesce(s.escalation_lead_minutes, 0)) <= :now) as fr_escalate,
    (c.status = 'OPEN' and c.first_response_breached_at is null and c.first_response_due_at <= :now) as fr_breach,
    (c.resolution_escalated_at is null
      and c.resolution_due_at - make_interval(mins => coalesce(s.escalation_lead_minutes, 0)) <= :now) as res_escalate,
    (c.resolution_breached_at is null and c.resolution_due_at <= :now) as res_breach
  from support_case c
  left join support_settings s on s.tenant_id = c.tenant_id
  left join support_team t on t.id = c.team_id
  where c.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')
    and (:tenantId::uuid is null or c.tenant_id = :tenantId::uuid)
    and ((c.status = 'OPEN' and c.first_response_due_at <= :horizon) or c.resolution_due_at <= :horizon)
  for update of c skip locked
),
hit as (
  select *, (fr_escalate or res_escalate) as escalate from due where fr_escalate or fr_breach or res_escalate or res_breach
),
moved as (
  update support_case c set
    first_response_escalated_at = case when h.fr_escalate then :now else c.first_response_escalated_at end,
    first_response_breached_at = case when h.fr_breach then :now else c.first_response_breached_at end,
    resolution_escalated_at = case when h.res_escalate then :now else c.resolution_escalated_at end,
    resolution_breached_at = case when h.res_breach then :now else c.resolution_breached_at end,
    team_id = case when h.escalate then coalesce(h.next_team_id, c.team_id) else c.team_id end,
    escalation_level = c.escalation_level + case when h.escalate then 1 else 0 end,
    version = c.version + 1
  from hit h where c.id = h.id
  returning c.id, c.tenant_id, c.customer_id, c.channel, h.from_team_id, c.team_id, c.escalation_level, c.priority, c.subject,
    c.status, h.escalate, h.fr_escalate, h.fr_breach, h.res_escalate, h.res_breach, c.first_response_due_at, c.resolution_due_at
),
events as (
  insert into timeline_event ${TIMELINE_COLUMNS}
  select uuid_generate_v7(), m.tenant_id, m.customer_id, 'SUPPORT_CASE', 'gateway', null,
    case when m.channel = any(:channels::text[]) then m.channel end, cast(:actor as text), date_trunc('milliseconds', :now::timestamptz),
    case when m.escalate then 'Case escalated to level ' || m.escalation_level
           || case when m.fr_breach or m.res_breach then ': SLA missed' else ': SLA about to be missed' end
         else 'SLA missed' end
      || ' (' || concat_ws(', ', case when m.fr_breach or m.fr_escalate then 'first response' end,
                                 case when m.res_breach or m.res_escalate then 'resolution' end) || ')',
    jsonb_build_object('caseId', m.id, 'action', case when m.escalate then 'ESCALATED' else 'BREACHED' end,
      'status', m.status, 'priority', m.priority, 'teamId', m.team_id, 'fromTeamId', m.from_team_id,
      'escalationLevel', m.escalation_level,
      'deadlines', to_jsonb(array_remove(array[case when m.fr_escalate then 'FIRST_RESPONSE' end,
                                               case when m.res_escalate then 'RESOLUTION' end], null)),
      'breached', to_jsonb(array_remove(array[case when m.fr_breach then 'FIRST_RESPONSE' end,
                                              case when m.res_breach then 'RESOLUTION' end], null))),
    'support_case', m.id::text, now()
  from moved m
)
select id, tenant_id, customer_id, from_team_id, team_id, escalation_level, priority, subject,
  fr_escalate, fr_breach, res_escalate, res_breach, first_response_due_at, resolution_due_at
from moved`;

/** The SLA job: escalation and breaches of support cases (the gateway's timer and `npm run check-slas`). */
export class SlaJobs {
  constructor(private readonly signals: SignalService) {}

  /**
   * One pass, in one transaction: the set-based check above, then one statement for the SLA_BREACHED
   * signals (cause `<caseId>:<FIRST_RESPONSE|RESOLUTION>`, so a breach signals once) and one for the
   * CASE_ESCALATED events (stream `case-escalated:<teamId>` of the team a case is with now).
   */
  async check(em: EntityManager, now = new Date(), tenantId: string | null = null): Promise<SlaCheck> {
    const started = performance.now();
    const result = await em.transactional(async (tx) => {
      const [{ lead }] = await tx.execute<{ lead: number }[]>(
        `select coalesce(max(escalation_lead_minutes), 0)::int as lead from support_settings`,
      );
      const horizon = new Date(now.getTime() + lead * 60_000);
      const moved = await tx.execute<Moved[]>(
        ...bind(CHECK_SQL, { now, horizon, tenantId, actor: ACTOR, channels: pgArray(Object.values(Channel)) }),
      );
      const breaches = moved.flatMap((row) => [
        ...(row.fr_breach ? [[row, SlaDeadline.FIRST_RESPONSE, row.first_response_due_at] as const] : []),
        ...(row.res_breach ? [[row, SlaDeadline.RESOLUTION, row.resolution_due_at] as const] : []),
      ]);
      const raised = await this.signals.raiseAll(
        tx,
        breaches.map(([row, deadline, dueAt]) => ({
          tenantId: row.tenant_id,
          customerId: row.customer_id,
          type: SignalType.SLA_BREACHED,
          cause: `${row.id}:${deadline}`,
          payload: {
            caseId: row.id,
            deadline,
            dueAt: new Date(dueAt).toISOString(),
            teamId: row.team_id,
            priority: row.priority,
          },
        })),
      );
      const escalated = moved.filter((row) => row.fr_escalate || row.res_escalate);
      await recordStreamEvents(
        tx,
        escalated
          .filter((row) => row.team_id)
          .map((row) => {
            const payload: CaseEscalatedPayload = {
              caseId: row.id,
              customerId: row.customer_id,
              fromTeamId: row.from_team_id,
              teamId: row.team_id!,
              escalationLevel: row.escalation_level,
              deadlines: [
                ...(row.fr_escalate ? [SlaDeadline.FIRST_RESPONSE] : []),
                ...(row.res_escalate ? [SlaDeadline.RESOLUTION] : []),
              ],
              breached: [
                ...(row.fr_breach ? [SlaDeadline.FIRST_RESPONSE] : []),
                ...(row.res_breach ? [SlaDeadline.RESOLUTION] : []),
              ],
              priority: row.priority,
              subject: row.subject,
              escalatedAt: now.toISOString(),
            };
            return {
              tenantId: row.tenant_id,
              topic: Topic.CASE_ESCALATED,
              stream: `case-escalated:${row.team_id}`,
              routingKey: `${row.tenant_id}:${row.team_id}`,
              payload,
            };
          }),
      );
      return {
        escalated: escalated.length,
        firstResponseBreaches: moved.filter((row) => row.fr_breach).length,
        resolutionBreaches: moved.filter((row) => row.res_breach).length,
        signals: raised.length,
      };
    });
    return { ...result, durationMs: Math.round(performance.now() - started) };
  }
}
