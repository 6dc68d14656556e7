import { randomUUID } from 'node:crypto';

import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

import type { RealtimeBus } from './realtime/pubsub';
import type { Authenticator } from './shared/auth/authenticator';
import type { Caller } from './shared/auth/caller';
import { bearerToken, secretsEqual } from './shared/auth/tokens';
import { limitError } from './shared/errors';
import type { Metrics } from './shared/metrics';
import type { RateLimiter } from './shared/rate-limit';
import { settleWithin } from './shared/timeout';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The client's `x-request-id` when it is a sane one, else a new id. */
export function requestIdOf(req: Request): string {
  const sent = req.header('x-request-id');
  return sent && REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** Liveness and readiness (PostgreSQL and Redis answer), for load balancers. */
export function probeRoutes(orm: MikroORM, bus: RealtimeBus): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    // A dependency that does not answer within a second is as good as down to a load balancer.
    const checks = await Promise.all([
      settleWithin(
        orm.em
          .getConnection()
          .execute('select 1')
          .then(() => 'ok'),
        1000,
        'down',
      ),
      bus.redis
        ? settleWithin(
            bus.redis.ping().then(() => 'ok'),
            1000,
            'down',
          )
        : Promise.resolve('in-process'),
    ]);
    const [postgres, redis] = checks;
    const ready = postgres === 'ok' && redis !== 'down';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', postgres, redis });
  });
  return router;
}

/**
 * Prometheus metrics; with a token, only for `Authorization: Bearer <token>` (compared in constant time).
 * Mounted on the public port or on the metrics listener, as config says.
 */
export function metricsRoute(metrics: Metrics, token: string | undefined, gcFirst = false): express.Router {
  const router = express.Router();
  router.get('/metrics', async (req, res) => {
    const sent = bearerToken(req.header('authorization'));
    if (token !== undefined && (sent === undefined || !secretsEqual(sent, token))) {
      res.status(401).set('www-authenticate', 'Bearer').json({ error: 'metrics need the METRICS_TOKEN' });
      return;
    }
    // Only when node runs with --expose-gc (benches); otherwise `gc` is undefined and this does nothing.
    if (gcFirst) (globalThis as { gc?: () => void }).gc?.();
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}

/** Malformed JSON and oversized bodies are the client's fault: answer in GraphQL's error shape. */
export function jsonErrorHandler(log: Logger): express.ErrorRequestHandler {
  return (error: Error & { status?: number; type?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? 500;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    if (status >= 500) log.error({ err: error }, 'request failed');
    res
      .status(status)
      .json({ errors: [{ message: status < 500 ? error.message : 'Internal server error', extensions: { code } }] });
  };
}

/**
 * Rate limits each GraphQL request before its body is read: by API key or customer when the credential
 * checks out, else by client address. Over the limit: HTTP 429 with `Retry-After` and a RATE_LIMITED error.
 * The caller it authenticated is handed to the GraphQL context through `callerOf`, so it is checked once.
 */
export function rateLimitRequests(
  limiter: Pick<RateLimiter, 'consumeOperation'>,
  authenticator: Pick<Authenticator, 'authenticate'>,
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): { middleware: express.RequestHandler; callerOf(req: Request): Promise<Caller | null> } {
  const callers = new WeakMap<Request, Caller | null>();
  const authenticate = (req: Request) => authenticator.authenticate(req.header('authorization'));
  return {
    middleware: (req, res, next) => {
      void (async () => {
        let caller: Caller | null = null;
        try {
          caller = await authenticate(req);
          callers.set(req, caller);
        } catch {
          // A bad credential is refused by the context; until then it counts against the address.
        }
        const decision = await limiter.consumeOperation(caller, req.ip ?? req.socket.remoteAddress ?? 'unknown');
        if (decision.allowed) return next();
        const error = limitError.rateLimited(decision.retryAfterSeconds);
        res
          .status(429)
          .setHeader('retry-after', String(decision.retryAfterSeconds))
          .json({ errors: [formatError(error.toJSON(), error)] });
      })().catch(next);
    },
    callerOf: (req) => (callers.has(req) ? Promise.resolve(callers.get(req)!) : authenticate(req)),
  };
}
