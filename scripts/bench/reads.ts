import autocannon from 'autocannon';

import { admin, graphql, option, startBenchGateway } from './lib';

/**
 * `npm run bench:reads [-- --seconds 10 --connections 32 --customers 3000 --smoke --only balance]`
 *
 * Three reads over HTTP with autocannon, N connections for a fixed time each, every shape warmed up first, in one
 * run against one gateway: `{ __typename }` (the floor of a GraphQL request: HTTP, authentication, parsing,
 * limits), the mobile app's balance read and the agent desktop's customer view (AgentCustomer360 with 20 timeline
 * events and 10 points transactions), both over customer ids in turn, then `{ __typename }` again; one staff key.
 * The customers are seeded set-based with a history each (earns in the ledger with their lots and timeline
 * events, notes, a tier for some). Ends with one line holding the two ratios to the mean `{ __typename }`.
 * `--smoke`: 3 s each on 200 customers.
 */
const SMOKE = process.argv.includes('--smoke');
const SECONDS = option('seconds', SMOKE ? 3 : 10);
const CONNECTIONS = option('connections', 32);
const CUSTOMERS = option('customers', SMOKE ? 200 : 3000);
const WARMUP_SECONDS = SMOKE ? 1 : 3;
// `--only balance` (or `view`, `typename`) measures that shape alone, e.g. under a CPU profile; no ratio line.
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const EARNS = 12;
const NOTES = 10;

const BENCH_DB = process.env.BENCH_DATABASE ?? 'loyalty_bench_reads';
const PORT = Number(process.env.BENCH_PORT ?? 4965);

const TYPENAME = `{ __typename }`;
const BALANCE = `query ($id: ID!) { customer(id: $id) { balance { available pending balanceRevision } } }`;
// schema/operations/agent-desktop/customer.graphql's AgentCustomer360, its fragments inlined.
const CUSTOMER_VIEW = `query AgentCustomer360($id: ID!, $expiringWithinDays: Int! = 30, $timelineFirst: Int = 20, $transactionsFirst: Int = 10) {
  customer(id: $id) {
    id kind displayName email phone createdAt profileRevision profileUpdatedAt: updatedAt segments
    identifiers { kind value }
    balance { balanceRevision available pending lifetimeEarned lifetimeRedeemed expired expiringPoints(withinDays: $expiringWithinDays) }
    tier {
      current { code name rank } since expiresAt limitedTime
      progress { metric value remaining percent nextTier { code name } }
      downgradeRisk { atPeriodEnd remainingToKeep projectedTier { code name } }
    }
    health { score band computedAt }
    churnRisk { level score computedAt }
    timeline(first: $timelineFirst) { edges { node { id kind channel occurredAt summary actor source } } }
    pointsTransactions(first: $transactionsFirst) { edges { node { id kind points reason channel createdAt } } }
  }
  benefits(customerId: $id, channel: AGENT) { code kind value text tierCode }
  loyaltyState(customerId: $id) {
    customerId version source changedAt
    balance { available pending }
    tier { id code name rank expiresAt limitedTime }
    benefits { code kind value title channels }
    activeVouchers { code rewardId pointsCost expiresAt }
  }
}`;

