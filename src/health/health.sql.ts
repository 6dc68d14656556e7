/*
 * Health and churn scoring in SQL, for a whole tenant or for the customers whose inputs changed: the same
 * statements either way, parameters bound by name through `bind`. Four steps, one transaction:
 *   1. scopeSql and MEMBERS_SQL: the customers scored (persons not merged away), whether they allow profiling,
 *      and the profiles whose rows count for each (itself and those merged into it); analysed, so the planner
 *      knows a run of ten customers from one of a hundred thousand.
 *   2. INPUT_SQL: every input, component, churn signal and the score, one row per customer (a temp table).
 *   3. WRITE_SQL: stores scores and risk, and for the customers whose risk level changed, the timeline event,
 *      and for those who crossed into HIGH, the churn-risk stream event; SIGNAL_CANDIDATES_SQL: the DOWNGRADE_AHEAD
 *      and POINTS_EXPIRING signals to raise. The signals go through SignalService.raiseAll.
 *   4. cleanupSql: removes scores of customers in reach not scored now (opted out of profiling, merged).
 * The formulas are documented in docs/api/health.md; constants come from health.logic.ts as parameters.
 */
import { consentAllowsSql, ConsentPurpose } from '../customers/consent.logic';
import { CHURN_SIGNAL_WEIGHTS, ChurnSignal, HEALTH_COMPONENTS, HealthComponentName } from './health.logic';

/**
 * The customers scored, into a temp table the steps share (dropped at commit): the whole tenant, or the marked
 * ids (`:customerIds`) and, for a profile merged away, its survivor. Two texts, so each plans on its own index.
 */
export function scopeSql(marked: boolean): string {
  return `
  create temp table health_scope on commit drop as
  select c.id as customer_id, c.segments, c.created_at, ${consentAllowsSql('c.id', ConsentPurpose.PROFILING)} as profiling
    from customer c
   where c.tenant_id = :tenantId and c.merged_into_id is null and c.kind = 'PERSON'
     ${marked ? `and c.id in (select coalesce(d.merged_into_id, d.id) from customer d where d.id = any(:customerIds::uuid[]))` : ''}`;
}

export const MEMBERS_SQL = `
  create temp table health_member on commit drop as
  select s.customer_id as owner, s.customer_id as member from health_scope s
  union all
  select m.merged_into_id, m.id from customer m join health_scope s on s.customer_id = m.merged_into_id
   where m.tenant_id = :tenantId and m.merged_into_id is not null`;

export const ANALYZE_SQL = `analyze health_scope, health_member`;

/** Each component's value (0 to 100, two decimals) from the inputs row `i`. */
const COMPONENT_VALUES: Record<HealthComponentName, string> = {
  RECENCY: `case when i.last_purchase_at is null then 0
    else round(greatest(0, 100 - 100.0 * i.days_since_purchase / :recencyDays::numeric), 2) end`,
  FREQUENCY: `round(least(100, 100.0 * i.visits / :visitsPerYear::numeric), 2)`,
  MONETARY: `round(least(100, 100.0 * i.spend / :spendPerYear::numeric), 2)`,
  ENGAGEMENT: `round(50 * least(1, i.earns / :visitsPerYear::numeric) + 50 * least(1, i.redeems / :redemptionsPerYear::numeric), 2)`,
  SUPPORT: `greatest(0, 100 - :casePenalty::numeric * (i.open_cases + i.breaches))`,
  SENTIMENT: `case i.sentiment_kind when 'NPS' then i.sentiment_score * 10.0
    when 'CES' then round((i.sentiment_score - 1) * 100.0 / 6, 2) else :neutralSentiment::numeric end`,
};

const column = (name: HealthComponentName) => name.toLowerCase();
const weightParam = (name: HealthComponentName) => `:w${name}::numeric`;

/** value × weight ÷ total weight, rounded to cents of a point. */
const contribution = (name: HealthComponentName) =>
  `round(v.${column(name)} * ${weightParam(name)} / :weightTotal::numeric, 2) as c_${column(name)}`;

/**
 * The stored explanation: each component's value, weight (its share of the total) and contribution. The
 * largest contribution (the first on a tie) takes the rounding of the others, so that contributions add up
 * exactly to the score, the weighted mean rounded to cents; it moves by 0.03 at most.
 */
const COMPONENTS_JSON = `jsonb_build_array(${HEALTH_COMPONENTS.map(
  (name) => `jsonb_build_object('name', '${name}', 'value', v.${column(name)},
      'weight', round(${weightParam(name)} / :weightTotal::numeric, 4),
      'contribution', v.c_${column(name)} + case when v.absorber = '${name}' then v.score - v.contributions else 0 end)`,
).join(',\n    ')})`;

