import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { type Client, createClient, type FormattedExecutionResult as ExecutionResult } from 'graphql-ws';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import WebSocket from 'ws';

import { createApp, type Gateway } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import { TEST_ADMIN_TOKEN, TEST_DATABASE_URL, TEST_REDIS_URL } from './env';

export interface TestGateway {
  readonly gateway: Gateway;
  readonly url: string;
  readonly wsUrl: string;
  close(): Promise<void>;
}

/**
 * A real gateway on a free port, against the test PostgreSQL. With `redisPrefix`, it uses the test Redis
 * under that prefix, so gateways of one test share events and other test files do not see them.
 */
export async function startGateway(
  options: { redisPrefix?: string; env?: Record<string, string>; logTo?: DestinationStream } = {},
): Promise<TestGateway> {
  const config = loadConfig({
    NODE_ENV: 'test',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_POOL_MAX: '10',
    ...(options.redisPrefix ? { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: options.redisPrefix } : {}),
    ...options.env,
  });
  const gateway = await createApp(config, TEST_DATABASE_URL, createLogger(config.logLevel, options.logTo));
  const port = await gateway.listen(0);
  return {
    gateway,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    close: () => gateway.close(),
  };
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

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; field?: string; reason?: string } & Record<string, unknown>;
  }[];
}

/** One GraphQL request over HTTP, the way a client sends it. */
export async function gql<T = Record<string, any>>(
  target: TestGateway,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  let req = request(target.url).post('/graphql').set('content-type', 'application/json');
  if (token) req = req.set('authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  return { status: res.status, ...(res.body as object) };
}

/** Like gql, but fails the test on any GraphQL error and returns the data. */
export async function gqlOk<T = Record<string, any>>(
  target: TestGateway,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await gql<T>(target, query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
  return res.data;
}

export function errorCode(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

export function wsClient(target: TestGateway, token?: string): Client {
  return createClient({
    url: target.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** A subscription whose events are collected, with a way to wait for the n-th one. */
export interface Collected<T> {
  readonly events: ExecutionResult<T, unknown>[];
  next(count?: number, timeoutMs?: number): Promise<ExecutionResult<T, unknown>[]>;
  readonly done: Promise<void>;
  stop(): void;
}

export function collect<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Collected<T> {
  const events: ExecutionResult<T, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let stop = () => undefined as void;
  const done = new Promise<void>((resolve, reject) => {
    stop = client.subscribe<T>(
      { query, variables },
      {
        next: (event) => {
          events.push(event);
          waiters.splice(0).forEach((wake) => wake());
        },
        error: (error) => {
          waiters.splice(0).forEach((wake) => wake());
          reject(error);
        },
        complete: () => {
          waiters.splice(0).forEach((wake) => wake());
          resolve();
        },
      },
    );
  });
  done.catch(() => undefined);
  return {
    events,
    done,
    stop: () => stop(),
    async next(count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} events within ${timeoutMs} ms, got ${events.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return events.slice(0, count);
    },
  };
}

/** A request with a typed document generated by `npm run codegen` from test/operations/*.graphql. */
export async function gqlTyped<TData, TVariables extends Record<string, unknown>>(
  target: TestGateway,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<TData> {
  return gqlOk<TData>(target, print(document), variables, token);
}
