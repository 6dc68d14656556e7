import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { Customer, type CustomerRecord } from '../customers/customer.entity';
import { requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { decodeCursor, PAGE_AFTER, PAGE_FIRST, pageSize, toConnection } from '../shared/graphql/connection';
import { FeedbackSettingsService } from './feedback-settings.service';
import { FeedbackSettings, SetFeedbackSettingsInput } from './feedback-settings.types';
import { SurveyService } from './survey.service';
import { CreateSurveyInput, Survey, UpdateSurveyInput } from './survey.types';
import { SurveyResponseService } from './survey-response.service';
import {
  SubmitSurveyResponseInput,
  SubmitSurveyResponseResult,
  SurveyEligibility,
  SurveyResponse,
  SurveyResponseConnection,
} from './survey-response.types';

@Resolver()
export class FeedbackResolver {
  constructor(
    private readonly surveyService: SurveyService,
    private readonly settings: FeedbackSettingsService,
    private readonly responses: SurveyResponseService,
  ) {}

  @Authorized(Access.readSurveys)
  @Query(() => [Survey], {
    description:
      "The tenant's surveys by code. Any caller of the tenant; only staff who read feedback see inactive ones.",
  })
  surveys(
    @Ctx() ctx: Context,
    @Arg('activeOnly', {
      defaultValue: true,
      description: 'False lists switched-off surveys too: OWNER, ADMIN, ANALYST, SUPERVISOR or AGENT.',
    })
    activeOnly: boolean,
  ): Promise<Survey[]> {
    return this.surveyService.list(ctx, activeOnly);
  }

  @Authorized(Access.manageFeedback)
  @Mutation(() => Survey, { description: 'A new survey; its code is unique within the tenant. OWNER or ADMIN.' })
  createSurvey(@Arg('input', { description: 'The survey.' }) input: CreateSurveyInput, @Ctx() ctx: Context) {
    return this.surveyService.create(ctx, input);
  }

  @Authorized(Access.manageFeedback)
  @Mutation(() => Survey, {
    description: 'Changes a survey; its kind only while it has no responses. OWNER or ADMIN.',
  })
  updateSurvey(
    @Arg('id', () => ID, { description: 'The survey to change.' }) id: string,
    @Arg('input', { description: 'The fields to change.' }) input: UpdateSurveyInput,
    @Ctx() ctx: Context,
  ): Promise<Survey> {
    return this.surveyService.update(ctx, id, input);
  }

  @Authorized(Access.readFeedback)
  @Query(() => FeedbackSettings, {
    description: 'Fatigue rules and detractor thresholds; the defaults until set. Staff who read feedback.',
  })
  feedbackSettings(@Ctx() ctx: Context): Promise<FeedbackSettings> {
    return this.settings.get(ctx.em, requireTenant(ctx));
  }

  @Authorized(Access.manageFeedback)
  @Mutation(() => FeedbackSettings, {
    description: 'Changes the fatigue rules and detractor thresholds given; the rest stay. OWNER or ADMIN.',
  })
  setFeedbackSettings(
    @Arg('input', { description: 'The settings to change.' }) input: SetFeedbackSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<FeedbackSettings> {
    return this.settings.set(ctx, input);
  }

  @Authorized(Access.submitSurveyResponse)
  @Query(() => SurveyEligibility, {
    description:
      'Whether the customer may be sent the survey now, under the fatigue rules, consent and open cases; senders ask before sending. Whoever may submit responses; a customer token for itself.',
  })
  surveyEligibility(
    @Arg('customerId', () => ID, { description: 'The customer.' }) customerId: string,
    @Arg('surveyId', () => ID, { description: 'The survey to send.' }) surveyId: string,
    @Ctx() ctx: Context,
  ): Promise<SurveyEligibility> {
    return this.responses.eligibility(ctx, customerId, surveyId);
  }

  @Authorized(Access.submitSurveyResponse)
  @Mutation(() => SubmitSurveyResponseResult, {
    description:
      "Records a customer's answer, on the timeline (SURVEY_RESPONSE); a detractor raises DETRACTOR_RESPONSE. Staff other than ANALYST, or the customer themself.",
  })
  submitSurveyResponse(
    @Arg('input', { description: 'The customer, the survey and the answer.' }) input: SubmitSurveyResponseInput,
    @Ctx() ctx: Context,
  ): Promise<SubmitSurveyResponseResult> {
    return this.responses.submit(ctx, input);
  }
}

@Resolver(() => Customer)
export class CustomerFeedbackResolver {
  @Authorized(Access.readFeedback)
  @FieldResolver(() => SurveyResponseConnection, {
    description: "The customer's survey responses, newest first. OWNER, ADMIN, ANALYST, SUPERVISOR or AGENT.",
  })
  async surveyResponses(
    @Root() customer: CustomerRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, PAGE_FIRST) first?: number,
    @Arg('after', () => String, PAGE_AFTER)
    after?: string,
  ): Promise<SurveyResponseConnection> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const rows = await ctx.loaders
      .surveyResponsePage({ tenantId: requireTenant(ctx), limit: limit + 1, after: cursor })
      .load(customer.id);
    return toConnection(rows, limit, (response) => ({ at: response.respondedAt, id: response.id }), cursor);
  }
}

@Resolver(() => SurveyResponse)
export class SurveyResponseResolver {
  @FieldResolver(() => Survey, { description: 'The survey answered.' })
  async survey(@Root() response: SurveyResponse, @Ctx() ctx: Context): Promise<Survey> {
    const survey = await ctx.loaders.surveyById.load(response.surveyId);
    if (!survey) throw new Error(`survey ${response.surveyId} of response ${response.id} is missing`);
    return survey;
  }
}
