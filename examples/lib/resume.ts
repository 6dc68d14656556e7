import type { TypedDocumentNode } from '@apollo/client';
import type { Subscription } from 'rxjs';

import type { LoyaltyStateFieldsFragment } from '../../schema/operations/generated';
import { backoffDelay, type BackoffOptions } from './backoff';
import { afterClose, type CloseInfo, errorCode, type GatewayClient } from './client';

/** Any channel's `loyaltyStateChanged(customerId, sinceVersion)` operation selecting {@link LoyaltyStateFieldsFragment}. */
export type LoyaltyStateSubscription = TypedDocumentNode<
  { loyaltyStateChanged: LoyaltyStateFieldsFragment },
  { customerId: string; sinceVersion?: number | null }
>;

/** Why following stopped: asked to, or a failure that resubscribing cannot fix (the credential, the customer). */
export type FollowEnd =
  | { readonly kind: 'stopped' }
  | { readonly kind: 'fatal'; readonly close?: CloseInfo; readonly code?: string; readonly message: string };

export interface FollowOptions {
  readonly customerId: string;
  /** The version the screen shows already (from `loyaltyState`); absent: start from the current state. */
  readonly sinceVersion?: number;
  /** Called for each state to render, in version order: `replace` for CURRENT, `apply` for MISSED and LIVE. */
  readonly onState: (state: LoyaltyStateFieldsFragment, how: 'replace' | 'apply') => void;
  /** Called before each resubscription, for a status line. */
  readonly onRetry?: (attempt: number, delayMs: number, cause: string) => void;
  readonly backoff?: BackoffOptions;
}

export interface Follower {
  /** The last version rendered. */
  readonly lastVersion: number | undefined;
  /** Settles when following ends; never rejects. */
  readonly ended: Promise<FollowEnd>;
  stop(): void;
}

/** GraphQL codes that say the same subscription will be refused again (docs/api/README.md#errors). */
const FATAL_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
]);

/**
 * Follows a customer's loyalty state across disconnections: subscribes with `sinceVersion` = the last version
 * rendered, and again from there after any error, close, or reconnection of the socket, so every version is
 * rendered once, in order, with no gap (docs/api/realtime.md). graphql-ws reconnects the socket itself; this
 * resubscribes from the right version, with back-off when the subscription itself fails.
 */
export function followLoyaltyState(
  client: GatewayClient,
  document: LoyaltyStateSubscription,
  options: FollowOptions,
): Follower {
  let last = options.sinceVersion;
  let attempt = 0;
  let current: Subscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  let finish!: (end: FollowEnd) => void;
  const ended = new Promise<FollowEnd>((resolve) => (finish = resolve));

  const end = (result: FollowEnd) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    current?.unsubscribe();
    stopListening();
    finish(result);
  };

  const receive = (state: LoyaltyStateFieldsFragment) => {
    if (state.source === 'CURRENT') {
      attempt = 0;
      // The state as it is now, e.g. when the missed versions are past retention or the id was merged: it replaces
      // what the screen shows, whatever its number.
      last = state.version;
      options.onState(state, 'replace');
      return;
    }
    if (last !== undefined && state.version <= last) return; // already rendered (a replay after a reconnection)
    if (last !== undefined && state.version > last + 1) {
      // A gap cannot come from the gateway; if it ever does, asking again from the last version fills it, with
      // back-off so that a server that keeps doing it cannot make the client loop.
      const delay = backoffDelay(attempt, options.backoff);
      attempt += 1;
      restart(delay, `version ${state.version} after ${last}`);
      return;
    }
    attempt = 0;
    last = state.version;
    options.onState(state, 'apply');
  };

  const fail = (error: unknown) => {
    const close = client.lastClose();
    const action = close ? afterClose(close) : undefined;
    if (close && action && !action.retry) {
      end({ kind: 'fatal', close, message: `the gateway closed the socket: ${close.code} ${close.reason}` });
      return;
    }
    const { code } = errorCode(error);
    if (code && FATAL_CODES.has(code)) {
      end({ kind: 'fatal', code, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    // 4429 says how long to wait at least (docs/api/realtime.md#close-codes); back-off for the rest.
    const delay = Math.max(backoffDelay(attempt, options.backoff), action?.retry ? action.minDelayMs : 0);
    attempt += 1;
    restart(delay, error instanceof Error ? error.message : String(error));
  };

  const subscribe = () => {
    if (finished) return;
    current?.unsubscribe();
    current = client.apollo
      .subscribe({
        query: document,
        variables: { customerId: options.customerId, sinceVersion: last ?? null },
        fetchPolicy: 'no-cache',
      })
      .subscribe({
        next: (result) => {
          if (result.error) fail(result.error);
          else if (result.data) receive(result.data.loyaltyStateChanged);
        },
        error: fail,
        // Apollo completes after an error result, which `next` handled; a plain completion is the server ending it.
        complete: () => {
          if (!finished && timer === undefined) fail(new Error('the subscription ended'));
        },
      });
  };

  function restart(delayMs: number, cause: string) {
    if (finished) return;
    current?.unsubscribe();
    current = undefined;
    clearTimeout(timer);
    options.onRetry?.(attempt, delayMs, cause);
    timer = setTimeout(() => {
      timer = undefined;
      subscribe();
    }, delayMs);
  }

  // graphql-ws resends the operation it had, with the version it started from, after a reconnection: ask from the
  // last version instead (what it replays meanwhile is dropped above as already rendered).
  const stopListening = client.onReconnected(() => restart(0, 'reconnected'));
  subscribe();

  return {
    get lastVersion() {
      return last;
    },
    ended,
    stop: () => end({ kind: 'stopped' }),
  };
}
