import type { IncomingMessage, Server } from 'node:http';

import {
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';

import type { Authenticator } from '../shared/auth/authenticator';
import { apiKeyLabel, type Caller, callerLabel } from '../shared/auth/caller';
import { type Context, type ContextDeps, createContext, releaseRequestState } from '../shared/context';
import { AppError, limitError } from '../shared/errors';
import type { formatError } from '../shared/graphql/format-error';
import { assertOperationCost } from '../shared/graphql/query-cost';
import { refuseBadStrings } from '../shared/graphql/string-inputs';
import type { Metrics } from '../shared/metrics';
import type { RateLimiter } from '../shared/rate-limit';
import {
  CLOSE_CREDENTIAL_EXPIRED,
  CLOSE_KEY_REVOKED,
  CLOSE_TOO_MANY_CONNECTIONS,
  CLOSE_TRY_AGAIN_LATER,
  CloseReason,
  codeCloseReasons,
  refusalReason,
} from './close-codes';
import { type Delivery, Fanout } from './fanout';
import { type ApiKeyRevokedEvent, EVERY_INSTANCE, type RealtimeBus, Topic } from './pubsub';
import { realtimeError, RealtimeErrorCode } from './realtime.errors';
import { subscribeSharingExecution } from './shared-execution';

/** setTimeout's longest delay (about 24.8 days); a later deadline is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Closes the socket at `at` (at once if that has passed); the timer goes with the socket. */
function closeAt(socket: WebSocket, at: Date, code: number, reason: string): void {
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    const left = at.getTime() - Date.now();
    if (left <= 0) {
      socket.close(code, reason);
      return;
    }
    timer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  socket.once('close', () => clearTimeout(timer));
  check();
}

/**
 * Listens, on every instance, for API keys revoked anywhere (an outbox event) and hands each to `onRevoked`.
 * A stream that fails (cut off) is opened again: a missed revocation would leave a socket open.
 */
function onKeyRevoked(bus: ContextDeps['bus'], log: Logger, onRevoked: (keyId: string) => void): () => void {
  let stopped = false;
  let stream = bus.subscribe<ApiKeyRevokedEvent>(Topic.API_KEY_REVOKED, EVERY_INSTANCE);
  void (async () => {
    while (!stopped) {
      try {
        for await (const event of stream) onRevoked(event.keyId);
      } catch (error) {
        log.warn({ err: error }, 'key revocation stream failed; listening again');
      }
      if (!stopped) stream = bus.subscribe<ApiKeyRevokedEvent>(Topic.API_KEY_REVOKED, EVERY_INSTANCE);
    }
  })();
  return () => {
    stopped = true;
    void stream.return?.();
  };
}

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
  /** The cost ceiling of one operation, variables applied, as over HTTP. */
  readonly maxQueryCost: number;
  /** Operations and connections per caller (or address), shared with HTTP. */
  readonly rateLimiter: Pick<RateLimiter, 'consumeOperation' | 'consumeConnection'>;
  readonly authenticator: Pick<Authenticator, 'authenticate' | 'forgetApiKey'>;
  readonly contextDeps: ContextDeps;
  /** Fan-out groups listen on it directly. */
  readonly bus: Pick<RealtimeBus, 'listen'>;
  /** Frames one subscriber may have unsent before it is cut off (SUBSCRIPTION_BUFFER_LIMIT). */
  readonly subscriptionBufferLimit: number;
  readonly formatError: ReturnType<typeof formatError>;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** Open sockets per API key or customer on this instance: one misbehaving client cannot take them all. */
  readonly maxConnectionsPerCaller: number;
  /** 0 turns pings off. */
  readonly pingIntervalMs: number;
  /** Largest frame read, in bytes: a larger one is refused (1009) before it is buffered. */
  readonly maxPayload: number;
  /** Operations open at once on one socket. */
  readonly maxSubscriptionsPerSocket: number;
  /** Time a socket has to send `connection_init` (4408 after it). */
  readonly initTimeoutMs: number;
}

export interface GatewayWebSocket {
  /** Stops pings and closes every socket; run while the HTTP server drains. */
  drain(): Promise<void>;
  /** Stops accepting sockets. */
  close(): void;
  /** Fan-out groups open now (one per channel and operation with parked subscribers), for leak checks. */
  fanoutGroups(): number;
}

type PreparedOperation = ExecutionArgs | readonly GraphQLError[];

/** Query texts remembered, parsed and validated: thousands of subscribers of one query share one document. */
const DOCUMENTS_KEPT = 500;

/**
 * Parses and validates an operation the way graphql-ws would, then checks its cost with the variables
 * applied: the execution arguments, or the errors to answer with before anything runs. The parse and the
 * validation are remembered per query text (least recently used first out); the cost depends on the
 * variables, so it runs every time.
 */
