import { SafeIntResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { TierChangeReason } from '../program/tier.entity';
import { MetricBucket } from './insight.logic';

registerEnumType(MetricBucket, {
  name: 'MetricBucket',
  description: "The size of a metric's buckets, in the tenant's time zone.",
  valuesConfig: {
    DAY: { description: 'Calendar days.' },
    WEEK: { description: 'Weeks from Monday.' },
    MONTH: { description: 'Calendar months.' },
    QUARTER: { description: 'Calendar quarters (January, April, July, October).' },
  },
});

/** Every grouping also answers the row of everyone (group null). */
export enum ActivityGrouping {
  ALL = 'ALL',
  SEGMENT = 'SEGMENT',
  CHANNEL = 'CHANNEL',
  STORE = 'STORE',
}

export enum MemberGrouping {
  ALL = 'ALL',
  SEGMENT = 'SEGMENT',
}

export enum CaseGrouping {
  ALL = 'ALL',
  TEAM = 'TEAM',
  PRIORITY = 'PRIORITY',
}

export enum TierMoveDirection {
  UP = 'UP',
  DOWN = 'DOWN',
  SAME = 'SAME',
}

const ALL_ROW = 'The row of everyone (group null) is always answered too.';
const SEGMENT_DOC = "By the customer's segments: a customer in two segments counts in both.";

registerEnumType(ActivityGrouping, {
  name: 'ActivityGrouping',
  description: `How survey responses or points activity are grouped. ${ALL_ROW}`,
  valuesConfig: {
    ALL: { description: 'Everyone only.' },
    SEGMENT: { description: SEGMENT_DOC },
    CHANNEL: { description: 'By the channel it came through; NONE where the record has none.' },
    STORE: { description: 'By store id; NONE where the record has no store.' },
  },
});
registerEnumType(MemberGrouping, {
  name: 'MemberGrouping',
  description: `How members are grouped. ${ALL_ROW}`,
  valuesConfig: { ALL: { description: 'Everyone only.' }, SEGMENT: { description: SEGMENT_DOC } },
});
registerEnumType(CaseGrouping, {
  name: 'CaseGrouping',
  description: `How support cases are grouped. ${ALL_ROW}`,
  valuesConfig: {
    ALL: { description: 'Every case only.' },
    TEAM: { description: 'By support team id; NONE for cases no team holds.' },
    PRIORITY: { description: 'By priority, P1 to P4.' },
  },
});
registerEnumType(TierMoveDirection, {
  name: 'TierMoveDirection',
  description: 'Whether a tier change moved the member up or down the ranks.',
  valuesConfig: {
    UP: { description: 'To a higher rank.' },
    DOWN: { description: 'To a lower rank.' },
    SAME: { description: 'To the same rank.' },
  },
});

@InputType({
  description:
    "A period in the tenant's time zone, cut into whole buckets: `from` is rounded down to the start of its bucket and the last bucket is the one holding the day before `to`. At most 400 buckets.",
})
export class MetricPeriodInput {
  @Field({ description: 'First day, YYYY-MM-DD, in the tenant time zone.' })
  from!: string;

  @Field({ description: 'Day after the last one (exclusive), YYYY-MM-DD; must be after `from`.' })
  to!: string;

  @Field(() => MetricBucket, { description: 'The size of each bucket.' })
  bucket!: MetricBucket;
}

const PERIOD_START = "The bucket's first day, YYYY-MM-DD, in the tenant time zone.";
const PERIOD_END = 'The day after the bucket (exclusive), YYYY-MM-DD.';
const GROUP = 'The group: a segment, channel, store id, team id or priority, by the grouping asked; null for everyone.';

@ObjectType({ description: 'Net Promoter Score of the NPS responses (0-10) of one bucket and group.' })
export class NpsMetric {
  @Field(() => Int, { description: 'NPS responses.' })
  responses!: number;

  @Field(() => Int, { description: 'Scores of 9 or 10.' })
  promoters!: number;

  @Field(() => Int, { description: 'Scores of 7 or 8.' })
  passives!: number;

  @Field(() => Int, { description: 'Scores of 0 to 6.' })
  detractors!: number;

  @Field(() => Float, {
    nullable: true,
    description: '% promoters minus % detractors, from -100 to 100; null without responses.',
  })
  score!: number | null;
}

@ObjectType({ description: 'Customer Effort Score of the CES responses (1-7) of one bucket and group.' })
export class CesMetric {
  @Field(() => Int, { description: 'CES responses.' })
  responses!: number;

  @Field(() => Float, { nullable: true, description: 'The mean score (1-7); null without responses.' })
  mean!: number | null;
}

@ObjectType({ description: 'Customer satisfaction of the CSAT responses (1-5) of one bucket and group.' })
export class CsatMetric {
  @Field(() => Int, { description: 'CSAT responses.' })
  responses!: number;

  @Field(() => Int, { description: 'Scores of 4 or 5.' })
  satisfied!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The CSAT score: satisfied responses as a % of all (0-100); null without responses.',
  })
  percentSatisfied!: number | null;

  @Field(() => Float, { nullable: true, description: 'The mean score (1-5); null without responses.' })
  mean!: number | null;
}

