import { randomBytes } from 'node:crypto';

import type { CallerRole } from './shared/auth/roles';
import type { RateLimitSettings } from './shared/rate-limit';
import { INGEST_SOURCES, type IngestSource } from './timeline/ingest.sources';

/** Everything the gateway reads from the environment, validated once and frozen. */
export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  /** Unset: an embedded PostgreSQL is started under `.data/`. */
  readonly databaseUrl: string | undefined;
  /** Unset: events stay in this process. */
  readonly redisUrl: string | undefined;
  /** Prefix for every Redis channel, so several deployments (or test runs) can share one Redis. */
  readonly redisPrefix: string;
  readonly adminToken: string;
  /** True when the token was generated at start-up and must be shown to the operator once. */
  readonly adminTokenGenerated: boolean;
  readonly logLevel: string;
  readonly introspection: boolean;
  /** The GraphQL IDE (GraphiQL, served offline) at /graphiql, and GET /graphql from a browser sent to it. */
  readonly landingPage: boolean;
  /** Set: /metrics is served on its own listener on this port (0 picks a free one) and not on `port`. */
  readonly metricsPort: number | undefined;
  /** Set: /metrics requires `Authorization: Bearer <token>`, on whichever port serves it. */
  readonly metricsToken: string | undefined;
  /** Whether `port` serves /metrics: not when METRICS_PORT is set, nor in production without a token. */
  readonly metricsOnMainPort: boolean;
  /** Benches only (node --expose-gc): /metrics collects garbage first, so heap figures count live objects alone. */
  readonly metricsGcBeforeScrape: boolean;
  /** The `iss` every customer token signed with a tenant secret must carry. */
  readonly customerTokenIssuer: string;
  /** Longest customer token accepted (`exp - iat`), and longest `issueCustomerToken` signs. */
  readonly customerTokenMaxTtlSeconds: number;
  readonly bodyLimit: string;
  readonly maxQueryDepth: number;
  readonly maxAliases: number;
  readonly maxQueryCost: number;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly dbPoolMax: number;
  /** Connections of the ledger's own pool (prepared statements: grouped earns, purchases), besides the ORM's DB_POOL_MAX. */
  readonly ledgerPoolSize: number;
  /** Most earns booked by one grouped statement. */
  readonly ledgerBatchMax: number;
  /** Batched plain-read statements running at once per instance (reads asked for meanwhile go together next). */
  readonly readBatchInflight: number;
  /** Most reads in one batched statement. */
  readonly readBatchMax: number;
  /** How often each instance settles pending points and expires due lots; 0 turns the timer off. */
  readonly ledgerJobsIntervalMs: number;
  readonly tierJobsIntervalMs: number;
  /** How often each instance escalates support cases near or past their SLA deadlines; 0 turns the timer off. */
  readonly slaJobsIntervalMs: number;
  /** How often each instance runs playbooks on new customer signals; 0 turns the timer off. */
  readonly playbookJobsIntervalMs: number;
  /** How often each instance rescores customers whose inputs changed (and tenants due a full run); 0 turns it off. */
  readonly healthJobsIntervalMs: number;
  /** How old a tenant's last full health scoring may get before the health job scores it in full again. */
  readonly healthFullRunIntervalMs: number;
  /** Published outbox rows are kept this long: the window in which a reconnecting client catches up event by event. */
  readonly outboxRetentionHours: number;
  /** Events one subscription may fall behind before it is cut off. */
  readonly subscriptionBufferLimit: number;
  /** Open WebSocket connections per API key or customer, per instance. */
  readonly wsMaxConnectionsPerKey: number;
  /** How often sockets are pinged; one that has not answered the previous ping is closed. 0 turns pings off. */
  readonly wsPingIntervalMs: number;
  /** Global rate limits; a tenant can set its own per role (setRateLimits). */
  readonly rateLimits: RateLimitSettings;
  /** Largest WebSocket frame (or message) read, in bytes; a larger one closes the socket (1009). */
  readonly wsMaxPayload: number;
  /** Operations open at once on one socket (subscriptions, and queries or mutations still running). */
  readonly wsMaxSubscriptionsPerSocket: number;
  /** How long a new socket may take to send `connection_init` before it is closed (4408). */
  readonly wsInitTimeoutMs: number;
  /** Where contact verification codes are POSTed (signed); unset: they are only logged, never delivered. */
  readonly contactWebhookUrl: string | undefined;
  /** HMAC-SHA256 key of those POSTs; required with the URL. */
  readonly contactWebhookSecret: string | undefined;
  /** How long a contact verification code is valid. */
  readonly contactCodeTtlMinutes: number;
  /** Wrong codes allowed before a pending contact change is void. */
  readonly contactCodeMaxAttempts: number;
  /** Codes one customer may request per kind and hour. */
  readonly contactCodeRequestsPerHour: number;
  /** Where playbook reminders are POSTed (signed); unset: they are only logged, never delivered. */
  readonly reminderWebhookUrl: string | undefined;
  /** HMAC-SHA256 key of those POSTs; required with the URL. */
  readonly reminderWebhookSecret: string | undefined;
  /** The largest body `/ingest/:source` reads, per source; a larger one is refused before it is read. */
  readonly ingestMaxBodyBytes: Readonly<Record<IngestSource, number>>;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

