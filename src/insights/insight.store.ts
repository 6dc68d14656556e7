// Over 400 lines because every insight metric shares the bucket and grouping fragments at its top; one SQL
// builder per metric follows, and the metrics are the cut to make (one file each) when another is added.
import { bind, pgArray } from '../shared/db/sql';
import { alignDown, formatLocalDate, MetricBucket, parseLocalDate, type Period } from './insight.logic';
import { ActivityGrouping, CaseGrouping, MemberGrouping } from './insight.types';

/*
 * Over 400 lines on purpose: the seven metric statements share the CTEs and bounds defined here, and reading
 * them side by side is how they stay consistent; a split would scatter one definition of "period" over files.
 *
 * The metric statements: one set-based statement per query, bound by name. Every statement starts from the
 * same CTEs: the tenant's time zone and the buckets (local dates, numbered). A record falls in the bucket
 * `date_trunc(unit, at in the tenant zone)`, an equality join with the buckets, which also drops what lies
 * outside them.
 *
 * Tables are read by index over the span of the buckets, given as constants widened by the largest UTC
 * offsets (the time zone is only known inside the statement): constants let the planner estimate how many
 * rows a period holds, where bounds computed in the statement would be guessed at and joined by nested
 * loops.
 *
 * Groups: each row is joined to `(values (null), (<its key>...))`, so the row of everyone (key null) and the
 * grouped rows come out of one GROUP BY. The SQL fragments per grouping are fixed text, never input.
 */

const PERIOD_CTES = `params as (
    select t.timezone as tz from tenant t where t.id = :tenantId
  ), buckets as (
    select b.n, b.start_day, b.end_day
      from unnest(:starts::date[], :ends::date[]) with ordinality as b(start_day, end_day, n)
  )`;

/** The bucket (its first local day) of an instant `at`. */
const bucketOf = (at: string) => `date_trunc(:unit, ${at} at time zone (select tz from params))::date`;

/** `at` within the buckets' span, widened: UTC offsets run from -12 to +14 hours. */
const inSpan = (at: string) => `${at} >= :spanFrom::timestamptz and ${at} < :spanTo::timestamptz`;

const WIDEN_MS = 14 * 3_600_000;

/** One bucket as an SQL interval: the bucket before a bucket's start is `start - step`. */
const STEP: Record<MetricBucket, string> = {
  DAY: '1 day',
  WEEK: '7 days',
  MONTH: '1 month',
  QUARTER: '3 months',
};

/** Midnight UTC of a local date, moved by `ms`, as an ISO instant. */
const around = (day: string, ms: number) => new Date(Date.parse(`${day}T00:00:00Z`) + ms).toISOString();

function periodParams(tenantId: string, period: Period): Record<string, unknown> {
  const { buckets } = period;
  return {
    tenantId,
    unit: period.bucket.toLowerCase(),
    starts: pgArray(buckets.map((bucket) => bucket.start)),
    ends: pgArray(buckets.map((bucket) => bucket.end)),
    step: STEP[period.bucket],
    spanFrom: around(buckets[0].start, -WIDEN_MS),
    spanTo: around(buckets[buckets.length - 1].end, WIDEN_MS),
  };
}

/** The lateral keys of a row: null (everyone) and, with a segment grouping, each of `segments`. */
const segmentKeys = (grouping: MemberGrouping, segments: string) =>
  grouping === MemberGrouping.SEGMENT
    ? `lateral (select null::text union all select unnest(${segments})) as g(key)`
    : `lateral (values (null::text)) as g(key)`;

function activityKeys(grouping: ActivityGrouping, row: string): string {
  switch (grouping) {
    case ActivityGrouping.ALL:
      return `lateral (values (null::text)) as g(key)`;
    case ActivityGrouping.SEGMENT:
      return segmentKeys(MemberGrouping.SEGMENT, `${row}.segments`);
    case ActivityGrouping.CHANNEL:
      return `lateral (values (null::text), (coalesce(${row}.channel, 'NONE'))) as g(key)`;
    case ActivityGrouping.STORE:
      return `lateral (values (null::text), (coalesce(${row}.store_id::text, 'NONE'))) as g(key)`;
  }
}