function operationPreparer(
  schema: GraphQLSchema,
  rules: readonly ValidationRule[],
  maxQueryCost: number,
): (payload: SubscribePayload) => PreparedOperation {
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const parsed = (query: string): DocumentNode | readonly GraphQLError[] => {
    let entry = documents.get(query);
    if (entry !== undefined) {
      documents.delete(query);
    } else {
      try {
        const document = parse(query);
        const invalid = validate(schema, document, rules);
        entry = invalid.length > 0 ? invalid : document;
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        entry = [error];
      }
      if (documents.size >= DOCUMENTS_KEPT) documents.delete(documents.keys().next().value!);
    }
    documents.set(query, entry);
    return entry;
  };
  return (payload) => {
    const document = parsed(payload.query);
    if (Array.isArray(document)) return document as readonly GraphQLError[];
    const operation = getOperationAST(document as DocumentNode, payload.operationName);
    if (operation) {
      try {
        assertOperationCost(schema, document as DocumentNode, operation, payload.variables ?? undefined, maxQueryCost);
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
    }
    return {
      schema,
      document: document as DocumentNode,
      operationName: payload.operationName,
      variableValues: payload.variables,
    };
  };
}

/** The client's address as the socket sees it. */
function addressOf(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}

function isErrors(value: PreparedOperation): value is readonly GraphQLError[] {
  return Array.isArray(value);
}

/** A refusal as sent over the socket: its HTTP status and headers mean nothing there. */
function withoutHttpHint(error: GraphQLError): GraphQLError {
  if (!('http' in error.extensions)) return error;
  const extensions = { ...error.extensions };
  delete extensions.http;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions });
}

/**
 * graphql-ws on `/graphql` of the HTTP server: authenticated on connect, limited per caller and per socket,
 * kept alive, and closed when its credential is revoked (on any instance) or expires.
 */
