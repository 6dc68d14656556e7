import { randomUUID } from 'node:crypto';

import autocannon from 'autocannon';

import {
  admin,
  graphql,
  ioCounters,
  ioPerBooking,
  option,
  pgbench,
  SMOKE,
  startBenchGateway,
  verifyLedger,
} from './lib';

/**
 * `npm run bench:earn [-- --clients 32 --seconds 10 --customers 2000 --skip-million --smoke --only earn]`
 *
 * Posts earnPoints over HTTP with autocannon from N connections for a fixed time, a fresh idempotency key per
 * request, and prints transactions/s and p50/p99 latency: on a ledger with 10 thousand prior transactions, then
 * `{ __typename }` on the same gateway (the HTTP/GraphQL ceiling any mutation can reach), PostgreSQL's own ceiling
 * with pgbench's built-in TPC-B-like script at the same client count, and the ledger grown to 1 million. Runs
 * verify-ledger (the bench fails unless it is clean), then ends with one line of ratios to pgbench. `--smoke`: 3 s
 * each on 200 customers, without the 1M ledger.
 *
 * With BENCH_URL set it loads that running gateway (and BENCH_ADMIN_TOKEN); otherwise it starts one
 * (`node dist/src/main.js`) on a fresh database BENCH_DATABASE (default loyalty_bench) of the PostgreSQL
 * at PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres).
 */
const CLIENTS = option('clients', 32);
const SECONDS = option('seconds', 10, 3);
const CUSTOMERS = option('customers', 2000, 200);
/** `--only earn`: the earn load alone (no `{ __typename }`, pgbench or 1M ledger), for a CPU profile of it. */
const ONLY_EARN = process.argv.includes('--only');
const SKIP_MILLION = SMOKE || process.argv.includes('--skip-million');

const BENCH_DB = process.env.BENCH_DATABASE ?? 'loyalty_bench';
const PGBENCH_DB = `${BENCH_DB}_pgbench`;
const PORT = Number(process.env.BENCH_PORT ?? 4960);

interface Figures {
  label: string;
  transactions: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  timeouts?: number;
  /** The first failed answer: status and the start of its body. */
  firstError?: string;
}

const EARN = `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { balance { balanceRevision } } }`;

/**
 * Lets the gateway's health job score the customers the seeding marked (their history is the past, scored long
 * ago in a real ledger) and PostgreSQL write out what seeding dirtied, so neither lands in a measurement.
 */
