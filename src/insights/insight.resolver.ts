import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';

import { requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { InsightService } from './insight.service';
import {
  ActivityGrouping,
  CaseGrouping,
  CaseSlaMetric,
  ChurnMetric,
  CohortRetention,
  FeedbackMetric,
  MemberGrouping,
  MetricPeriodInput,
  PointsMetric,
  TierMovement,
  TierShare,
} from './insight.types';

const PERIOD_DOC = 'The period and the size of its buckets; BAD_USER_INPUT naming the field when invalid.';
const ROLES = 'OWNER, ADMIN, ANALYST or SUPERVISOR.';

/** Loyalty and service metrics of the caller's tenant, each one statement over a period. */
@Resolver()
export class InsightResolver {
  constructor(private readonly insights: InsightService) {}

  @Authorized(Access.readMetrics)
  @Query(() => [FeedbackMetric], {
    description: `NPS, CES and CSAT per bucket and group, by when the responses were given. ${ROLES}`,
  })
  feedbackMetrics(
    @Arg('period', { description: PERIOD_DOC }) period: MetricPeriodInput,
    @Arg('groupBy', () => ActivityGrouping, { defaultValue: ActivityGrouping.ALL, description: 'The grouping.' })
    groupBy: ActivityGrouping,
    @Ctx() ctx: Context,
  ): Promise<FeedbackMetric[]> {
    return this.insights.feedback(ctx.em, requireTenant(ctx), period, groupBy);
  }

  @Authorized(Access.readMetrics)
  @Query(() => [ChurnMetric], {
    description: `Active members, churn and retention per bucket against the bucket before. ${ROLES}`,
  })
  churnMetrics(
    @Arg('period', { description: PERIOD_DOC }) period: MetricPeriodInput,
    @Arg('groupBy', () => MemberGrouping, { defaultValue: MemberGrouping.ALL, description: 'The grouping.' })
    groupBy: MemberGrouping,
    @Ctx() ctx: Context,
  ): Promise<ChurnMetric[]> {
    return this.insights.churn(ctx.em, requireTenant(ctx), period, groupBy);
  }

  @Authorized(Access.readMetrics)
  @Query(() => [CohortRetention], {
    description: `Retention of the members who enrolled in each month of the period, per bucket since. ${ROLES}`,
  })
  cohortRetention(
    @Arg('period', { description: PERIOD_DOC }) period: MetricPeriodInput,
    @Arg('groupBy', () => MemberGrouping, { defaultValue: MemberGrouping.ALL, description: 'The grouping.' })
    groupBy: MemberGrouping,
    @Ctx() ctx: Context,
  ): Promise<CohortRetention[]> {
    return this.insights.cohorts(ctx.em, requireTenant(ctx), period, groupBy);
  }

  @Authorized(Access.readMetrics)
  @Query(() => [PointsMetric], {
    description: `Points earned, redeemed, expired and adjusted, redemption rates and active members per bucket. ${ROLES}`,
  })
  pointsMetrics(
    @Arg('period', { description: PERIOD_DOC }) period: MetricPeriodInput,
    @Arg('groupBy', () => ActivityGrouping, { defaultValue: ActivityGrouping.ALL, description: 'The grouping.' })
    groupBy: ActivityGrouping,
    @Ctx() ctx: Context,
  ): Promise<PointsMetric[]> {
    return this.insights.points(ctx.em, requireTenant(ctx), period, groupBy);
  }

  @Authorized(Access.readMetrics)
  @Query(() => [CaseSlaMetric], { description: `Support case SLA attainment per bucket of due time. ${ROLES}` })
  caseSlaMetrics(
    @Arg('period', { description: PERIOD_DOC }) period: MetricPeriodInput,
    @Arg('groupBy', () => CaseGrouping, { defaultValue: CaseGrouping.ALL, description: 'The grouping.' })
    groupBy: CaseGrouping,
    @Ctx() ctx: Context,
  ): Promise<CaseSlaMetric[]> {
    return this.insights.caseSla(ctx.em, requireTenant(ctx), period, groupBy);
  }

  @Authorized(Access.readMetrics)
  @Query(() => [TierShare], {
    description: `Members per tier, now or as of a past time (from the tier history), every tier listed. ${ROLES}`,
  })
  tierDistribution(
    @Arg('asOf', () => Date, {
      nullable: true,
      description: "Omitted: now, from members' status. Given: from the last tier change of each member up to then.",
    })
    asOf: Date | null | undefined,
    @Arg('groupBy', () => MemberGrouping, { defaultValue: MemberGrouping.ALL, description: 'The grouping.' })
    groupBy: MemberGrouping,
    @Ctx() ctx: Context,
  ): Promise<TierShare[]> {
    return this.insights.tierDistribution(ctx.em, requireTenant(ctx), asOf ?? null, groupBy);
  }

  @Authorized(Access.readMetrics)
  @Query(() => [TierMovement], {
    description: `Tier changes (upgrades, downgrades, grants) per bucket, by reason, from and to tier. ${ROLES}`,
  })
  tierMovement(
    @Arg('period', { description: PERIOD_DOC }) period: MetricPeriodInput,
    @Arg('groupBy', () => MemberGrouping, { defaultValue: MemberGrouping.ALL, description: 'The grouping.' })
    groupBy: MemberGrouping,
    @Ctx() ctx: Context,
  ): Promise<TierMovement[]> {
    return this.insights.tierMovement(ctx.em, requireTenant(ctx), period, groupBy);
  }
}
