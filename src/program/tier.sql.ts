/*
 * Tier qualification in SQL, shared by the purchase path (one customer, in its transaction) and
 * `npm run evaluate-tiers` (a whole tenant, set-based). Parameters are bound by name through `bind`.
 *
 * Windows: CALENDAR_YEAR counts from 1 January (tenant time zone); ROLLING_12_MONTHS the last 12 months.
 * A status period ends at the end of the next calendar year (CALENDAR_YEAR) or 12 months on (ROLLING);
 * reaching the tier's threshold again moves the end on. Either way, the period that decides whether a
 * member keeps a tier is the 12 months before its end.
 */

/**
 * Activity per customer as of `:at`, for every metric and window, over `purchases` (aliased `p`, with the columns
 * of `purchase` the sums read). `:customerId` null = every customer. `gate`, a relation, makes it empty when it is.
 */
const activitySql = (purchases = 'purchase p', gate = '') => `
  params as (
    select t.id as tenant_id, :at::timestamptz as at, t.timezone as tz,
           date_trunc('year', :at::timestamptz at time zone t.timezone) at time zone t.timezone as cy_start
      from tenant t${gate ? ` cross join ${gate}` : ''} where t.id = :tenantId
  ), activity as (
    select coalesce(mg.merged_into_id, p.customer_id) as customer_id, params.tenant_id,
      coalesce(sum(p.net_amount) filter (where p.occurred_at >= params.cy_start), 0) as spend_cy,
      coalesce(sum(p.net_amount) filter (where p.occurred_at > params.at - interval '12 months'), 0) as spend_r12,
      coalesce(sum(p.net_points) filter (where p.occurred_at >= params.cy_start), 0) as points_cy,
      coalesce(sum(p.net_points) filter (where p.occurred_at > params.at - interval '12 months'), 0) as points_r12,
      count(distinct (p.occurred_at at time zone params.tz)::date) filter (where p.net_amount > 0 and p.occurred_at >= params.cy_start) as visits_cy,
      count(distinct (p.occurred_at at time zone params.tz)::date) filter (where p.net_amount > 0 and p.occurred_at > params.at - interval '12 months') as visits_r12
    from ${purchases} cross join params
    -- A merged profile's purchases count for its survivor (a small join: merged profiles only).
    left join customer mg on mg.id = p.customer_id and mg.merged_into_id is not null
    where p.tenant_id = params.tenant_id
      and p.occurred_at <= params.at
      and p.occurred_at > least(params.cy_start, params.at - interval '12 months') - interval '1 second'
      and (:customerId::uuid is null or p.customer_id = any(array(
        select c2.id from customer c2 where c2.id = :customerId::uuid or c2.merged_into_id = :customerId::uuid)))
    group by coalesce(mg.merged_into_id, p.customer_id), params.tenant_id
  )`;

/** Puts each row of a `changes` CTE (inserted tier_change rows) on the customer's timeline. */
const TIMELINE_OF_CHANGES = `insert into timeline_event (id, tenant_id, customer_id, kind, source, channel, actor, occurred_at, summary, data, ref_type, ref_id, created_at)
    select uuid_generate_v7(), c.tenant_id, c.customer_id, 'TIER_CHANGED', 'gateway', null, :actor, date_trunc('milliseconds', now()),
           'Tier ' || lower(c.reason::text) || ': ' || coalesce(f.code, '-') || ' to ' || coalesce(t.code, '-'),
           jsonb_build_object('from', f.code, 'to', t.code, 'reason', c.reason), 'tier_change', c.id::text, now()
      from changes c left join tier f on f.id = c.from_tier_id left join tier t on t.id = c.to_tier_id`;

/** The value a tier's metric and window pick from `activity` (aliased `a`) or the status read. */
export const TIER_VALUE = `case t.metric::text || '/' || t.window::text
    when 'SPEND/CALENDAR_YEAR' then a.spend_cy when 'SPEND/ROLLING_12_MONTHS' then a.spend_r12
    when 'POINTS_EARNED/CALENDAR_YEAR' then a.points_cy when 'POINTS_EARNED/ROLLING_12_MONTHS' then a.points_r12
    when 'VISITS/CALENDAR_YEAR' then a.visits_cy else a.visits_r12 end`;

/** End of a status period that starts at `params.at` for a tier `t`. */
const PERIOD_END = `case t.window when 'CALENDAR_YEAR'
    then (date_trunc('year', params.at at time zone params.tz) + interval '2 years') at time zone params.tz
    else params.at + interval '12 months' end`;

/**
 * Upgrades (straight to the highest tier reached) and requalifications (same tier: the period moves on).
 * Never lowers anyone. As CTEs, for a statement that qualifies as part of more work (a purchase's booking):
 * named params, activity, reached, moves, upserted, changes (the upgrades written) and tier_timeline.
 */
