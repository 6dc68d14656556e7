import { UniqueConstraintViolationException } from '@mikro-orm/core';

import { assertRole, requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { isUuid, requiredText } from '../shared/validation';
import { feedbackError, FeedbackErrorCode } from './feedback.errors';
import { findSurvey, SURVEY_COLUMNS, type SurveyRow, toSurvey } from './feedback.store';
import type { CreateSurveyInput, Survey, UpdateSurveyInput } from './survey.types';

const text = (value: string, field: string, max: number) => requiredText(value, field, max);

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
    const code = text(input.code, 'input.code', 50);
    const [row] = await ctx.em.execute<SurveyRow[]>(
      `insert into survey (id, tenant_id, code, name, kind, trigger, question, active, version, created_at)
       values (uuid_generate_v7(), ?, ?, ?, ?, ?, ?, ?, 1, now())
       on conflict (tenant_id, code) do nothing returning ${SURVEY_COLUMNS}`,
      [
        tenantId,
        code,
        text(input.name, 'input.name', 200),
        input.kind,
        input.trigger,
        text(input.question, 'input.question', 500),
        input.active,
      ],
    );
    if (!row) throw feedbackError(FeedbackErrorCode.SURVEY_CODE_TAKEN, `Another survey has code ${code}`, 'input.code');
    return toSurvey(row);
  }

  async update(ctx: Context, id: string, input: UpdateSurveyInput): Promise<Survey> {
    const tenantId = requireTenant(ctx);
    const changes = {
      code: input.code == null ? undefined : text(input.code, 'input.code', 50),
      name: input.name == null ? undefined : text(input.name, 'input.name', 200),
      question: input.question == null ? undefined : text(input.question, 'input.question', 500),
    };
    if (!isUuid(id)) throw feedbackError(FeedbackErrorCode.SURVEY_NOT_FOUND, `No survey ${id}`, 'id');
    const update = ctx.em.transactional(async (tx) => {
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