const ABSORBER = `case ${HEALTH_COMPONENTS.map(
  (name) =>
    `when v.c_${column(name)} = greatest(${HEALTH_COMPONENTS.map((other) => `v.c_${column(other)}`).join(', ')}) then '${name}'`,
).join(' ')} end`;

/** When each churn signal holds, on the valued row `v`, and how it is explained. */
const SIGNAL_TESTS: Record<ChurnSignal, { when: string; detail: string }> = {
  INACTIVE: {
    when: `v.days_inactive > v.expected_gap_days`,
    detail: `format('No purchase or points activity for %s days; %s expects activity within %s days',
      v.days_inactive, coalesce('segment ' || v.segment, 'the tenant default'), v.expected_gap_days)`,
  },
  FREQUENCY_FALLING: {
    when: `v.gaps >= :rhythmGaps::int and v.days_since_purchase > :fallingFactor::numeric * v.median_gap_days`,
    detail: `format('%s days since the last purchase, against a usual gap of %s days (the median of the last %s)',
      v.days_since_purchase, round(v.median_gap_days::numeric, 1), v.gaps)`,
  },
  DETRACTOR: {
    when: `coalesce(v.detractor, false)`,
    detail: `format('The latest survey answer (%s %s on %s) is a detractor',
      v.response_kind, v.response_score, to_char(v.responded_at at time zone v.tz, 'YYYY-MM-DD'))`,
  },
  SLA_BREACH: {
    when: `v.last_breach_at > v.at - make_interval(days => :breachDays::int)`,
    detail: `format('A support case missed its SLA on %s', to_char(v.last_breach_at at time zone v.tz, 'YYYY-MM-DD'))`,
  },
  DOWNGRADE_AHEAD: {
    when: `v.tier_code is not null`,
    detail: `format('%s more %s needed by %s to keep %s', v.remaining_to_keep,
      case v.tier_metric when 'SPEND' then 'spend (minor units)' when 'POINTS_EARNED' then 'points earned' else 'visits' end,
      to_char(v.period_end at time zone v.tz, 'YYYY-MM-DD'), v.tier_code)`,
  },
  POINTS_EXPIRING: {
    when: `v.expiring_points is not null`,
    detail: `format('%s points expire on %s', v.expiring_points, to_char(v.expiring_at at time zone v.tz, 'YYYY-MM-DD'))`,
  },
};

/** Heaviest first: the order reasons are stored and shown in. */
const SIGNALS_BY_WEIGHT = (Object.keys(SIGNAL_TESTS) as ChurnSignal[]).sort(
  (a, b) => CHURN_SIGNAL_WEIGHTS[b] - CHURN_SIGNAL_WEIGHTS[a],
);

const CHURN_SCORE = SIGNALS_BY_WEIGHT.map(
  (signal) => `case when ${SIGNAL_TESTS[signal].when} then ${CHURN_SIGNAL_WEIGHTS[signal]} else 0 end`,
).join(' + ');

const CHURN_REASONS = `to_jsonb(array_remove(array[${SIGNALS_BY_WEIGHT.map(
  (signal) =>
    `case when ${SIGNAL_TESTS[signal].when} then jsonb_build_object('signal', '${signal}', 'weight', ${CHURN_SIGNAL_WEIGHTS[signal]}, 'detail', ${SIGNAL_TESTS[signal].detail}) end`,
).join(',\n    ')}]::jsonb[], null))`;

/**
 * Everything about each customer in scope, into the temp table `health_input`: inputs, component values, the
 * score and band, churn risk score, level and reasons, and what the DOWNGRADE_AHEAD and POINTS_EXPIRING signals
 * need. Each input is one grouped scan of its table, joined through `health_member`.
 */