const upgradeCtes = (purchases?: string, gate?: string) => `
  ${activitySql(purchases, gate)},
  reached as (
    select distinct on (a.customer_id) a.customer_id, a.tenant_id, t.id as tier_id, t.rank, ${PERIOD_END} as period_end
      from activity a cross join params join tier t on t.tenant_id = a.tenant_id
     where t.rank > 0 and ${TIER_VALUE} >= t.threshold
     order by a.customer_id, t.rank desc
  ), moves as (
    select r.*, coalesce(ct.tier_id, base.id) as from_tier_id, coalesce(cur.rank, 0) as from_rank
      from reached r
      left join customer_tier ct on ct.customer_id = r.customer_id
      left join tier cur on cur.id = ct.tier_id
      left join tier base on base.tenant_id = r.tenant_id and base.rank = 0
     where r.rank >= coalesce(cur.rank, 0)
  ), upserted as (
    insert into customer_tier as ct (customer_id, tenant_id, tier_id, since, period_end, version)
    select m.customer_id, m.tenant_id, m.tier_id, params.at, m.period_end, 1 from moves m cross join params
    on conflict (customer_id) do update set
      tier_id = excluded.tier_id,
      since = case when ct.tier_id = excluded.tier_id then ct.since else excluded.since end,
      period_end = case when ct.tier_id = excluded.tier_id then greatest(ct.period_end, excluded.period_end) else excluded.period_end end,
      version = ct.version + 1
    -- Re-checked against the row as it is now, should another writer have moved it since this statement began.
    where (ct.tier_id = excluded.tier_id and (ct.period_end is null or ct.period_end < excluded.period_end))
       or (select rank from tier where id = ct.tier_id) < (select rank from tier where id = excluded.tier_id)
    returning ct.customer_id, ct.tier_id
  ), changes as (
    -- From what was written, so an upgrade another writer made first is not recorded twice.
    insert into tier_change (id, created_at, tenant_id, customer_id, from_tier_id, to_tier_id, reason, actor)
    select gen_random_uuid(), now(), m.tenant_id, m.customer_id, m.from_tier_id, m.tier_id, 'QUALIFIED', :actor
      from moves m join upserted u on u.customer_id = m.customer_id and u.tier_id = m.tier_id where m.rank > m.from_rank
    returning id, tenant_id, customer_id, from_tier_id, to_tier_id, reason
  ), tier_timeline as (
    ${TIMELINE_OF_CHANGES}
  )`;

/**
 * `upgradeCtes` for a purchase being booked in the same statement, which that statement cannot read back: the
 * purchase counts as an extra row (`:bookedAt`, `:bookedAmount`, `:bookedPoints`, of `:customerId`). Nothing is
 * qualified when the relation `gate` is empty (the booking wrote nothing).
 */
export const upgradeWithBookedCtes = (gate: string) =>
  upgradeCtes(
    `(select customer_id, tenant_id, occurred_at, net_amount, net_points from purchase
      union all select :customerId::uuid, :tenantId::uuid, :bookedAt::timestamptz, :bookedAmount::bigint, :bookedPoints::bigint) p`,
    gate,
  );

/** Upgrades and requalifications as a statement. Returns the upgrades. */
export const UPGRADE_SQL = `with ${upgradeCtes()}
  select c.customer_id, c.from_tier_id, c.to_tier_id from changes c`;
/** Members whose period ended more than the tier's grace ago drop one tier, and start a period there. */
export const DOWNGRADE_SQL = `
  with params as (
    select t.id as tenant_id, :at::timestamptz as at, t.timezone as tz from tenant t where t.id = :tenantId
  ), due as (
    select ct.customer_id, ct.tenant_id, ct.tier_id, cur.rank, cur.grace_days
      from customer_tier ct join tier cur on cur.id = ct.tier_id cross join params
     where ct.tenant_id = params.tenant_id and cur.rank > 0
       and ct.period_end + make_interval(days => cur.grace_days) <= params.at
       -- A merged profile's status went to its survivor; its own row stays as it was, for an unmerge.
       and not exists (select 1 from customer mc where mc.id = ct.customer_id and mc.merged_into_id is not null)
  ), lower as (
    select distinct on (d.customer_id) d.customer_id, d.tenant_id, d.tier_id as from_tier_id, d.grace_days, t.id as to_tier_id, t.rank,
           case when t.rank = 0 then null else ${PERIOD_END} end as period_end
      from due d cross join params join tier t on t.tenant_id = d.tenant_id and t.rank < d.rank
     order by d.customer_id, t.rank desc
  ), updated as (
    -- The tier and period are re-checked on the row as it is now: a purchase that requalified the member
    -- while this statement ran wins.
    update customer_tier ct set tier_id = l.to_tier_id, since = params.at, period_end = l.period_end, version = ct.version + 1
      from lower l cross join params
     where ct.customer_id = l.customer_id and ct.tier_id = l.from_tier_id
       and ct.period_end + make_interval(days => l.grace_days) <= params.at
    -- The move comes back with the row, so recording it needs no join (a join of two CTEs, whose sizes the
    -- planner cannot see, went quadratic: 6 s for 8,762 downgrades).
    returning ct.customer_id, l.tenant_id, l.from_tier_id, l.to_tier_id
  )
  , changes as (
    insert into tier_change (id, created_at, tenant_id, customer_id, from_tier_id, to_tier_id, reason, actor)
    select gen_random_uuid(), now(), u.tenant_id, u.customer_id, u.from_tier_id, u.to_tier_id, 'DOWNGRADED', :actor
      from updated u
    returning id, tenant_id, customer_id, from_tier_id, to_tier_id, reason
  ), timeline as (
    ${TIMELINE_OF_CHANGES}
  )
  select customer_id, from_tier_id, to_tier_id from changes`;

