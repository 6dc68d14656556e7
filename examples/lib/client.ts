import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { type Client as WsClient, createClient } from 'graphql-ws';
import { Observable } from 'rxjs';
import WebSocket from 'ws';

import { backoffDelay, type BackoffOptions, sleep } from './backoff';

/** How the gateway closed the socket last (code and reason), until the next successful connection. */
export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

/**
 * Close codes after which reconnecting with the same credential cannot help (docs/api/realtime.md#close-codes):
 * the credential is bad, expired or revoked (4401; 4403 when revoked while open), or the client sends what the
 * gateway does not accept.
 */
const TERMINAL_CLOSE_CODES = new Set([1002, 1007, 1009, 4400, 4401, 4403, 4406, 4409]);

/**
 * The least wait after 4429 TOO_MANY_CONNECTIONS. The gateway counts a socket until it is closed, and a socket cut
 * without a close frame is only found dead by its ping (WS_PING_INTERVAL_MS, 30 s by default, up to two
 * intervals): after a network drop the till's own dead socket can be the one over the limit, so it waits that
 * long and tries again rather than giving up live updates for good.
 */
export const TOO_MANY_CONNECTIONS_WAIT_MS = 60_000;
/** The wait after 4429 RATE_LIMITED when the reason does not say `retry after N s` (not expected). */
const RATE_LIMITED_DEFAULT_WAIT_MS = 60_000;

/** After a close: stop (reconnecting cannot help), or reconnect with back-off but not before `minDelayMs`. */
export type CloseAction = { readonly retry: false } | { readonly retry: true; readonly minDelayMs: number };

/** The code word that starts a close reason (`RATE_LIMITED: ...` → `RATE_LIMITED`), if any. */
function reasonWord(reason: string): string | undefined {
  return /^([A-Z][A-Z_]*):/.exec(reason)?.[1];
}

/**
 * What a client does after the gateway closed the socket, by code and reason word (docs/api/realtime.md#close-codes):
 * 4429 RATE_LIMITED waits the `retry after N s` the reason gives; 4429 TOO_MANY_CONNECTIONS waits
 * {@link TOO_MANY_CONNECTIONS_WAIT_MS}; 4429 BAD_REQUEST (a second connection_init) is a client bug and stops;
 * 4500 and every other code not in the terminal set are retried with back-off.
 */
export function afterClose(close: CloseInfo): CloseAction {
  if (TERMINAL_CLOSE_CODES.has(close.code)) return { retry: false };
  if (close.code !== 4429) return { retry: true, minDelayMs: 0 };
  switch (reasonWord(close.reason)) {
    case 'RATE_LIMITED': {
      const seconds = /retry after (\d+) s/.exec(close.reason)?.[1];
      return { retry: true, minDelayMs: seconds ? Number(seconds) * 1000 : RATE_LIMITED_DEFAULT_WAIT_MS };
    }
    case 'TOO_MANY_CONNECTIONS':
      return { retry: true, minDelayMs: TOO_MANY_CONNECTIONS_WAIT_MS };
    default:
      return { retry: false };
  }
}

export function isTerminalClose(close: CloseInfo | undefined): boolean {
  return close !== undefined && !afterClose(close).retry;
}

function asClose(value: unknown): CloseInfo | undefined {
  if (typeof value !== 'object' || value === null || !('code' in value) || typeof value.code !== 'number') {
    return undefined;
  }
  return { code: value.code, reason: 'reason' in value ? String(value.reason) : '' };
}

/** Thrown by every request while the client is switched offline (a till's "work offline" switch, or a test's). */
export class OfflineError extends Error {
  constructor() {
    super('offline');
    this.name = 'OfflineError';
  }
}

/**
 * True when the request did not reach the gateway, or the gateway could not answer (5xx): the till queues it.
 * A GraphQL error is an answer, never "offline".
 */
export function isUnreachable(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerError.is(error)) return error.statusCode >= 500;
  return true;
}

