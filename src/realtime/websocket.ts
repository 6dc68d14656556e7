import type { Server } from 'node:http';

import { type GraphQLSchema, specifiedRules, validate, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';

import type { Authenticator } from '../shared/auth/authenticator';
import { type Caller, callerLabel } from '../shared/auth/caller';
import { type ContextDeps, createContext } from '../shared/context';
import type { formatError } from '../shared/graphql/format-error';
import type { Metrics } from '../shared/metrics';
import { subscribeSharingExecution } from './shared-execution';

/** Close code for a socket over WS_MAX_CONNECTIONS_PER_KEY (4xxx: application-defined, like graphql-ws's own). */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;

/**
 * Pings every socket each interval and closes one that has not answered the previous ping: a client that
 * vanished (a till unplugged, a phone out of coverage) stops holding subscriptions within two intervals.
 */
function keepAlive(server: WebSocketServer, intervalMs: number): () => void {
  if (intervalMs === 0) return () => undefined;
  const alive = new WeakMap<WebSocket, boolean>();
  server.on('connection', (socket: WebSocket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
  });
  const timer = setInterval(() => {
    for (const socket of server.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

export interface WebSocketOptions {
  readonly schema: GraphQLSchema;
  /** The query limits, applied to every operation as over HTTP. */
  readonly validationRules: readonly ValidationRule[];
  readonly authenticator: Pick<Authenticator, 'authenticate'>;
  readonly contextDeps: ContextDeps;
  readonly formatError: ReturnType<typeof formatError>;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** Open sockets per API key or customer on this instance: one misbehaving client cannot take them all. */
  readonly maxConnectionsPerCaller: number;
  /** 0 turns pings off. */
  readonly pingIntervalMs: number;
}

export interface GatewayWebSocket {
  /** Stops pings and closes every socket; run while the HTTP server drains. */
  drain(): Promise<void>;
  /** Stops accepting sockets. */
  close(): void;
}

/** graphql-ws on `/graphql` of the HTTP server: authenticated on connect, limited per caller, kept alive. */
export function startWebSocketServer(httpServer: Server, options: WebSocketOptions): GatewayWebSocket {
  const { schema, authenticator, contextDeps, metrics, log } = options;
  const rules = [...specifiedRules, ...options.validationRules];
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const openSubscriptions = new WeakMap<object, Set<string>>();
  const socketsPerCaller = new Map<string, number>();
  const stopPings = keepAlive(wsServer, options.pingIntervalMs);
  const wsCleanup = useServer<Record<string, unknown>, { caller: Caller }>(
    {
      schema,
      validate: (s, document) => validate(s, document, rules),
      subscribe: subscribeSharingExecution,
      // Authenticate once on connect so a bad token never gets a socket...
      onConnect: async (ctx) => {
        let caller: Caller | null;
        try {
          caller = await authenticator.authenticate(authorizationOf(ctx.connectionParams));
        } catch {
          return false;
        }
        if (!caller) return false;
        // The socket may have closed while we authenticated: counting it then would never be undone.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        const label = callerLabel(caller);
        const open = socketsPerCaller.get(label) ?? 0;
        if (open >= options.maxConnectionsPerCaller) {
          ctx.extra.socket.close(
            CLOSE_TOO_MANY_CONNECTIONS,
            `At most ${options.maxConnectionsPerCaller} connections per key`,
          );
          return false;
        }
        socketsPerCaller.set(label, open + 1);
        ctx.extra.socket.once('close', () => {
          const left = (socketsPerCaller.get(label) ?? 1) - 1;
          if (left > 0) socketsPerCaller.set(label, left);
          else socketsPerCaller.delete(label);
        });
        ctx.extra.caller = caller;
        return true;
      },
      // ...and again for each operation, so a key revoked since then stops opening subscriptions.
      context: async (ctx, id) => {
        const caller = await authenticator.authenticate(authorizationOf(ctx.connectionParams));
        return createContext(contextDeps, caller, `ws:${id}`, log.child({ subscriptionId: id }));
      },
      onSubscribe: (ctx, id) => {
        let ids = openSubscriptions.get(ctx);
        if (!ids) openSubscriptions.set(ctx, (ids = new Set()));
        ids.add(id);
        metrics.subscriptionsOpen.inc();
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((error) => options.formatError(error.toJSON(), error)) }
          : undefined,
      onComplete: (ctx, id) => {
        if (openSubscriptions.get(ctx)?.delete(id)) metrics.subscriptionsOpen.dec();
      },
      onClose: (ctx) => {
        const ids = openSubscriptions.get(ctx);
        if (ids?.size) metrics.subscriptionsOpen.dec(ids.size);
        openSubscriptions.delete(ctx);
      },
    },
    wsServer,
  );
  return {
    drain: async () => {
      stopPings();
      await wsCleanup.dispose();
    },
    close: () => wsServer.close(),
  };
}

/** The `authorization` connection parameter as the HTTP header would carry it; any other shape can never verify. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string {
  const value = params?.authorization;
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}
