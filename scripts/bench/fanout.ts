/**
 * `npm run bench:fanout [-- --subscribers 1000 --rate 10 --seconds 10 --warmup 2 --smoke]` (BENCH_DEBUG=1 prints per-change
 * figures; `--smoke`: 40 subscribers, 5 changes/s for 2 s)
 *
 * Two gateway instances (production builds) on one fresh database and the local Redis; half the
 * subscribers on each follow one customer's `loyaltyStateChanged`, each on its own WebSocket, as tills and
 * apps do. Points are earned at a steady rate through the instances in turn. For each change: the time
 * from its commit (the state's `changedAt`) until the last subscriber had it. Then the same number of
 * clients on a bare `ws` broadcast server at the same rate and message size, and the ratio of the two.
 * Memory per open subscription comes from the instances' own /metrics (garbage collected first), before and
 * after subscribing. A raw Redis client on the state's channel splits commit -> Redis (the outbox relay) from
 * Redis -> last subscriber. BENCH_DATABASE and BENCH_PORT (this port and the next two) keep parallel runs apart.
 * Runs verify-ledger on the bench database, then ends with one line of figures against the targets.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';
import WebSocket from 'ws';

import { admin, graphql, option, percentile, startBenchGateway, verifyLedger } from './lib';
import { wsText } from './ws-text';

const SUBSCRIBERS = option('subscribers', 1000, 40);
const RATE = option('rate', 10, 5);
const SECONDS = option('seconds', 10, 2);
/** Changes sent (and not measured) first, so JIT compilation and connection set-up are not counted. */
const WARMUP_SECONDS = option('warmup', 2, 1);
const DATABASE = process.env.BENCH_DATABASE ?? 'loyalty_bench_fanout';
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4101);
const PORTS = [BASE_PORT, BASE_PORT + 1];
const BARE_PORT = BASE_PORT + 2;

interface Latencies {
  last: number[];
  all: number[];
}

function summary(name: string, values: Latencies): string {
  const last = [...values.last].sort((a, b) => a - b);
  const all = [...values.all].sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  return `${name.padEnd(44)} last subscriber: p50 ${f(percentile(last, 50))} p99 ${f(percentile(last, 99))} max ${f(last[last.length - 1] ?? 0)} | any subscriber p50 ${f(percentile(all, 50))} (${last.length} messages)`;
}