/** The segments of the customer `c` when grouping by segment; an empty array otherwise (no join needed). */
const segmentsOf = (grouping: ActivityGrouping | MemberGrouping) =>
  grouping === ActivityGrouping.SEGMENT ? 'c.segments' : `'{}'::text[]`;

/**
 * Rows of (customer, bucket, channel, store) for every purchase and every points earn or redemption in the
 * span; `ledger` is a relation of the span's ledger rows when the statement has read them already.
 */
const activity = (ledger?: string) => `activity as (
    select x.customer_id, ${bucketOf('x.occurred_at')} as start_day, x.channel, x.store_id
      from purchase x where x.tenant_id = :tenantId and ${inSpan('x.occurred_at')}
    union all
    ${
      ledger
        ? `select l.customer_id, l.start_day, l.channel, l.store_id from ${ledger} l where l.kind in ('EARN', 'REDEEM')`
        : `select l.customer_id, ${bucketOf('l.created_at')}, l.channel, l.store_id from ledger_transaction l
            where l.tenant_id = :tenantId and ${inSpan('l.created_at')} and l.kind in ('EARN', 'REDEEM')`
    }
  )`;

/**
 * Members: people (not business pools) whose profile is not merged away. Activity of a merged profile is
 * its survivor's, as for tiers.
 */
const MEMBER = `c.kind = 'PERSON' and c.merged_into_id is null`;
const ACTIVE_MEMBERS = `merged as (
    select c.id, c.merged_into_id from customer c where c.merged_into_id is not null and c.tenant_id = :tenantId
  ), members as (
    select c.id, c.segments from customer c where c.tenant_id = :tenantId and ${MEMBER}
  ), active as (
    select coalesce(m.merged_into_id, a.customer_id) as customer_id, a.start_day, a.channel, a.store_id
      from activity a left join merged m on m.id = a.customer_id
  )`;

export interface FeedbackRow {
  period_start: string;
  period_end: string;
  group: string | null;
  responses: number;
  nps_responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  ces_responses: number;
  ces_mean: number | null;
  csat_responses: number;
  satisfied: number;
  csat_mean: number | null;
}

export function feedbackSql(tenantId: string, period: Period, grouping: ActivityGrouping): [string, unknown[]] {
  const customer =
    grouping === ActivityGrouping.SEGMENT ? 'join customer c on c.id = r.customer_id and c.tenant_id = :tenantId' : '';
  return bind(
    `with ${PERIOD_CTES}, responses as (
       select ${bucketOf('r.responded_at')} as start_day, r.kind, r.score, r.channel, r.store_id,
              ${segmentsOf(grouping)} as segments
         from survey_response r ${customer}
        where r.tenant_id = :tenantId and r.kind in ('NPS', 'CES', 'CSAT') and ${inSpan('r.responded_at')}
     )
     select b.start_day::text as period_start, b.end_day::text as period_end, g.key as "group",
            count(*)::int as responses,
            count(*) filter (where x.kind = 'NPS')::int as nps_responses,
            count(*) filter (where x.kind = 'NPS' and x.score >= 9)::int as promoters,
            count(*) filter (where x.kind = 'NPS' and x.score between 7 and 8)::int as passives,
            count(*) filter (where x.kind = 'NPS' and x.score <= 6)::int as detractors,
            count(*) filter (where x.kind = 'CES')::int as ces_responses,
            (avg(x.score) filter (where x.kind = 'CES'))::float8 as ces_mean,
            count(*) filter (where x.kind = 'CSAT')::int as csat_responses,
            count(*) filter (where x.kind = 'CSAT' and x.score >= 4)::int as satisfied,
            (avg(x.score) filter (where x.kind = 'CSAT'))::float8 as csat_mean
       from responses x join buckets b using (start_day) cross join ${activityKeys(grouping, 'x')}
      group by b.start_day, b.end_day, g.key
      order by b.start_day, g.key nulls first`,
    periodParams(tenantId, period),
  );
}

