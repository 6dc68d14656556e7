import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * CI's smoke test of the default a newcomer gets: the built gateway with no DATABASE_URL (so an embedded
 * PostgreSQL under a fresh data directory) and no REDIS_URL. Creates a tenant and a customer, reads the
 * customer back, stops the gateway with SIGTERM, and checks it exits cleanly. Prints timings.
 */
const port = Number(process.env.SMOKE_PORT ?? 4987);
const adminToken = 'smoke-test-admin-token';
const dataDir = mkdtempSync(join(tmpdir(), 'lg-smoke-'));
const base = `http://127.0.0.1:${port}`;

/** `T` is the shape of the `data` the caller reads (not checked at run time). */
async function graphql<T = unknown>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    ADMIN_TOKEN: adminToken,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(port + 1),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const startedAt = Date.now();
  const gateway = spawn(process.execPath, ['dist/src/main.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => gateway.on('exit', (code) => resolve(code)));
  try {
    for (;;) {
      if (Date.now() - startedAt > 60_000) throw new Error('gateway did not become ready within 60 s');
      const ready = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const readyMs = Date.now() - startedAt;
    const { createTenant } = await graphql<{ createTenant: { ownerKey: { secret: string } } }>(
      `
        mutation {
          createTenant(input: { name: "Smoke", currency: "EUR", timezone: "UTC" }) {
            ownerKey {
              secret
            }
          }
        }
      `,
      {},
      adminToken,
    );
    const owner = createTenant.ownerKey.secret;
    const { createCustomer } = await graphql<{ createCustomer: { id: string } }>(
      `
        mutation {
          createCustomer(input: { email: "smoke@example.com" }) {
            id
          }
        }
      `,
      {},
      owner,
    );
    const { customer } = await graphql<{ customer: { email: string; profileRevision: number } }>(
      `
        query ($id: ID!) {
          customer(id: $id) {
            email
            profileRevision
          }
        }
      `,
      { id: createCustomer.id },
      owner,
    );
    if (customer.email !== 'smoke@example.com' || customer.profileRevision !== 1)
      throw new Error(`unexpected customer ${JSON.stringify(customer)}`);

    gateway.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`gateway exited with ${code} after SIGTERM`);
    process.stdout.write(
      `smoke: embedded gateway ready in ${readyMs} ms (first start, fresh data directory), query ok, clean exit\n`,
    );
  } finally {
    if (gateway.exitCode === null) gateway.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`smoke test failed: ${(error as Error).message}\n`);
  process.exit(1);
});