export const INPUT_SQL = `
  create temp table health_input on commit drop as
  with params as (
    select t.id as tenant_id, :at::timestamptz as at, t.timezone as tz from tenant t where t.id = :tenantId
  ), purchase_rows as (
    select m.owner, p.occurred_at, p.net_amount,
           p.occurred_at - lag(p.occurred_at) over (partition by m.owner order by p.occurred_at) as gap
      from purchase p join health_member m on m.member = p.customer_id cross join params
     where p.tenant_id = params.tenant_id and p.net_amount > 0 and p.occurred_at <= params.at
  ), purchases as (
    select r.owner, max(r.occurred_at) as last_purchase_at,
           count(*) filter (where r.occurred_at > params.at - interval '365 days') as visits,
           coalesce(sum(r.net_amount) filter (where r.occurred_at > params.at - interval '365 days'), 0) as spend,
           -- The customer's own rhythm: gaps between purchases of the last two years.
           count(r.gap) filter (where r.occurred_at > params.at - interval '2 years') as gaps,
           percentile_cont(0.5) within group (order by extract(epoch from r.gap) / 86400)
             filter (where r.occurred_at > params.at - interval '2 years') as median_gap_days
      from purchase_rows r cross join params group by r.owner
  ), ledger as (
    select m.owner,
           count(*) filter (where lt.kind = 'EARN' and lt.created_at > params.at - interval '365 days') as earns,
           count(*) filter (where lt.kind = 'REDEEM' and lt.created_at > params.at - interval '365 days') as redeems,
           max(lt.created_at) as last_points_at
      from ledger_transaction lt join health_member m on m.member = lt.customer_id cross join params
     where lt.tenant_id = params.tenant_id and lt.kind in ('EARN', 'REDEEM') and lt.created_at <= params.at
     group by m.owner
  ), expiring as (
    select m.owner, sum(l.remaining) as points, min(l.expires_at) as expires_at
      from points_lot l join health_member m on m.member = l.customer_id cross join params
     where l.tenant_id = params.tenant_id and l.remaining > 0 and l.pending_until is null
       and l.expires_at > params.at and l.expires_at <= params.at + make_interval(days => :warningDays::int)
     group by m.owner
  ), responses as (
    select distinct on (m.owner) m.owner, r.kind, r.score, r.detractor, r.responded_at
      from survey_response r join health_member m on m.member = r.customer_id cross join params
     where r.tenant_id = params.tenant_id and r.responded_at <= params.at
     order by m.owner, r.responded_at desc, r.id desc
  ), sentiments as (
    select distinct on (m.owner) m.owner, r.kind, r.score
      from survey_response r join health_member m on m.member = r.customer_id cross join params
     where r.tenant_id = params.tenant_id and r.responded_at <= params.at and r.kind in ('NPS', 'CES')
     order by m.owner, r.responded_at desc, r.id desc
  ), cases as (
    select m.owner,
           count(*) filter (where sc.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')) as open_cases,
           count(*) filter (where greatest(sc.first_response_breached_at, sc.resolution_breached_at)
                                  > params.at - interval '365 days') as breaches,
           max(greatest(sc.first_response_breached_at, sc.resolution_breached_at)) as last_breach_at
      from support_case sc join health_member m on m.member = sc.customer_id cross join params
     where sc.tenant_id = params.tenant_id and sc.opened_at <= params.at
     group by m.owner
  ), tier_status as (
    -- A qualified tier above the base whose period ends within the warning window (or is in its grace).
    select s.customer_id as owner, ct.period_end, cur.code as tier_code, cur.metric::text as tier_metric, cur.threshold,
           (select lo.code from tier lo where lo.tenant_id = cur.tenant_id and lo.rank < cur.rank
             order by lo.rank desc limit 1) as lower_code
      from health_scope s join customer_tier ct on ct.customer_id = s.customer_id
      join tier cur on cur.id = ct.tier_id cross join params
     where cur.rank > 0 and ct.period_end is not null
       and ct.period_end <= params.at + make_interval(days => :warningDays::int)
       and ct.period_end + make_interval(days => cur.grace_days) > params.at
  ), kept as (
    -- What counts for keeping the tier: the 12 months before the period's end (as the tier evaluation counts it).
    select ts.owner, ts.period_end, ts.tier_code, ts.tier_metric, ts.threshold, ts.lower_code,
           case ts.tier_metric
             when 'SPEND' then coalesce(sum(p.net_amount), 0)
             when 'POINTS_EARNED' then coalesce(sum(p.net_points), 0)
             else count(distinct (p.occurred_at at time zone params.tz)::date) filter (where p.net_amount > 0)
           end as kept
      from tier_status ts cross join params
      join health_member m on m.owner = ts.owner
      left join purchase p on p.customer_id = m.member and p.tenant_id = params.tenant_id
                          and p.occurred_at >= ts.period_end - interval '12 months'
     group by ts.owner, ts.period_end, ts.tier_code, ts.tier_metric, ts.threshold, ts.lower_code
  ), segment_thresholds as materialized (
    select distinct on (th.segment) th.segment, th.expected_gap_days, th.medium_from, th.high_from
      from churn_threshold th cross join params
     where th.tenant_id = params.tenant_id and th.segment is not null
     order by th.segment, th.created_at desc, th.id desc
  ), inputs as (
    select s.customer_id, s.profiling, s.segments, params.at, params.tz,
           p.last_purchase_at, coalesce(p.visits, 0) as visits, coalesce(p.spend, 0) as spend,
           coalesce(p.gaps, 0) as gaps, p.median_gap_days,
           floor(extract(epoch from params.at - p.last_purchase_at) / 86400)::int as days_since_purchase,
           coalesce(l.earns, 0) as earns, coalesce(l.redeems, 0) as redeems,
           floor(extract(epoch from params.at
             - coalesce(greatest(p.last_purchase_at, l.last_points_at), s.created_at)) / 86400)::int as days_inactive,
           e.points as expiring_points, e.expires_at as expiring_at,
           r.kind as response_kind, r.score as response_score, r.detractor, r.responded_at,
           se.kind as sentiment_kind, se.score as sentiment_score,
           coalesce(c.open_cases, 0) as open_cases, coalesce(c.breaches, 0) as breaches, c.last_breach_at,
           k.tier_code, k.lower_code, k.tier_metric, k.period_end, k.threshold - k.kept as remaining_to_keep,
           th.segment,
           coalesce(th.expected_gap_days, :expectedGapDays::int) as expected_gap_days,
           coalesce(th.medium_from, :mediumFrom::int) as medium_from,
           coalesce(th.high_from, :highFrom::int) as high_from
      from health_scope s cross join params
      left join purchases p on p.owner = s.customer_id
      left join ledger l on l.owner = s.customer_id
      left join expiring e on e.owner = s.customer_id
      left join responses r on r.owner = s.customer_id
      left join sentiments se on se.owner = s.customer_id
      left join cases c on c.owner = s.customer_id
      left join kept k on k.owner = s.customer_id and k.kept < k.threshold
      -- A customer in several segments with thresholds is judged by the one expecting activity soonest.
      left join lateral (
        select st.* from segment_thresholds st
         where cardinality(s.segments) > 0 and st.segment = any(s.segments)
         order by st.expected_gap_days, st.segment limit 1
      ) th on true
  -- Materialized, each step: inlined, every later reference to a value would compute its expression again.
  ), valued as materialized (
    select i.*, ${HEALTH_COMPONENTS.map((name) => `${COMPONENT_VALUES[name]} as ${column(name)}`).join(',\n           ')}
      from inputs i
  ), weighted as materialized (
    select v.*,
           round((${HEALTH_COMPONENTS.map((name) => `v.${column(name)} * ${weightParam(name)}`).join(' + ')})
                 / :weightTotal::numeric, 2) as score,
           ${HEALTH_COMPONENTS.map(contribution).join(',\n           ')},
           ${CHURN_SCORE} as churn_score
      from valued v
  ), summed as materialized (
    select v.*, ${HEALTH_COMPONENTS.map((name) => `v.c_${column(name)}`).join(' + ')} as contributions, ${ABSORBER} as absorber
      from weighted v
  )
  select v.*,
         case when v.score >= :healthyFrom::numeric then 'HEALTHY'
              when v.score < :atRiskBelow::numeric then 'AT_RISK' else 'NEUTRAL' end as band,
         ${COMPONENTS_JSON} as components,
         case when v.churn_score >= v.high_from then 'HIGH' when v.churn_score >= v.medium_from then 'MEDIUM'
              else 'LOW' end as churn_level,
         ${CHURN_REASONS} as churn_reasons
    from summed v`;