export interface ChurnRow {
  period_start: string;
  period_end: string;
  group: string | null;
  active_members: number;
  retained: number;
  previously_active: number;
}

/**
 * Per member, a mark for each bucket they were active in (retained when the bucket before was one too) and a
 * "was active" mark for the bucket after; counting marks per bucket gives active, retained and previously
 * active at once. The period's first bucket is n = 2: the caller adds one bucket ahead of the period.
 * Buckets are joined last: the planner cannot estimate a join on `date_trunc(...)`, and misjudged there it
 * fetched each member by primary key.
 */
export function churnSql(tenantId: string, period: Period, grouping: MemberGrouping): [string, unknown[]] {
  return bind(
    `with ${PERIOD_CTES}, ${activity()}, ${ACTIVE_MEMBERS}, per_bucket as (
       select distinct a.customer_id, a.start_day, ${grouping === MemberGrouping.SEGMENT ? 'm.segments' : `'{}'::text[]`} as segments
         from active a join members m on m.id = a.customer_id
     ), marks as (
       select customer_id, segments, start_day, true as active,
              lag(start_day) over (partition by customer_id order by start_day) = (start_day - :step::interval)::date as retained
         from per_bucket
       union all
       select customer_id, segments, (start_day + :step::interval)::date, false, false from per_bucket
     )
     select b.start_day::text as period_start, b.end_day::text as period_end, g.key as "group",
            count(*) filter (where k.active)::int as active_members,
            count(*) filter (where k.retained)::int as retained,
            count(*) filter (where not k.active)::int as previously_active
       from marks k join buckets b on b.start_day = k.start_day
       cross join ${segmentKeys(grouping, 'k.segments')}
      where b.n > 1
      group by b.start_day, b.end_day, g.key
      order by b.start_day, g.key nulls first`,
    periodParams(tenantId, period),
  );
}

export interface CohortRow {
  cohort: string;
  period_start: string;
  period_end: string;
  group: string | null;
  cohort_size: number;
  retained: number;
}

/**
 * Cohorts: members by the month their profile was created (tenant time zone), for the months from the one
 * holding the period's start to its end. Each cohort gets a row for every bucket that ends after the cohort
 * month starts, with how many of its members were active then.
 */
export function cohortSql(tenantId: string, period: Period, grouping: MemberGrouping): [string, unknown[]] {
  const firstMonth = formatLocalDate(
    alignDown(parseLocalDate(period.buckets[0].start, 'period.from'), MetricBucket.MONTH),
  );
  return bind(
    `with ${PERIOD_CTES}, ${activity()}, ${ACTIVE_MEMBERS}, cohort as (
       select c.id, c.segments, date_trunc('month', c.created_at at time zone (select tz from params))::date as cohort_month
         from customer c
        where c.tenant_id = :tenantId and ${MEMBER}
          and c.created_at >= :cohortFrom::timestamptz and c.created_at < :spanTo::timestamptz
          and date_trunc('month', c.created_at at time zone (select tz from params)) >= :firstMonth::date
          and (c.created_at at time zone (select tz from params))::date < :lastDay::date
     ), members_keyed as (
       select c.id, c.cohort_month, g.key, g.key is null as everyone
         from cohort c cross join ${segmentKeys(grouping, 'c.segments')}
     ), sizes as (
       select cohort_month, key, everyone, count(*)::int as size from members_keyed group by 1, 2, 3
     ), cohort_active as (
       -- Cohort members' buckets first, then their groups: the join stays one row per member and bucket.
       select distinct c.id, c.cohort_month, c.segments, a.start_day from active a join cohort c on c.id = a.customer_id
     ), kept as (
       select x.cohort_month, g.key, g.key is null as everyone, x.start_day, count(*)::int as retained
         from cohort_active x cross join ${segmentKeys(grouping, 'x.segments')} group by 1, 2, 3, 4
     )
     select z.cohort_month::text as cohort, b.start_day::text as period_start, b.end_day::text as period_end,
            z.key as "group", z.size as cohort_size, coalesce(k.retained, 0) as retained
       from sizes z join buckets b on b.end_day > z.cohort_month
       left join kept k on k.cohort_month = z.cohort_month and k.start_day = b.start_day
            and k.everyone = z.everyone and coalesce(k.key, '') = coalesce(z.key, '')
      order by z.cohort_month, b.start_day, z.key nulls first`,
    {
      ...periodParams(tenantId, period),
      firstMonth,
      cohortFrom: around(firstMonth, -WIDEN_MS),
      lastDay: period.buckets[period.buckets.length - 1].end,
    },
  );
}