/** Limited-time status whose date has passed ends; the change is recorded when the member's tier falls. */
export const END_GRANTS_SQL = `
  with ended as (
    select ct.customer_id, ct.tenant_id, ct.granted_tier_id, ct.tier_id
      from customer_tier ct where ct.tenant_id = :tenantId and ct.granted_until <= :at::timestamptz
       and not exists (select 1 from customer mc where mc.id = ct.customer_id and mc.merged_into_id is not null)
       for update of ct
  ), cleared as (
    update customer_tier ct set granted_tier_id = null, granted_since = null, granted_until = null, version = ct.version + 1
      from ended e where ct.customer_id = e.customer_id
    returning ct.customer_id
  )
  , changes as (
    insert into tier_change (id, created_at, tenant_id, customer_id, from_tier_id, to_tier_id, reason, actor)
    select gen_random_uuid(), now(), e.tenant_id, e.customer_id, e.granted_tier_id, e.tier_id, 'GRANT_ENDED', :actor
      from ended e join tier g on g.id = e.granted_tier_id join tier r on r.id = e.tier_id
     where g.rank > r.rank
    returning id, tenant_id, customer_id, from_tier_id, to_tier_id, reason
  ), timeline as (
    ${TIMELINE_OF_CHANGES}
  )
  select customer_id, from_tier_id, to_tier_id from changes`;

/** One member's status with the activity behind progress and downgrade risk, for a batch of customers. */
export const STATUS_SQL = `
  with params as (
    select t.id as tenant_id, now() as at, t.timezone as tz,
           date_trunc('year', now() at time zone t.timezone) at time zone t.timezone as cy_start
      from tenant t where t.id = :tenantId
  )
  select c.id as customer_id, ct.tier_id, ct.since, ct.period_end, ct.granted_tier_id, ct.granted_since, ct.granted_until, a.*
    from unnest(:customerIds::uuid[]) as c(id)
    cross join params
    left join customer_tier ct on ct.customer_id = c.id and ct.tenant_id = params.tenant_id
    left join lateral (
      select
        coalesce(sum(p.net_amount) filter (where p.occurred_at >= params.cy_start), 0)::bigint as spend_cy,
        coalesce(sum(p.net_amount) filter (where p.occurred_at > params.at - interval '12 months'), 0)::bigint as spend_r12,
        coalesce(sum(p.net_points) filter (where p.occurred_at >= params.cy_start), 0)::bigint as points_cy,
        coalesce(sum(p.net_points) filter (where p.occurred_at > params.at - interval '12 months'), 0)::bigint as points_r12,
        count(distinct (p.occurred_at at time zone params.tz)::date) filter (where p.net_amount > 0 and p.occurred_at >= params.cy_start) as visits_cy,
        count(distinct (p.occurred_at at time zone params.tz)::date) filter (where p.net_amount > 0 and p.occurred_at > params.at - interval '12 months') as visits_r12,
        coalesce(sum(p.net_amount) filter (where p.occurred_at >= ct.period_end - interval '12 months'), 0)::bigint as spend_keep,
        coalesce(sum(p.net_points) filter (where p.occurred_at >= ct.period_end - interval '12 months'), 0)::bigint as points_keep,
        count(distinct (p.occurred_at at time zone params.tz)::date) filter (where p.net_amount > 0 and p.occurred_at >= ct.period_end - interval '12 months') as visits_keep
      from purchase p
      where p.tenant_id = params.tenant_id
        and p.customer_id = any(array(select c.id union all select m.id from customer m where m.merged_into_id = c.id))
        and p.occurred_at > least(params.cy_start, params.at - interval '12 months', coalesce(ct.period_end - interval '12 months', 'infinity')) - interval '1 second'
    ) a on true`;