/**
 * Operations per minute per API key (by role), per customer and for the platform token: a till serving a
 * busy queue makes a few requests per sale, an agent desktop a few per screen, both far below these.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<CallerRole, number>> = Object.freeze({
  OWNER: 1200,
  ADMIN: 1200,
  ANALYST: 1200,
  SUPERVISOR: 1200,
  AGENT: 1200,
  POS: 1200,
  SERVICE: 6000,
  AUDITOR: 1200,
  CUSTOMER: 300,
  PLATFORM: 600,
});

export const MAX_RATE_LIMIT = 1_000_000;

/** `RATE_LIMITS_PER_MINUTE=POS=600,CUSTOMER=120`; `ALL=n` sets every role first. */
function roleLimits(env: Env, name: string): Readonly<Record<CallerRole, number>> {
  const limits: Record<string, number> = { ...DEFAULT_RATE_LIMITS };
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return Object.freeze(limits);
  const entries = raw.split(',').map((entry) => entry.trim().split('='));
  const allFirst = [...entries.filter(([role]) => role === 'ALL'), ...entries.filter(([role]) => role !== 'ALL')];
  for (const [role, value] of allFirst) {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > MAX_RATE_LIMIT)
      throw new ConfigError(`${name}: ${role} must be an integer from 1 to ${MAX_RATE_LIMIT}, got "${value}"`);
    if (role === 'ALL') for (const known of Object.keys(limits)) limits[known] = n;
    else if (role in limits) limits[role] = n;
    else throw new ConfigError(`${name}: unknown role "${role}" (${Object.keys(limits).join(', ')} or ALL)`);
  }
  return Object.freeze(limits);
}

const INGEST_BODY_DEFAULT = 256 * 1024;
const INGEST_BODY_MAX = 16 * 1024 * 1024;

