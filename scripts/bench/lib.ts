import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';

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