export interface PointsRow {
  period_start: string;
  period_end: string;
  group: string | null;
  earned: string;
  redeemed: string;
  expired: string;
  adjusted: string;
  active_members: number;
}

/**
 * Points from the ledger headers of the span, each the net movement of one program account:
 * earned = EARN less REVERSALs of an EARN (PROGRAM_ISSUED), redeemed = REDEEM less REVERSALs of a REDEEM
 * (PROGRAM_REDEEMED), expired = EXPIRY (PROGRAM_EXPIRED), adjusted = ADJUST up less down
 * (PROGRAM_ADJUSTMENTS). A reversal's original, and an adjustment's direction (its header holds the size
 * only), are read for those rare rows alone, by id lists (correlated subqueries per row cost so much in the
 * plan that PostgreSQL JIT-compiled the statement: seconds). Transfers, settlements and imports move no points in or out
 * of members' hands in the period, so they are not counted. Active members come from the same activity as churn.
 */
export function pointsSql(tenantId: string, period: Period, grouping: ActivityGrouping): [string, unknown[]] {
  const customer =
    grouping === ActivityGrouping.SEGMENT
      ? 'left join customer c on c.id = l.customer_id and c.tenant_id = :tenantId'
      : '';
  return bind(
    `with ${PERIOD_CTES}, moves as materialized (
       select ${bucketOf('l.created_at')} as start_day, l.id, l.kind, l.points, l.customer_id, l.channel, l.store_id,
              l.reverses_id, coalesce(${segmentsOf(grouping)}, '{}') as segments
         from ledger_transaction l ${customer}
        where l.tenant_id = :tenantId and ${inSpan('l.created_at')}
          and l.kind in ('EARN', 'REDEEM', 'REVERSAL', 'EXPIRY', 'ADJUST')
     ), originals as (
       select o.id, o.kind from ledger_transaction o
        where o.id = any(array(select reverses_id from moves where kind = 'REVERSAL'))
     ), adjustments as (
       select e.transaction_id, -e.amount as amount from ledger_entry e
        where e.transaction_id = any(array(select id from moves where kind = 'ADJUST'))
          and e.account = 'PROGRAM_ADJUSTMENTS'
     ), ${activity('moves')}, ${ACTIVE_MEMBERS}, sums as (
       select x.start_day, g.key,
              sum(case when x.kind = 'EARN' then x.points when o.kind = 'EARN' then -x.points else 0 end)::bigint as earned,
              sum(case when x.kind = 'REDEEM' then x.points when o.kind = 'REDEEM' then -x.points else 0 end)::bigint as redeemed,
              sum(case when x.kind = 'EXPIRY' then x.points else 0 end)::bigint as expired,
              sum(coalesce(a.amount, 0))::bigint as adjusted
         from moves x left join originals o on o.id = x.reverses_id left join adjustments a on a.transaction_id = x.id
        cross join ${activityKeys(grouping, 'x')}
        group by 1, 2
     ), actives as (
       select a.start_day, g.key, count(distinct a.customer_id)::int as active_members
         from (select a.customer_id, a.start_day, a.channel, a.store_id, m.segments
                 from active a join members m on m.id = a.customer_id) a
        cross join ${activityKeys(grouping, 'a')}
        group by 1, 2
     )
     select b.start_day::text as period_start, b.end_day::text as period_end, coalesce(s.key, n.key) as "group",
            coalesce(s.earned, 0) as earned, coalesce(s.redeemed, 0) as redeemed, coalesce(s.expired, 0) as expired,
            coalesce(s.adjusted, 0) as adjusted, coalesce(n.active_members, 0) as active_members
       from sums s full join actives n on n.start_day = s.start_day
            and (n.key is null) = (s.key is null) and coalesce(n.key, '') = coalesce(s.key, '')
       join buckets b on b.start_day = coalesce(s.start_day, n.start_day)
      order by b.start_day, coalesce(s.key, n.key) nulls first`,
    periodParams(tenantId, period),
  );
}

