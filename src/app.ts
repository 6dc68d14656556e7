import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request } from 'express';
import { type GraphQLError, specifiedRules, validate, type ValidationContext, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';

import { BusinessAccountResolver, CustomerAccountResolver } from './accounts/account.resolver';
import { AccountService } from './accounts/account.service';
import type { Config } from './config';
import { CustomerResolver } from './customers/customer.resolver';
import { CustomerService } from './customers/customer.service';
import { HygieneResolver } from './customers/hygiene.resolver';
import { HygieneService } from './customers/hygiene.service';
import { IdentifierService } from './customers/identifier.service';
import { CustomerMergeResolver } from './customers/merge.resolver';
import { MergeService } from './customers/merge.service';
import { EarningResolver } from './earning/earning.resolver';
import { EarningRuleService } from './earning/earning-rule.service';
import { PurchaseService } from './earning/purchase.service';
import { LedgerBookings } from './ledger/ledger.bookings';
import { LedgerJobs } from './ledger/ledger.jobs';
import {
  BalanceResolver,
  CustomerPointsResolver,
  LedgerResolver,
  TransactionEntriesResolver,
} from './ledger/ledger.resolver';
import { LedgerService } from './ledger/ledger.service';
import { ormConfig } from './mikro-orm.config';
import { OutboxRelay } from './outbox/outbox.relay';
import { OfflineSyncResolver } from './pos/offline-sync.resolver';
import { OfflineSyncService } from './pos/offline-sync.service';
import { CustomerTierResolver, ProgramResolver, ProgramSettingsResolver } from './program/program.resolver';
import { ProgramService } from './program/program.service';
import { TermsResolver } from './program/terms.resolver';
import { TermsService } from './program/terms.service';
import { TierService } from './program/tier.service';
import { CLOSE_TOO_MANY_CONNECTIONS, keepAlive } from './realtime/keep-alive';
import { LoyaltyStateResolver } from './realtime/loyalty-state.resolver';
import { LoyaltyStateService } from './realtime/loyalty-state.service';
import { createRealtimeBus, type RealtimeBus } from './realtime/pubsub';
import { RealtimeResolver } from './realtime/realtime.resolver';
import { subscribeSharingExecution } from './realtime/shared-execution';
import { RewardResolver } from './rewards/reward.resolver';
import { RewardService } from './rewards/reward.service';
import { Authenticator } from './shared/auth/authenticator';
import { type Caller, callerLabel } from './shared/auth/caller';
import { type Context, createContext } from './shared/context';
import { migrate } from './shared/db/migrate';
import { formatError } from './shared/graphql/format-error';
import { buildGatewaySchema, type ResolverInstances } from './shared/graphql/schema';
import { Metrics } from './shared/metrics';
import { settleWithin } from './shared/timeout';
import { StoreResolver } from './stores/store.resolver';
import { StoreService } from './stores/store.service';
import { TenancyResolver } from './tenancy/tenancy.resolver';
import { TenancyService } from './tenancy/tenancy.service';
import { ChannelSwitchService } from './timeline/channel-switch.service';
import { ingestRouter } from './timeline/ingest.route';
import { CustomerTimelineResolver, TimelineResolver } from './timeline/timeline.resolver';

export interface Gateway {
  readonly httpServer: Server;
  readonly orm: MikroORM;
  readonly bus: RealtimeBus;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port: number): Promise<number>;
  /** Graceful stop: refuse new work, finish in-flight requests, close subscriptions, then pools. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

function requestIdOf(req: Request): string {
  const sent = req.header('x-request-id');
  return sent && REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** The composition root: every singleton is built here, once; tests build as many gateways as they need. */
export async function createApp(config: Config, databaseUrl: string, log: Logger): Promise<Gateway> {
  const orm = await MikroORM.init(
    ormConfig(databaseUrl, config.dbPoolMax, (message) => log.info({ orm: message }, 'orm')),
  );
  await migrate(orm);

  const bus = createRealtimeBus(config.redisUrl, config.redisPrefix, log, config.subscriptionBufferLimit);
  const metrics = new Metrics(orm);
  const relay = new OutboxRelay(
    orm,
    bus,
    databaseUrl,
    log,
    { pollMs: 1000, batchSize: 200, retentionHours: config.outboxRetentionHours },
    (n) => metrics.outboxRelayed.inc(n),
  );
  const authenticator = new Authenticator(orm, config.adminToken);

  const identifiers = new IdentifierService();
  const ledger = new LedgerService();
  const ledgerBookings = new LedgerBookings();
  const program = new ProgramService();
  const tiers = new TierService();
  const earningRules = new EarningRuleService();
  const purchases = new PurchaseService(ledgerBookings, program, tiers, earningRules);
  const rewards = new RewardService(ledgerBookings, program);
  const resolvers: ResolverInstances = new Map<Function, object>([
    [TenancyResolver, new TenancyResolver(new TenancyService((keyId) => authenticator.forgetApiKey(keyId)))],
    [StoreResolver, new StoreResolver(new StoreService())],
    [CustomerResolver, new CustomerResolver(new CustomerService(authenticator, identifiers), identifiers)],
    [CustomerMergeResolver, new CustomerMergeResolver(new MergeService(ledgerBookings, tiers))],
    [HygieneResolver, new HygieneResolver(new HygieneService())],
    [BusinessAccountResolver, new BusinessAccountResolver(new AccountService())],
    [CustomerAccountResolver, new CustomerAccountResolver()],
    [LedgerResolver, new LedgerResolver(ledger)],
    [CustomerPointsResolver, new CustomerPointsResolver()],
    [BalanceResolver, new BalanceResolver()],
    [TransactionEntriesResolver, new TransactionEntriesResolver()],
    [ProgramResolver, new ProgramResolver(program, tiers)],
    [ProgramSettingsResolver, new ProgramSettingsResolver()],
    [CustomerTierResolver, new CustomerTierResolver(tiers)],
    [TermsResolver, new TermsResolver(new TermsService())],
    [LoyaltyStateResolver, new LoyaltyStateResolver(new LoyaltyStateService(bus))],
    [RealtimeResolver, new RealtimeResolver()],
    [EarningResolver, new EarningResolver(earningRules, purchases)],
    [RewardResolver, new RewardResolver(rewards)],
    [OfflineSyncResolver, new OfflineSyncResolver(new OfflineSyncService(purchases, rewards))],
    [CustomerTimelineResolver, new CustomerTimelineResolver()],
    [TimelineResolver, new TimelineResolver(new ChannelSwitchService())],
  ]);
  const schema = await buildGatewaySchema(resolvers, bus.pubSub);
  // Report, rather than throw, so a refused operation is an ordinary GRAPHQL_VALIDATION_FAILED.
  const report = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(error)],
  };
  const limits: ValidationRule[] = [
    maxDepthRule({ n: config.maxQueryDepth, ...report }),
    maxAliasesRule({ n: config.maxAliases, ...report }),
    costLimitRule({ maxCost: config.maxQueryCost, ...report }),
  ];
  const includeStacktrace = config.nodeEnv === 'development';
  const formatErrorFn = formatError(includeStacktrace);
  const contextDeps = { orm, bus };

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const openSubscriptions = new WeakMap<object, Set<string>>();
  // Open sockets per API key or customer on this instance: one misbehaving client cannot take them all.
  const socketsPerCaller = new Map<string, number>();
  const stopPings = keepAlive(wsServer, config.wsPingIntervalMs);
  const wsCleanup = useServer<Record<string, unknown>, { caller: Caller }>(
    {
      schema,
      validate: (s, document) => validate(s, document, [...specifiedRules, ...limits]),
      subscribe: subscribeSharingExecution,
      // Authenticate once on connect so a bad token never gets a socket...
      onConnect: async (ctx) => {
        let caller: Caller | null;
        try {
          caller = await authenticator.authenticate(String(ctx.connectionParams?.authorization ?? ''));
        } catch {
          return false;
        }
        if (!caller) return false;
        // The socket may have closed while we authenticated: counting it then would never be undone.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        const label = callerLabel(caller);
        const open = socketsPerCaller.get(label) ?? 0;
        if (open >= config.wsMaxConnectionsPerKey) {
          ctx.extra.socket.close(
            CLOSE_TOO_MANY_CONNECTIONS,
            `At most ${config.wsMaxConnectionsPerKey} connections per key`,
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
        const caller = await authenticator.authenticate(String(ctx.connectionParams?.authorization ?? ''));
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
          ? { ...result, errors: result.errors.map((error) => formatErrorFn(error.toJSON(), error)) }
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

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    // main.ts owns the signal handling and the order of shutdown.
    stopOnTerminationSignals: false,
    validationRules: limits,
    includeStacktraceInErrorResponses: includeStacktrace,
    formatError: formatErrorFn,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      metrics.apolloPlugin(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              stopPings();
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
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
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use('/ingest', ingestRouter(orm, log));
  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req);
        res.setHeader('x-request-id', requestId);
        const caller = await authenticator.authenticate(req.header('authorization'));
        return createContext(contextDeps, caller, requestId, log.child({ requestId }));
      },
    }),
  );
  // Malformed JSON and oversized bodies are the client's fault: answer in GraphQL's error shape.
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (res.headersSent) return next(error);
      const status = error.status ?? 500;
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
      if (status >= 500) log.error({ err: error }, 'request failed');
      res
        .status(status)
        .json({ errors: [{ message: status < 500 ? error.message : 'Internal server error', extensions: { code } }] });
    },
  );

  await relay.start();
  const ledgerJobs = new LedgerJobs();
  // Settles due pending points and expires due lots; every instance may run it, SKIP LOCKED shares the work.
  const runLedgerJobs = async () => {
    const now = new Date();
    // Separately, so a failure of one never holds up the other.
    for (const [name, job] of [
      ['settle', ledgerJobs.settlePending],
      ['expire', ledgerJobs.expireDue],
    ] as const) {
      try {
        const result = await job.call(ledgerJobs, orm.em.fork(), now);
        if (result.transactions) log.info({ job: name, ...result }, 'ledger job booked transactions');
      } catch (error) {
        log.error({ err: error, job: name }, 'ledger job failed; retrying on the next tick');
      }
    }
  };
  const ledgerTimer =
    config.ledgerJobsIntervalMs > 0 ? setInterval(() => void runLedgerJobs(), config.ledgerJobsIntervalMs) : null;
  ledgerTimer?.unref();
  // Downgrades and the end of limited-time status happen without anyone running a command.
  const runTierJobs = () =>
    tiers
      .evaluateAll(
        () => orm.em.fork(),
        new Date(),
        (tenantId, result) => {
          if (result && result.upgraded + result.downgraded + result.grantsEnded > 0)
            log.info({ job: 'evaluate-tiers', tenantId, ...result }, 'tiers evaluated');
        },
      )
      .catch((error: unknown) =>
        log.error({ err: error, job: 'evaluate-tiers' }, 'tier evaluation failed; retrying on the next tick'),
      );
  const tierTimer =
    config.tierJobsIntervalMs > 0 ? setInterval(() => void runTierJobs(), config.tierJobsIntervalMs) : null;
  tierTimer?.unref();

  let closing: Promise<void> | null = null;
  return {
    httpServer,
    orm,
    bus,
    metrics,
    log,
    listen: (port) =>
      new Promise<number>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => resolve((httpServer.address() as AddressInfo).port));
      }),
    close: () =>
      (closing ??= (async () => {
        // apollo.stop() runs the drain plugins: stops accepting, waits for in-flight HTTP, closes sockets.
        if (ledgerTimer) clearInterval(ledgerTimer);
        if (tierTimer) clearInterval(tierTimer);
        await apollo.stop();
        wsServer.close();
        await relay.stop();
        await bus.close();
        await orm.close(true);
      })()),
  };
}
