import type { EntityManager } from '@mikro-orm/postgresql';

import { customerOrNotFound } from '../customers/customer.lookup';
import { Topic } from '../realtime/pubsub';
import { recordStreamEvent } from '../realtime/versioned-stream';
import { callerLabel } from '../shared/auth/caller';
import { actingChannel, requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import { type Connection, decodeCursor, pageSize, toConnection } from '../shared/graphql/connection';
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  requestHash,
} from '../shared/idempotency';
import { isUuid, optionalText, requiredText } from '../shared/validation';
import type { SignalService } from '../signals/signal.service';
import { type RaisedSignal, SignalType } from '../signals/signal.types';
import { caseError, CaseErrorCode } from './case.errors';
import {
  allowedFrom,
  CaseAction,
  CaseSourceType,
  dueTimes,
  nextStatus,
  priorityFor,
  SlaDeadline,
  slaFor,
} from './case.logic';
import {
  applyChange,
  caseBySource,
  type CaseEffects,
  casePage,
  type CaseRow,
  findCase,
  insertCase,
  noteSignalCase,
  openDetractorCase,
  routingFacts,
  toCase,
} from './case.store';
import { recordCaseEvent } from './case.timeline';
import type { CaseAssignedPayload, CaseFilter, OpenCaseInput, SupportCase } from './case.types';
import { currentCause } from './root-cause.service';
import { topicOf } from './support-config.service';

/** What `openWithin` takes (the cross-part contract). */
export interface OpenCase {
  tenantId: string;
  customerId: string;
  subject: string;
  sourceType: 'SURVEY_RESPONSE' | 'PLAYBOOK' | 'AGENT';
  sourceId: string | null;
  topic?: string | null;
  channel?: string | null;
  storeId?: string | null;
  actor: string;
}

/** What a change of status does, by action. */
const EFFECTS: Record<CaseAction, Omit<CaseEffects, 'status' | 'rootCause'>> = {
  ACKNOWLEDGE: { respond: true, resolution: null, close: false },
  START: { respond: true, resolution: null, close: false },
  RESOLVE: { respond: true, resolution: 'set', close: false },
  REOPEN: { respond: false, resolution: 'clear', close: false },
  CLOSE: { respond: false, resolution: null, close: true },
};

/** Opening, routing and the lifecycle of support cases. */
export class CaseService {
  constructor(private readonly signals: SignalService) {}

  /**
   * Opens a case in the caller's transaction: routed by the tenant's rules (else its default team), given a
   * priority from the customer's tier and the SLA deadlines of that priority, recorded on the customer's
   * timeline, and announced on the team's `case-assigned:<teamId>` stream. A second call for the same
   * customer, sourceType and sourceId returns the case the first opened (and records nothing).
   */
  async openWithin(
    tx: EntityManager,
    input: OpenCase,
  ): Promise<{ id: string; teamId: string | null; priority: string }> {
    const row = await this.openRow(tx, input, null);
    return { id: row.id, teamId: row.team_id, priority: row.priority };
  }

  /**
   * A detractor survey response opens a case in the response's transaction (registered in app.ts). While the
   * customer has an open detractor case, a new detractor response is a note on it instead: one follow-up per
   * unhappy customer, and repeated answers cannot flood the queue. The signal's payload gets the case's id
   * (`caseId`) so playbooks act on that case.
   */
  async onDetractorResponse(tx: EntityManager, signal: RaisedSignal): Promise<void> {
    const p = signal.payload as {
      responseId?: string;
      kind?: string;
      score?: number;
      channel?: string;
      storeId?: string;
      topic?: string;
    };
    const actor = `signal:${SignalType.DETRACTOR_RESPONSE}`;
    const responseId = p.responseId ?? signal.cause;
    // Serialises the customer's detractor responses, so two at once cannot both find no open case.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('detractor-case:' || ?::text))`, [signal.customerId]);
    const open = await openDetractorCase(tx, signal.tenantId, signal.customerId);
    if (open) {
      await recordCaseEvent(
        tx,
        open,
        actor,
        'NOTE',
        `Another detractor ${p.kind ?? 'survey'} response: score ${p.score ?? '?'}`,
        { responseId, kind: p.kind ?? null, score: p.score ?? null },
      );
      await noteSignalCase(tx, signal.id, open.id);
      return;
    }
    const opened = await this.openWithin(tx, {
      tenantId: signal.tenantId,
      customerId: signal.customerId,
      subject: `Detractor ${p.kind ?? 'survey'} response: score ${p.score ?? '?'}`,
      sourceType: CaseSourceType.SURVEY_RESPONSE,
      sourceId: responseId,
      channel: p.channel ?? null,
      storeId: p.storeId && isUuid(p.storeId) ? p.storeId : null,
      topic: p.topic ?? null,
      actor,
    });
    await noteSignalCase(tx, signal.id, opened.id);
  }