/** Set-based seed of the members and their history; `$1` the tenant, `$2` the number of members. */
const SEED: [string, string][] = [
  [
    'members',
    `insert into customer (id, tenant_id, email, display_name, version, created_at, updated_at)
     select gen_random_uuid(), $1, 'member' || g || '@example.com', 'Member ' || g, 1,
            now() - make_interval(days => 400 + g % 300), now()
       from generate_series(1, $2::int) g`,
  ],
  [
    'numbering',
    `create temp table bench_member as
     select id, row_number() over (order by id) as rn from customer where tenant_id = $1`,
  ],
  // Earns shaped as the ledger books them: header, two entries, a lot, a timeline event, then the balance.
  [
    'earns',
    `create temp table bench_earn as
     select uuid_generate_v7() as id, m.id as customer_id, (10 + (m.rn * 7 + k * 13) % 190)::bigint as points,
            date_trunc('milliseconds', now() - make_interval(days => (k * 30 + m.rn % 30)::int)) as at
       from bench_member m cross join generate_series(1, ${EARNS}) k`,
  ],
  [
    'transactions',
    `insert into ledger_transaction (id, tenant_id, kind, customer_id, points, reason, channel, actor, created_at)
     select id, $1, 'EARN', customer_id, points, 'purchase', 'POS', 'job:bench', at from bench_earn`,
  ],
  [
    'entries',
    `insert into ledger_entry (tenant_id, transaction_id, account, customer_id, amount)
     select $1, e.id, leg.account::ledger_account, case when leg.account = 'CUSTOMER_AVAILABLE' then e.customer_id end,
            leg.sign * e.points
       from bench_earn e cross join (values ('CUSTOMER_AVAILABLE', 1), ('PROGRAM_ISSUED', -1)) as leg(account, sign)`,
  ],
  [
    'lots',
    `insert into points_lot (id, tenant_id, customer_id, transaction_id, points, remaining, expires_at, origin, cohort, created_at)
     select uuid_generate_v7(), $1, customer_id, id, points, points, at + interval '2 years', 'BONUS',
            date_trunc('month', at)::date, at from bench_earn`,
  ],
  [
    'balances',
    `insert into points_balance (customer_id, tenant_id, available, lifetime_earned, version, last_activity_at, updated_at)
     select customer_id, $1, sum(points), sum(points), count(*), max(at), now() from bench_earn group by customer_id`,
  ],
  [
    'timeline',
    `insert into timeline_event (id, tenant_id, customer_id, kind, source, channel, actor, occurred_at, summary, data, ref_type, ref_id, created_at)
     select uuid_generate_v7(), $1::uuid, customer_id, 'POINTS_EARNED'::timeline_kind, 'gateway', 'POS', 'job:bench', at,
            'Earned ' || points || ' points', jsonb_build_object('points', points), 'ledger_transaction', id::text, now()
       from bench_earn
     union all
     select uuid_generate_v7(), $1::uuid, m.id, 'NOTE'::timeline_kind, 'gateway', 'AGENT', 'job:bench',
            date_trunc('milliseconds', now() - make_interval(days => (k * 20 + m.rn % 20)::int, hours => k)),
            'Called about order ' || m.rn || '-' || k, '{}'::jsonb, null, null, now()
       from bench_member m cross join generate_series(1, ${NOTES}) k`,
  ],
  // A fifth hold Silver, one in ten Gold.
  [
    'tiers',
    `insert into customer_tier (customer_id, tenant_id, tier_id, since, period_end, version)
     select m.id, $1, t.id, now() - interval '200 days', now() + make_interval(days => (30 + m.rn % 300)::int), 1
       from bench_member m join tier t on t.tenant_id = $1 and t.code = case when m.rn % 10 = 0 then 'GOLD' else 'SILVER' end
      where m.rn % 5 in (0, 1)`,
  ],
];

interface Figures {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  total: number;
  failures: number;
}

async function load(url: string, key: string, label: string, query: string, ids: string[] | null, seconds: number) {
  let next = 0;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  // A request body per customer, built before the run so the load generator only picks the next one.
  const bodies = ids ? ids.map((id) => JSON.stringify({ query, variables: { id } })) : [JSON.stringify({ query })];
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  return {
    label,
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  } satisfies Figures;
}

function print(f: Figures): void {
  process.stdout.write(
    `${f.label.padEnd(28)} ${f.perSecond.toFixed(0).padStart(6)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms  (${f.total} requests, ${f.failures} failed)\n`,
  );
}

