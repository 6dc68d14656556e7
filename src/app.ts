// Over 400 lines because it is the composition root: every service, pool, listener and plugin is built here, once.
import 'reflect-metadata';

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import {
  type GraphQLError,
  NoSchemaIntrospectionCustomRule,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Logger } from 'pino';

import { AccountService } from './accounts/account.service';
import { CaseService } from './cases/case.service';
import { GoodwillService } from './cases/goodwill.service';
import { RootCauseService } from './cases/root-cause.service';
import { SlaJobs } from './cases/sla.jobs';
import { SupportConfigService } from './cases/support-config.service';
import type { Config } from './config';
import { consoleRouter } from './console/console.route';
import { ConsentService } from './customers/consent.service';
import { type ContactNotifier, LogContactNotifier, WebhookContactNotifier } from './customers/contact-notifier';
import { ContactVerificationService } from './customers/contact-verification.service';
import { CustomerService } from './customers/customer.service';
import { HygieneService } from './customers/hygiene.service';
import { IdentifierService } from './customers/identifier.service';
import { MergeService } from './customers/merge.service';
import { EarningRuleService } from './earning/earning-rule.service';
import { followProgramConfig, ProgramConfigCache } from './earning/program-config';
import { PurchaseService } from './earning/purchase.service';
import { FeedbackSettingsService } from './feedback/feedback-settings.service';
import { SurveyService } from './feedback/survey.service';
import { SurveyResponseService } from './feedback/survey-response.service';
import { HealthScoring } from './health/health.scoring';
import { HealthService } from './health/health.service';
import { jsonErrorHandler, metricsRoute, probeRoutes, rateLimitRequests, requestIdOf } from './http';
import { InsightService } from './insights/insight.service';
import { startJobs } from './jobs';
import { EarnBatcher } from './ledger/earn.batcher';
import { LedgerBookings } from './ledger/ledger.bookings';
import { LedgerService } from './ledger/ledger.service';
import { LedgerReadService } from './ledger/ledger-reads.service';
import { createLoaders } from './loaders';
import { ormConfig } from './mikro-orm.config';
import { OutboxRelay } from './outbox/outbox.relay';
import { PlaybookEngine } from './playbooks/playbook.engine';
import { PlaybookService } from './playbooks/playbook.service';
import { LogReminderNotifier, type ReminderNotifier, WebhookReminderNotifier } from './playbooks/reminder-notifier';
import { OfflineSyncService } from './pos/offline-sync.service';
import { ProgramService } from './program/program.service';
import { TermsService } from './program/terms.service';
import { TierService } from './program/tier.service';
import { createRealtimeBus, type RealtimeBus } from './realtime/pubsub';
import { startWebSocketServer } from './realtime/websocket';
import { RewardService } from './rewards/reward.service';
import { buildGatewaySchema, type Services } from './schema';
import { Authenticator } from './shared/auth/authenticator';
import { type Context, type ContextDeps, createContext } from './shared/context';
import { migrate } from './shared/db/migrate';
import { ReadBatch } from './shared/db/read-batch';
import { StatementPool, type StatementPoolOptions } from './shared/db/statements';
import { formatError } from './shared/graphql/format-error';
import { queryCostPlugin } from './shared/graphql/query-cost';
import { stringInputsPlugin } from './shared/graphql/string-inputs';
import { graphiqlRoutes } from './shared/ide/graphiql';
import { Metrics } from './shared/metrics';
import { RateLimiter } from './shared/rate-limit';
import { settleWithin } from './shared/timeout';
import { SignalService } from './signals/signal.service';
import { SignalType } from './signals/signal.types';
import { StoreService } from './stores/store.service';
import { TenantCredentialStore } from './tenancy/credentials.store';
import { RateLimitService, tenantRateLimitSource } from './tenancy/rate-limit.service';
import { RoleLimitService } from './tenancy/role-limit.service';
import { TenancyService } from './tenancy/tenancy.service';
import { ChannelSwitchService } from './timeline/channel-switch.service';
import { ingestRouter } from './timeline/ingest.route';
import { TimelineService } from './timeline/timeline.service';