/** A day in the tenant's time zone, as causes carry it. */
const day = (value: string, tz: string) => `to_char(${value} at time zone ${tz}, 'YYYY-MM-DD')`;

/**
 * Stores the scores and risk of `health_input`, and for every customer whose level changed (no stored level
 * counts as LOW): a CHURN_RISK_CHANGED timeline event; for those now HIGH, the next versions of the tenant's
 * churn-risk stream (as recordStreamEvent numbers them: under the stream's row lock, no gaps), and the
 * customers themselves, whose CHURN_RISK_RAISED signals (once a day per customer) SignalService raises.
 */
export const WRITE_SQL = `
  with prev as (
    select h.customer_id, h.churn_level from health_score h join health_input i on i.customer_id = h.customer_id
  ), upserted as (
    insert into health_score as h (customer_id, tenant_id, score, band, components, churn_score, churn_level,
                                   churn_reasons, churn_segment, segments, computed_at)
    select i.customer_id, :tenantId::uuid, i.score, i.band, i.components, i.churn_score, i.churn_level, i.churn_reasons,
           i.segment, i.segments, i.at
      from health_input i where i.profiling
    on conflict (customer_id) do update set score = excluded.score, band = excluded.band,
      components = excluded.components, churn_score = excluded.churn_score, churn_level = excluded.churn_level,
      churn_reasons = excluded.churn_reasons, churn_segment = excluded.churn_segment, segments = excluded.segments,
      computed_at = excluded.computed_at
    returning h.customer_id
  ), changes as (
    select i.customer_id, coalesce(p.churn_level, 'LOW') as from_level, i.churn_level as to_level, i.churn_score,
           i.churn_reasons, i.at, i.tz
      from health_input i left join prev p on p.customer_id = i.customer_id
     where i.profiling and i.churn_level <> coalesce(p.churn_level, 'LOW')
  ), timeline as (
    insert into timeline_event (id, tenant_id, customer_id, kind, source, actor, occurred_at, summary, data, created_at)
    select uuid_generate_v7(), :tenantId::uuid, c.customer_id, 'CHURN_RISK_CHANGED', 'gateway', :actor::text,
           date_trunc('milliseconds', now()), 'Churn risk ' || lower(c.from_level) || ' to ' || lower(c.to_level),
           jsonb_build_object('from', c.from_level, 'to', c.to_level, 'score', c.churn_score, 'reasons', c.churn_reasons),
           now()
      from changes c
  ), crossings as (
    select c.*, row_number() over (order by c.customer_id) as n, count(*) over () as total
      from changes c where c.to_level = 'HIGH'
  ), head as (
    insert into event_stream as s (stream, tenant_id, version)
    select :stream::text, :tenantId::uuid, count(*) from crossings having count(*) > 0
    on conflict (stream) do update set version = s.version + excluded.version
    returning s.version
  ), streamed as (
    insert into outbox_event (tenant_id, topic, routing_key, payload, created_at, stream, version)
    select :tenantId::uuid, :topic::text, :tenantId::text,
           jsonb_build_object('customerId', x.customer_id, 'level', x.to_level, 'from', x.from_level,
             'score', x.churn_score, 'reasons', x.churn_reasons, 'computedAt', x.at, 'version', h.version - x.total + x.n),
           now(), :stream::text, h.version - x.total + x.n
      from crossings x cross join head h
    returning 1
  )
  -- One row at least (the counts), and one per customer that crossed into HIGH: their CHURN_RISK_RAISED signals.
  select (select count(*) from upserted)::int as scored, (select count(*) from changes)::int as changed,
         (select count(*) from streamed)::int as raised,
         x.customer_id, x.from_level, x.churn_score, x.churn_reasons,
         x.customer_id || ':' || ${day('x.at', 'x.tz')} as cause
    from (select 1) one left join crossings x on true`;