/** The first `extensions.code` (and reason) of a GraphQL error, for messages and decisions. */
export function errorCode(error: unknown): { code?: string; reason?: string } {
  if (!CombinedGraphQLErrors.is(error)) return {};
  const extensions = error.errors[0]?.extensions ?? {};
  return {
    code: typeof extensions.code === 'string' ? extensions.code : undefined,
    reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
  };
}

export interface GatewayClient {
  readonly apollo: ApolloClient;
  readonly ws: WsClient;
  /** The last close of the socket since it was last connected, if any. */
  lastClose(): CloseInfo | undefined;
  /** Settles once the socket is connected and acknowledged (it connects at the first subscription). */
  connected(): Promise<void>;
  /** Calls `listener` each time the socket connects again after it was cut (not on the first connection). */
  onReconnected(listener: () => void): () => void;
  /** While true, every HTTP request fails with {@link OfflineError} at once, without touching the network. */
  offline: boolean;
  close(): Promise<void>;
}

export interface ClientOptions {
  /** http(s)://host:port of the gateway. */
  readonly gatewayUrl: string;
  /** An API key secret or a customer token: sent as `Authorization: Bearer` and in `connection_init`. */
  readonly credential: string;
  readonly backoff?: BackoffOptions;
  /** Reconnections graphql-ws tries on its own before the subscription errors (and its owner resubscribes). */
  readonly retryAttempts?: number;
}

/**
 * Apollo Client over HTTP for queries and mutations and over graphql-ws for subscriptions, one socket shared by
 * every subscription (the gateway limits sockets per key). graphql-ws reconnects by itself, with our back-off,
 * unless the close says the credential is bad.
 */
export function createGatewayClient(options: ClientOptions): GatewayClient {
  const authorization = `Bearer ${options.credential}`;
  let lastClose: CloseInfo | undefined;
  // A close we did not ask for (not 1000, the lazy close after the last subscription ended) makes the next
  // connection a reconnection.
  let cut = false;
  const reconnectListeners = new Set<() => void>();
  let markConnected!: () => void;
  const connected = new Promise<void>((resolve) => (markConnected = resolve));

  const ws = createClient({
    url: `${options.gatewayUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    lazy: true,
    // A resubscription (unsubscribe, then subscribe from the last version) keeps the socket.
    lazyCloseTimeout: 1000,
    retryAttempts: options.retryAttempts ?? 8,
    retryWait: (retries) => sleep(backoffDelay(retries, options.backoff)),
    // A connection refused (gateway restarting, network down) is worth retrying; a credential refused is not.
    // graphql-ws gives up on 4429 and 4500 by itself: followLoyaltyState retries those after the wait they need.
    shouldRetry: (errOrClose) => !isTerminalClose(asClose(errOrClose)),
    on: {
      connected: () => {
        lastClose = undefined;
        if (cut) reconnectListeners.forEach((listener) => listener());
        cut = false;
        markConnected();
      },
      closed: (event) => {
        lastClose = asClose(event) ?? lastClose;
        cut ||= lastClose?.code !== 1000;
      },
    },
  });

  // The link reads the switch at request time, from the client returned below.
  const offlineSwitch = new ApolloLink((operation, forward) =>
    client.offline ? new Observable((observer) => observer.error(new OfflineError())) : forward(operation),
  );
  const http = new HttpLink({ uri: `${options.gatewayUrl}/graphql`, headers: { authorization } });
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    new GraphQLWsLink(ws),
    ApolloLink.from([offlineSwitch, http]),
  );
  // Every screen shows what the gateway says now: no cache between requests; live changes come by subscription.
  const apollo = new ApolloClient({
    link,
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
  });
  const client: GatewayClient = {
    offline: false,
    apollo,
    ws,
    lastClose: () => lastClose,
    connected: () => connected,
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    async close() {
      apollo.stop();
      await ws.dispose();
    },
  };
  return client;
}