async function metric(port: number, name: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await response.text();
  const line = text.split('\n').find((entry) => entry.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

async function memory(): Promise<{ heap: number; rss: number }> {
  let heap = 0;
  let rss = 0;
  for (const port of PORTS) {
    heap += await metric(port, 'nodejs_heap_size_used_bytes');
    rss += await metric(port, 'process_resident_memory_bytes');
  }
  return { heap, rss };
}

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = `bench-fanout-${randomUUID().slice(0, 8)}`;
/** A production gateway serves /metrics on its port only behind a token. */
const METRICS_TOKEN = `bench-metrics-${randomUUID()}`;

/** Every gateway started, stopped however the bench ends. */
const started: ChildProcess[] = [];

async function gateways(): Promise<{ children: ChildProcess[]; adminToken: string }> {
  const adminToken = `bench-${randomUUID()}`;
  const env = {
    REDIS_URL,
    REDIS_PREFIX,
    WS_MAX_CONNECTIONS_PER_KEY: String(SUBSCRIBERS + 10),
    WS_PING_INTERVAL_MS: '0',
    // Heap figures of live objects only: /metrics collects garbage first.
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim(),
    METRICS_GC_BEFORE_SCRAPE: 'true',
    METRICS_TOKEN,
  };
  const first = await startBenchGateway(DATABASE, PORTS[0], 10, { adminToken, env });
  started.push(first.child!);
  const second = await startBenchGateway(DATABASE, PORTS[1], 10, { adminToken, env, fresh: false });
  started.push(second.child!);
  return { children: [first.child!, second.child!], adminToken };
}

async function gatewayRun(): Promise<{
  latencies: Latencies;
  /** Commit -> the message on Redis, per change (the relay's share). */
  relay: number[];
  subscribeMs: number;
  perSubscription: { heap: number; rss: number };
  payloadBytes: number;
  children: ChildProcess[];
}> {
  const { children, adminToken } = await gateways();
  const url = (i: number) => `http://127.0.0.1:${PORTS[i % 2]}/graphql`;
  const tenant = (
    await graphql<{ createTenant: { ownerKey: { secret: string }; tenant: { id: string } } }>(
      url(0),
      adminToken,
      `
        mutation ($input: CreateTenantInput!) {
          createTenant(input: $input) {
            ownerKey {
              secret
            }
            tenant {
              id
            }
          }
        }
      `,
      {
        input: { name: 'Fan-out bench', currency: 'EUR', timezone: 'Europe/Paris' },
      },
    )
  ).createTenant;
  const token = tenant.ownerKey.secret;
  const customer = (
    await graphql<{ createCustomer: { id: string } }>(
      url(0),
      token,
      `
        mutation {
          createCustomer(input: { email: "fanout@example.com" }) {
            id
          }
        }
      `,
      {},
    )
  ).createCustomer;
  const earn = (i: number) =>
    graphql(
      url(i),
      token,
      `
        mutation ($input: EarnPointsInput!) {
          earnPoints(input: $input) {
            balance {
              available
            }
          }
        }
      `,
      {
        input: { customerId: customer.id, points: 1, reason: 'bench', idempotencyKey: randomUUID() },
      },
    );
  await earn(0);
  await new Promise((r) => setTimeout(r, 1000));
  const before = await memory();
  const onRedis = new Map<number, number>();
  const redis = new Redis(REDIS_URL);
  redis.on('message', (_channel: string, message: string) => {
    const now = Date.now();
    const { version, changedAt } = JSON.parse(message) as { version: number; changedAt: string };
    onRedis.set(Number(version), now - Date.parse(changedAt));
  });
  await redis.subscribe(`${REDIS_PREFIX}:LOYALTY_STATE_CHANGED:${tenant.tenant.id}:${customer.id}`);
  const subscribeStarted = Date.now();

  const received = new Map<number, { changedAt: number; count: number; last: number }>();
  const all: number[] = [];
  let payloadBytes = 0;
  // Raw sockets speaking graphql-transport-ws with a bare JSON.parse, like the baseline's clients: the client
  // library's own per-message work (validation, sinks) would otherwise load this shared machine's cores and
  // be counted as the server's latency.
  const sockets: WebSocket[] = [];
  let initial = 0;
  const query = `subscription ($id: ID!) { loyaltyStateChanged(customerId: $id) { version changedAt source balance { available } tier { code } benefits { code } activeVouchers { code } } }`;
  await new Promise<void>((resolve, reject) => {
    // A socket that never gets its current state would otherwise hold the bench lock for good.
    setTimeout(
      () => reject(new Error(`only ${initial} of ${SUBSCRIBERS} subscriptions started in 120 s`)),
      120_000,
    ).unref();
    for (let i = 0; i < SUBSCRIBERS; i += 1) {
      const socket = new WebSocket(`ws://127.0.0.1:${PORTS[i % 2]}/graphql`, 'graphql-transport-ws');
      sockets.push(socket);
      socket.on('error', reject);
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
      );
      socket.on('message', (raw) => {
        const now = Date.now();
        const text = wsText(raw);
        const message = JSON.parse(text) as {
          type: string;
          payload?: { data?: { loyaltyStateChanged: { version: number; changedAt: string; source: string } } };
        };
        if (message.type === 'connection_ack') {
          socket.send(
            JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { id: customer.id } } }),
          );
          return;
        }
        if (message.type !== 'next') {
          if (message.type === 'error') reject(new Error(text));
          return;
        }
        const state = message.payload!.data!.loyaltyStateChanged;
        if (state.source === 'CURRENT') {
          initial += 1;
          if (initial === SUBSCRIBERS) resolve();
          return;
        }
        if (payloadBytes === 0) payloadBytes = text.length;
        const changedAt = Date.parse(state.changedAt);
        const entry = received.get(state.version) ?? { changedAt, count: 0, last: 0 };
        entry.count += 1;
        entry.last = Math.max(entry.last, now);
        received.set(state.version, entry);
        all.push(now - changedAt);
      });
    }
  });
  const subscribeMs = Date.now() - subscribeStarted;
  await new Promise((r) => setTimeout(r, 1000));
  const after = await memory();
  const perSubscription = {
    heap: (after.heap - before.heap) / SUBSCRIBERS,
    rss: (after.rss - before.rss) / SUBSCRIBERS,
  };

  const warmup = RATE * WARMUP_SECONDS;
  const changes = RATE * SECONDS;
  for (let i = 0; i < warmup; i += 1) {
    await earn(i);
    await new Promise((r) => setTimeout(r, 1000 / RATE));
  }
  await new Promise((r) => setTimeout(r, 1000));
  received.clear();
  onRedis.clear();
  all.length = 0;
  const elu = performance.eventLoopUtilization();
  const started = Date.now();
  for (let i = 0; i < changes; i += 1) {
    const due = started + (i * 1000) / RATE;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    void earn(i).catch((error: unknown) => console.error('earn failed', error));
  }
  const deadline = Date.now() + 30_000;
  while (
    Date.now() < deadline &&
    [...received.values()].filter((entry) => entry.count === SUBSCRIBERS).length < changes
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (process.env.BENCH_DEBUG)
    console.log(
      `bench client event-loop utilisation during the run: ${(performance.eventLoopUtilization(elu).utilization * 100).toFixed(0)}%`,
    );
  const complete = [...received.values()].filter((entry) => entry.count === SUBSCRIBERS);
  if (complete.length < changes) console.warn(`only ${complete.length} of ${changes} changes reached every subscriber`);
  for (const socket of sockets) socket.terminate();
  await redis.quit();
  if (process.env.BENCH_DEBUG)
    console.log('last-subscriber latency by change:', complete.map((entry) => entry.last - entry.changedAt).join(' '));
  if (process.env.BENCH_DEBUG) {
    // `ms` is numeric, which pg returns as a string.
    const relay = await admin(DATABASE, async (client) =>
      (
        await client.query<{ ms: string }>(
          `select extract(epoch from (published_at - created_at)) * 1000 as ms from outbox_event where customer_id = $1 order by version`,
          [customer.id],
        )
      ).rows.map((row) => Math.round(Number(row.ms))),
    );
    console.log('relay delay (created -> published) by version:', relay.join(' '));
  }
  return {
    latencies: { last: complete.map((entry) => entry.last - entry.changedAt), all },
    relay: [...onRedis.values()],
    subscribeMs,
    perSubscription,
    payloadBytes,
    children,
  };
}

