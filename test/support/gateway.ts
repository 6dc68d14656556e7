import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import type { DestinationStream } from 'pino';

import { createApp, type Gateway } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import { ApiClient } from './client';
import { TEST_ADMIN_TOKEN, TEST_DATABASE_URL, TEST_REDIS_URL } from './env';

export interface TestGateway {
  readonly gateway: Gateway;
  readonly url: string;
  readonly wsUrl: string;
  /** A caller without credentials. */
  readonly anonymous: ApiClient;
  /** The platform operator (ADMIN_TOKEN), who creates tenants. */
  readonly platform: ApiClient;
  close(): Promise<void>;
}

/**
 * A real gateway on a free port, against the test PostgreSQL. With `redisPrefix`, it uses the test Redis
 * under that prefix, so gateways of one test share events and other test files do not see them.
 */
export async function startGateway(
  options: {
    redisPrefix?: string;
    env?: Record<string, string>;
    /** Where the gateway logs (set LOG_LEVEL in env too), for tests that read what it logs. */
    logTo?: DestinationStream;
  } = {},
): Promise<TestGateway> {
  const config = loadConfig({
    NODE_ENV: 'test',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_POOL_MAX: '10',
    // The suite sends many concurrent requests from one key; a test about rate limits sets its own.
    RATE_LIMITS_PER_MINUTE: 'ALL=1000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
    RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: '1000000',
    // Playbooks would act on every test's signals every 2 s (and add statements to those a test counts): a test
    // about them runs the engine itself (test/playbooks).
    PLAYBOOK_JOBS_INTERVAL_MS: '0',
    // Health scoring would add timeline events and signals to any test's customers every 10 s: a test about it
    // scores when it asks (test/health).
    HEALTH_JOBS_INTERVAL_MS: '0',
    ...(options.redisPrefix ? { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: options.redisPrefix } : {}),
    ...options.env,
  });
  const gateway = await createApp(config, TEST_DATABASE_URL, createLogger(config.logLevel, options.logTo));
  const port = await gateway.listen(0);
  const gw: TestGateway = {
    gateway,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    get anonymous() {
      return new ApiClient(gw);
    },
    get platform() {
      return new ApiClient(gw, TEST_ADMIN_TOKEN);
    },
    close: () => gateway.close(),
  };
  return gw;
}

/**
 * Redis acknowledges SUBSCRIBE asynchronously: waits until the instance listens on some channel of `topic`
 * (and its publishing connection is up), so what is published next reaches it.
 */
export async function untilRedisListening(gw: TestGateway, topic: string): Promise<void> {
  const redis = gw.gateway.bus.redis!;
  for (let i = 0; i < 200; i += 1) {
    const channels =
      redis.status === 'ready'
        ? ((await redis.call('PUBSUB', 'CHANNELS', `${gw.gateway.bus.channel(topic as never)}:*`)) as string[])
        : [];
    if (channels.length > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no subscription to ${topic} reached Redis`);
}

export function uniquePrefix(name: string): string {
  return `lgtest:${name}:${randomUUID().slice(0, 8)}`;
}
