import type { EntityManager } from '@mikro-orm/postgresql';

import { callerLabel } from '../shared/auth/caller';
import { requireCaller, requireTenant } from '../shared/auth/guards';
import { StaffRole } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import {
  claimIdempotencyKey,
  findIdempotentResult,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  principalOf,
  requestHash,
} from '../shared/idempotency';
import { isUuid, optionalText, requiredText } from '../shared/validation';
import { caseError, CaseErrorCode } from './case.errors';
import { existing, routingRules, supportSettings, type TeamRow, toTeam } from './support.store';
import type {
  CreateSupportTeamInput,
  RoutingRule,
  RoutingRuleInput,
  SupportSettings,
  SupportTeam,
  UpdateSupportSettingsInput,
  UpdateSupportTeamInput,
} from './support.types';

const CODE = /^[A-Za-z0-9_-]{1,50}$/;
const MAX_RULES = 200;
const MAX_MINUTES = 525_600;

/** A topic as routing compares it: trimmed, lower case; null when empty. */
export function topicOf(value: string | null | undefined, field: string): string | null {
  return optionalText(value, field, 100)?.toLowerCase() ?? null;
}

/**
 * A keyed configuration change of the caller's: the key validated (as `field`) and bound to the operation and
 * its whole input; `field` is also what a CONFLICT names.
 */
export function configRequest(
  ctx: Context,
  scope: IdempotencyScope,
  idempotencyKey: string,
  field: string,
  operation: string,
  input: object,
): IdempotentRequest {
  return {
    tenantId: requireTenant(ctx),
    principal: principalOf(requireCaller(ctx)),
    scope,
    key: idempotencyKeyOf(idempotencyKey, field),
    hash: requestHash(operation, input),
    field,
  };
}

/** Teams, routing rules and settings (SLAs, priorities by tier, goodwill status bounds): the back office's. */
export class SupportConfigService {
  async teams(ctx: Context): Promise<SupportTeam[]> {
    const rows = await ctx.em.execute<TeamRow[]>(`select * from support_team where tenant_id = ? order by code`, [
      requireTenant(ctx),
    ]);
    return rows.map(toTeam);
  }

