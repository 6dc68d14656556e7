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

  it('caps ingestion bodies at 256 KiB per source unless told otherwise, for all sources or one', () => {
    const base = { ADMIN_TOKEN: 'a-long-enough-admin-token' };
    expect(loadConfig(base).ingestMaxBodyBytes).toEqual({ crm: 262144, support: 262144, billing: 262144, pos: 262144 });
    expect(
      loadConfig({ ...base, INGEST_MAX_BODY_BYTES: '65536', INGEST_MAX_BODY_BYTES_POS: '1048576' }).ingestMaxBodyBytes,
    ).toEqual({ crm: 65536, support: 65536, billing: 65536, pos: 1048576 });
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
    [{ INGEST_MAX_BODY_BYTES: '256kb' }, /INGEST_MAX_BODY_BYTES/],
    [{ INGEST_MAX_BODY_BYTES_CRM: '0' }, /INGEST_MAX_BODY_BYTES_CRM/],
  ])('rejects %p with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
