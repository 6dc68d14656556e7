import type { EntityManager } from '@mikro-orm/postgresql';

import type { TierChangeReason } from '../program/tier.entity';
import { insightError, InsightErrorCode } from './insight.errors';
import { type Bucket, bucketsBetween, buildPeriod, npsScore, percent, ratio, runningTotals } from './insight.logic';
import {
  type ChurnRow,
  churnSql,
  type CohortRow,
  cohortSql,
  type FeedbackRow,
  feedbackSql,
  type PointsRow,
  pointsSql,
  type SlaRow,
  slaSql,
  type TierMoveRow,
  tierMoveSql,
  type TierShareRow,
  tierShareSql,
} from './insight.store';
import {
  ActivityGrouping,
  CaseGrouping,
  type CaseSlaMetric,
  type ChurnMetric,
  type CohortRetention,
  type FeedbackMetric,
  MemberGrouping,
  type MetricPeriodInput,
  type PointsMetric,
  type SlaAttainment,
  TierMoveDirection,
  type TierMovement,
  type TierShare,
} from './insight.types';

/**
 * Loyalty and service metrics over a period: each query checks the period (before any statement), runs
 * one set-based statement for the whole tenant, and turns its counts into rates. Rows are sparse (a
 * bucket and group without records has none) except the row of everyone, which every bucket has.
 */
export class InsightService {
  async feedback(
    em: EntityManager,
    tenantId: string,
    input: MetricPeriodInput,
    grouping = ActivityGrouping.ALL,
  ): Promise<FeedbackMetric[]> {
    const period = buildPeriod(input);
    const rows = await em.execute<FeedbackRow[]>(...feedbackSql(tenantId, period, grouping));
    return withEveryBucket(period.buckets, rows, emptyFeedback).map((row) => ({
      periodStart: row.period_start,
      periodEnd: row.period_end,
      group: row.group,
      responses: row.responses,
      nps: {
        responses: row.nps_responses,
        promoters: row.promoters,
        passives: row.passives,
        detractors: row.detractors,
        score: npsScore(row.promoters, row.detractors, row.nps_responses),
      },
      ces: { responses: row.ces_responses, mean: row.ces_mean },
      csat: {
        responses: row.csat_responses,
        satisfied: row.satisfied,
        percentSatisfied: percent(row.satisfied, row.csat_responses),
        mean: row.csat_mean,
      },
    }));
  }

  async churn(
    em: EntityManager,
    tenantId: string,
    input: MetricPeriodInput,
    grouping = MemberGrouping.ALL,
  ): Promise<ChurnMetric[]> {
    // One bucket ahead of the period: its first bucket is compared with the one before it.
    const period = buildPeriod(input, 'period', 1);
    const rows = await em.execute<ChurnRow[]>(...churnSql(tenantId, period, grouping));
    return withEveryBucket(period.buckets.slice(1), rows, emptyChurn).map((row) => {
      const churned = row.previously_active - row.retained;
      return {
        periodStart: row.period_start,
        periodEnd: row.period_end,
        group: row.group,
        activeMembers: row.active_members,
        previouslyActive: row.previously_active,
        retained: row.retained,
        churned,
        churnRate: ratio(churned, row.previously_active),
        retentionRate: ratio(row.retained, row.previously_active),
      };
    });
  }

  async cohorts(
    em: EntityManager,
    tenantId: string,
    input: MetricPeriodInput,
    grouping = MemberGrouping.ALL,
  ): Promise<CohortRetention[]> {
    const period = buildPeriod(input);
    const rows = await em.execute<CohortRow[]>(...cohortSql(tenantId, period, grouping));
    return rows.map((row) => ({
      cohort: row.cohort,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      periodsSinceEnrolment: bucketsBetween(row.cohort, row.period_start, period.bucket),
      group: row.group,
      cohortSize: row.cohort_size,
      retained: row.retained,
      retentionRate: ratio(row.retained, row.cohort_size),
    }));
  }

