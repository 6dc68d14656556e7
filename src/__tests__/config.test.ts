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

  it.each([
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
  ])('rejects %p with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