  async createTeam(ctx: Context, input: CreateSupportTeamInput): Promise<SupportTeam> {
    const tenantId = requireTenant(ctx);
    const request = configRequest(
      ctx,
      IdempotencyScope.SUPPORT_CONFIG,
      input.idempotencyKey,
      'input.idempotencyKey',
      'createSupportTeam',
      input,
    );
    const replay = await findIdempotentResult(ctx.em, request);
    if (replay) return this.team(ctx.em, tenantId, replay);
    const code = requiredText(input.code, 'input.code', 50);
    if (!CODE.test(code))
      throw caseError(CaseErrorCode.TEAM_INVALID, 'input.code takes letters, digits, - and _', 'input.code');
    const name = requiredText(input.name, 'input.name');
    const supervisor = optionalText(input.supervisor, 'input.supervisor') ?? null;
    return ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) return this.team(tx, tenantId, claim.resultId);
      if (input.escalationTeamId) await this.assertTeam(tx, tenantId, input.escalationTeamId, 'input.escalationTeamId');
      const [row] = await tx.execute<TeamRow[]>(
        `insert into support_team (id, tenant_id, code, name, escalation_team_id, supervisor, created_at)
         values (?, ?, ?, ?, ?, ?, now())
         on conflict (tenant_id, code) do nothing returning *`,
        [claim.resultId, tenantId, code, name, input.escalationTeamId ?? null, supervisor],
      );
      if (!row) throw caseError(CaseErrorCode.TEAM_TAKEN, `A team ${code} exists already`, 'input.code');
      return toTeam(row);
    });
  }

  async updateTeam(ctx: Context, id: string, input: UpdateSupportTeamInput): Promise<SupportTeam> {
    const tenantId = requireTenant(ctx);
    const request = configRequest(
      ctx,
      IdempotencyScope.SUPPORT_CONFIG,
      input.idempotencyKey,
      'input.idempotencyKey',
      'updateSupportTeam',
      { ...input, id },
    );
    const replay = await findIdempotentResult(ctx.em, request);
    if (replay) return this.team(ctx.em, tenantId, replay);
    if (!isUuid(id)) throw caseError(CaseErrorCode.TEAM_NOT_FOUND, `No support team ${id}`, 'id');
    const name = input.name === undefined || input.name === null ? undefined : requiredText(input.name, 'input.name');
    if (input.clearEscalationTeam && input.escalationTeamId)
      throw caseError(
        CaseErrorCode.TEAM_INVALID,
        'Give escalationTeamId or clearEscalationTeam, not both',
        'input.clearEscalationTeam',
      );
    return ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request, id);
      if (claim.replayed) return this.team(tx, tenantId, claim.resultId);
      // One change of a tenant's escalation paths at a time, so two edits cannot close a loop between them.
      await tx.execute(`select pg_advisory_xact_lock(hashtext('support-teams:' || ?))`, [tenantId]);
      const team = await this.assertTeam(tx, tenantId, id, 'id');
      let escalation = input.clearEscalationTeam ? null : team.escalation_team_id;
      if (input.escalationTeamId) {
        await this.assertTeam(tx, tenantId, input.escalationTeamId, 'input.escalationTeamId');
        const [loop] = await tx.execute<{ id: string }[]>(
          `with recursive path as (
             select id, escalation_team_id, 1 as depth from support_team where id = ?
             union all
             select t.id, t.escalation_team_id, p.depth + 1 from support_team t join path p on t.id = p.escalation_team_id
              where p.depth < 1000)
           select id from path where id = ? limit 1`,
          [input.escalationTeamId, id],
        );
        if (loop)
          throw caseError(
            CaseErrorCode.ESCALATION_CYCLE,
            'The escalation path from that team comes back to this one',
            'input.escalationTeamId',
          );
        escalation = input.escalationTeamId;
      }
      const supervisor =
        input.supervisor === undefined || input.supervisor === null
          ? team.supervisor
          : (optionalText(input.supervisor, 'input.supervisor') ?? null);
      const [row] = await tx.execute<TeamRow[]>(
        `update support_team set name = ?, escalation_team_id = ?, supervisor = ? where id = ? returning *`,
        [name ?? team.name, escalation, supervisor, id],
      );
      return toTeam(row);
    });
  }

  rules(ctx: Context): Promise<RoutingRule[]> {
    return routingRules(ctx.em, requireTenant(ctx));
  }

  /** Replaces the whole ordered list: the order given is the order rules are tried in. */
  async setRules(ctx: Context, rules: RoutingRuleInput[], idempotencyKey: string): Promise<RoutingRule[]> {
    const tenantId = requireTenant(ctx);
    const request = configRequest(
      ctx,
      IdempotencyScope.SUPPORT_CONFIG,
      idempotencyKey,
      'idempotencyKey',
      'setRoutingRules',
      {
        rules,
      },
    );
    // A replay answers with the rules in force now, which a later change may have replaced.
    if (await findIdempotentResult(ctx.em, request)) return this.rules(ctx);
    if (rules.length > MAX_RULES)
      throw caseError(CaseErrorCode.ROUTING_INVALID, `At most ${MAX_RULES} routing rules`, 'rules');
    const clean = rules.map((rule, index) => {
      const field = `rules.${index}`;
      for (const [name, value] of [
        ['teamId', rule.teamId],
        ['storeId', rule.storeId],
        ['tierId', rule.tierId],
      ] as const) {
        if (value && !isUuid(value))
          throw caseError(CaseErrorCode.ROUTING_INVALID, `${field}.${name} is not an id`, `${field}.${name}`);
      }
      return {
        ...rule,
        region: optionalText(rule.region, `${field}.region`, 100) ?? null,
        topic: topicOf(rule.topic, `${field}.topic`),
      };
    });
    await ctx.em.transactional(async (tx) => {
      if ((await claimIdempotencyKey(tx, request)).replayed) return;
      const teams = await existing(
        tx,
        'support_team',
        tenantId,
        clean.map((rule) => rule.teamId),
      );
      const stores = await existing(
        tx,
        'store',
        tenantId,
        clean.flatMap((rule) => (rule.storeId ? [rule.storeId] : [])),
      );
      const tiers = await existing(
        tx,
        'tier',
        tenantId,
        clean.flatMap((rule) => (rule.tierId ? [rule.tierId] : [])),
      );
      clean.forEach((rule, index) => {
        const missing = !teams.has(rule.teamId)
          ? 'teamId'
          : rule.storeId && !stores.has(rule.storeId)
            ? 'storeId'
            : rule.tierId && !tiers.has(rule.tierId)
              ? 'tierId'
              : null;
        if (missing)
          throw caseError(
            CaseErrorCode.ROUTING_INVALID,
            `rules.${index}.${missing} names nothing`,
            `rules.${index}.${missing}`,
          );
      });
      await tx.execute(`delete from support_routing_rule where tenant_id = ?`, [tenantId]);
      if (clean.length === 0) return;
      await tx.execute(
        `insert into support_routing_rule (id, tenant_id, position, team_id, store_id, region, channel, tier_id, topic)
         select uuid_generate_v7(), ?, r.position, r.team_id, r.store_id, r.region, r.channel, r.tier_id, r.topic
           from jsonb_to_recordset(?::jsonb) as r(position int, team_id uuid, store_id uuid, region text, channel text, tier_id uuid, topic text)`,
        [
          tenantId,
          JSON.stringify(
            clean.map((rule, index) => ({
              position: index + 1,
              team_id: rule.teamId,
              store_id: rule.storeId ?? null,
              region: rule.region,
              channel: rule.channel ?? null,
              tier_id: rule.tierId ?? null,
              topic: rule.topic,
            })),
          ),
        ],
      );
    });
    return this.rules(ctx);
  }

  settings(ctx: Context): Promise<SupportSettings> {
    return supportSettings(ctx.em, requireTenant(ctx));
  }

  async updateSettings(ctx: Context, input: UpdateSupportSettingsInput): Promise<SupportSettings> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const request = configRequest(
      ctx,
      IdempotencyScope.SUPPORT_CONFIG,
      input.idempotencyKey,
      'input.idempotencyKey',
      'updateSupportSettings',
      input,
    );
    if (await findIdempotentResult(ctx.em, request)) return this.settings(ctx);
    const lead = input.escalationLeadMinutes;
    if (lead !== undefined && lead !== null && (!Number.isInteger(lead) || lead < 0 || lead > 10_080))
      throw caseError(
        CaseErrorCode.SETTINGS_INVALID,
        'input.escalationLeadMinutes must be 0 to 10080',
        'input.escalationLeadMinutes',
      );
    (input.slas ?? []).forEach((sla, index) => {
      const field = `input.slas.${index}`;
      const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_MINUTES;
      if (
        !ok(sla.firstResponseMinutes) ||
        !ok(sla.resolutionMinutes) ||
        sla.resolutionMinutes < sla.firstResponseMinutes
      )
        throw caseError(
          CaseErrorCode.SETTINGS_INVALID,
          `${field}: minutes must be 1 to ${MAX_MINUTES}, the resolution no sooner than the first response`,
          field,
        );
    });
    (input.goodwillStatusLimits ?? []).forEach((limit, index) => {
      const field = `input.goodwillStatusLimits.${index}`;
      const days = limit.maxStatusDays;
      if (limit.role === StaffRole.OWNER)
        throw caseError(CaseErrorCode.SETTINGS_INVALID, 'The OWNER is never bound', `${field}.role`);
      if (days !== undefined && days !== null && (!Number.isInteger(days) || days < 0 || days > 3650))
        throw caseError(
          CaseErrorCode.SETTINGS_INVALID,
          `${field}.maxStatusDays must be 0 to 3650`,
          `${field}.maxStatusDays`,
        );
    });
    await ctx.em.transactional(async (tx) => {
      if ((await claimIdempotencyKey(tx, request)).replayed) return;
      if (input.defaultTeamId) await this.assertTeam(tx, tenantId, input.defaultTeamId, 'input.defaultTeamId');
      const tiers = input.tierPriorities ?? [];
      const known = await existing(tx, 'tier', tenantId, tiers.map((tier) => tier.tierId).filter(isUuid));
      tiers.forEach((tier, index) => {
        if (!known.has(tier.tierId))
          throw caseError(CaseErrorCode.SETTINGS_INVALID, 'No such tier', `input.tierPriorities.${index}.tierId`);
      });
      await tx.execute(
        `insert into support_settings (tenant_id, default_team_id, escalation_lead_minutes, updated_at, actor)
         values (?, ?, coalesce(?::int, 0), now(), ?)
         on conflict (tenant_id) do update set
           default_team_id = case when ?::boolean then null else coalesce(excluded.default_team_id, support_settings.default_team_id) end,
           escalation_lead_minutes = coalesce(?::int, support_settings.escalation_lead_minutes),
           updated_at = now(), actor = excluded.actor`,
        [tenantId, input.defaultTeamId ?? null, lead ?? null, actor, input.clearDefaultTeam === true, lead ?? null],
      );
      for (const sla of input.slas ?? []) {
        await tx.execute(
          `insert into support_sla_policy (tenant_id, priority, first_response_minutes, resolution_minutes) values (?, ?, ?, ?)
           on conflict (tenant_id, priority) do update set first_response_minutes = excluded.first_response_minutes,
             resolution_minutes = excluded.resolution_minutes`,
          [tenantId, sla.priority, sla.firstResponseMinutes, sla.resolutionMinutes],
        );
      }
      if (input.tierPriorities) {
        await tx.execute(`delete from support_tier_priority where tenant_id = ?`, [tenantId]);
        for (const tier of tiers)
          await tx.execute(`insert into support_tier_priority (tenant_id, tier_id, priority) values (?, ?, ?)`, [
            tenantId,
            tier.tierId,
            tier.priority,
          ]);
      }
      for (const limit of input.goodwillStatusLimits ?? []) {
        await tx.execute(
          `insert into support_goodwill_limit (tenant_id, role, max_status_days) values (?, ?, ?)
           on conflict (tenant_id, role) do update set max_status_days = excluded.max_status_days`,
          [tenantId, limit.role, limit.maxStatusDays ?? null],
        );
      }
    });
    return this.settings(ctx);
  }

  /** The team a keyed create or update answered, as it is now. */
  private async team(em: EntityManager, tenantId: string, id: string): Promise<SupportTeam> {
    const [row] = await em.execute<TeamRow[]>(`select * from support_team where tenant_id = ? and id = ?`, [
      tenantId,
      id,
    ]);
    return toTeam(row);
  }

  /** A team of the tenant, locked for the transaction; TEAM_NOT_FOUND naming `field` otherwise. */
  async assertTeam(tx: EntityManager, tenantId: string, id: string, field: string): Promise<TeamRow> {
    const [row] = isUuid(id)
      ? await tx.execute<TeamRow[]>(`select * from support_team where tenant_id = ? and id = ? for update`, [
          tenantId,
          id,
        ])
      : [];
    if (!row) throw caseError(CaseErrorCode.TEAM_NOT_FOUND, `No support team ${id}`, field);
    return row;
  }
}
