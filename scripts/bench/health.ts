import 'reflect-metadata';

import { spawnSync } from 'node:child_process';

import { MikroORM } from '@mikro-orm/postgresql';

import { HealthScoring } from '../../src/health/health.scoring';
import { ormConfig } from '../../src/mikro-orm.config';
import { SignalService } from '../../src/signals/signal.service';
import { admin, databaseUrl, graphql, option, percentile, startBenchGateway } from './lib';

/**
 * `npm run bench:health [-- --customers 100000 --reads 2000 --metric-runs 20 --smoke]`
 *
 * Seeds one tenant set-based (generate_series) with 100 thousand members and about 2 million events: purchases
 * at each member's own rhythm, the earns and redemptions of the ledger, points lots, survey answers, support
 * cases and tier status. Then times `npm run score-health` (the compiled CLI, health and churn in one run) on
 * the whole tenant, first (every member new: levels, timeline events, signals and stream events written) and
 * again (steady state); the health job's rescoring of 100 and of 1,000 changed members; and the per-customer reads over
 * HTTP (`customer { health churnRisk }`, `atRiskCustomers` pages), and each metrics query (src/insights) over
 * the same data. Ends with one summary line. `--smoke`: 2,000 members, 50 reads, 2 runs of each metric.
 */
const CUSTOMERS = option('customers', 100_000, 2_000);
const READS = option('reads', 2_000, 50);
const METRIC_RUNS = option('metric-runs', 20, 2);
const PORT = Number(process.env.BENCH_PORT ?? 4964);
const BENCH_DB = process.env.BENCH_DATABASE ?? 'loyalty_bench_health';

function scoreHealth(tenantId: string): { seconds: number; sqlMs: number; output: string } {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['dist/scripts/score-health.js', '--tenant', tenantId], {
    env: { ...process.env, DATABASE_URL: databaseUrl(BENCH_DB), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`score-health failed: ${run.stderr}`);
  const output = run.stdout.trim();
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    sqlMs: Number(/in (\d+) ms/.exec(output)?.[1] ?? NaN),
    output,
  };
}