export interface Gateway {
  readonly httpServer: Server;
  readonly orm: MikroORM;
  /** The ledger's own connections (prepared statements); tests count the statements run on it. */
  readonly ledgerPool: StatementPool;
  readonly bus: RealtimeBus;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** The services, for jobs and tests that call one directly (a signal raised, a job run). */
  readonly services: Services;
  /**
   * Starts listening, and the metrics listener when METRICS_PORT is set; resolves with the bound port
   * (useful with port 0).
   */
  listen(port: number): Promise<number>;
  /** The metrics listener's port once listening; undefined without METRICS_PORT. */
  metricsPort(): number | undefined;
  /** Fan-out groups open now (see realtime/fanout.ts), for leak checks. */
  fanoutGroups(): number;
  /** Graceful stop: refuse new work, finish in-flight requests, close subscriptions, then pools. */
  close(): Promise<void>;
}

/** Every service, once; they hold no per-request state (that travels in the context). */
function createServices(
  ledgerPool: StatementPool,
  earns: EarnBatcher,
  authenticator: Authenticator,
  config: Config,
  notifier: ContactNotifier,
  rateLimiter: RateLimiter,
  reminders: ReminderNotifier,
  log: Logger,
): Services {
  const identifiers = new IdentifierService();
  const customers = new CustomerService(authenticator, identifiers);
  const ledger = new LedgerService(earns);
  const ledgerBookings = new LedgerBookings();
  const program = new ProgramService();
  const tiers = new TierService();
  const earningRules = new EarningRuleService();
  const programConfig = new ProgramConfigCache(program, earningRules);
  const purchases = new PurchaseService(ledgerBookings, programConfig, tiers, earningRules, ledgerPool);
  const rewards = new RewardService(ledgerBookings, program);
  const signals = new SignalService();
  const surveys = new SurveyService();
  const feedbackSettings = new FeedbackSettingsService();
  const cases = new CaseService(signals);
  const goodwill = new GoodwillService(ledgerBookings, tiers);
  // A detractor's survey response opens a case in the response's own transaction.
  signals.on(SignalType.DETRACTOR_RESPONSE, (tx, signal) => cases.onDetractorResponse(tx, signal));
  return {
    signals,
    tenancy: new TenancyService(
      (keyId) => authenticator.forgetApiKey(keyId),
      (tenantId) => authenticator.forgetCustomerTokenSettings(tenantId),
    ),
    roleLimits: new RoleLimitService(),
    stores: new StoreService(),
    customers,
    identifiers,
    contactVerification: new ContactVerificationService(customers, notifier, {
      codeTtlMinutes: config.contactCodeTtlMinutes,
      maxAttempts: config.contactCodeMaxAttempts,
      requestsPerHour: config.contactCodeRequestsPerHour,
    }),
    merges: new MergeService(ledgerBookings, tiers),
    hygiene: new HygieneService(),
    accounts: new AccountService(),
    ledger,
    ledgerReads: new LedgerReadService(),
    program,
    tiers,
    terms: new TermsService(),
    earningRules,
    purchases,
    programConfig,
    rewards,
    offlineSync: new OfflineSyncService(purchases, rewards),
    timeline: new TimelineService(signals),
    channelSwitches: new ChannelSwitchService(),
    rateLimits: new RateLimitService(config.rateLimits.operationsPerMinute, (tenantId) =>
      rateLimiter.forgetTenant(tenantId),
    ),
    consents: new ConsentService(),
    surveys,
    feedbackSettings,
    surveyResponses: new SurveyResponseService(surveys, feedbackSettings, signals),
    supportConfig: new SupportConfigService(),
    cases,
    goodwill,
    rootCauses: new RootCauseService(),
    slaJobs: new SlaJobs(signals),
    insights: new InsightService(),
    playbooks: new PlaybookService(),
    playbookEngine: new PlaybookEngine(reminders, log.child({ component: 'playbooks' }), { cases, goodwill }),
    health: new HealthService(),
    healthScoring: new HealthScoring(signals),
  };
}

function createAuthenticator(orm: MikroORM, config: Config): Authenticator {
  return new Authenticator(new TenantCredentialStore(orm), config.adminToken, {
    issuer: config.customerTokenIssuer,
    maxTtlSeconds: config.customerTokenMaxTtlSeconds,
  });
}

