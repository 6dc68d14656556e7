import { spawnSync } from 'node:child_process';

import { admin, databaseUrl, graphql, option, startBenchGateway } from './lib';

/**
 * `npm run bench:tiers [-- --customers 100000 --purchases 4 --smoke]`
 *
 * Times `npm run evaluate-tiers` (the compiled CLI, as an operator runs it) on one tenant with 100 thousand
 * members and a few purchases each over the last 18 months, three ways: the first evaluation (most
 * members move up), the same again (nothing to do), and one dated 14 months on (periods over, grace
 * passed: downgrades). Ends with one summary line. `--smoke`: 2,000 members.
 */
const CUSTOMERS = option('customers', 100_000, 2_000);
const PURCHASES = option('purchases', 4);
const PORT = Number(process.env.BENCH_PORT ?? 4963);
const BENCH_DB = process.env.BENCH_DATABASE ?? 'loyalty_bench_tiers';

function evaluate(tenantId: string, now?: Date): { seconds: number; output: string } {
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    ['dist/scripts/evaluate-tiers.js', '--tenant', tenantId, ...(now ? ['--now', now.toISOString()] : [])],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl(BENCH_DB), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`evaluate-tiers failed: ${run.stderr}`);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, output: run.stdout.trim() };
}

async function main(): Promise<void> {
  const { url, adminToken, child } = await startBenchGateway(BENCH_DB, PORT, 10);
  let tenantId: string;
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
    tenantId = createTenant.tenant.id;
    const tiers: [string, number, number, string][] = [
      ['BASE', 0, 0, 'SPEND'],
      ['SILVER', 1, 20_000, 'SPEND'],
      ['GOLD', 2, 60_000, 'SPEND'],
      ['PLATINUM', 3, 12, 'VISITS'],
    ];
    for (const [code, rank, threshold, metric] of tiers) {
      await graphql(
        url,
        createTenant.ownerKey.secret,
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
            metric,
            threshold,
            window: rank === 2 ? 'CALENDAR_YEAR' : 'ROLLING_12_MONTHS',
            graceDays: 30,
          },
        },
      );
    }
  } finally {
    child?.kill('SIGTERM');
  }
  const seedStarted = Date.now();
  await admin(BENCH_DB, async (client) => {
    await client.query(
      `insert into customer (id, tenant_id, email, version, created_at, updated_at)
       select gen_random_uuid(), $1, 'member' || g || '@example.com', 1, now(), now() from generate_series(1, $2) g`,
      [tenantId, CUSTOMERS],
    );
    // Spend spread so that roughly half reach Silver, a tenth Gold, a few Platinum.
    await client.query(
      `insert into purchase (id, tenant_id, customer_id, channel, order_id, occurred_at, amount, net_amount, points, net_points, idempotency_key, request_hash, breakdown, actor, created_at)
       select gen_random_uuid(), $1, c.id, 'POS', 'o-' || c.rn || '-' || p, now() - make_interval(days => ((c.rn * 7 + p * 131) % 540)::int),
              a.amount, a.amount, a.amount / 100, a.amount / 100, 'k-' || c.rn || '-' || p, repeat('0', 64), '{}', 'job:bench', now()
         from (select id, row_number() over () as rn from customer where tenant_id = $1) c
         cross join generate_series(1, $2) p
         cross join lateral (select ((c.rn * 7919 + p * 104729) % 4000 + 100) * case when c.rn % 10 = 0 then 8 else 2 end as amount) a`,
      [tenantId, PURCHASES],
    );
    await client.query('vacuum analyze');
  });
  process.stdout.write(
    `seeded ${CUSTOMERS} members and ${CUSTOMERS * PURCHASES} purchases in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s\n`,
  );

  const first = evaluate(tenantId);
  process.stdout.write(
    `first evaluation:   ${first.seconds.toFixed(2)} s wall (process start included) | ${first.output}\n`,
  );
  const again = evaluate(tenantId);
  process.stdout.write(`again, no changes:  ${again.seconds.toFixed(2)} s wall | ${again.output}\n`);
  const later = evaluate(tenantId, new Date(Date.now() + 425 * 86_400_000));
  process.stdout.write(`14 months later:    ${later.seconds.toFixed(2)} s wall | ${later.output}\n`);
  process.stdout.write(
    `tiers: ${CUSTOMERS} members, evaluate-tiers ${first.seconds.toFixed(2)} s first, ${again.seconds.toFixed(2)} s unchanged, ${later.seconds.toFixed(2)} s 14 months on (wall, process start included)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
