import type { EntityManager } from '@mikro-orm/postgresql';

import { consentAllowsSql, ConsentPurpose } from '../customers/consent.logic';
import { pgArray } from '../shared/db/sql';
import type { SignalType } from '../signals/signal.types';
import {
  type ActionOutcome,
  MAX_SIGNAL_ATTEMPTS,
  type PlaybookAction,
  type PlaybookDefinition,
  type ReminderChannel,
  RETRY_BASE_SECONDS,
} from './playbook.logic';
import type { Playbook, ReminderDelivery } from './playbook.types';

/** A playbook row as the engine and the API read it. */
export interface PlaybookRow {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  signal_type: SignalType;
  event_type: string | null;
  segments: string[];
  min_tier_rank: number | null;
  actions: PlaybookAction[];
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  retired_at: Date | null;
}

export const PLAYBOOK_COLUMNS = `id, tenant_id, code, name, signal_type, event_type, segments, min_tier_rank, actions, active, version, created_at, updated_at, retired_at`;

export function toPlaybook(row: PlaybookRow): Playbook {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    signal: row.signal_type,
    eventType: row.event_type ?? undefined,
    segments: row.segments,
    minTierRank: row.min_tier_rank ?? undefined,
    actions: row.actions,
    active: row.active,
    version: row.version,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    retiredAt: row.retired_at ? new Date(row.retired_at) : undefined,
  };
}

/** The stored form of a definition, in the column order of inserts and updates. */
export function definitionParams(definition: PlaybookDefinition): unknown[] {
  return [
    definition.code,
    definition.name,
    definition.signalType,
    definition.eventType,
    pgArray(definition.segments),
    definition.minTierRank,
    JSON.stringify(definition.actions),
  ];
}

/** Whether the tenant has this support team. */
export async function teamExists(em: EntityManager, tenantId: string, teamId: string): Promise<boolean> {
  const rows = await em.execute(`select 1 from support_team where tenant_id = ? and id = ?`, [tenantId, teamId]);
  return rows.length > 0;
}

export interface SignalRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  type: SignalType;
  cause: string;
  payload: Record<string, unknown>;
  raised_at: Date;
}

/** The signal, locked for this transaction; null when processed, or being processed by another worker. */
export async function lockSignal(tx: EntityManager, id: string): Promise<SignalRow | null> {
  const [row] = await tx.execute<SignalRow[]>(
    `select id, tenant_id, customer_id, type, cause, payload, raised_at from customer_signal
      where id = ? and processed_at is null for update skip locked`,
    [id],
  );
  return row ?? null;
}

