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

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ INTROSPECTION: 'maybe' }, /INTROSPECTION/],
    [{ ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
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
  ])('rejects %p with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
