import { UniqueConstraintViolationException } from '@mikro-orm/core';

import { assertRole, requireCaller, requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
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
import { isUuid, requiredText } from '../shared/validation';
import { feedbackError, FeedbackErrorCode } from './feedback.errors';
import { findSurvey, SURVEY_COLUMNS, type SurveyRow, toSurvey } from './feedback.store';
import type { CreateSurveyInput, Survey, UpdateSurveyInput } from './survey.types';

const text = (value: string, field: string, max: number) => requiredText(value, field, max);

/** A keyed change of the feedback configuration, by the caller, bound to the operation and its whole input. */
export function feedbackConfigRequest<T extends { idempotencyKey: string }>(
  ctx: Context,
  operation: string,
  input: T,
): IdempotentRequest {
  return {
    tenantId: requireTenant(ctx),
    principal: principalOf(requireCaller(ctx)),
    scope: IdempotencyScope.FEEDBACK_CONFIG,
    key: idempotencyKeyOf(input.idempotencyKey),
    hash: requestHash(operation, input),
  };
}

/** The tenant's surveys: what is asked, on which scale, and whether it is sent. */
export class SurveyService {
  async list(ctx: Context, activeOnly: boolean): Promise<Survey[]> {
    const tenantId = requireTenant(ctx);
    // Switched-off surveys are the back office's workbench, not what channels show.
    if (!activeOnly) assertRole(ctx, Access.readFeedback);
    const rows = await ctx.em.execute<SurveyRow[]>(
      `select ${SURVEY_COLUMNS} from survey where tenant_id = ?${activeOnly ? ' and active' : ''} order by code`,
      [tenantId],
    );
    return rows.map(toSurvey);
  }

  /** A survey of the caller's tenant, else NOT_FOUND naming `field`. */
  async get(ctx: Context, id: string, field: string): Promise<Survey> {
    const survey = isUuid(id) ? await findSurvey(ctx.em, requireTenant(ctx), id) : null;
    if (!survey) throw feedbackError(FeedbackErrorCode.SURVEY_NOT_FOUND, `No survey ${id}`, field);
    return survey;
  }

  async create(ctx: Context, input: CreateSurveyInput): Promise<Survey> {
    const tenantId = requireTenant(ctx);
    const request = feedbackConfigRequest(ctx, 'createSurvey', input);
    const replay = await findIdempotentResult(ctx.em, request);
    if (replay) return this.current(ctx, replay);
    const code = text(input.code, 'input.code', 50);
    const values = [
      text(input.name, 'input.name', 200),
      input.kind,
      input.trigger,
      text(input.question, 'input.question', 500),
      input.active,
    ];
    return ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) return this.current(ctx, claim.resultId, tx);
      const [row] = await tx.execute<SurveyRow[]>(
        `insert into survey (id, tenant_id, code, name, kind, trigger, question, active, version, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, 1, now())
         on conflict (tenant_id, code) do nothing returning ${SURVEY_COLUMNS}`,
        [claim.resultId, tenantId, code, ...values],
      );
      if (!row)
        throw feedbackError(FeedbackErrorCode.SURVEY_CODE_TAKEN, `Another survey has code ${code}`, 'input.code');
      return toSurvey(row);
    });
  }

  /** The survey a keyed create or update answered, as it is now. */
  private async current(ctx: Context, id: string, em = ctx.em): Promise<Survey> {
    const survey = await findSurvey(em, requireTenant(ctx), id);
    // Surveys are never deleted, so the record a key names is there.
    if (!survey) throw new Error(`survey ${id} of an idempotency key not found`);
    return survey;
  }

  async update(ctx: Context, id: string, input: UpdateSurveyInput): Promise<Survey> {
    const tenantId = requireTenant(ctx);
    const request = feedbackConfigRequest(ctx, 'updateSurvey', { ...input, id });
    // Before the checks: the replay answers even though expectedVersion is behind by now.
    const replay = await findIdempotentResult(ctx.em, request);
    if (replay) return this.current(ctx, replay);
    const changes = {
      code: input.code == null ? undefined : text(input.code, 'input.code', 50),
      name: input.name == null ? undefined : text(input.name, 'input.name', 200),
      question: input.question == null ? undefined : text(input.question, 'input.question', 500),
    };
    if (!isUuid(id)) throw feedbackError(FeedbackErrorCode.SURVEY_NOT_FOUND, `No survey ${id}`, 'id');
    const update = ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request, id);
      if (claim.replayed) return this.current(ctx, claim.resultId, tx);
      const survey = await findSurvey(tx, tenantId, id, true);
      if (!survey) throw feedbackError(FeedbackErrorCode.SURVEY_NOT_FOUND, `No survey ${id}`, 'id');
      if (input.expectedVersion != null && input.expectedVersion !== survey.version) {
        throw feedbackError(
          FeedbackErrorCode.VERSION_MISMATCH,
          `The survey is at version ${survey.version}, not ${input.expectedVersion}`,
          'input.expectedVersion',
        );
      }
      if (input.kind != null && input.kind !== survey.kind) {
        const answered = await tx.execute(
          `select 1 from survey_response where tenant_id = ? and survey_id = ? limit 1`,
          [tenantId, id],
        );
        if (answered.length > 0)
          throw feedbackError(
            FeedbackErrorCode.SURVEY_KIND_LOCKED,
            'The survey has responses on its scale; create another survey for another kind',
            'input.kind',
          );
      }
      const [row] = await tx.execute<SurveyRow[]>(
        `update survey set code = ?, name = ?, kind = ?, trigger = ?, question = ?, active = ?, version = version + 1
          where tenant_id = ? and id = ? returning ${SURVEY_COLUMNS}`,
        [
          changes.code ?? survey.code,
          changes.name ?? survey.name,
          input.kind ?? survey.kind,
          input.trigger ?? survey.trigger,
          changes.question ?? survey.question,
          input.active ?? survey.active,
          tenantId,
          id,
        ],
      );
      return toSurvey(row);
    });
    try {
      return await update;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw feedbackError(
          FeedbackErrorCode.SURVEY_CODE_TAKEN,
          `Another survey has code ${changes.code}`,
          'input.code',
        );
      throw error;
    }
  }
}
