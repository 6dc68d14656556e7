import { randomUUID } from 'node:crypto';

import { admin, graphql, option, percentile, pgbench, startBenchGateway } from './lib';

/**
 * `npm run bench:earn [-- --clients 32 --seconds 10 --customers 2000 --skip-million]`
 *
 * Posts earnPoints over HTTP from N concurrent clients for a fixed time and prints transactions/s and
 * p50/p95/p99 latency, three times: on a ledger with 10 thousand prior transactions, on the same ledger
 * grown to 1 million, and (in the same run) PostgreSQL's own ceiling with pgbench's built-in TPC-B-like
 * script at the same client count. Prints the ratios gateway/pgbench and 1M/10k.
 *
 * With BENCH_URL set it loads that running gateway (and BENCH_ADMIN_TOKEN); otherwise it starts one
 * (`node dist/src/main.js`) on a fresh database BENCH_DATABASE (default loyalty_bench) of the PostgreSQL
 * at PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres).
 */
const CLIENTS = option('clients', 32);
const SECONDS = option('seconds', 10);
const CUSTOMERS = option('customers', 2000);
const SKIP_MILLION = process.argv.includes('--skip-million');

const BENCH_DB = process.env.BENCH_DATABASE ?? 'loyalty_bench';
const PGBENCH_DB = `${BENCH_DB}_pgbench`;
const PORT = Number(process.env.BENCH_PORT ?? 4960);