/** Every statement below is one set-based insert over the numbered members (`bench_member`). */
const SEED: [string, string][] = [
  [
    'members',
    `insert into customer (id, tenant_id, email, version, created_at, updated_at, segments)
     select gen_random_uuid(), $1, 'member' || g || '@example.com', 1, now() - make_interval(days => 30 + g % 1000), now(),
            case when g % 10 = 0 then '{students}'::text[] when g % 7 = 0 then '{b2b}'::text[] else '{}'::text[] end
       from generate_series(1, $2::int) g`,
  ],
  [
    'numbering',
    `create temp table bench_member as
     select id, row_number() over (order by id) as rn from customer where tenant_id = $1`,
  ],
  // 2 to 16 purchases each (9 on average), every 7 to 46 days (each member's own rhythm), the last within two
  // gaps; one member in ten has lapsed (the last over two gaps and a month ago).
  [
    'purchases',
    `insert into purchase (id, tenant_id, customer_id, channel, order_id, occurred_at, amount, net_amount, points, net_points,
                           idempotency_key, request_hash, breakdown, actor, created_at)
     select gen_random_uuid(), $1, m.id, 'POS', 'o-' || m.rn || '-' || k,
            now() - make_interval(days => (o.last + k * o.gap)::int, hours => (m.rn % 24)::int),
            a.amount, a.amount, a.amount / 100, a.amount / 100, 'k-' || m.rn || '-' || k, repeat('0', 64), '{}', 'job:bench', now()
       from bench_member m
       cross join lateral (select 7 + m.rn % 40 as gap) g
       cross join lateral (select g.gap, case when m.rn % 10 = 3 then 2 * g.gap + 30 + m.rn % 90
                                              else (m.rn * 13) % (2 * g.gap) end as last) o
       cross join lateral generate_series(0, 1 + (m.rn * 7) % 15) k
       cross join lateral (select ((m.rn * 7919 + k * 104729) % 9000 + 500)::bigint as amount) a`,
  ],
  [
    'earns',
    `insert into ledger_transaction (id, tenant_id, kind, customer_id, points, reason, actor, created_at)
     select gen_random_uuid(), $1, 'EARN', p.customer_id, p.points, 'purchase', 'job:bench', p.occurred_at
       from purchase p where p.tenant_id = $1 and abs(hashtext(p.order_id)) % 9 <> 0`,
  ],
  [
    'redemptions',
    `insert into ledger_transaction (id, tenant_id, kind, customer_id, points, reason, actor, created_at)
     select gen_random_uuid(), $1, 'REDEEM', m.id, 100 + m.rn % 400, 'reward', 'job:bench',
            now() - make_interval(days => ((m.rn * 17) % 400)::int)
       from bench_member m`,
  ],
  // One open lot each; about one in twelve expires within 30 days.
  [
    'lots',
    `insert into points_lot (id, tenant_id, customer_id, transaction_id, points, remaining, expires_at, origin, cohort, created_at)
     select gen_random_uuid(), $1, m.id, gen_random_uuid(), 500, (m.rn * 37) % 500,
            now() + make_interval(days => (1 + (m.rn * 31) % 365)::int), 'PURCHASE',
            date_trunc('month', now() - interval '300 days')::date, now() - interval '300 days'
       from bench_member m`,
  ],
  [
    'surveys',
    `insert into survey (id, tenant_id, code, name, kind, trigger, question)
     values (gen_random_uuid(), $1, 'NPS', 'NPS', 'NPS', 'RELATIONSHIP', 'Recommend us?'),
            (gen_random_uuid(), $1, 'CES', 'CES', 'CES', 'TRANSACTIONAL', 'Easy?')`,
  ],
  [
    'answers',
    `insert into survey_response (id, tenant_id, customer_id, survey_id, kind, score, channel, detractor, responded_at)
     select gen_random_uuid(), $1, m.id, s.id, s.kind, x.score, 'WEB',
            case s.kind when 'NPS' then x.score <= 6 else x.score <= 3 end,
            now() - make_interval(days => (m.rn % 200)::int)
       from bench_member m
       join survey s on s.tenant_id = $1 and s.kind = case when m.rn % 3 = 0 then 'CES' else 'NPS' end
       -- About a fifth of NPS answers are detractors (0 to 6), a tenth of CES ones (1 to 3).
       cross join lateral (select (case when m.rn % 3 = 0
                                        then case when m.rn % 10 < 1 then 1 + (m.rn / 10) % 3 else 4 + (m.rn / 10) % 4 end
                                        else case when m.rn % 10 < 2 then (m.rn / 10) % 7
                                                  when m.rn % 10 < 5 then 7 + (m.rn / 10) % 2 else 9 + (m.rn / 10) % 2 end
                                   end)::smallint as score) x
      where m.rn % 10 < 7`,
  ],
  [
    'cases',
    `insert into support_case (id, tenant_id, customer_id, status, priority, source_type, subject, opened_at,
                               first_response_due_at, resolution_due_at, resolution_breached_at)
     select gen_random_uuid(), $1, m.id, case when m.rn % 4 = 0 then 'OPEN' else 'RESOLVED' end, 'P3', 'AGENT', 'Late order',
            o.opened, o.opened + interval '1 day', o.opened + interval '3 days',
            case when m.rn % 5 = 0 then o.opened + interval '3 days' end
       from bench_member m
       cross join lateral (select now() - make_interval(days => (3 + m.rn % 180)::int) as opened) o
      where m.rn % 10 < 3`,
  ],
  // A fifth hold Silver or Gold, their periods ending from 30 days ago (in grace) to 90 days ahead.
  [
    'tier status',
    `insert into customer_tier (customer_id, tenant_id, tier_id, since, period_end, version)
     select m.id, $1, t.id, now() - interval '1 year', now() + make_interval(days => (m.rn % 120 - 30)::int), 1
       from bench_member m join tier t on t.tenant_id = $1 and t.code = case when m.rn % 10 = 0 then 'GOLD' else 'SILVER' end
      where m.rn % 5 = 0`,
  ],
];

