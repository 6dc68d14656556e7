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

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ INTROSPECTION: 'maybe' }, /INTROSPECTION/],
    [{ ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ METRICS_PORT: 'x' }, /METRICS_PORT/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN/],
    [{ LANDING_PAGE: 'maybe' }, /LANDING_PAGE/],
    [{ CUSTOMER_TOKEN_MAX_TTL_SECONDS: '10' }, /CUSTOMER_TOKEN_MAX_TTL_SECONDS/],
    [{ CUSTOMER_TOKEN_ISSUER: ' ' }, /CUSTOMER_TOKEN_ISSUER/],
  ])('rejects %p with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