@ObjectType({ description: 'Survey scores of one bucket and group, by the time the responses were given.' })
export class FeedbackMetric {
  @Field({ description: PERIOD_START })
  periodStart!: string;

  @Field({ description: PERIOD_END })
  periodEnd!: string;

  @Field(() => String, { nullable: true, description: GROUP })
  group!: string | null;

  @Field(() => Int, { description: 'Responses of every kind.' })
  responses!: number;

  @Field(() => NpsMetric, { description: 'Net Promoter Score.' })
  nps!: NpsMetric;

  @Field(() => CesMetric, { description: 'Customer Effort Score.' })
  ces!: CesMetric;

  @Field(() => CsatMetric, { description: 'Customer satisfaction.' })
  csat!: CsatMetric;
}

@ObjectType({
  description:
    'Members active in a bucket against the bucket before. Active: a purchase, or points earned or redeemed, in the bucket.',
})
export class ChurnMetric {
  @Field({ description: PERIOD_START })
  periodStart!: string;

  @Field({ description: PERIOD_END })
  periodEnd!: string;

  @Field(() => String, { nullable: true, description: GROUP })
  group!: string | null;

  @Field(() => Int, { description: 'Members active in this bucket.' })
  activeMembers!: number;

  @Field(() => Int, { description: 'Members active in the bucket before.' })
  previouslyActive!: number;

  @Field(() => Int, { description: 'Members active in the bucket before and in this one.' })
  retained!: number;

  @Field(() => Int, { description: 'Members active in the bucket before and not in this one.' })
  churned!: number;

  @Field(() => Float, { nullable: true, description: 'churned / previouslyActive (0-1); null when nobody was.' })
  churnRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'retained / previouslyActive (0-1); null when nobody was.' })
  retentionRate!: number | null;
}

@ObjectType({ description: 'How many members of an enrolment cohort were active in a bucket since they enrolled.' })
export class CohortRetention {
  @Field({ description: "The cohort: the first day of the members' enrolment month (profile creation), YYYY-MM-DD." })
  cohort!: string;

  @Field({ description: PERIOD_START })
  periodStart!: string;

  @Field({ description: PERIOD_END })
  periodEnd!: string;

  @Field(() => Int, { description: 'Buckets since the one holding the cohort month: 0 is that bucket.' })
  periodsSinceEnrolment!: number;

  @Field(() => String, { nullable: true, description: GROUP })
  group!: string | null;

  @Field(() => Int, { description: 'Members of the cohort (and group).' })
  cohortSize!: number;

  @Field(() => Int, { description: 'Of them, those active in this bucket.' })
  retained!: number;

  @Field(() => Float, { nullable: true, description: 'retained / cohortSize (0-1).' })
  retentionRate!: number | null;
}

@ObjectType({ description: 'Points movements of one bucket and group, from the ledger, and active members.' })
export class PointsMetric {
  @Field({ description: PERIOD_START })
  periodStart!: string;

  @Field({ description: PERIOD_END })
  periodEnd!: string;

  @Field(() => String, { nullable: true, description: GROUP })
  group!: string | null;

