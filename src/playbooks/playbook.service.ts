import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { customerOrNotFound } from '../customers/customer.lookup';
import { callerLabel } from '../shared/auth/caller';
import { requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { decodeCursor, pageSize, toConnection } from '../shared/graphql/connection';
import {
  claimIdempotencyKey,
  findIdempotentResult,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  principalOf,
  requestHash,
} from '../shared/idempotency';
import { isUuid } from '../shared/validation';
import { playbookError, PlaybookErrorCode } from './playbook.errors';
import { type ActionOutcome, PlaybookActionType, type PlaybookDefinition, playbookDefinition } from './playbook.logic';
import {
  type ActionResult,
  definitionParams,
  PLAYBOOK_COLUMNS,
  type PlaybookRow,
  reminderDeliveries,
  teamExists,
  toPlaybook,
} from './playbook.store';
import type {
  Playbook,
  PlaybookFiring,
  PlaybookFiringConnection,
  PlaybookFiringFilter,
  PlaybookInput,
} from './playbook.types';

interface FiringRow {
  id: string;
  playbook_id: string;
  playbook_code: string;
  playbook_version: number;
  customer_id: string;
  signal_type: PlaybookFiring['signal'];
  cause: string;
  outcome: ActionOutcome;
  actions: ActionResult[];
  fired_at: Date;
}

/** Tenant-defined playbooks and what they did; the engine (playbook.engine.ts) fires them. */
export class PlaybookService {
  list(ctx: Context, includeRetired: boolean): Promise<Playbook[]> {
    const tenantId = requireTenant(ctx);
    return ctx.em
      .execute<PlaybookRow[]>(
        `select ${PLAYBOOK_COLUMNS} from playbook where tenant_id = ? and (active or ?) order by code`,
        [tenantId, includeRetired],
      )
      .then((rows) => rows.map(toPlaybook));
  }

  /** Creates an active playbook; it acts on signals raised from now on. */
  async create(ctx: Context, input: PlaybookInput): Promise<Playbook> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const request = this.request(ctx, tenantId, input.idempotencyKey, 'createPlaybook', input);
    const replay = await this.replay(ctx.em, tenantId, request);
    if (replay) return replay;
    const definition = playbookDefinition(input);
    return this.takingCode(definition, () =>
      ctx.em.transactional(async (tx) => {
        const claim = await claimIdempotencyKey(tx, request);
        if (claim.replayed) return this.byId(tx, tenantId, claim.resultId);
        await this.checkTeams(tx, tenantId, definition);
        const [row] = await tx.execute<PlaybookRow[]>(
          `insert into playbook (id, tenant_id, code, name, signal_type, event_type, segments, min_tier_rank, actions, active, version, actor, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?::jsonb, true, 1, ?, now(), now())
           returning ${PLAYBOOK_COLUMNS}`,
          [claim.resultId, tenantId, ...definitionParams(definition), actor],
        );
        return toPlaybook(row);
      }),
    );
  }

  /** Replaces an active playbook's definition; firings keep the version they ran. */
  async update(ctx: Context, id: string, input: PlaybookInput): Promise<Playbook> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const request = this.request(ctx, tenantId, input.idempotencyKey, 'updatePlaybook', { ...input, id });
    // Before the checks: a replay answers even once the playbook was retired since.
    const replay = await this.replay(ctx.em, tenantId, request);
    if (replay) return replay;
    const definition = playbookDefinition(input);
    if (!isUuid(id)) throw playbookError(PlaybookErrorCode.PLAYBOOK_NOT_FOUND, `No playbook ${id}`, 'id');
    return this.takingCode(definition, () =>
      ctx.em.transactional(async (tx) => {
        const claim = await claimIdempotencyKey(tx, request, id);
        if (claim.replayed) return this.byId(tx, tenantId, claim.resultId);
        await this.locked(tx, tenantId, id);
        await this.checkTeams(tx, tenantId, definition);
        const [row] = await tx.execute<PlaybookRow[]>(
          `update playbook set code = ?, name = ?, signal_type = ?, event_type = ?, segments = ?::text[],
                  min_tier_rank = ?, actions = ?::jsonb, actor = ?, version = version + 1, updated_at = now()
            where tenant_id = ? and id = ? returning ${PLAYBOOK_COLUMNS}`,
          [...definitionParams(definition), actor, tenantId, id],
        );
        return toPlaybook(row);
      }),
    );
  }

  /** Stops a playbook for good (its firings stay); retiring a retired one changes nothing. */
  async retire(ctx: Context, id: string, idempotencyKey: string): Promise<Playbook> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const request = {
      ...this.request(ctx, tenantId, idempotencyKey, 'retirePlaybook', { id }),
      field: 'idempotencyKey',
    };
    const replay = await this.replay(ctx.em, tenantId, request);
    if (replay) return replay;
    if (!isUuid(id)) throw playbookError(PlaybookErrorCode.PLAYBOOK_NOT_FOUND, `No playbook ${id}`, 'id');
    return ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request, id);
      if (claim.replayed) return this.byId(tx, tenantId, claim.resultId);
      const [row] = await tx.execute<PlaybookRow[]>(
        `update playbook set active = false, retired_at = coalesce(retired_at, now()),
                version = version + (case when active then 1 else 0 end),
                actor = case when active then ? else actor end,
                updated_at = case when active then now() else updated_at end
          where tenant_id = ? and id = ? returning ${PLAYBOOK_COLUMNS}`,
        [actor, tenantId, id],
      );
      if (!row) throw playbookError(PlaybookErrorCode.PLAYBOOK_NOT_FOUND, `No playbook ${id}`, 'id');
      return toPlaybook(row);
    });
  }

  /** A keyed change of the caller's: validates the key and binds it to the operation and its input. */
  private request(
    ctx: Context,
    tenantId: string,
    idempotencyKey: string,
    operation: string,
    input: object,
  ): IdempotentRequest {
    return {
      tenantId,
      principal: principalOf(requireCaller(ctx)),
      scope: IdempotencyScope.PLAYBOOK_CHANGE,
      key: idempotencyKeyOf(idempotencyKey, 'idempotencyKey' in input ? 'input.idempotencyKey' : 'idempotencyKey'),
      hash: requestHash(operation, input),
    };
  }

  /** The playbook a committed request with this key answered, as it is now; null when the key is free. */
  private async replay(em: EntityManager, tenantId: string, request: IdempotentRequest): Promise<Playbook | null> {
    const resultId = await findIdempotentResult(em, request);
    return resultId ? this.byId(em, tenantId, resultId) : null;
  }

  private async byId(em: EntityManager, tenantId: string, id: string): Promise<Playbook> {
    const [row] = await em.execute<PlaybookRow[]>(
      `select ${PLAYBOOK_COLUMNS} from playbook where tenant_id = ? and id = ?`,
      [tenantId, id],
    );
    return toPlaybook(row);
  }

  /** What fired, newest first. */
  async firings(
    ctx: Context,
    filter: PlaybookFiringFilter | undefined,
    first: number | undefined,
    after: string | undefined,
  ): Promise<PlaybookFiringConnection> {
    const tenantId = requireTenant(ctx);
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const conditions: string[] = [];
    const params: unknown[] = [tenantId];
    if (filter?.customerId) {
      // A merged profile's firings stay recorded for it; asking for the survivor shows them too.
      const customer = await customerOrNotFound(ctx, filter.customerId, 'filter.customerId');
      conditions.push(
        `and f.customer_id in (select id from customer where tenant_id = ? and (id = ? or merged_into_id = ?))`,
      );
      params.push(tenantId, customer.id, customer.id);
    }
    if (filter?.playbookId) {
      // Not an id: no playbook, so no firings.
      conditions.push(isUuid(filter.playbookId) ? 'and f.playbook_id = ?' : 'and false');
      if (isUuid(filter.playbookId)) params.push(filter.playbookId);
    }
    if (filter?.signal) {
      conditions.push('and f.signal_type = ?');
      params.push(filter.signal);
    }
    if (filter?.outcome) {
      conditions.push('and f.outcome = ?');
      params.push(filter.outcome);
    }
    if (cursor) {
      conditions.push('and (f.fired_at, f.id) < (?, ?)');
      params.push(cursor.at, cursor.id);
    }
    const rows = await ctx.em.execute<FiringRow[]>(
      `select f.id, f.playbook_id, p.code as playbook_code, f.playbook_version, f.customer_id, f.signal_type, f.cause,
              f.outcome, f.actions, f.fired_at
         from playbook_firing f join playbook p on p.id = f.playbook_id
        where f.tenant_id = ? ${conditions.join(' ')}
        order by f.fired_at desc, f.id desc limit ?`,
      [...params, limit + 1],
    );
    const reminderIds = rows.flatMap((row) =>
      row.actions.flatMap((action) =>
        action.type === PlaybookActionType.SEND_REMINDER && action.refId ? [action.refId] : [],
      ),
    );
    const deliveries = await reminderDeliveries(ctx.em, tenantId, reminderIds);
    const firings: PlaybookFiring[] = rows.map((row) => ({
      id: row.id,
      playbookId: row.playbook_id,
      playbookCode: row.playbook_code,
      playbookVersion: row.playbook_version,
      customerId: row.customer_id,
      signal: row.signal_type,
      cause: row.cause,
      outcome: row.outcome,
      firedAt: new Date(row.fired_at),
      actions: row.actions.map((action) => ({
        ...action,
        delivery: action.refId ? deliveries.get(action.refId) : undefined,
      })),
    }));
    return toConnection(firings, limit, (firing) => ({ at: firing.firedAt, id: firing.id }), cursor);
  }

  /** The playbook, locked for a change; NOT_FOUND, or CONFLICT once retired. */
  private async locked(tx: EntityManager, tenantId: string, id: string): Promise<void> {
    const [row] = isUuid(id)
      ? await tx.execute<{ active: boolean }[]>(
          `select active from playbook where tenant_id = ? and id = ? for update`,
          [tenantId, id],
        )
      : [];
    if (!row) throw playbookError(PlaybookErrorCode.PLAYBOOK_NOT_FOUND, `No playbook ${id}`, 'id');
    if (!row.active)
      throw playbookError(PlaybookErrorCode.PLAYBOOK_RETIRED, 'A retired playbook cannot be changed', 'id');
  }

  /** Every team an alert names must be a team of the tenant. */
  private async checkTeams(tx: EntityManager, tenantId: string, definition: PlaybookDefinition): Promise<void> {
    for (const [index, action] of definition.actions.entries()) {
      if (action.teamId && !(await teamExists(tx, tenantId, action.teamId)))
        throw playbookError(
          PlaybookErrorCode.TEAM_NOT_FOUND,
          `No team ${action.teamId}`,
          `input.actions.${index}.teamId`,
        );
    }
  }

  private async takingCode<T>(definition: PlaybookDefinition, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw playbookError(
          PlaybookErrorCode.PLAYBOOK_TAKEN,
          `Another playbook has code ${definition.code}`,
          'input.code',
        );
      throw error;
    }
  }
}