/** Signals due for processing, oldest first (one statement for the batch; each is locked when processed). */
export async function dueSignals(em: EntityManager, limit: number): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from customer_signal
      where processed_at is null and (next_attempt_at is null or next_attempt_at <= now())
      order by raised_at, id limit ?`,
    [limit],
  );
  return rows.map((row) => row.id);
}

/**
 * Marks processed, in one statement, due signals no active playbook of their tenant could act on (most of
 * them): only the rest cost a transaction each. Locked rows are left to whoever holds them.
 */
export async function settleIdleSignals(em: EntityManager, limit: number): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `with idle as (
       select s.id from customer_signal s
        where s.processed_at is null
          and not exists (select 1 from playbook p
                           where p.tenant_id = s.tenant_id and p.signal_type = s.type and p.active
                             and p.created_at <= s.raised_at)
        order by s.raised_at limit ? for update skip locked)
     update customer_signal s set processed_at = now() from idle where s.id = idle.id returning s.id`,
    [limit],
  );
  return rows.length;
}

export async function markProcessed(tx: EntityManager, signalId: string): Promise<void> {
  await tx.execute(`update customer_signal set processed_at = now() where id = ?`, [signalId]);
}

/**
 * Counts a failed attempt (its transaction rolled back) and schedules the next; after the last attempt the
 * signal is given up: marked processed, with its last error kept for operators. Returns whether it was.
 */
export async function recordSignalFailure(em: EntityManager, signalId: string, error: string): Promise<boolean> {
  const [row] = await em.execute<{ given_up: boolean }[]>(
    `update customer_signal set attempts = attempts + 1, last_error = ?,
            next_attempt_at = now() + make_interval(secs => ? * power(2, attempts)),
            processed_at = case when attempts + 1 >= ? then now() end
      where id = ? and processed_at is null
      returning processed_at is not null as given_up`,
    [error, RETRY_BASE_SECONDS, MAX_SIGNAL_ATTEMPTS, signalId],
  );
  return row?.given_up ?? false;
}

/** The active playbooks of the tenant for a signal type, oldest first. */
export async function playbooksFor(tx: EntityManager, tenantId: string, type: SignalType): Promise<PlaybookRow[]> {
  return tx.execute<PlaybookRow[]>(
    `select ${PLAYBOOK_COLUMNS} from playbook where tenant_id = ? and signal_type = ? and active
      order by created_at, id`,
    [tenantId, type],
  );
}

/** What the conditions and actions need to know of the customer (the survivor, when the profile was merged). */
export interface CustomerRow {
  id: string;
  email: string | null;
  phone: string | null;
  segments: string[];
  tier_rank: number;
  /** The tier held now (limited-time status when it outranks the qualified one) and when it ends. */
  tier_id: string | null;
  tier_ends_at: Date | null;
  marketing_consent: boolean;
}

export async function customerFacts(
  tx: EntityManager,
  tenantId: string,
  customerId: string,
): Promise<CustomerRow | null> {
  const [row] = await tx.execute<CustomerRow[]>(
    `with held as (
       select ct.customer_id,
              case when ct.granted_until > now() and gt.rank >= coalesce(t.rank, 0) then gt.id else t.id end as tier_id,
              case when ct.granted_until > now() and gt.rank >= coalesce(t.rank, 0) then gt.rank else t.rank end as rank,
              case when ct.granted_until > now() and gt.rank >= coalesce(t.rank, 0) then ct.granted_until
                   else ct.period_end end as ends_at
         from customer_tier ct
         join tier t on t.id = ct.tier_id
         left join tier gt on gt.id = ct.granted_tier_id)
     select c.id, c.email, c.phone, c.segments, coalesce(h.rank, 0)::int as tier_rank,
            case when coalesce(h.rank, 0) > 0 then h.tier_id end as tier_id, h.ends_at as tier_ends_at,
            ${consentAllowsSql('c.id', ConsentPurpose.MARKETING)} as marketing_consent
       from customer o
       join customer c on c.id = coalesce(o.merged_into_id, o.id) and c.tenant_id = o.tenant_id
       left join held h on h.customer_id = c.id
      where o.tenant_id = ? and o.id = ?`,
    [tenantId, customerId],
  );
  return row ?? null;
}

/** A new firing of this playbook for this signal, or null when it fired for it before. */
export async function insertFiring(
  tx: EntityManager,
  firing: { tenantId: string; playbook: PlaybookRow; signal: SignalRow; customerId: string },
): Promise<string | null> {
  const [row] = await tx.execute<{ id: string }[]>(
    `insert into playbook_firing (id, tenant_id, playbook_id, playbook_version, signal_id, customer_id, signal_type, cause, outcome, actions, fired_at)
     values (uuid_generate_v7(), ?, ?, ?, ?, ?, ?, ?, 'DONE', '[]', date_trunc('milliseconds', now()))
     on conflict (playbook_id, signal_id) do nothing returning id`,
    [
      firing.tenantId,
      firing.playbook.id,
      firing.playbook.version,
      firing.signal.id,
      firing.customerId,
      firing.signal.type,
      firing.signal.cause,
    ],
  );
  return row?.id ?? null;
}

/** What one action did, as stored on the firing. */
export interface ActionResult {
  type: PlaybookAction['type'];
  outcome: ActionOutcome;
  reason?: string;
  refType?: string;
  refId?: string;
}

export async function completeFiring(
  tx: EntityManager,
  firingId: string,
  outcome: ActionOutcome,
  actions: ActionResult[],
): Promise<void> {
  await tx.execute(`update playbook_firing set outcome = ?, actions = ? where id = ?`, [
    outcome,
    JSON.stringify(actions),
    firingId,
  ]);
}

/** A case of the tenant with its team; null when the tenant has no such case. */
export async function findCase(
  tx: EntityManager,
  tenantId: string,
  caseId: string,
): Promise<{ id: string; teamId: string | null } | null> {
  const [row] = await tx.execute<{ id: string; team_id: string | null }[]>(
    `select id, team_id from support_case where tenant_id = ? and id = ?`,
    [tenantId, caseId],
  );
  return row ? { id: row.id, teamId: row.team_id } : null;
}

/** The case opened for a survey response (the detractor case), if any. */
export async function caseOfResponse(
  tx: EntityManager,
  tenantId: string,
  responseId: string,
): Promise<{ id: string; teamId: string | null } | null> {
  const [row] = await tx.execute<{ id: string; team_id: string | null }[]>(
    `select id, team_id from support_case where tenant_id = ? and source_type = 'SURVEY_RESPONSE' and source_id = ?`,
    [tenantId, responseId.toLowerCase()],
  );
  return row ? { id: row.id, teamId: row.team_id } : null;
}

export async function insertReminder(
  tx: EntityManager,
  reminder: {
    tenantId: string;
    firingId: string;
    actionIndex: number;
    customerId: string;
    templateCode: string;
    channel: ReminderChannel;
  },
): Promise<string> {
  const [row] = await tx.execute<{ id: string }[]>(
    `insert into playbook_reminder (id, tenant_id, firing_id, action_index, customer_id, template_code, channel, status, created_at)
     values (uuid_generate_v7(), ?, ?, ?, ?, ?, ?, 'PENDING', now()) returning id`,
    [
      reminder.tenantId,
      reminder.firingId,
      reminder.actionIndex,
      reminder.customerId,
      reminder.templateCode,
      reminder.channel,
    ],
  );
  return row.id;
}

export interface ClaimedReminder {
  id: string;
  tenant_id: string;
  customer_id: string;
  template_code: string;
  channel: ReminderChannel;
  email: string | null;
  phone: string | null;
  playbook_code: string;
  signal_type: string;
  /** Read again when sending: consent withdrawn since the firing stops the reminder. */
  marketing_consent: boolean;
}

/**
 * Takes a committed reminder for sending (PENDING to SENDING, committed at once): whoever gets it sends it,
 * and nobody sends it again, whatever happens next. Null when another worker took it first.
 */
export async function claimReminder(em: EntityManager, id: string): Promise<ClaimedReminder | null> {
  const [row] = await em.execute<ClaimedReminder[]>(
    `with claimed as (
       update playbook_reminder set status = 'SENDING' where id = ? and status = 'PENDING'
       returning id, tenant_id, firing_id, customer_id, template_code, channel)
     select r.id, r.tenant_id, r.customer_id, r.template_code, r.channel, c.email, c.phone,
            p.code as playbook_code, f.signal_type,
            ${consentAllowsSql('r.customer_id', ConsentPurpose.MARKETING)} as marketing_consent
       from claimed r
       join customer c on c.id = r.customer_id
       join playbook_firing f on f.id = r.firing_id
       join playbook p on p.id = f.playbook_id`,
    [id],
  );
  return row ?? null;
}

export async function finishReminder(em: EntityManager, id: string, sent: boolean): Promise<void> {
  await em.execute(
    `update playbook_reminder set status = ?, sent_at = case when ? then now() end where id = ? and status = 'SENDING'`,
    [sent ? 'SENT' : 'UNDELIVERED', sent, id],
  );
}

/** Reminders committed a while ago and never claimed (the process stopped between commit and send). */
export async function strandedReminders(em: EntityManager, olderThanSeconds: number, limit: number): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from playbook_reminder where status = 'PENDING' and created_at < now() - make_interval(secs => ?)
      order by created_at limit ?`,
    [olderThanSeconds, limit],
  );
  return rows.map((row) => row.id);
}

/** The delivery state of reminders by id, for the firings query. */
export async function reminderDeliveries(
  em: EntityManager,
  tenantId: string,
  ids: string[],
): Promise<Map<string, ReminderDelivery>> {
  if (ids.length === 0) return new Map();
  const rows = await em.execute<{ id: string; status: ReminderDelivery }[]>(
    `select id, status from playbook_reminder where tenant_id = ? and id = any(?::uuid[])`,
    [tenantId, pgArray(ids)],
  );
  return new Map(rows.map((row) => [row.id, row.status]));
}