  async points(
    em: EntityManager,
    tenantId: string,
    input: MetricPeriodInput,
    grouping = ActivityGrouping.ALL,
  ): Promise<PointsMetric[]> {
    const period = buildPeriod(input);
    const rows = withEveryBucket(
      period.buckets,
      await em.execute<PointsRow[]>(...pointsSql(tenantId, period, grouping)),
      emptyPoints,
    ).map((row) => ({
      ...row,
      earned: Number(row.earned),
      redeemed: Number(row.redeemed),
      expired: Number(row.expired),
      adjusted: Number(row.adjusted),
    }));
    const groupOf = (row: { group: string | null }) => row.group ?? '';
    const earnedSoFar = runningTotals(rows, groupOf, (row) => row.earned);
    const redeemedSoFar = runningTotals(rows, groupOf, (row) => row.redeemed);
    return rows.map((row, i) => ({
      periodStart: row.period_start,
      periodEnd: row.period_end,
      group: row.group,
      earned: row.earned,
      redeemed: row.redeemed,
      expired: row.expired,
      adjusted: row.adjusted,
      redemptionRate: ratio(row.redeemed, row.earned),
      cumulativeEarned: earnedSoFar[i],
      cumulativeRedeemed: redeemedSoFar[i],
      cumulativeRedemptionRate: ratio(redeemedSoFar[i], earnedSoFar[i]),
      activeMembers: row.active_members,
    }));
  }

  async caseSla(
    em: EntityManager,
    tenantId: string,
    input: MetricPeriodInput,
    grouping = CaseGrouping.ALL,
  ): Promise<CaseSlaMetric[]> {
    const period = buildPeriod(input);
    const rows = await em.execute<SlaRow[]>(...slaSql(tenantId, period, grouping));
    // The statement answers one row per measure; a bucket and group gets all three.
    const byGroup = new Map<string, CaseSlaMetric>();
    for (const row of rows) {
      const id = `${row.period_start}|${row.group === null ? '' : `=${row.group}`}`;
      let metric = byGroup.get(id);
      if (!metric) {
        metric = {
          periodStart: row.period_start,
          periodEnd: row.period_end,
          group: row.group,
          firstResponse: attainment(0, 0, 0),
          resolution: attainment(0, 0, 0),
          overall: attainment(0, 0, 0),
        };
        byGroup.set(id, metric);
      }
      const measured = attainment(row.met, row.missed, row.pending);
      if (row.measure === 'FIRST_RESPONSE') metric.firstResponse = measured;
      else if (row.measure === 'RESOLUTION') metric.resolution = measured;
      else metric.overall = measured;
    }
    return withEveryBucket(period.buckets, [...byGroup.values()], (bucket) => ({
      periodStart: bucket.start,
      periodEnd: bucket.end,
      group: null,
      firstResponse: attainment(0, 0, 0),
      resolution: attainment(0, 0, 0),
      overall: attainment(0, 0, 0),
    }));
  }

  async tierDistribution(
    em: EntityManager,
    tenantId: string,
    asOf: Date | null,
    grouping = MemberGrouping.ALL,
  ): Promise<TierShare[]> {
    if (asOf && Number.isNaN(asOf.getTime()))
      throw insightError(InsightErrorCode.PERIOD_INVALID, 'asOf is not a date', 'asOf');
    const rows = await em.execute<TierShareRow[]>(...tierShareSql(tenantId, asOf, grouping));
    const totals = new Map<string | null, number>();
    for (const row of rows) totals.set(row.group, (totals.get(row.group) ?? 0) + row.members);
    return rows.map((row) => ({
      group: row.group,
      tierId: row.tier_id,
      tierCode: row.tier_code,
      rank: row.rank,
      members: row.members,
      share: ratio(row.members, totals.get(row.group) ?? 0),
    }));
  }

