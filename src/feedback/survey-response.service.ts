import type { EntityManager } from '@mikro-orm/postgresql';

import type { CustomerRecord } from '../customers/customer.entity';
import { customerOrNotFound } from '../customers/customer.lookup';
import { callerLabel } from '../shared/auth/caller';
import {
  actingChannel,
  actingStore,
  assertMayActOnCustomer,
  requireCaller,
  requireTenant,
} from '../shared/auth/guards';
import type { Context } from '../shared/context';
import {
  claimIdempotencyKey,
  findIdempotentResult,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  requestHash,
} from '../shared/idempotency';
import { isUuid, optionalText, requiredText } from '../shared/validation';
import type { SignalService } from '../signals/signal.service';
import { SignalType } from '../signals/signal.types';
import { recordTimeline } from '../timeline/timeline';
import { TimelineKind } from '../timeline/timeline.entity';
import { assessEligibility } from './fatigue.logic';
import { feedbackError, FeedbackErrorCode } from './feedback.errors';
import { contextBelongsTo, eligibilityFacts, findResponse, RESPONSE_COLUMNS, type ResponseRow } from './feedback.store';
import { detractorThresholds, type FeedbackSettingsService } from './feedback-settings.service';
import type { FeedbackSettings } from './feedback-settings.types';
import {
  isDetractor,
  SCALES,
  scoreInScale,
  SurveyContextType,
  SurveyTrigger,
  TRANSACTIONAL_CONTEXTS,
} from './survey.logic';
import type { SurveyService } from './survey.service';
import type { Survey } from './survey.types';
import type {
  SubmitSurveyResponseInput,
  SubmitSurveyResponseResult,
  SurveyContextInput,
  SurveyEligibility,
} from './survey-response.types';

/** Contexts that bound a customer's answers by themselves (one per purchase or case of theirs). */
const CONTEXT_BOUND: ReadonlySet<SurveyContextType> = new Set([SurveyContextType.PURCHASE, SurveyContextType.CASE]);

/**
 * Survey answers and whether to ask. A response the customer volunteers is recorded whatever their SURVEYS
 * consent and fatigue: consent and fatigue govern being asked, which `surveyEligibility` answers for the sender.
 * A customer's own answer to a survey without a purchase or case is once per the tenant's gap, though.
 */
export class SurveyResponseService {
  constructor(
    private readonly surveys: SurveyService,
    private readonly settings: FeedbackSettingsService,
    private readonly signals: SignalService,
  ) {}

  async eligibility(ctx: Context, customerId: string, surveyId: string): Promise<SurveyEligibility> {
    const tenantId = requireTenant(ctx);
    assertMayActOnCustomer(ctx, customerId);
    const customer = await customerOrNotFound(ctx, customerId, 'customerId');
    const survey = await this.surveys.get(ctx, surveyId, 'surveyId');
    const rules = await this.settings.get(ctx.em, tenantId);
    const now = new Date();
    const facts = await eligibilityFacts(ctx.em, {
      tenantId,
      customerId: customer.id,
      surveyActive: survey.active,
      rules,
      now,
    });
    const answer = assessEligibility(rules, facts, now);
    return {
      eligible: answer.eligible,
      reasons: answer.reasons,
      nextEligibleAt: answer.nextEligibleAt ?? undefined,
      lastSurveyedAt: facts.lastSurveyedAt ?? undefined,
    };
  }

  /**
   * Records the response, its timeline entry and, for a detractor, the DETRACTOR_RESPONSE signal (whose
   * in-transaction handlers open the case), all in one transaction.
   */
  async submit(ctx: Context, input: SubmitSurveyResponseInput): Promise<SubmitSurveyResponseResult> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    const actor = callerLabel(caller);
    assertMayActOnCustomer(ctx, input.customerId);
    const channel = actingChannel(ctx, input.channel, 'input.channel');
    const storeId = actingStore(ctx, input.storeId, 'input.storeId');
    const request: IdempotentRequest = {
      tenantId,
      scope: IdempotencyScope.SURVEY_RESPONSE,
      principal: actor,
      key: idempotencyKeyOf(input.idempotencyKey),
      // What the credential implies, made explicit: a resend that names them replays.
      hash: requestHash('submitSurveyResponse', { ...input, channel, storeId }),
    };
    // A retry answers with the response even if the survey was switched off since.
    const earlier = await findIdempotentResult(ctx.em, request);
    if (earlier) return { response: await findResponse(ctx.em, tenantId, earlier), replayed: true };

