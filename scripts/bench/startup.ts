/**
 * `npm run bench:startup [-- --runs 5 --smoke]` (`--smoke`: one run of each)
 *
 * What a newcomer waits for on a built tree, with the embedded PostgreSQL (DATABASE_URL unset) in a fresh
 * data directory: `npm start` until /readyz answers 200 (the first start, which initialises the database,
 * reported apart), a CLI run from `npm run` to its exit beside no gateway (it starts and stops the database
 * itself), and the build check that `npm start` and every CLI run first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { option, percentile } from './lib';

const RUNS = option('runs', 5, 1);
const PORT = 4188;
const root = resolve(__dirname, '../../..');

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

async function ready(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

/** `npm start` until ready, then a graceful stop of the whole process group (npm forwards no signal). */
async function timeStart(env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], { cwd: root, env, detached: true, stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  for (;;) {
    if (await ready()) break;
    if (child.exitCode !== null) throw new Error('npm start exited before it was ready');
    if (performance.now() - started > 120_000) throw new Error('npm start was not ready within 120 s');
    await new Promise((wait) => setTimeout(wait, 25));
  }
  const elapsed = performance.now() - started;
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  // The gateway stops its database on SIGTERM; the next start must not meet a stopping one.
  while (await ready()) await new Promise((wait) => setTimeout(wait, 50));
  return elapsed;
}

function timeCommand(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const run = spawnSync(args[0], args.slice(1), { cwd: root, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lg-startup-'));
  // As root the embedded database runs as the postgres user, who must be able to enter it.
  chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  try {
    timeCommand(['node', 'scripts/build.mjs'], env);
    const first = await timeStart(env);
    const starts: number[] = [];
    for (let i = 0; i < RUNS; i++) starts.push(await timeStart(env));
    const clis: number[] = [];
    for (let i = 0; i < RUNS; i++) clis.push(timeCommand(['npm', 'run', '--silent', 'verify-ledger'], env));
    const checks: number[] = [];
    for (let i = 0; i < RUNS; i++) checks.push(timeCommand(['node', 'scripts/build.mjs'], env));
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`first npm start (initialises the database): ${s(first)}`);
    console.log(`npm start until ready: ${starts.map(s).join(', ')}`);
    console.log(`npm run verify-ledger: ${clis.map(s).join(', ')}`);
    console.log(`build check with nothing changed: ${checks.map(s).join(', ')}`);
    console.log(
      `startup: npm start ready in ${s(median(starts))} (median of ${RUNS}, max ${s(Math.max(...starts))}), ` +
        `a CLI in ${s(median(clis))}, the build check in ${s(median(checks))}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