async function seed(url: string, adminToken: string): Promise<{ key: string; ids: string[] }> {
  const { createTenant } = await graphql<{ createTenant: { tenant: { id: string }; ownerKey: { secret: string } } }>(
    url,
    adminToken,
    `
      mutation {
        createTenant(input: { name: "Bench", currency: "EUR", timezone: "UTC" }) {
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
  const key = createTenant.ownerKey.secret;
  for (const [code, rank, threshold] of [
    ['BASE', 0, 0],
    ['SILVER', 1, 1_000],
    ['GOLD', 2, 5_000],
  ] as const) {
    await graphql(
      url,
      key,
      `
        mutation ($input: TierInput!) {
          createTier(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          code,
          name: code,
          rank,
          metric: 'POINTS_EARNED',
          threshold,
          window: 'ROLLING_12_MONTHS',
          graceDays: 30,
        },
      },
    );
  }
  const started = Date.now();
  const ids = await admin(BENCH_DB, async (client) => {
    await client.query('begin');
    for (const [, statement] of SEED) {
      const params = statement.includes('$2') ? [tenantId, CUSTOMERS] : statement.includes('$1') ? [tenantId] : [];
      await client.query(statement, params);
    }
    await client.query('commit');
    await client.query('vacuum analyze');
    // The outbox events the seed's triggers wrote are relayed before anything is measured.
    for (let i = 0; i < 600; i += 1) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from outbox_event where published_at is null`,
      );
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await client.query('checkpoint');
    const { rows } = await client.query<{ id: string }>(
      `select id from customer where tenant_id = $1 order by md5(id::text)`,
      [tenantId],
    );
    return rows.map((row) => row.id);
  });
  process.stdout.write(
    `seeded ${ids.length} customers, each with ${EARNS} earns and ${EARNS + NOTES} timeline events, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return { key, ids };
}

async function main(): Promise<void> {
  const { url, adminToken, child } = await startBenchGateway(BENCH_DB, PORT, 10);
  try {
    const { key, ids } = await seed(url, adminToken);
    // Every shape answers without errors before it is measured (autocannon counts GraphQL errors as 200s).
    for (const [query, variables] of [
      [TYPENAME, {}],
      [BALANCE, { id: ids[0] }],
      [CUSTOMER_VIEW, { id: ids[0] }],
    ] as const)
      await graphql(url, key, query, variables);
    process.stdout.write(
      `reads over HTTP (autocannon): ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up, ${ids.length} customers in turn, one staff key; one machine\n`,
    );
    // `{ __typename }` first and again last: the ratios are to the mean of the two, so a drift of the machine
    // during the run shows as two different floors instead of skewing one ratio.
    const runs: [string, string, string, string[] | null][] = [
      ['typename', '{ __typename }', TYPENAME, null],
      ['balance', 'balance', BALANCE, ids],
      ['view', 'customer view (360)', CUSTOMER_VIEW, ids],
      ['typename', '{ __typename }, again', TYPENAME, null],
    ];
    const selected = runs.filter(
      ([name], at) => !ONLY || (name === ONLY && runs.findIndex(([n]) => n === name) === at),
    );
    // Every shape is warmed up before any is measured (the gateway's code compiled, the seed's aftermath settled).
    for (const [, label, query, keys] of selected.slice(0, 3)) await load(url, key, label, query, keys, WARMUP_SECONDS);
    const figures = new Map<string, Figures[]>();
    for (const [name, label, query, keys] of selected) {
      const measured = await load(url, key, label, query, keys, SECONDS);
      print(measured);
      if (measured.failures > 0) throw new Error(`${label}: ${measured.failures} requests failed`);
      figures.set(name, [...(figures.get(name) ?? []), measured]);
    }
    if (ONLY) return;
    const floors = figures.get('typename')!;
    const floor = floors.reduce((sum, f) => sum + f.perSecond, 0) / floors.length;
    const ratio = (name: string) => (figures.get(name)![0].perSecond / floor).toFixed(2);
    process.stdout.write(`reads: balance ${ratio('balance')}× { __typename }, customer view ${ratio('view')}×\n`);
  } finally {
    // Requests the last run left in flight finish before the gateway stops (else they log an aborted query).
    await new Promise((r) => setTimeout(r, 1000));
    child?.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