    const survey = await this.surveys.get(ctx, input.surveyId, 'input.surveyId');
    if (!survey.active)
      throw feedbackError(FeedbackErrorCode.SURVEY_INACTIVE, 'The survey is switched off', 'input.surveyId');
    if (!scoreInScale(survey.kind, input.score)) {
      const { min, max } = SCALES[survey.kind];
      throw feedbackError(
        FeedbackErrorCode.SCORE_OUT_OF_RANGE,
        `A ${survey.kind} score is a whole number from ${min} to ${max}`,
        'input.score',
      );
    }
    const comment = optionalText(input.comment, 'input.comment', 2000);
    const topic = optionalText(input.topic, 'input.topic', 50);
    const customer = await customerOrNotFound(ctx, input.customerId, 'input.customerId');
    const context = await this.checkContext(ctx, survey, customer, input.context);
    if (storeId !== undefined && !(isUuid(storeId) && (await ctx.loaders.storeById.load(storeId)))) {
      throw feedbackError(FeedbackErrorCode.STORE_NOT_FOUND, `No store ${storeId}`, 'input.storeId');
    }
    const settings = await this.settings.get(ctx.em, tenantId);
    const detractor = isDetractor(survey.kind, input.score, detractorThresholds(settings));

    return ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) return { response: await findResponse(tx, tenantId, claim.resultId), replayed: true };
      // Staff and services record answers taken by phone or a tool; the customer's own answers are bounded.
      if (caller.kind === 'customer' && !(context && CONTEXT_BOUND.has(context.type)))
        await this.assertNotRecentlyAnswered(tx, { tenantId, customerId: customer.id, surveyId: survey.id, settings });
      const [row] = await tx.execute<ResponseRow[]>(
        `insert into survey_response (id, tenant_id, customer_id, survey_id, kind, score, comment, channel, store_id,
           context_type, context_id, topic, detractor, actor, responded_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, date_trunc('milliseconds', now()))
         on conflict do nothing returning ${RESPONSE_COLUMNS}`,
        [
          claim.resultId,
          tenantId,
          customer.id,
          survey.id,
          survey.kind,
          input.score,
          comment ?? null,
          channel,
          storeId ?? null,
          context?.type ?? null,
          context?.id ?? null,
          topic ?? null,
          detractor,
          actor,
        ],
      );
      if (!row)
        throw feedbackError(
          FeedbackErrorCode.ALREADY_ANSWERED,
          `The customer already answered this survey about this ${context?.type.toLowerCase()}`,
          'input.context.id',
        );
      await recordTimeline(tx, {
        tenantId,
        customerId: customer.id,
        kind: TimelineKind.SURVEY_RESPONSE,
        channel,
        actor,
        occurredAt: new Date(row.responded_at),
        summary: `${survey.kind} ${input.score} on ${survey.code}${detractor ? ' (detractor)' : ''}`,
        data: {
          surveyId: survey.id,
          surveyCode: survey.code,
          kind: survey.kind,
          score: input.score,
          detractor,
          ...(context ? { contextType: context.type, contextId: context.id ?? null } : {}),
          ...(storeId ? { storeId } : {}),
        },
        refType: 'survey_response',
        refId: row.id,
      });
      if (detractor) {
        await this.signals.raise(tx, {
          tenantId,
          customerId: customer.id,
          type: SignalType.DETRACTOR_RESPONSE,
          cause: row.id,
          payload: {
            responseId: row.id,
            surveyId: survey.id,
            kind: survey.kind,
            score: input.score,
            channel,
            storeId: storeId ?? null,
            ...(topic ? { topic } : {}),
          },
        });
      }
      return { response: await findResponse(tx, tenantId, row.id), replayed: false };
    });
  }

  /**
   * A customer answers a survey without a purchase or case (RELATIONSHIP, CALL: nothing bounds their number)
   * once per the tenant's gap between surveys, at least a day: otherwise new idempotency keys would repeat
   * answers, and a detractor's signal, at will. Serialised per customer and survey; counts any earlier answer
   * to the survey without a purchase or case, whoever recorded it.
   */
  private async assertNotRecentlyAnswered(
    tx: EntityManager,
    q: { tenantId: string; customerId: string; surveyId: string; settings: FeedbackSettings },
  ): Promise<void> {
    const days = Math.max(1, q.settings.minDaysBetweenSurveys);
    await tx.execute(`select pg_advisory_xact_lock(hashtext('survey-answer:' || ?::text || ':' || ?::text))`, [
      q.customerId,
      q.surveyId,
    ]);
    const [last] = await tx.execute<{ responded_at: Date }[]>(
      `select responded_at from survey_response
        where tenant_id = ? and survey_id = ? and customer_id = ?
          and (context_type is null or context_type not in ('PURCHASE', 'CASE'))
          and responded_at > now() - make_interval(days => ?)
        order by responded_at desc limit 1`,
      [q.tenantId, q.surveyId, q.customerId, days],
    );
    if (last) {
      const next = new Date(new Date(last.responded_at).getTime() + days * 86_400_000);
      throw feedbackError(
        FeedbackErrorCode.RECENTLY_ANSWERED,
        `The customer answered this survey recently; they may answer it again from ${next.toISOString()}`,
        'input.surveyId',
      );
    }
  }

  /**
   * A transactional survey is about one purchase, case or call (the purchase or case the customer's own); a
   * relationship survey about the relationship, said or not.
   */
  private async checkContext(
    ctx: Context,
    survey: Survey,
    customer: CustomerRecord,
    context: SurveyContextInput | undefined | null,
  ): Promise<{ type: SurveyContextType; id?: string } | undefined> {
    if (!context) {
      if (survey.trigger === SurveyTrigger.RELATIONSHIP) return undefined;
      throw feedbackError(
        FeedbackErrorCode.CONTEXT_INVALID,
        'A transactional survey names the purchase, case or call it is about',
        'input.context',
      );
    }
    const transactional = TRANSACTIONAL_CONTEXTS.has(context.type);
    if (transactional !== (survey.trigger === SurveyTrigger.TRANSACTIONAL)) {
      throw feedbackError(
        FeedbackErrorCode.CONTEXT_INVALID,
        survey.trigger === SurveyTrigger.TRANSACTIONAL
          ? 'A transactional survey is about a PURCHASE, CASE or CALL'
          : 'A relationship survey is about the RELATIONSHIP',
        'input.context.type',
      );
    }
    if (!transactional) {
      if (context.id != null)
        throw feedbackError(FeedbackErrorCode.CONTEXT_INVALID, 'A RELATIONSHIP context has no id', 'input.context.id');
      return { type: context.type };
    }
    if (context.id == null)
      throw feedbackError(
        FeedbackErrorCode.CONTEXT_INVALID,
        `A ${context.type} context needs its id`,
        'input.context.id',
      );
    const id = requiredText(context.id, 'input.context.id', 100);
    const table =
      context.type === SurveyContextType.PURCHASE
        ? 'purchase'
        : context.type === SurveyContextType.CASE
          ? 'support_case'
          : null;
    if (table && !(isUuid(id) && (await contextBelongsTo(ctx.em, requireTenant(ctx), customer.id, table, id)))) {
      throw feedbackError(
        FeedbackErrorCode.CONTEXT_NOT_FOUND,
        `No ${context.type.toLowerCase()} ${id} of this customer`,
        'input.context.id',
      );
    }
    return { type: context.type, id: table ? id.toLowerCase() : id };
  }
}