/** INGEST_MAX_BODY_BYTES for every source, INGEST_MAX_BODY_BYTES_<SOURCE> (e.g. _CRM) for one. */
function ingestBodyLimits(env: Env): Record<IngestSource, number> {
  const all = integer(env, 'INGEST_MAX_BODY_BYTES', INGEST_BODY_DEFAULT, 1024, INGEST_BODY_MAX);
  return Object.freeze(
    Object.fromEntries(
      INGEST_SOURCES.map((source) => [
        source,
        integer(env, `INGEST_MAX_BODY_BYTES_${source.toUpperCase()}`, all, 1024, INGEST_BODY_MAX),
      ]),
    ) as Record<IngestSource, number>,
  );
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env): Config {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (nodeEnvRaw !== 'development' && nodeEnvRaw !== 'production' && nodeEnvRaw !== 'test') {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw;

  let adminToken = env.ADMIN_TOKEN ?? '';
  let adminTokenGenerated = false;
  if (adminToken === '') {
    // A production gateway with a random, unprinted platform token would be unmanageable.
    if (nodeEnv === 'production') throw new ConfigError('ADMIN_TOKEN is required when NODE_ENV=production');
    adminToken = `adm_${randomBytes(24).toString('base64url')}`;
    adminTokenGenerated = true;
  } else if (adminToken.length < 16) {
    throw new ConfigError('ADMIN_TOKEN must be at least 16 characters');
  }

  const metricsToken = env.METRICS_TOKEN || undefined;
  // The token is compared in constant time, but a short one could still be guessed.
  if (metricsToken !== undefined && metricsToken.length < 16)
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  const metricsPortRaw = env.METRICS_PORT;
  const metricsPort =
    metricsPortRaw === undefined || metricsPortRaw === '' ? undefined : integer(env, 'METRICS_PORT', 0, 0, 65535);

  const customerTokenIssuer = (env.CUSTOMER_TOKEN_ISSUER ?? 'loyalty-gateway').trim();
  if (customerTokenIssuer === '' || customerTokenIssuer.length > 200)
    throw new ConfigError('CUSTOMER_TOKEN_ISSUER must be 1 to 200 characters');

  const logLevel = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  // The body carries a one-time code and an address: in production it travels over TLS only.
  const contactWebhookUrl = url(
    env,
    'CONTACT_WEBHOOK_URL',
    nodeEnv === 'production' ? ['https:'] : ['https:', 'http:'],
  );
  const contactWebhookSecret = env.CONTACT_WEBHOOK_SECRET || undefined;
  if (contactWebhookUrl && (contactWebhookSecret?.length ?? 0) < 16) {
    throw new ConfigError('CONTACT_WEBHOOK_SECRET (at least 16 characters) is required with CONTACT_WEBHOOK_URL');
  }

  // The body carries the customer's address: in production it travels over TLS only.
  const reminderWebhookUrl = url(
    env,
    'REMINDER_WEBHOOK_URL',
    nodeEnv === 'production' ? ['https:'] : ['https:', 'http:'],
  );
  const reminderWebhookSecret = env.REMINDER_WEBHOOK_SECRET || undefined;
  if (reminderWebhookUrl && (reminderWebhookSecret?.length ?? 0) < 16) {
    throw new ConfigError('REMINDER_WEBHOOK_SECRET (at least 16 characters) is required with REMINDER_WEBHOOK_URL');
  }

  return Object.freeze({
    nodeEnv,
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: env.REDIS_PREFIX || 'lg',
    adminToken,
    adminTokenGenerated,
    logLevel,
    introspection: boolean(env, 'INTROSPECTION', nodeEnv !== 'production'),
    landingPage: boolean(env, 'LANDING_PAGE', nodeEnv !== 'production'),
    metricsPort,
    metricsToken,
    // A production gateway's public port shows metrics only behind a token; METRICS_PORT moves them off it.
    metricsOnMainPort: metricsPort === undefined && (metricsToken !== undefined || nodeEnv !== 'production'),
    metricsGcBeforeScrape: boolean(env, 'METRICS_GC_BEFORE_SCRAPE', false),
    customerTokenIssuer,
    customerTokenMaxTtlSeconds: integer(env, 'CUSTOMER_TOKEN_MAX_TTL_SECONDS', 86_400, 60, 30 * 86_400),
    bodyLimit: env.BODY_LIMIT || '100kb',
    maxQueryDepth: integer(env, 'MAX_QUERY_DEPTH', 10, 2, 100),
    maxAliases: integer(env, 'MAX_ALIASES', 30, 1, 1000),
    maxQueryCost: integer(env, 'MAX_QUERY_COST', 5000, 10, 1_000_000),
    dataDir: env.DATA_DIR || '.data',
    embeddedPgPort: integer(env, 'EMBEDDED_PG_PORT', 5488, 1, 65535),
    dbPoolMax: integer(env, 'DB_POOL_MAX', 20, 1, 500),
    ledgerPoolSize: integer(env, 'LEDGER_POOL_SIZE', 4, 1, 100),
    ledgerBatchMax: integer(env, 'LEDGER_BATCH_MAX', 64, 1, 1000),
    readBatchInflight: integer(env, 'READ_BATCH_INFLIGHT', 4, 1, 100),
    readBatchMax: integer(env, 'READ_BATCH_MAX', 100, 1, 1000),
    ledgerJobsIntervalMs: integer(env, 'LEDGER_JOBS_INTERVAL_MS', 60_000, 0, 86_400_000),
    tierJobsIntervalMs: integer(env, 'TIER_JOBS_INTERVAL_MS', 3_600_000, 0, 86_400_000),
    slaJobsIntervalMs: integer(env, 'SLA_JOBS_INTERVAL_MS', 60_000, 0, 86_400_000),
    playbookJobsIntervalMs: integer(env, 'PLAYBOOK_JOBS_INTERVAL_MS', 2_000, 0, 86_400_000),
    healthJobsIntervalMs: integer(env, 'HEALTH_JOBS_INTERVAL_MS', 10_000, 0, 86_400_000),
    healthFullRunIntervalMs: integer(env, 'HEALTH_FULL_RUN_INTERVAL_MS', 3_600_000, 60_000, 7 * 86_400_000),
    outboxRetentionHours: integer(env, 'OUTBOX_RETENTION_HOURS', 72, 1, 24 * 365),
    subscriptionBufferLimit: integer(env, 'SUBSCRIPTION_BUFFER_LIMIT', 1000, 10, 1_000_000),
    wsMaxConnectionsPerKey: integer(env, 'WS_MAX_CONNECTIONS_PER_KEY', 100, 1, 100_000),
    wsPingIntervalMs: integer(env, 'WS_PING_INTERVAL_MS', 30_000, 0, 3_600_000),
    rateLimits: Object.freeze({
      operationsPerMinute: roleLimits(env, 'RATE_LIMITS_PER_MINUTE'),
      anonymousPerMinute: integer(env, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE', 300, 1, MAX_RATE_LIMIT),
      connectionsPerMinute: integer(env, 'RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE', 120, 1, MAX_RATE_LIMIT),
    }),
    // At least 1 KiB so a connection_init with a long token fits; at most 16 MiB, a frame ws must buffer.
    wsMaxPayload: integer(env, 'WS_MAX_PAYLOAD', 64 * 1024, 1024, 16 * 1024 * 1024),
    wsMaxSubscriptionsPerSocket: integer(env, 'WS_MAX_SUBSCRIPTIONS_PER_SOCKET', 50, 1, 10_000),
    wsInitTimeoutMs: integer(env, 'WS_INIT_TIMEOUT_MS', 3_000, 100, 60_000),
    contactWebhookUrl,
    contactWebhookSecret,
    contactCodeTtlMinutes: integer(env, 'CONTACT_CODE_TTL_MINUTES', 15, 1, 24 * 60),
    contactCodeMaxAttempts: integer(env, 'CONTACT_CODE_MAX_ATTEMPTS', 5, 1, 20),
    contactCodeRequestsPerHour: integer(env, 'CONTACT_CODE_REQUESTS_PER_HOUR', 5, 1, 100),
    reminderWebhookUrl,
    reminderWebhookSecret,
    ingestMaxBodyBytes: ingestBodyLimits(env),
  });
}
