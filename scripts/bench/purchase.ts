import { randomUUID } from 'node:crypto';

import autocannon from 'autocannon';

import {
  admin,
  graphql,
  option,
  PG,
  pgbench,
  type PgbenchFigures,
  roundTripCounter,
  SMOKE,
  startBenchGateway,
  verifyLedger,
} from './lib';
import { LINES, setUpProgram } from './rules-program';

/**
 * `npm run bench:purchase [-- --clients 16 --seconds 10 --customers 500 --smoke]`
 *
 * recordPurchase over HTTP with autocannon against bench:rules' program (one store, 50 rules with caps and
 * budgets, a 10-line basket): N connections for a fixed time after a warm-up, each request with its own
 * idempotency key and order id; then pgbench's TPC-B-like script at the same client count in the same run. Then
 * the round trips to PostgreSQL per purchase, counted on the wire on a second gateway instance joined to the same
 * database, over sequential purchases on a warm instance (the outbox relay's own statements not counted). Then
 * verify-ledger on the bench database (the bench fails if the ledger is not clean), and the ratio line last.
 * `--smoke`: 3 s, 50 customers.
 */
const CLIENTS = option('clients', 16);
const SECONDS = option('seconds', 10, 3);
const CUSTOMERS = option('customers', 500, 50);
const WARMUP_SECONDS = SMOKE ? 1 : 3;
const COUNTED = 50;

const BENCH_DB = process.env.BENCH_DATABASE ?? 'loyalty_bench_purchase';
const PORT = Number(process.env.BENCH_PORT ?? 4966);

const RECORD = `mutation ($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchaseId totalPoints } }`;

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  total: number;
  failures: number;
  firstError: string | null;
}

async function load(url: string, key: string, storeId: string, customers: string[], seconds: number) {
  let next = 0;
  let failures = 0;
  let firstError: string | null = null;
  const result = await autocannon({
    url,
    connections: CLIENTS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        // Each request a new sale: its own key and order id, customers in turn.
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            query: RECORD,
            variables: {
              input: {
                customerId: customers[next++ % customers.length],
                storeId,
                channel: 'POS',
                lines: LINES,
                orderId: randomUUID(),
                idempotencyKey: randomUUID(),
              },
            },
          }),
        }),
        // autocannon counts a GraphQL error as a 200.
        onResponse: (_status, body) => {
          if (body.includes('"errors"')) {
            failures += 1;
            firstError ??= body.slice(0, 300);
          }
        },
      },
    ],
  });
  return {
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: failures + result.errors + result.timeouts + result.non2xx,
    firstError,
  } satisfies Figures;
}

/** Round trips per purchase on a second instance whose connections go through the counting proxy. */
async function roundTrips(adminToken: string, key: string, storeId: string, customers: string[]): Promise<number> {
  const counter = await roundTripCounter();
  const second = await startBenchGateway(BENCH_DB, PORT + 1, 10, {
    fresh: false,
    adminToken,
    env: { DATABASE_URL: `postgres://${PG.user}@127.0.0.1:${counter.port}/${BENCH_DB}` },
  });
  try {
    const purchase = (i: number) =>
      graphql(second.url, key, RECORD, {
        input: {
          customerId: customers[i % customers.length],
          storeId,
          channel: 'POS',
          lines: LINES,
          orderId: randomUUID(),
          idempotencyKey: randomUUID(),
        },
      });
    // Warm: the instance's caches filled, each connection of its pool opened.
    for (let i = 0; i < 10; i += 1) await purchase(i);
    await new Promise((r) => setTimeout(r, 500));
    const before = counter.roundTrips();
    for (let i = 0; i < COUNTED; i += 1) await purchase(i);
    return (counter.roundTrips() - before) / COUNTED;
  } finally {
    second.child?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    counter.close();
  }
}

async function main(): Promise<void> {
  const { url, adminToken, child } = await startBenchGateway(BENCH_DB, PORT, Math.max(10, CLIENTS));
  let ceiling: PgbenchFigures;
  let measured: Figures;
  try {
    const { key, storeId, customers } = await setUpProgram(url, adminToken, CUSTOMERS);
    await admin(BENCH_DB, (client) => client.query('checkpoint'));
    process.stdout.write(
      `recordPurchase over HTTP (autocannon): ${CLIENTS} connections, ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up, ` +
        `${customers.length} customers in turn, 50 rules, 10 lines; one machine\n`,
    );
    await graphql(url, key, RECORD, {
      input: {
        customerId: customers[0],
        storeId,
        channel: 'POS',
        lines: LINES,
        orderId: randomUUID(),
        idempotencyKey: randomUUID(),
      },
    });
    await load(url, key, storeId, customers, WARMUP_SECONDS);
    measured = await load(url, key, storeId, customers, SECONDS);
    process.stdout.write(
      `${'recordPurchase'.padEnd(30)} ${measured.perSecond.toFixed(0).padStart(6)} tx/s  p50 ${measured.p50} ms  p99 ${measured.p99} ms  (${measured.total} requests, ${measured.failures} failed)\n`,
    );
    if (measured.failures > 0) throw new Error(`${measured.failures} purchases failed, e.g. ${measured.firstError}`);
    ceiling = await pgbench(`${BENCH_DB}_pgbench`, CLIENTS, SECONDS);
    process.stdout.write(
      `${ceiling.label.padEnd(30)} ${ceiling.perSecond.toFixed(0).padStart(6)} tx/s  latency average ${ceiling.p50.toFixed(1)} ms\n`,
    );
    const trips = await roundTrips(adminToken, key, storeId, customers);
    process.stdout.write(`round trips to PostgreSQL per purchase (warm instance, sequential): ${trips.toFixed(1)}\n`);
    verifyLedger(BENCH_DB);
    process.stdout.write(
      `purchase: ${measured.perSecond.toFixed(0)} purchases/s, ${(measured.perSecond / ceiling.perSecond).toFixed(3)}× pgbench TPC-B (target ≥ 0.25×), ${trips.toFixed(1)} round trips per purchase\n`,
    );
  } finally {
    // Requests the last run left in flight finish before the gateway stops.
    await new Promise((r) => setTimeout(r, 1000));
    child?.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