/**
 * The same services as the gateway's, without HTTP, WebSocket or Redis (rate limits then count in memory): for a
 * CLI that drives the real code paths, such as the demo seed.
 */
export function createStandaloneServices(orm: MikroORM, config: Config, log: Logger): Services {
  const ledgerPool = new StatementPool(orm, ledgerPoolOptions(config));
  return createServices(
    ledgerPool,
    createEarnBatcher(ledgerPool, config, () => undefined),
    createAuthenticator(orm, config),
    config,
    createContactNotifier(config, log),
    new RateLimiter(config.rateLimits, tenantRateLimitSource(orm), null, config.redisPrefix),
    createReminderNotifier(config, log),
    log,
  );
}

/**
 * The ledger's pool: a group waiting on a lock longer than this (a merge of one of its customers, a key held by
 * a long transaction) gives up and its earns are booked one by one, instead of holding up the whole group.
 */
function ledgerPoolOptions(config: Config): StatementPoolOptions {
  return { size: config.ledgerPoolSize, lockTimeoutMs: 2_000 };
}

function createEarnBatcher(pool: StatementPool, config: Config, onFallback: () => void): EarnBatcher {
  return new EarnBatcher(pool, { inflight: config.ledgerPoolSize, max: config.ledgerBatchMax, onFallback });
}

/** The instance's batched plain reads, through the ORM's driver: no EntityManager, no transaction. */
export function readBatch(orm: MikroORM, config: Config): ReadBatch {
  return new ReadBatch(orm.em.getDriver(), { inflight: config.readBatchInflight, max: config.readBatchMax });
}

/** Reminders go to the operator's messaging service when one is configured; otherwise they are only logged. */
function createReminderNotifier(config: Config, log: Logger): ReminderNotifier {
  const notifierLog = log.child({ component: 'reminder-notifier' });
  if (config.reminderWebhookUrl && config.reminderWebhookSecret)
    return new WebhookReminderNotifier(config.reminderWebhookUrl, config.reminderWebhookSecret, notifierLog);
  return new LogReminderNotifier(notifierLog);
}

/** Codes go to the operator's sender when one is configured; otherwise they are only logged (see the class). */
function createContactNotifier(config: Config, log: Logger): ContactNotifier {
  const notifierLog = log.child({ component: 'contact-notifier' });
  if (config.contactWebhookUrl && config.contactWebhookSecret)
    return new WebhookContactNotifier(config.contactWebhookUrl, config.contactWebhookSecret, notifierLog);
  return new LogContactNotifier(notifierLog, config.nodeEnv !== 'production');
}

