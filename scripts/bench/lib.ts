import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';

import { Client } from 'pg';

/** Shared by the benchmarks: the PostgreSQL at PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres). */
export const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
};

/** `--smoke`: every bench runs for a few seconds on little data, so CI keeps each one working (figures not compared). */
export const SMOKE = process.argv.includes('--smoke');

/** `--<name> N` from the command line, else `smoke` under `--smoke`, else `fallback`. */
export function option(name: string, fallback: number, smoke = fallback): number {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at >= 0) return Number(args[at + 1]);
  return SMOKE ? smoke : fallback;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function databaseUrl(database: string): string {
  return `postgres://${PG.user}@${PG.host}:${PG.port}/${database}`;
}

export async function admin<T>(database: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...PG, database });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(name: string): Promise<void> {
  await admin('postgres', async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  });
}

/** Posts one operation; `T` is the shape of the `data` the caller reads (not checked at run time). */
export async function graphql<T = unknown>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0].message);
  return body.data as T;
}

/**
 * With BENCH_URL set, that running gateway (and BENCH_ADMIN_TOKEN); otherwise a production build
 * (`node dist/src/main.js`) started on a fresh database of the local PostgreSQL, background jobs off.
 */
export async function startBenchGateway(
  database: string,
  port: number,
  poolMax: number,
  options: { fresh?: boolean; adminToken?: string; env?: Record<string, string> } = {},
): Promise<{ url: string; adminToken: string; child: ChildProcess | null }> {
  if (process.env.BENCH_URL)
    return { url: process.env.BENCH_URL, adminToken: process.env.BENCH_ADMIN_TOKEN ?? '', child: null };
  // A second instance on the same database joins it (migrations already applied) instead of recreating it.
  if (options.fresh ?? true) await recreateDatabase(database);
  const adminToken = options.adminToken ?? `bench-${randomUUID()}`;
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the gateway under load.
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...nodeArgs, 'dist/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      ADMIN_TOKEN: adminToken,
      DATABASE_URL: databaseUrl(database),
      LOG_LEVEL: 'warn',
      LEDGER_JOBS_INTERVAL_MS: '0',
      TIER_JOBS_INTERVAL_MS: '0',
      DB_POOL_MAX: String(poolMax),
      // A bench measures throughput: one key sends far more than a client's rate limit allows.
      RATE_LIMITS_PER_MINUTE: 'ALL=1000000',
      RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: '1000000',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 300; i += 1) {
    if (
      await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, adminToken, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('gateway did not start');
}

export interface PgbenchFigures {
  label: string;
  transactions: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * PostgreSQL's own ceiling on this machine: pgbench's built-in TPC-B-like script (scale 10) on a database of its
 * own, `clients` connections for `seconds`; the denominator of the write benches' ratios. Drops its database after.
 */
export async function pgbench(database: string, clients: number, seconds: number): Promise<PgbenchFigures> {
  await recreateDatabase(database);
  try {
    const base = ['-h', PG.host, '-p', String(PG.port), '-U', PG.user];
    const init = spawnSync('pgbench', [...base, '-i', '-q', '-s', '10', database], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
    const run = spawnSync('pgbench', [...base, '-c', String(clients), '-j', '2', '-T', String(seconds), database], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
    const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]);
    const latency = Number(/latency average = ([\d.]+) ms/.exec(run.stdout)?.[1]);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(run.stdout)?.[1]);
    return {
      label: 'pgbench TPC-B-like (scale 10)',
      transactions,
      errors: 0,
      perSecond: tps,
      p50: latency,
      p95: Number.NaN,
      p99: Number.NaN,
    };
  } finally {
    await admin('postgres', (client) => client.query(`drop database if exists "${database}" with (force)`)).catch(
      () => undefined,
    );
  }
}

/** The server's WAL and the database's block reads so far; two readings apart give a load's I/O per booking. */
export interface IoCounters {
  walBytes: number;
  fullPageImages: number;
  blocksRead: number;
}

/** Server-wide WAL counters: meaningful only while nothing else writes to the same PostgreSQL. */
export async function ioCounters(database: string): Promise<IoCounters> {
  return admin(database, async (client) => {
    const { rows } = await client.query<{ wal_bytes: string; wal_fpi: string; blks_read: string }>(
      `select w.wal_bytes, w.wal_fpi, d.blks_read from pg_stat_wal w, pg_stat_database d where d.datname = current_database()`,
    );
    return {
      walBytes: Number(rows[0].wal_bytes),
      fullPageImages: Number(rows[0].wal_fpi),
      blocksRead: Number(rows[0].blks_read),
    };
  });
}

/** "WAL 2.1 KiB, 0.4 full-page images, 0.1 blocks read per booking" between two readings. */
export function ioPerBooking(before: IoCounters, after: IoCounters, bookings: number): string {
  const per = (a: number, b: number) => (bookings > 0 ? (b - a) / bookings : Number.NaN);
  return `WAL ${(per(before.walBytes, after.walBytes) / 1024).toFixed(2)} KiB, ${per(before.fullPageImages, after.fullPageImages).toFixed(2)} full-page images, ${per(before.blocksRead, after.blocksRead).toFixed(2)} blocks read per booking`;
}

/** `npm run verify-ledger` on the bench database; throws when the ledger has a discrepancy. */
export function verifyLedger(database: string): void {
  const run = spawnSync(process.execPath, ['dist/scripts/verify-ledger.js'], {
    env: { ...process.env, DATABASE_URL: databaseUrl(database), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) throw new Error(`verify-ledger failed: ${run.stderr || run.stdout}`);
}

/**
 * A TCP proxy in front of PostgreSQL that counts round trips (a simple Query, or an extended-protocol Sync) by
 * reading only the frontend messages' framing. A transaction (BEGIN to COMMIT/ROLLBACK) or a lone statement that
 * touches `outbox_event` is the outbox relay's, not a request's, and is not counted. Point a gateway's
 * DATABASE_URL at `port` and read `roundTrips` before and after the requests under study.
 */
export async function roundTripCounter(): Promise<{ port: number; roundTrips: () => number; close: () => void }> {
  let counted = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(PG.port, PG.host);
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false;
    let inTransaction = false;
    let pending = 0;
    let relay = false;
    let text = '';
    const roundTrip = () => {
      const sql = text.trimStart().toLowerCase();
      text = '';
      if (sql.startsWith('begin') || sql.startsWith('start transaction')) {
        inTransaction = true;
        pending = 0;
        relay = false;
      }
      pending += 1;
      if (sql.includes('outbox_event')) relay = true;
      if (!inTransaction || sql.startsWith('commit') || sql.startsWith('rollback')) {
        if (!relay) counted += pending;
        inTransaction = false;
        pending = 0;
        relay = false;
      }
    };
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        // The startup message has no type byte: its length comes first.
        const header = started ? 5 : 4;
        if (buffer.length < header) break;
        const length = started ? buffer.readInt32BE(1) + 1 : buffer.readInt32BE(0);
        if (buffer.length < length) break;
        if (started) {
          const type = String.fromCharCode(buffer[0]);
          if (type === 'Q') {
            text = buffer.toString('utf8', 5, length - 1);
            roundTrip();
          } else if (type === 'P') {
            const nameEnd = buffer.indexOf(0, 5);
            text = buffer.toString('utf8', nameEnd + 1, buffer.indexOf(0, nameEnd + 1));
          } else if (type === 'S') roundTrip();
        }
        started = true;
        buffer = buffer.subarray(length);
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    roundTrips: () => counted,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}
