/**
 * The real servers the integration tests use; CI and the README start them if they are down.
 * Each Jest worker gets its own database: gateways that share a database share its outbox, and a
 * gateway of another test file (on another event bus) would otherwise relay this file's events.
 */
const BASE_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/loyalty_test';

export function testDatabaseUrl(worker: number | string): string {
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `${url.pathname}_${worker}`;
  return url.toString();
}

export const TEST_DATABASE_URL = testDatabaseUrl(process.env.JEST_WORKER_ID ?? '1');
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_ADMIN_TOKEN = 'test-platform-admin-token';