async function main(): Promise<void> {
  const { url, adminToken, child } = await startBenchGateway(BENCH_DB, PORT, 10, {
    // Every job off: the SLA check would mark the seeded cases breached between two runs.
    env: { HEALTH_JOBS_INTERVAL_MS: '0', SLA_JOBS_INTERVAL_MS: '0', PLAYBOOK_JOBS_INTERVAL_MS: '0' },
  });
  try {
    const { createTenant } = await graphql<{
      createTenant: { tenant: { id: string }; ownerKey: { secret: string } };
    }>(
      url,
      adminToken,
      `
        mutation {
          createTenant(input: { name: "Bench", currency: "EUR", timezone: "Europe/Paris" }) {
            tenant {
              id
            }
            ownerKey {
              secret
            }
          }
        }
      `,
      {},
    );
    const tenantId = createTenant.tenant.id;
    const owner = createTenant.ownerKey.secret;
    for (const [code, rank, threshold] of [
      ['BASE', 0, 0],
      ['SILVER', 1, 20_000],
      ['GOLD', 2, 60_000],
    ] as const) {
      await graphql(
        url,
        owner,
        `
          mutation ($input: TierInput!) {
            createTier(input: $input) {
              id
            }
          }
        `,
        { input: { code, name: code, rank, metric: 'SPEND', threshold, window: 'ROLLING_12_MONTHS', graceDays: 30 } },
      );
    }

    const seedStarted = Date.now();
    const events = await admin(BENCH_DB, async (client) => {
      let rows = 0;
      for (const [name, statement] of SEED) {
        const started = Date.now();
        const result = await client.query(statement, statement.includes('$2') ? [tenantId, CUSTOMERS] : [tenantId]);
        if (!['members', 'numbering', 'surveys'].includes(name)) rows += result.rowCount ?? 0;
        process.stdout.write(
          `seeded ${name}: ${result.rowCount} rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
      }
      await client.query('vacuum analyze');
      return rows;
    });
    process.stdout.write(
      `seeded ${CUSTOMERS} members and ${events} events in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s\n`,
    );

    const first = scoreHealth(tenantId);
    process.stdout.write(
      `first full run:  ${first.seconds.toFixed(2)} s wall (process start included) | ${first.output}\n`,
    );
    const again = scoreHealth(tenantId);
    process.stdout.write(`again, steady:   ${again.seconds.toFixed(2)} s wall | ${again.output}\n`);

    // The health job's tick after 100, then 1,000 members' inputs changed (markers as the triggers write them).
    const orm = await MikroORM.init(ormConfig(databaseUrl(BENCH_DB), 2));
    const dirtyMs: number[] = [];
    try {
      for (const changed of [100, 1000]) {
        await orm.em.fork().execute(
          `insert into health_dirty (tenant_id, customer_id)
           select tenant_id, id from customer where tenant_id = ? order by md5(id::text || ?) limit ?`,
          [tenantId, String(changed), changed],
        );
        const dirty = await new HealthScoring(new SignalService()).scoreDirty(orm.em.fork(), tenantId);
        dirtyMs.push(dirty!.durationMs);
        process.stdout.write(`${changed} changed: ${dirty!.durationMs} ms | ${JSON.stringify(dirty)}\n`);
      }
    } finally {
      await orm.close(true);
    }

    // Per-customer reads over HTTP, one client, as an agent desktop opens profiles.
    const ids = await admin(BENCH_DB, async (client) =>
      (
        await client.query<{ id: string }>(
          `select id from customer where tenant_id = $1 order by md5(id::text) limit $2`,
          [tenantId, READS],
        )
      ).rows.map((row) => row.id),
    );
    const timed = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
      const started = process.hrtime.bigint();
      const result = await work();
      return [Number(process.hrtime.bigint() - started) / 1e6, result];
    };
    const profile = `query ($id: ID!) { customer(id: $id) {
      health { score band components { name value weight contribution } computedAt }
      churnRisk { level score segment reasons { signal detail weight } computedAt } } }`;
    const profileMs: number[] = [];
    for (const id of ids) profileMs.push((await timed(() => graphql(url, owner, profile, { id })))[0]);
    profileMs.sort((a, b) => a - b);
    const pageQuery = `query ($after: String, $segment: String) { atRiskCustomers(first: 50, after: $after, segment: $segment) {
      edges { node { customer { id } churnRisk { level score reasons { signal } } health { score } } }
      pageInfo { hasNextPage endCursor } } }`;
    type Page = { atRiskCustomers: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const pageMs: number[] = [];
    for (const segment of [null, 'students']) {
      let after: string | null = null;
      for (let page = 0; page < 40; page += 1) {
        const [took, data]: [number, Page] = await timed(() =>
          graphql<Page>(url, owner, pageQuery, { after, segment }),
        );
        pageMs.push(took);
        after = data.atRiskCustomers.pageInfo.hasNextPage ? data.atRiskCustomers.pageInfo.endCursor : null;
        if (!after) break;
      }
    }
    pageMs.sort((a, b) => a - b);
    const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(1)} ms`;
    process.stdout.write(
      `reads: customer { health churnRisk } p50 ${ms(profileMs, 50)} p99 ${ms(profileMs, 99)} (${profileMs.length}); atRiskCustomers(first: 50) p50 ${ms(pageMs, 50)} p99 ${ms(pageMs, 99)} (${pageMs.length} pages)\n`,
    );
    // The metrics (src/insights) over the same data: each query, grouped, over the last 12 months by month.
    const today = new Date();
    const day = (date: Date) => date.toISOString().slice(0, 10);
    const period = {
      from: day(new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), 1))),
      to: day(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1))),
      bucket: 'MONTH',
    };
    const metrics: [string, string][] = [
      [
        'feedbackMetrics',
        `feedbackMetrics(period: $period, groupBy: SEGMENT) { periodStart group responses nps { score } ces { mean } }`,
      ],
      ['churnMetrics', `churnMetrics(period: $period, groupBy: SEGMENT) { periodStart group activeMembers churnRate }`],
      [
        'cohortRetention',
        `cohortRetention(period: $period, groupBy: SEGMENT) { cohort periodStart group retentionRate }`,
      ],
      [
        'pointsMetrics',
        `pointsMetrics(period: $period, groupBy: SEGMENT) { periodStart group earned redeemed redemptionRate }`,
      ],
      [
        'caseSlaMetrics',
        `caseSlaMetrics(period: $period, groupBy: PRIORITY) { periodStart group overall { attainment } }`,
      ],
      ['tierDistribution', `tierDistribution(groupBy: SEGMENT) { group tierCode members share }`],
      ['tierMovement', `tierMovement(period: $period, groupBy: SEGMENT) { periodStart group reason changes }`],
    ];
    const metricP99: string[] = [];
    for (const [name, selection] of metrics) {
      const uses = selection.includes('$period');
      const query = `query${uses ? '($period: MetricPeriodInput!)' : ''} { ${selection} }`;
      const runs: number[] = [];
      for (let i = 0; i < METRIC_RUNS; i += 1)
        runs.push((await timed(() => graphql(url, owner, query, uses ? { period } : {})))[0]);
      runs.sort((a, b) => a - b);
      metricP99.push(`${name} ${ms(runs, 99)}`);
      process.stdout.write(`metrics: ${name} p50 ${ms(runs, 50)} p99 ${ms(runs, 99)} (${runs.length} runs)\n`);
    }
    process.stdout.write(
      `health: ${CUSTOMERS} customers, ${events} events: full scoring ${(first.sqlMs / 1000).toFixed(1)} s (${first.seconds.toFixed(1)} s with the CLI's start), steady ${(again.sqlMs / 1000).toFixed(1)} s, 100 changed ${dirtyMs[0]} ms, 1,000 changed ${dirtyMs[1]} ms; reads p99 ${ms(profileMs, 99)} per customer, ${ms(pageMs, 99)} per page; metrics p99 ${metricP99.join(', ')}\n`,
    );
  } finally {
    child?.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