export interface SlaRow {
  period_start: string;
  period_end: string;
  group: string | null;
  measure: 'FIRST_RESPONSE' | 'RESOLUTION' | 'OVERALL';
  met: number;
  missed: number;
  pending: number;
}

const CASE_KEYS: Record<CaseGrouping, string> = {
  ALL: `lateral (values (null::text)) as g(key)`,
  TEAM: `lateral (values (null::text), (coalesce(x.team_id::text, 'NONE'))) as g(key)`,
  PRIORITY: `lateral (values (null::text), (x.priority)) as g(key)`,
};

/** MET when done by the due time; MISSED when done late, not done past it, or marked breached; else PENDING. */
const outcome = (done: string, due: string, breached: string) =>
  `case when ${done} <= ${due} then 'MET' when ${done} is not null or ${due} <= now() or ${breached} is not null
        then 'MISSED' else 'PENDING' end`;

/**
 * Cases by due time: the first response by its due time (the earliest of acknowledged, resolved, closed),
 * the resolution (resolved, else closed) by its due time, and both together by the resolution due time.
 */
export function slaSql(tenantId: string, period: Period, grouping: CaseGrouping): [string, unknown[]] {
  return bind(
    `with ${PERIOD_CTES}, cases as (
       select c.team_id, c.priority, c.first_response_due_at, c.resolution_due_at,
              ${outcome('least(c.acknowledged_at, c.resolved_at, c.closed_at)', 'c.first_response_due_at', 'c.first_response_breached_at')} as first_response,
              ${outcome('coalesce(c.resolved_at, c.closed_at)', 'c.resolution_due_at', 'c.resolution_breached_at')} as resolution
         from support_case c
        where c.tenant_id = :tenantId and (${inSpan('c.first_response_due_at')} or ${inSpan('c.resolution_due_at')})
     ), measures as (
       select ${bucketOf('m.due_at')} as start_day, m.measure, m.outcome, x.team_id, x.priority
         from cases x cross join lateral (values
           ('FIRST_RESPONSE', x.first_response_due_at, x.first_response),
           ('RESOLUTION', x.resolution_due_at, x.resolution),
           ('OVERALL', x.resolution_due_at, case
              when x.first_response = 'MET' and x.resolution = 'MET' then 'MET'
              when x.first_response = 'MISSED' or x.resolution = 'MISSED' then 'MISSED' else 'PENDING' end)
         ) as m(measure, due_at, outcome)
        where ${inSpan('m.due_at')}
     )
     select b.start_day::text as period_start, b.end_day::text as period_end, g.key as "group", x.measure,
            count(*) filter (where x.outcome = 'MET')::int as met,
            count(*) filter (where x.outcome = 'MISSED')::int as missed,
            count(*) filter (where x.outcome = 'PENDING')::int as pending
       from measures x join buckets b using (start_day) cross join ${CASE_KEYS[grouping]}
      group by b.start_day, b.end_day, g.key, x.measure
      order by b.start_day, g.key nulls first, x.measure`,
    periodParams(tenantId, period),
  );
}