interface Figures {
  label: string;
  transactions: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

const EARN = `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { balance { balanceRevision } } }`;

/** Lets PostgreSQL write out what seeding dirtied, so background I/O does not land in a measurement. */
async function settle(): Promise<void> {
  await admin(BENCH_DB, (client) => client.query('checkpoint'));
  await new Promise((r) => setTimeout(r, 2000));
}

async function load(url: string, key: string, customers: string[], label: string, seconds = SECONDS): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      let i = client;
      while (Date.now() < deadline) {
        const customerId = customers[i % customers.length];
        i += CLIENTS;
        const t0 = process.hrtime.bigint();
        try {
          await graphql(url, key, EARN, {
            input: { customerId, points: 10, reason: 'bench purchase', idempotencyKey: randomUUID() },
          });
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    label,
    transactions: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/**
 * Grows the ledger to `total` transactions with set-based inserts shaped like real earns (a header, two
 * entries, a lot and the balance), in a tenant of its own so the measured tenant is untouched.
 */
async function seedLedger(total: number): Promise<void> {
  await admin(BENCH_DB, async (client) => {
    const [{ n }] = (await client.query<{ n: number }>(`select count(*)::int as n from ledger_transaction`)).rows;
    let missing = total - n;
    if (missing <= 0) return;
    const tenantId = randomUUID();
    await client.query(
      `insert into tenant (id, name, currency, timezone, ingest_secret, created_at) values ($1, 'seed', 'EUR', 'UTC', 'x', now())`,
      [tenantId],
    );
    const seedCustomers = 10_000;
    await client.query(
      `insert into customer (id, tenant_id, email, version, created_at, updated_at)
       select gen_random_uuid(), $1, 'seed' || g || '@example.com', 1, now(), now() from generate_series(1, $2) g`,
      [tenantId, seedCustomers],
    );
    while (missing > 0) {
      const batch = Math.min(missing, 200_000);
      await client.query('begin');
      await client.query(
        `with c as (select id, row_number() over () as rn from customer where tenant_id = $1),
         t as (
           insert into ledger_transaction (id, tenant_id, kind, customer_id, points, reason, actor, idempotency_key, created_at)
           select uuid_generate_v7(), $1, 'EARN', c.id, 10, 'seed', 'job:bench', gen_random_uuid()::text, now() - make_interval(secs => g)
             from generate_series(1, $2) g join c on c.rn = 1 + (g % $3)
           returning id, customer_id),
         e as (
           insert into ledger_entry (tenant_id, transaction_id, account, customer_id, amount)
           select $1, t.id, leg.account::ledger_account, case when leg.account = 'CUSTOMER_AVAILABLE' then t.customer_id end, leg.amount
             from t cross join (values ('CUSTOMER_AVAILABLE', 10), ('PROGRAM_ISSUED', -10)) as leg(account, amount))
         insert into points_lot (id, tenant_id, customer_id, transaction_id, points, remaining, created_at)
         select uuid_generate_v7(), $1, t.customer_id, t.id, 10, 10, now() from t`,
        [tenantId, batch, seedCustomers],
      );
      await client.query(
        `insert into points_balance as b (customer_id, tenant_id, available, lifetime_earned, version, updated_at)
         select customer_id, $1, sum(remaining), sum(points), count(*), now() from points_lot where tenant_id = $1 group by customer_id
         on conflict (customer_id) do update set available = excluded.available, lifetime_earned = excluded.lifetime_earned, version = excluded.version`,
        [tenantId],
      );
      await client.query('commit');
      missing -= batch;
    }
    await client.query('vacuum analyze');
  });
}

function print(f: Figures): void {
  const ms = (v: number) => (Number.isNaN(v) ? '   n/a' : v.toFixed(1).padStart(6));
  process.stdout.write(
    `${f.label.padEnd(42)} ${f.perSecond.toFixed(0).padStart(6)} tx/s  p50 ${ms(f.p50)} ms  p95 ${ms(f.p95)} ms  p99 ${ms(f.p99)} ms  (${f.transactions} ok, ${f.errors} errors)\n`,
  );
}

async function main(): Promise<void> {
  const { url, adminToken, child } = await startBenchGateway(BENCH_DB, PORT, Math.max(10, CLIENTS));
  try {
    const { createTenant } = await graphql<{ createTenant: { ownerKey: { secret: string } } }>(
      url,
      adminToken,
      `
        mutation {
          createTenant(input: { name: "Bench", currency: "EUR", timezone: "UTC" }) {
            ownerKey {
              secret
            }
          }
        }
      `,
      {},
    );
    const key = createTenant.ownerKey.secret;
    const customers: string[] = [];
    for (let i = 0; i < CUSTOMERS; i += 1) {
      const { createCustomer } = await graphql<{ createCustomer: { id: string } }>(
        url,
        key,
        `
          mutation ($e: String) {
            createCustomer(input: { email: $e }) {
              id
            }
          }
        `,
        { e: `bench-${i}-${randomUUID().slice(0, 6)}@example.com` },
      );
      customers.push(createCustomer.id);
    }
    process.stdout.write(
      `earnPoints over HTTP: ${CLIENTS} clients, ${SECONDS} s per run, ${CUSTOMERS} customers, one machine (2 cores shared by client, gateway and PostgreSQL)\n`,
    );

    await seedLedger(10_000);
    await settle();
    await load(url, key, customers, 'warm-up', 2);
    const small = await load(url, key, customers, 'gateway, ledger at 10k transactions');
    print(small);
    const ceiling = await pgbench(PGBENCH_DB, CLIENTS, SECONDS);
    print(ceiling);
    process.stdout.write(`ratio gateway/pgbench: ${(small.perSecond / ceiling.perSecond).toFixed(2)}\n`);

    if (!SKIP_MILLION) {
      const seedStart = Date.now();
      await seedLedger(1_000_000);
      process.stdout.write(
        `(grew the ledger to 1M transactions in ${((Date.now() - seedStart) / 1000).toFixed(0)} s)\n`,
      );
      await settle();
      await load(url, key, customers, 'warm-up', 2);
      const large = await load(url, key, customers, 'gateway, ledger at 1M transactions');
      print(large);
      const change = (large.perSecond / small.perSecond - 1) * 100;
      process.stdout.write(
        `throughput at 1M vs 10k: ${change >= 0 ? '+' : ''}${change.toFixed(1)}% (target: no worse than -10%)\n`,
      );
    }
  } finally {
    child?.kill('SIGTERM');
    await admin('postgres', (client) => client.query(`drop database if exists "${PGBENCH_DB}" with (force)`)).catch(
      () => undefined,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