  @Field(() => SafeIntResolver, {
    description: 'Points earned (purchases and direct earns, pending included) less earns reversed (refunds).',
  })
  earned!: number;

  @Field(() => SafeIntResolver, { description: 'Points redeemed less redemptions reversed (cancelled vouchers).' })
  redeemed!: number;

  @Field(() => SafeIntResolver, { description: 'Points expired.' })
  expired!: number;

  @Field(() => SafeIntResolver, { description: 'Manual adjustments, up less down; not in `earned`.' })
  adjusted!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'redeemed / earned in this bucket; null when nothing was earned.',
  })
  redemptionRate!: number | null;

  @Field(() => SafeIntResolver, { description: 'Earned from the first bucket of the period to this one.' })
  cumulativeEarned!: number;

  @Field(() => SafeIntResolver, { description: 'Redeemed from the first bucket of the period to this one.' })
  cumulativeRedeemed!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'cumulativeRedeemed / cumulativeEarned; null when nothing was earned yet.',
  })
  cumulativeRedemptionRate!: number | null;

  @Field(() => Int, {
    description: 'Members with a purchase, or points earned or redeemed, in the bucket (and group).',
  })
  activeMembers!: number;
}

@ObjectType({ description: 'Cases whose due time falls in a bucket, and whether they met it.' })
export class SlaAttainment {
  @Field(() => Int, { description: 'Cases due in the bucket.' })
  due!: number;

  @Field(() => Int, { description: 'Done by the due time.' })
  met!: number;

  @Field(() => Int, { description: 'Done late, not done past the due time, or marked breached.' })
  missed!: number;

  @Field(() => Int, { description: 'Not done yet and not yet due.' })
  pending!: number;

  @Field(() => Float, { nullable: true, description: 'met / (met + missed) (0-1); null while none is decided.' })
  attainment!: number | null;
}

@ObjectType({ description: 'Support case SLA attainment of one bucket and group.' })
export class CaseSlaMetric {
  @Field({ description: PERIOD_START })
  periodStart!: string;

  @Field({ description: PERIOD_END })
  periodEnd!: string;

  @Field(() => String, { nullable: true, description: GROUP })
  group!: string | null;

  @Field(() => SlaAttainment, {
    description:
      'By first-response due time: the first response (acknowledged, resolved or closed, the earliest) by then.',
  })
  firstResponse!: SlaAttainment;

  @Field(() => SlaAttainment, { description: 'By resolution due time: resolved (or closed) by then.' })
  resolution!: SlaAttainment;

  @Field(() => SlaAttainment, {
    description: 'By resolution due time: both the first response and the resolution met their due times.',
  })
  overall!: SlaAttainment;
}

@ObjectType({ description: 'Members holding one tier.' })
export class TierShare {
  @Field(() => String, { nullable: true, description: 'The segment; null for everyone.' })
  group!: string | null;

  @Field(() => ID, { description: 'The tier.' })
  tierId!: string;

  @Field({ description: "The tier's code." })
  tierCode!: string;

  @Field(() => Int, { description: "The tier's rank." })
  rank!: number;

  @Field(() => Int, { description: 'Members holding it.' })
  members!: number;

  @Field(() => Float, { nullable: true, description: "members / the group's members (0-1)." })
  share!: number | null;
}

@ObjectType({ description: 'Tier changes of one bucket and group with the same reason, from and to tier.' })
export class TierMovement {
  @Field({ description: PERIOD_START })
  periodStart!: string;

  @Field({ description: PERIOD_END })
  periodEnd!: string;

  @Field(() => String, { nullable: true, description: 'The segment; null for everyone.' })
  group!: string | null;

  @Field(() => TierChangeReason, { description: 'Why: qualified, downgraded, granted, grant ended, merge, unmerge.' })
  reason!: TierChangeReason;

  @Field(() => TierMoveDirection, { description: 'Up or down the ranks (no from tier counts as the base rank).' })
  direction!: TierMoveDirection;

  @Field(() => String, { nullable: true, description: 'The tier left; null when none was recorded.' })
  fromTierCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The tier reached.' })
  toTierCode!: string | null;

  @Field(() => Int, { description: 'Changes.' })
  changes!: number;
}