/**
 * DOWNGRADE_AHEAD and POINTS_EXPIRING signals not raised yet (the same cause is raised once), for every customer
 * where the signal holds, profiling or not: they are facts about the account, once per period end or expiry.
 */
export const SIGNAL_CANDIDATES_SQL = `
  select c.* from (
    select i.customer_id, 'DOWNGRADE_AHEAD' as type, i.customer_id || ':' || ${day('i.period_end', 'i.tz')} as cause,
           jsonb_build_object('tierCode', i.tier_code, 'projectedTierCode', i.lower_code, 'periodEnd', i.period_end,
             'metric', i.tier_metric, 'remainingToKeep', i.remaining_to_keep) as payload
      from health_input i where i.tier_code is not null
    union all
    select i.customer_id, 'POINTS_EXPIRING', i.customer_id || ':' || ${day('i.expiring_at', 'i.tz')},
           jsonb_build_object('points', i.expiring_points, 'expiresAt', i.expiring_at)
      from health_input i where i.expiring_points is not null
  ) c
   where not exists (select 1 from customer_signal s where s.tenant_id = :tenantId and s.type = c.type and s.cause = c.cause)`;

/**
 * Removes the scores of customers in reach of this run (the tenant, or the marked ids and the scope) that it did
 * not score: opted out of profiling, merged away, no longer a person.
 */
export function cleanupSql(marked: boolean): string {
  return `
  delete from health_score h
   where h.tenant_id = :tenantId
     ${marked ? `and h.customer_id in (select unnest(:customerIds::uuid[]) union select customer_id from health_scope)` : ''}
     and not exists (select 1 from health_input i where i.customer_id = h.customer_id and i.profiling)`;
}