async function settle(): Promise<void> {
  await admin(BENCH_DB, async (client) => {
    for (let waited = 0; waited < 300_000; waited += 500) {
      const { rows } = await client.query<{ marked: boolean }>(`select exists (select 1 from health_dirty) as marked`);
      if (!rows[0].marked) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await client.query('checkpoint');
  });
  await new Promise((r) => setTimeout(r, 2000));
}

/**
 * Posts `body()` from CLIENTS autocannon connections for `seconds`. autocannon's client is a bare HTTP parser,
 * so the load generator takes far less of the shared cores than the gateway does. A GraphQL error is a 200;
 * it counts as an error here.
 */
async function load(url: string, key: string, label: string, body: () => string, seconds = SECONDS): Promise<Figures> {
  let errors = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url,
    connections: CLIENTS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        setupRequest: (request) => ({ ...request, body: body() }),
        onResponse: (status, response) => {
          if (status === 200 && !response.includes('"errors"')) return;
          errors += 1;
          firstError ??= `${status} ${response.slice(0, 300)}`;
        },
      },
    ],
  });
  return {
    label,
    transactions: result.requests.total - errors,
    // autocannon counts a timeout among its errors too.
    errors: errors + result.errors,
    timeouts: result.timeouts,
    firstError,
    perSecond: (result.requests.total - errors) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** A fresh idempotency key per request, customers in turn: every post is a new booking. */
function earns(customers: string[]): () => string {
  let next = 0;
  return () =>
    JSON.stringify({
      query: EARN,
      variables: {
        input: {
          customerId: customers[next++ % customers.length],
          points: 10,
          reason: 'bench purchase',
          idempotencyKey: randomUUID(),
        },
      },
    });
}

const TYPENAME_BODY = JSON.stringify({ query: '{ __typename }' });

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
         insert into points_lot (id, tenant_id, customer_id, transaction_id, points, remaining, origin, cohort, created_at)
         select uuid_generate_v7(), $1, t.customer_id, t.id, 10, 10, 'BONUS', date_trunc('month', now())::date, now() from t`,
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
    `${f.label.padEnd(42)} ${f.perSecond.toFixed(0).padStart(6)} tx/s  p50 ${ms(f.p50)} ms  p99 ${ms(f.p99)} ms  (${f.transactions} ok, ${f.errors} errors${f.timeouts ? `, ${f.timeouts} of them timeouts` : ''})\n`,
  );
  if (f.firstError) process.stdout.write(`  first error: ${f.firstError}\n`);
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
    // Created over the API, 16 at a time.
    const customers: string[] = [];
    for (let i = 0; i < CUSTOMERS; i += 16) {
      const created = await Promise.all(
        Array.from({ length: Math.min(16, CUSTOMERS - i) }, (_, j) =>
          graphql<{ createCustomer: { id: string } }>(
            url,
            key,
            `
              mutation ($e: String) {
                createCustomer(input: { email: $e }) {
                  id
                }
              }
            `,
            { e: `bench-${i + j}-${randomUUID().slice(0, 6)}@example.com` },
          ),
        ),
      );
      customers.push(...created.map((c) => c.createCustomer.id));
    }
    process.stdout.write(
      `earnPoints over HTTP: ${CLIENTS} clients, ${SECONDS} s per run, ${CUSTOMERS} customers, one machine (2 cores shared by client, gateway and PostgreSQL)\n`,
    );

    await seedLedger(10_000);
    await settle();
    await load(url, key, 'warm-up', earns(customers), 2);
    await load(url, key, 'warm-up', () => TYPENAME_BODY, 2);
    const smallIo = await ioCounters(BENCH_DB);
    const small = await load(url, key, 'earnPoints, ledger at 10k transactions', earns(customers));
    print(small);
    process.stdout.write(`  ${ioPerBooking(smallIo, await ioCounters(BENCH_DB), small.transactions)}\n`);
    if (ONLY_EARN) {
      verifyLedger(BENCH_DB);
      process.stdout.write(`earn only: ${small.perSecond.toFixed(0)} tx/s (no ratio with --only earn)\n`);
      return;
    }
    const bare = await load(url, key, '{ __typename } (HTTP/GraphQL ceiling)', () => TYPENAME_BODY);
    print(bare);
    const ceiling = await pgbench(PGBENCH_DB, CLIENTS, SECONDS);
    print(ceiling);

    let large: Figures | null = null;
    if (!SKIP_MILLION) {
      const seedStart = Date.now();
      await seedLedger(1_000_000);
      process.stdout.write(
        `(grew the ledger to 1M transactions in ${((Date.now() - seedStart) / 1000).toFixed(0)} s)\n`,
      );
      await settle();
      await load(url, key, 'warm-up', earns(customers), 2);
      const largeIo = await ioCounters(BENCH_DB);
      large = await load(url, key, 'earnPoints, ledger at 1M transactions', earns(customers));
      print(large);
      process.stdout.write(`  ${ioPerBooking(largeIo, await ioCounters(BENCH_DB), large.transactions)}\n`);
      const change = (large.perSecond / small.perSecond - 1) * 100;
      process.stdout.write(
        `throughput at 1M vs 10k: ${change >= 0 ? '+' : ''}${change.toFixed(1)}% (target: no worse than -10%)\n`,
      );
    }
    verifyLedger(BENCH_DB);
    const ratio = (f: Figures) => (f.perSecond / ceiling.perSecond).toFixed(2);
    process.stdout.write(
      `earn: ratio gateway/pgbench: ${ratio(small)}${large ? ` (1M: ${ratio(large)})` : ''}; { __typename }/pgbench ${ratio(bare)}; earn/{ __typename } ${(small.perSecond / bare.perSecond).toFixed(2)}\n`,
    );
  } finally {
    child?.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