/** The document's depth and alias limits, for HTTP and WebSocket alike; cost is checked with the variables applied. */
function limitRules(config: Config): ValidationRule[] {
  // Report, rather than throw, so a refused operation is an ordinary GRAPHQL_VALIDATION_FAILED.
  const report = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(error)],
  };
  return [
    maxDepthRule({ n: config.maxQueryDepth, ...report }),
    maxAliasesRule({ n: config.maxAliases, ...report }),
    // Apollo's `introspection` option covers HTTP only; as a rule it holds on the WebSocket too.
    ...(config.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}

/** `cache-control: no-store` on every GraphQL answer, as Apollo's cache control gave it with no cache hints. */
const noStore: ApolloServerPlugin<Context> = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse: ({ response }) => {
        response.http.headers.set('cache-control', 'no-store');
        return Promise.resolve();
      },
    }),
};

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
  const authenticator = createAuthenticator(orm, config);
  const rateLimiter = new RateLimiter(config.rateLimits, tenantRateLimitSource(orm), bus.redis, config.redisPrefix);
  const contactNotifier = createContactNotifier(config, log);
  const ledgerPool = new StatementPool(orm, ledgerPoolOptions(config));
  const earns = createEarnBatcher(ledgerPool, config, () => metrics.ledgerBatchFallbacks.inc());
  const services = createServices(
    ledgerPool,
    earns,
    authenticator,
    config,
    contactNotifier,
    rateLimiter,
    createReminderNotifier(config, log),
    log,
  );
  const schema = await buildGatewaySchema(services, bus.pubSub);
  const limits = limitRules(config);
  const includeStacktrace = config.nodeEnv === 'development';
  const formatErrorFn = formatError(includeStacktrace);
  const contextDeps: ContextDeps = { orm, bus, reads: readBatch(orm, config), createLoaders };

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const webSocket = startWebSocketServer(httpServer, {
    schema,
    validationRules: limits,
    maxQueryCost: config.maxQueryCost,
    rateLimiter,
    authenticator,
    contextDeps,
    bus,
    subscriptionBufferLimit: config.subscriptionBufferLimit,
    formatError: formatErrorFn,
    metrics,
    log,
    maxConnectionsPerCaller: config.wsMaxConnectionsPerKey,
    pingIntervalMs: config.wsPingIntervalMs,
    maxPayload: config.wsMaxPayload,
    maxSubscriptionsPerSocket: config.wsMaxSubscriptionsPerSocket,
    initTimeoutMs: config.wsInitTimeoutMs,
  });

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
      // Apollo's landing page loads Apollo Sandbox from a CDN: the gateway serves GraphiQL itself (below).
      ApolloServerPluginLandingPageDisabled(),
      // The schema has no cache hints, so every answer was `no-store`; Apollo's plugin wrapped every field's
      // resolver to find that out. The header is set as it was, without the per-field cost.
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      metrics.apolloPlugin(),
      queryCostPlugin<Context>(config.maxQueryCost),
      stringInputsPlugin(),
      {
        serverWillStart: () => Promise.resolve({ drainServer: () => webSocket.drain() }),
      },
    ],
  });
  await apollo.start();

  app.use(probeRoutes(orm, bus));
  if (config.metricsOnMainPort) app.use(metricsRoute(metrics, config.metricsToken, config.metricsGcBeforeScrape));
  const metricsServer = config.metricsPort === undefined ? undefined : createServer(metricsApp(metrics, config));
  app.use('/ingest', ingestRouter(orm, services.signals, log, config.ingestMaxBodyBytes));
  // The agent console's page (it calls /graphql like any client, with the agent's key).
  app.use(consoleRouter());
  const rateLimited = rateLimitRequests(rateLimiter, authenticator, formatErrorFn);
  // The GraphQL IDE, offline (config.landingPage); before /graphql, where a browser is sent on to it.
  if (config.landingPage) app.use(graphiqlRoutes());
  app.use(
    '/graphql',
    rateLimited.middleware,
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req);
        res.setHeader('x-request-id', requestId);
        const caller = await rateLimited.callerOf(req);
        return createContext(contextDeps, caller, requestId, log, { requestId });
      },
    }),
  );
  app.use(jsonErrorHandler(log));

  const stopConfigEvents = followProgramConfig(bus, services.programConfig, log);
  await relay.start();
  const stopJobs = startJobs(orm, services, config, log);

  let closing: Promise<void> | null = null;
  return {
    httpServer,
    orm,
    ledgerPool,
    bus,
    metrics,
    log,
    services,
    listen: async (port) => {
      if (metricsServer) await listenOn(metricsServer, config.metricsPort!);
      return listenOn(httpServer, port);
    },
    metricsPort: () => (metricsServer?.listening ? (metricsServer.address() as AddressInfo).port : undefined),
    fanoutGroups: () => webSocket.fanoutGroups(),
    close: () =>
      (closing ??= (async () => {
        stopJobs();
        stopConfigEvents();
        // apollo.stop() runs the drain plugins: stops accepting, waits for in-flight HTTP, closes sockets.
        await apollo.stop();
        webSocket.close();
        await relay.stop();
        // Codes under way get a moment to go out; one not delivered is requested again.
        await settleWithin(contactNotifier.drain(), 5_000, undefined);
        // Reminders under way likewise; one cut off stays SENDING (never sent twice) and is logged.
        await settleWithin(services.playbookEngine.drain(), 5_000, undefined);
        await earns.close();
        await bus.close();
        await ledgerPool.close();
        await orm.close(true);
        if (metricsServer?.listening) await new Promise((resolve) => metricsServer.close(resolve));
      })()),
  };
}

function listenOn(server: Server, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve((server.address() as AddressInfo).port));
  });
}

/** The metrics listener's app: /metrics and nothing else, so the port can be opened to Prometheus alone. */
function metricsApp(metrics: Metrics, config: Config): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(metricsRoute(metrics, config.metricsToken, config.metricsGcBeforeScrape));
  return app;
}