export function startWebSocketServer(httpServer: Server, options: WebSocketOptions): GatewayWebSocket {
  const { schema, authenticator, contextDeps, metrics, log, rateLimiter } = options;
  const prepareOperation = operationPreparer(
    schema,
    [...specifiedRules, ...options.validationRules],
    options.maxQueryCost,
  );
  /** graphql-ws's `next` payload for a result: errors formatted as over HTTP. */
  const nextPayload = (result: ExecutionResult) =>
    result.errors
      ? { ...result, errors: result.errors.map((error) => options.formatError(error.toJSON(), error)) }
      : undefined;
  const fanout = new Fanout(options.bus, (result) => nextPayload(result) ?? result, options.subscriptionBufferLimit);
  /** Each operation's socket and id, by its context: the fan-out writes there directly. */
  const deliveries = new WeakMap<Context, Delivery>();
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: options.maxPayload });
  const openSubscriptions = new WeakMap<object, Set<string>>();
  /** Open sockets by caller label: counted for the per-caller limit, closed together on revocation. */
  const socketsPerCaller = new Map<string, Set<WebSocket>>();
  // Before graphql-ws's own listener, which may close a socket as soon as it connects (4406).
  wsServer.on('connection', (socket: WebSocket) => codeCloseReasons(socket, options.initTimeoutMs, options.maxPayload));
  const stopPings = keepAlive(wsServer, options.pingIntervalMs);
  const stopRevocations = onKeyRevoked(contextDeps.bus, log, (keyId) => {
    // This instance may have the key cached from a request served here before the revocation.
    authenticator.forgetApiKey(keyId);
    for (const socket of socketsPerCaller.get(apiKeyLabel(keyId)) ?? []) {
      socket.close(CLOSE_KEY_REVOKED, CloseReason.KEY_REVOKED);
    }
  });
  const wsCleanup = useServer<Record<string, unknown>, { caller: Caller; address: string }>(
    {
      schema,
      connectionInitWaitTimeout: options.initTimeoutMs,
      // onSubscribe parses, validates and costs each operation; strings with control characters are then
      // refused before anything runs, as over HTTP.
      execute: (args) => refuseBadStrings(args) ?? execute(args),
      subscribe: (args) =>
        refuseBadStrings(args) ??
        subscribeSharingExecution(args, (events) => {
          const context = args.contextValue as Context;
          const delivery = deliveries.get(context);
          if (delivery) fanout.adopt(args, events, delivery, () => releaseRequestState(context));
        }),
      // Authenticate once on connect so a bad token never gets a socket...
      onConnect: async (ctx) => {
        const address = addressOf(ctx.extra.request);
        let caller: Caller | null;
        let refusal: string = CloseReason.NO_TOKEN;
        try {
          caller = await authenticator.authenticate(authorizationOf(ctx.connectionParams));
        } catch (error) {
          caller = null;
          if (!(error instanceof AppError)) {
            // Not the credential's fault (the database, the identity provider): the client retries with back-off.
            log.warn({ err: error }, 'websocket credential could not be checked');
            ctx.extra.socket.close(CLOSE_TRY_AGAIN_LATER, CloseReason.TRY_AGAIN_LATER);
            return false;
          }
          refusal = refusalReason(error.reason);
        }
        // Counted before the answer, failed attempts included: guessing credentials is rate limited too.
        const decision = await rateLimiter.consumeConnection(caller, address);
        if (!decision.allowed) {
          ctx.extra.socket.close(CLOSE_TOO_MANY_CONNECTIONS, CloseReason.rateLimited(decision.retryAfterSeconds));
          return false;
        }
        if (!caller) {
          // graphql-ws would close with 4403 and no reason; 4401 is the code its client does not retry.
          ctx.extra.socket.close(CLOSE_CREDENTIAL_EXPIRED, refusal);
          return false;
        }
        const { socket } = ctx.extra;
        // The socket may have closed while we authenticated: counting it then would never be undone.
        if (socket.readyState !== socket.OPEN) return false;
        const label = callerLabel(caller);
        const sockets = socketsPerCaller.get(label) ?? new Set<WebSocket>();
        if (sockets.size >= options.maxConnectionsPerCaller) {
          socket.close(CLOSE_TOO_MANY_CONNECTIONS, CloseReason.tooManyConnections(options.maxConnectionsPerCaller));
          return false;
        }
        sockets.add(socket);
        socketsPerCaller.set(label, sockets);
        socket.once('close', () => {
          sockets.delete(socket);
          if (sockets.size === 0 && socketsPerCaller.get(label) === sockets) socketsPerCaller.delete(label);
        });
        if (caller.kind === 'customer') {
          closeAt(socket, caller.expiresAt, CLOSE_CREDENTIAL_EXPIRED, CloseReason.TOKEN_EXPIRED);
        }
        ctx.extra.caller = caller;
        // Only the address is used later: the upgrade request (headers, raw headers) is not kept for the socket's life.
        ctx.extra.address = address;
        (ctx.extra as { request?: IncomingMessage }).request = undefined;
        return true;
      },
      // ...and again for each operation, so a credential that stopped checking out since opens nothing more.
      context: async (ctx, id) => {
        let caller: Caller | null;
        try {
          caller = await authenticator.authenticate(authorizationOf(ctx.connectionParams));
        } catch (error) {
          // A credential refused (not a database hiccup): the socket ends saying why, not as an internal error.
          if (error instanceof AppError) {
            const refusal = refusalReason(error.reason);
            const revoked = refusal === CloseReason.KEY_REVOKED;
            ctx.extra.socket.close(
              revoked ? CLOSE_KEY_REVOKED : CLOSE_CREDENTIAL_EXPIRED,
              refusal === CloseReason.BAD_TOKEN ? CloseReason.NO_LONGER_VALID : refusal,
            );
          }
          throw error;
        }
        const context = createContext(contextDeps, caller, `ws:${id}`, log, { subscriptionId: id });
        deliveries.set(context, { socket: ctx.extra.socket, id });
        return context;
      },
      onSubscribe: async (ctx, id, payload) => {
        // graphql-ws registered this operation before calling us, so it counts itself.
        if (Object.keys(ctx.subscriptions).length > options.maxSubscriptionsPerSocket) {
          return [
            realtimeError(
              RealtimeErrorCode.TOO_MANY_SUBSCRIPTIONS,
              `At most ${options.maxSubscriptionsPerSocket} operations may be open on one connection; complete one first`,
            ),
          ];
        }
        const decision = await rateLimiter.consumeOperation(ctx.extra.caller ?? null, ctx.extra.address ?? 'unknown');
        if (!decision.allowed) return [withoutHttpHint(limitError.rateLimited(decision.retryAfterSeconds))];
        const prepared = prepareOperation(payload);
        if (isErrors(prepared)) return prepared.map((error) => withoutHttpHint(error));
        let ids = openSubscriptions.get(ctx);
        if (!ids) openSubscriptions.set(ctx, (ids = new Set()));
        ids.add(id);
        metrics.subscriptionsOpen.inc();
        return prepared;
      },
      onNext: (_ctx, _id, _payload, _args, result) => nextPayload(result),
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
  // ws closes a socket that broke the protocol (1009 for a frame over maxPayload), then emits 'error', which
  // graphql-ws would print to the console as an internal error: it is the client's, so it is logged as such.
  wsServer.on('connection', (socket: WebSocket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error: Error) => log.debug({ err: error }, 'websocket closed for a protocol error'));
  });
  return {
    drain: async () => {
      stopPings();
      stopRevocations();
      await wsCleanup.dispose();
    },
    close: () => wsServer.close(),
    fanoutGroups: () => fanout.size,
  };
}

/** The `authorization` connection parameter as the HTTP header would carry it; any other shape can never verify. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string {
  const value = params?.authorization;
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}
