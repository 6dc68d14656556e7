import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Client, FormattedExecutionResult as ExecutionResult } from 'graphql-ws';

import type { Untyped, Variables } from './client';

/** A subscription whose events are collected, with a way to wait for the n-th one. */
export interface Collected<T> {
  readonly events: ExecutionResult<T, unknown>[];
  next(count?: number, timeoutMs?: number): Promise<ExecutionResult<T, unknown>[]>;
  readonly done: Promise<void>;
  stop(): void;
}

export function collect<T = Untyped, V extends Variables = Variables>(
  client: Client,
  subscription: string | TypedDocumentNode<T, V>,
  variables?: V,
): Collected<T> {
  const query = typeof subscription === 'string' ? subscription : print(subscription);
  const events: ExecutionResult<T, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let stop = () => undefined as void;
  const done = new Promise<void>((resolve, reject) => {
    stop = client.subscribe<T>(
      { query, variables: variables ?? {} },
      {
        next: (event) => {
          events.push(event);
          waiters.splice(0).forEach((wake) => wake());
        },
        error: (error) => {
          waiters.splice(0).forEach((wake) => wake());
          // graphql-ws reports a closed socket as its CloseEvent; tests match its code (e.g. 4401, 4429).
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
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