async function bareRun(payloadBytes: number): Promise<Latencies> {
  const child = fork(`${__dirname}/bare-ws-server.js`, [String(BARE_PORT)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  const sockets: WebSocket[] = [];
  const received = new Map<number, { sentAt: number; count: number; last: number }>();
  const all: number[] = [];
  await Promise.all(
    Array.from(
      { length: SUBSCRIBERS },
      () =>
        new Promise<void>((resolve, reject) => {
          const socket = new WebSocket(`ws://127.0.0.1:${BARE_PORT}/`);
          socket.on('open', () => resolve());
          socket.on('error', reject);
          socket.on('message', (raw) => {
            const now = Date.now();
            const { seq, sentAt } = JSON.parse(wsText(raw)) as { seq: number; sentAt: number };
            const entry = received.get(seq) ?? { sentAt, count: 0, last: 0 };
            entry.count += 1;
            entry.last = Math.max(entry.last, now);
            received.set(seq, entry);
            all.push(now - sentAt);
          });
          sockets.push(socket);
        }),
    ),
  );
  const control = new WebSocket(`ws://127.0.0.1:${BARE_PORT}/control`);
  await new Promise((resolve) => control.once('open', resolve));
  const done = new Promise((resolve) => control.once('message', resolve));
  control.send(JSON.stringify({ rate: RATE, seconds: SECONDS, padding: Math.max(0, payloadBytes - 40) }));
  await done;
  await new Promise((r) => setTimeout(r, 1000));
  for (const socket of [...sockets, control]) socket.terminate();
  child.kill();
  const complete = [...received.values()].filter((entry) => entry.count === SUBSCRIBERS);
  return { last: complete.map((entry) => entry.last - entry.sentAt), all };
}

async function main(): Promise<void> {
  console.log(
    `fan-out: ${SUBSCRIBERS} subscribers (half on each of 2 gateway instances, Redis between them), ${RATE} changes/s for ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up, one machine (2 cores shared by everything)`,
  );
  const gateway = await gatewayRun();
  try {
    const bare = await bareRun(gateway.payloadBytes);
    console.log(summary('gateway: commit -> delivery', gateway.latencies));
    console.log(summary('bare ws broadcast: send -> delivery', bare));
    const relay = [...gateway.relay].sort((a, b) => a - b);
    console.log(
      `of which commit -> Redis (outbox relay): p50 ${percentile(relay, 50).toFixed(1)} ms, p99 ${percentile(relay, 99).toFixed(1)} ms; subscribing all ${SUBSCRIBERS} took ${gateway.subscribeMs} ms`,
    );
    const p99 = (values: Latencies) =>
      percentile(
        [...values.last].sort((a, b) => a - b),
        99,
      );
    console.log(
      `ratio gateway/bare at p99 (last subscriber): ${(p99(gateway.latencies) / Math.max(0.1, p99(bare))).toFixed(1)}; message ${gateway.payloadBytes} bytes`,
    );
    console.log(
      `memory per open subscription (socket included): heap ${(gateway.perSubscription.heap / 1024).toFixed(1)} KiB, RSS ${(gateway.perSubscription.rss / 1024).toFixed(1)} KiB`,
    );
    verifyLedger(DATABASE);
    const ratio = p99(gateway.latencies) / Math.max(0.1, p99(bare));
    const heapKiB = gateway.perSubscription.heap / 1024;
    const met =
      p99(gateway.latencies) <= 100 && ratio <= 2 && heapKiB <= 16
        ? 'targets met'
        : 'targets (100 ms, 2x, 16 KiB) NOT met';
    console.log(
      `fanout: ${SUBSCRIBERS} subscribers at ${RATE} changes/s: last subscriber p99 ${p99(gateway.latencies).toFixed(1)} ms, bare ws p99 ${p99(bare).toFixed(1)} ms, ratio ${ratio.toFixed(1)}; heap ${heapKiB.toFixed(1)} KiB per subscription; ${met}`,
    );
  } finally {
    for (const child of gateway.children) child.kill('SIGTERM');
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  for (const child of started) child.kill('SIGTERM');
  process.exit(1);
});