  private async openRow(tx: EntityManager, input: OpenCase, id: string | null): Promise<CaseRow> {
    const topic = topicOf(input.topic, 'input.topic');
    const channel = input.channel ?? null;
    const storeId = input.storeId ?? null;
    const facts = await routingFacts(tx, {
      tenantId: input.tenantId,
      customerId: input.customerId,
      storeId,
      channel,
      topic,
    });
    if (!facts.customer_id)
      throw caseError(CaseErrorCode.CASE_INVALID, `No customer ${input.customerId}`, 'input.customerId');
    const customerId = facts.customer_id;
    const sourceType = input.sourceType as CaseSourceType;
    if (input.sourceId !== null) {
      const before = await caseBySource(tx, {
        tenantId: input.tenantId,
        customerId,
        sourceType,
        sourceId: input.sourceId,
      });
      if (before) return before;
    }
    const priority = priorityFor(facts.tier_rank, facts.tier_priority);
    const teamId = facts.routed_team_id ?? facts.default_team_id;
    const due = dueTimes(facts.now, slaFor(priority, facts.slas));
    const subject = requiredText(input.subject, 'input.subject');
    const row = await insertCase(tx, {
      id,
      tenantId: input.tenantId,
      customerId,
      priority,
      teamId,
      topic,
      channel,
      storeId,
      sourceType,
      sourceId: input.sourceId,
      subject,
      openedAt: facts.now,
      ...due,
    });
    // A concurrent opening from the same source won the insert.
    if (!row)
      return (await caseBySource(tx, { tenantId: input.tenantId, customerId, sourceType, sourceId: input.sourceId! }))!;
    await recordCaseEvent(tx, row, input.actor, 'OPEN', `Case opened (${priority}): ${subject}`, {
      sourceType,
      sourceId: input.sourceId,
    });
    if (teamId) {
      const payload: CaseAssignedPayload = {
        caseId: row.id,
        customerId,
        teamId,
        priority: row.priority,
        subject,
        topic,
        firstResponseDueAt: due.firstResponseDueAt.toISOString(),
        resolutionDueAt: due.resolutionDueAt.toISOString(),
        assignedAt: facts.now.toISOString(),
      };
      await recordStreamEvent(tx, {
        tenantId: input.tenantId,
        topic: Topic.CASE_ASSIGNED,
        stream: `case-assigned:${teamId}`,
        routingKey: `${input.tenantId}:${teamId}`,
        payload,
      });
    }
    return row;
  }