export interface TierShareRow {
  group: string | null;
  tier_id: string;
  tier_code: string;
  rank: number;
  members: number;
}

/**
 * Members per tier and group, every tier listed (zero included) for every group that has members.
 * Now: the held tier of customer_tier (limited-time status outranks the qualified tier while it runs; no row
 * is the base tier). As of a date: the tier the member's last tier change up to then moved them to (none is
 * the base tier), over the members whose profile existed then.
 */
export function tierShareSql(tenantId: string, asOf: Date | null, grouping: MemberGrouping): [string, unknown[]] {
  const held = asOf
    ? `select c.id, c.segments, coalesce(h.to_tier_id, base.id) as tier_id
         from customer c cross join base
         left join (select distinct on (tc.customer_id) tc.customer_id, tc.to_tier_id from tier_change tc
                     where tc.tenant_id = :tenantId and tc.created_at <= :asOf
                     order by tc.customer_id, tc.created_at desc, tc.id desc) h on h.customer_id = c.id
        where c.tenant_id = :tenantId and ${MEMBER} and c.created_at <= :asOf`
    : `select c.id, c.segments,
              coalesce(case when ct.granted_until > now() and gt.rank > qt.rank then gt.id end, qt.id, base.id) as tier_id
         from customer c cross join base
         left join customer_tier ct on ct.customer_id = c.id
         left join tier qt on qt.id = ct.tier_id
         left join tier gt on gt.id = ct.granted_tier_id
        where c.tenant_id = :tenantId and ${MEMBER}`;
  return bind(
    `with base as (
       select id from tier where tenant_id = :tenantId and rank = 0
     ), held as (${held}
     ), counts as (
       select g.key, h.tier_id, count(*)::int as members
         from held h cross join ${segmentKeys(grouping, 'h.segments')} group by 1, 2
     ), groups as (
       select distinct key from counts
     )
     select gr.key as "group", t.id as tier_id, t.code as tier_code, t.rank, coalesce(n.members, 0) as members
       from groups gr cross join tier t
       left join counts n on n.tier_id = t.id and n.key is not distinct from gr.key
      where t.tenant_id = :tenantId
      order by gr.key nulls first, t.rank`,
    { tenantId, asOf },
  );
}

export interface TierMoveRow {
  period_start: string;
  period_end: string;
  group: string | null;
  reason: string;
  from_code: string | null;
  from_rank: number | null;
  to_code: string | null;
  to_rank: number | null;
  changes: number;
}

export function tierMoveSql(tenantId: string, period: Period, grouping: MemberGrouping): [string, unknown[]] {
  const customer =
    grouping === MemberGrouping.SEGMENT ? 'join customer c on c.id = tc.customer_id and c.tenant_id = :tenantId' : '';
  return bind(
    `with ${PERIOD_CTES}, moves as (
       select ${bucketOf('tc.created_at')} as start_day, tc.reason, tc.from_tier_id, tc.to_tier_id,
              ${segmentsOf(grouping)} as segments
         from tier_change tc ${customer}
        where tc.tenant_id = :tenantId and ${inSpan('tc.created_at')}
     )
     select b.start_day::text as period_start, b.end_day::text as period_end, g.key as "group", x.reason::text as reason,
            f.code as from_code, f.rank as from_rank, t.code as to_code, t.rank as to_rank, count(*)::int as changes
       from moves x join buckets b using (start_day)
       left join tier f on f.id = x.from_tier_id left join tier t on t.id = x.to_tier_id
       cross join ${segmentKeys(grouping, 'x.segments')}
      group by b.start_day, b.end_day, g.key, x.reason, f.code, f.rank, t.code, t.rank
      order by b.start_day, g.key nulls first, x.reason, f.rank nulls first, t.rank`,
    periodParams(tenantId, period),
  );
}
