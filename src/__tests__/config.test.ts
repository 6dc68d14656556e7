import { ConfigError, loadConfig } from '../config';

describe('loadConfig', () => {
  it('defaults to port 4000, embedded PostgreSQL and in-process events', () => {
    const config = loadConfig({ ADMIN_TOKEN: 'a-long-enough-admin-token' });
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
      redisUrl: undefined,
      introspection: true,
      adminTokenGenerated: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('generates an admin token in development and requires one in production', () => {
    const dev = loadConfig({});
    expect(dev.adminTokenGenerated).toBe(true);
    expect(dev.adminToken).toMatch(/^adm_.{32}$/);
    expect(loadConfig({}).adminToken).not.toBe(dev.adminToken);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ADMIN_TOKEN is required/);
    expect(loadConfig({ NODE_ENV: 'production', ADMIN_TOKEN: 'x'.repeat(32) }).introspection).toBe(false);
  });

  it('reads rate limits per role over the defaults, ALL first', () => {
    const defaults = loadConfig({}).rateLimits;
    expect(defaults.operationsPerMinute).toMatchObject({ POS: 1200, SERVICE: 6000, CUSTOMER: 300 });
    const set = loadConfig({ RATE_LIMITS_PER_MINUTE: 'POS=60, ALL=5000' }).rateLimits.operationsPerMinute;
    expect(set).toMatchObject({ POS: 60, OWNER: 5000, CUSTOMER: 5000, PLATFORM: 5000 });
  });

  it('keeps /metrics, the landing page and introspection off the public port in production', () => {
    const production = { NODE_ENV: 'production', ADMIN_TOKEN: 'x'.repeat(32) };
    expect(loadConfig(production)).toMatchObject({
      metricsOnMainPort: false,
      landingPage: false,
      introspection: false,
    });
    expect(loadConfig({ ...production, METRICS_TOKEN: 't'.repeat(16) }).metricsOnMainPort).toBe(true);
    expect(loadConfig({ ...production, METRICS_PORT: '9464' })).toMatchObject({
      metricsPort: 9464,
      metricsOnMainPort: false,
    });
    expect(loadConfig({})).toMatchObject({
      metricsOnMainPort: true,
      landingPage: true,
      customerTokenIssuer: 'loyalty-gateway',
      customerTokenMaxTtlSeconds: 86_400,
    });
  });

  it('limits WebSocket frames to 64 KiB, operations to 50 per socket and connection_init to 3 s by default', () => {
    expect(loadConfig({})).toMatchObject({
      wsMaxPayload: 65_536,
      wsMaxSubscriptionsPerSocket: 50,
      wsInitTimeoutMs: 3000,
    });
    expect(
      loadConfig({ WS_MAX_PAYLOAD: '2048', WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '5', WS_INIT_TIMEOUT_MS: '500' }),
    ).toMatchObject({ wsMaxPayload: 2048, wsMaxSubscriptionsPerSocket: 5, wsInitTimeoutMs: 500 });
  });

  it('caps ingestion bodies at 256 KiB per source unless told otherwise, for all sources or one', () => {
    const base = { ADMIN_TOKEN: 'a-long-enough-admin-token' };
    expect(loadConfig(base).ingestMaxBodyBytes).toEqual({ crm: 262144, support: 262144, billing: 262144, pos: 262144 });
    expect(
      loadConfig({ ...base, INGEST_MAX_BODY_BYTES: '65536', INGEST_MAX_BODY_BYTES_POS: '1048576' }).ingestMaxBodyBytes,
    ).toEqual({ crm: 65536, support: 65536, billing: 65536, pos: 1048576 });
  });

  it.each([
    [{ WS_MAX_PAYLOAD: '100' }, /WS_MAX_PAYLOAD/],
    [{ WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '0' }, /WS_MAX_SUBSCRIPTIONS_PER_SOCKET/],
    [{ WS_INIT_TIMEOUT_MS: 'soon' }, /WS_INIT_TIMEOUT_MS/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ INTROSPECTION: 'maybe' }, /INTROSPECTION/],
    [{ ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ RATE_LIMITS_PER_MINUTE: 'POS=0' }, /RATE_LIMITS_PER_MINUTE/],
    [{ RATE_LIMITS_PER_MINUTE: 'CASHIER=10' }, /RATE_LIMITS_PER_MINUTE: unknown role/],
    [{ RATE_LIMIT_ANONYMOUS_PER_MINUTE: 'lots' }, /RATE_LIMIT_ANONYMOUS_PER_MINUTE/],
    [{ METRICS_PORT: 'x' }, /METRICS_PORT/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN/],
    [{ LANDING_PAGE: 'maybe' }, /LANDING_PAGE/],
    [{ CUSTOMER_TOKEN_MAX_TTL_SECONDS: '10' }, /CUSTOMER_TOKEN_MAX_TTL_SECONDS/],
    [{ CUSTOMER_TOKEN_ISSUER: ' ' }, /CUSTOMER_TOKEN_ISSUER/],
    [{ CONTACT_WEBHOOK_URL: 'https://sender.example/codes' }, /CONTACT_WEBHOOK_SECRET/],
    [
      {
        NODE_ENV: 'production',
        ADMIN_TOKEN: 'x'.repeat(32),
        CONTACT_WEBHOOK_URL: 'http://sender.example/codes',
        CONTACT_WEBHOOK_SECRET: 's'.repeat(32),
      },
      /CONTACT_WEBHOOK_URL/,
    ],
    [{ CONTACT_CODE_MAX_ATTEMPTS: '0' }, /CONTACT_CODE_MAX_ATTEMPTS/],
    [{ INGEST_MAX_BODY_BYTES: '256kb' }, /INGEST_MAX_BODY_BYTES/],
    [{ INGEST_MAX_BODY_BYTES_CRM: '0' }, /INGEST_MAX_BODY_BYTES_CRM/],
  ])('rejects %p with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('runs playbooks every 2 s by default and requires a secret with the reminder webhook, over TLS in production', () => {
    expect(loadConfig({})).toMatchObject({ playbookJobsIntervalMs: 2000, reminderWebhookUrl: undefined });
    expect(() => loadConfig({ REMINDER_WEBHOOK_URL: 'https://sender.example/reminders' })).toThrow(
      /REMINDER_WEBHOOK_SECRET/,
    );
    const production = { NODE_ENV: 'production', ADMIN_TOKEN: 'x'.repeat(32), REMINDER_WEBHOOK_SECRET: 's'.repeat(16) };
    expect(() => loadConfig({ ...production, REMINDER_WEBHOOK_URL: 'http://sender.example/reminders' })).toThrow(
      ConfigError,
    );
    expect(loadConfig({ ...production, REMINDER_WEBHOOK_URL: 'https://sender.example/reminders' })).toMatchObject({
      reminderWebhookUrl: 'https://sender.example/reminders',
      reminderWebhookSecret: 's'.repeat(16),
    });
  });
});