  /** `openCase`: an agent opens a case by hand; a retry with the same key returns the same case. */
  async open(ctx: Context, input: OpenCaseInput): Promise<SupportCase> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const channel = actingChannel(ctx, input.channel, 'input.channel');
    const request: IdempotentRequest = {
      tenantId,
      principal: actor,
      scope: IdempotencyScope.SUPPORT_CASE_OPEN,
      key: idempotencyKeyOf(input.idempotencyKey),
      hash: requestHash('openCase', { ...input, channel }),
    };
    requiredText(input.subject, 'input.subject');
    const customer = await customerOrNotFound(ctx, input.customerId, 'input.customerId');
    if (input.storeId && (!isUuid(input.storeId) || !(await ctx.loaders.storeById.load(input.storeId))))
      throw inputError(InputErrorCode.NOT_FOUND, `No store ${input.storeId}`, 'input.storeId');
    const row = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) return (await findCase(tx, tenantId, claim.resultId))!;
      const opening = { tenantId, customerId: customer.id, subject: input.subject, sourceType: CaseSourceType.AGENT };
      return this.openRow(
        tx,
        { ...opening, sourceId: null, topic: input.topic, channel, storeId: input.storeId, actor },
        claim.resultId,
      );
    });
    return toCase(row);
  }

  /**
   * A change of status (or, with `note` only, a note): idempotent per caller and key; a change the lifecycle
   * does not allow from the case's status is CONFLICT / CASE_TRANSITION_INVALID.
   */
  async change(
    ctx: Context,
    action: CaseAction | 'NOTE',
    input: { caseId: string; idempotencyKey: string; note?: string | null; rootCause?: string },
  ): Promise<SupportCase> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const request: IdempotentRequest = {
      tenantId,
      principal: actor,
      scope: IdempotencyScope.SUPPORT_CASE_CHANGE,
      key: idempotencyKeyOf(input.idempotencyKey),
      hash: requestHash(`case:${action}`, input),
    };
    if (!isUuid(input.caseId)) throw caseError(CaseErrorCode.CASE_NOT_FOUND, `No case ${input.caseId}`, 'input.caseId');
    const noteField = action === 'NOTE' ? 'input.text' : action === CaseAction.REOPEN ? 'input.reason' : 'input.note';
    const note =
      action === 'NOTE' || action === CaseAction.REOPEN
        ? requiredText(input.note ?? '', noteField, 2000)
        : optionalText(input.note, noteField, 2000);
    const rootCause =
      action === CaseAction.RESOLVE
        ? requiredText(input.rootCause ?? '', 'input.rootCause', 50).toUpperCase()
        : undefined;
    const row = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request, input.caseId);
      if (claim.replayed) return (await findCase(tx, tenantId, input.caseId))!;
      const before = await findCase(tx, tenantId, input.caseId, true);
      if (!before) throw caseError(CaseErrorCode.CASE_NOT_FOUND, `No case ${input.caseId}`, 'input.caseId');
      if (action === 'NOTE') {
        await recordCaseEvent(tx, before, actor, 'NOTE', `Case note: ${note}`, { note });
        return before;
      }
      const status = nextStatus(action, before.status);
      if (!status)
        throw caseError(
          CaseErrorCode.CASE_TRANSITION_INVALID,
          `A ${before.status} case cannot be ${action.toLowerCase()}d; allowed from ${allowedFrom(action).join(', ')}`,
          'input.caseId',
        );
      if (rootCause && !(await currentCause(tx, tenantId, rootCause)))
        throw caseError(
          CaseErrorCode.ROOT_CAUSE_UNKNOWN,
          `${rootCause} is not a current root cause`,
          'input.rootCause',
        );
      const after = await applyChange(tx, before.id, {
        status,
        ...EFFECTS[action],
        rootCause: action === CaseAction.RESOLVE ? rootCause : action === CaseAction.REOPEN ? null : undefined,
      });
      const verb = {
        ACKNOWLEDGE: 'acknowledged',
        START: 'started',
        RESOLVE: 'resolved',
        REOPEN: 'reopened',
        CLOSE: 'closed',
      }[action];
      await recordCaseEvent(
        tx,
        after,
        actor,
        action,
        `Case ${verb}${rootCause ? ` (${rootCause})` : ''}${note ? `: ${note}` : ''}`,
        {
          ...(note ? { note } : {}),
          ...(rootCause ? { rootCause } : {}),
        },
      );
      await this.raiseLateBreaches(tx, before, after);
      return after;
    });
    return toCase(row);
  }

  /** A deadline met late, found by the change itself before the SLA job saw it, is raised here (once per cause). */
  private async raiseLateBreaches(tx: EntityManager, before: CaseRow, after: CaseRow): Promise<void> {
    const late: [SlaDeadline, Date | null, Date | null, Date][] = [
      [
        SlaDeadline.FIRST_RESPONSE,
        before.first_response_breached_at,
        after.first_response_breached_at,
        after.first_response_due_at,
      ],
      [SlaDeadline.RESOLUTION, before.resolution_breached_at, after.resolution_breached_at, after.resolution_due_at],
    ];
    for (const [deadline, was, now, dueAt] of late) {
      if (was || !now) continue;
      await this.signals.raise(tx, {
        tenantId: after.tenant_id,
        customerId: after.customer_id,
        type: SignalType.SLA_BREACHED,
        cause: `${after.id}:${deadline}`,
        payload: {
          caseId: after.id,
          deadline,
          dueAt: new Date(dueAt).toISOString(),
          teamId: after.team_id,
          priority: after.priority,
        },
      });
    }
  }

  async get(ctx: Context, id: string): Promise<SupportCase | null> {
    const row = isUuid(id) ? await findCase(ctx.em, requireTenant(ctx), id) : null;
    return row && toCase(row);
  }

  async list(
    ctx: Context,
    filter: CaseFilter | undefined,
    first?: number,
    after?: string,
  ): Promise<Connection<SupportCase>> {
    const tenantId = requireTenant(ctx);
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    for (const field of ['teamId', 'customerId'] as const) {
      const value = filter?.[field];
      if (value && !isUuid(value)) return toConnection([], limit, () => ({ at: new Date(0), id: value }), cursor);
    }
    const rows = await casePage(ctx.em, {
      tenantId,
      statuses: filter?.status,
      teamId: filter?.teamId,
      customerIds: filter?.customerId ? [filter.customerId] : undefined,
      breached: filter?.breached ?? undefined,
      limit: limit + 1,
      after: cursor,
    });
    return toConnection(rows.map(toCase), limit, (c) => ({ at: c.openedAt, id: c.id }), cursor);
  }
}