  async tierMovement(
    em: EntityManager,
    tenantId: string,
    input: MetricPeriodInput,
    grouping = MemberGrouping.ALL,
  ): Promise<TierMovement[]> {
    const period = buildPeriod(input);
    const rows = await em.execute<TierMoveRow[]>(...tierMoveSql(tenantId, period, grouping));
    return rows.map((row) => {
      const [from, to] = [row.from_rank ?? 0, row.to_rank ?? 0];
      return {
        periodStart: row.period_start,
        periodEnd: row.period_end,
        group: row.group,
        reason: row.reason as TierChangeReason,
        direction: to > from ? TierMoveDirection.UP : to < from ? TierMoveDirection.DOWN : TierMoveDirection.SAME,
        fromTierCode: row.from_code,
        toTierCode: row.to_code,
        changes: row.changes,
      };
    });
  }
}

function attainment(met: number, missed: number, pending: number): SlaAttainment {
  return { due: met + missed + pending, met, missed, pending, attainment: ratio(met, met + missed) };
}

type PeriodRow = { group: string | null } & ({ period_start: string } | { periodStart: string });

const startOf = (row: PeriodRow) => ('period_start' in row ? row.period_start : row.periodStart);

/** Adds the row of everyone, empty, for each bucket the statement had no record in; keeps bucket order. */
function withEveryBucket<T extends PeriodRow>(buckets: Bucket[], rows: T[], empty: (bucket: Bucket) => T): T[] {
  const covered = new Set(rows.filter((row) => row.group === null).map(startOf));
  const missing = buckets.filter((bucket) => !covered.has(bucket.start)).map(empty);
  if (missing.length === 0) return rows;
  // Both lists are in bucket order, and a bucket's row of everyone comes first: merge them.
  const merged: T[] = [];
  let i = 0;
  for (const row of rows) {
    while (i < missing.length && startOf(missing[i]) <= startOf(row)) merged.push(missing[i++]);
    merged.push(row);
  }
  return merged.concat(missing.slice(i));
}

const emptyFeedback = (bucket: Bucket): FeedbackRow => ({
  period_start: bucket.start,
  period_end: bucket.end,
  group: null,
  responses: 0,
  nps_responses: 0,
  promoters: 0,
  passives: 0,
  detractors: 0,
  ces_responses: 0,
  ces_mean: null,
  csat_responses: 0,
  satisfied: 0,
  csat_mean: null,
});

const emptyChurn = (bucket: Bucket): ChurnRow => ({
  period_start: bucket.start,
  period_end: bucket.end,
  group: null,
  active_members: 0,
  retained: 0,
  previously_active: 0,
});

const emptyPoints = (bucket: Bucket): PointsRow => ({
  period_start: bucket.start,
  period_end: bucket.end,
  group: null,
  earned: '0',
  redeemed: '0',
  expired: '0',
  adjusted: '0',
  active_members: 0,
});

/** One metric query as a benchmark calls it: the tenant and a period, every grouping at its default. */
export interface InsightQuery {
  readonly name: string;
  run(em: EntityManager, tenantId: string, period: MetricPeriodInput): Promise<unknown[]>;
}

/** Every metric query, for `npm run bench:health` and the like to time over a big tenant. */
export function insightQueries(service = new InsightService()): InsightQuery[] {
  return [
    { name: 'feedbackMetrics', run: (em, tenantId, period) => service.feedback(em, tenantId, period) },
    { name: 'churnMetrics', run: (em, tenantId, period) => service.churn(em, tenantId, period) },
    { name: 'cohortRetention', run: (em, tenantId, period) => service.cohorts(em, tenantId, period) },
    { name: 'pointsMetrics', run: (em, tenantId, period) => service.points(em, tenantId, period) },
    { name: 'caseSlaMetrics', run: (em, tenantId, period) => service.caseSla(em, tenantId, period) },
    { name: 'tierDistribution', run: (em, tenantId) => service.tierDistribution(em, tenantId, null) },
    { name: 'tierMovement', run: (em, tenantId, period) => service.tierMovement(em, tenantId, period) },
  ];
}
