import { API_KEY_CACHE_MS } from '../../src/shared/auth/authenticator';
import { TEST_ADMIN_TOKEN } from '../support/env';
import { createApiKey, createCustomer, createStore, createTenant, type TenantFixture } from '../support/factories';
import { errorCode, gql, gqlOk, startGateway, type TestGateway } from '../support/gateway';

const CREATE_TENANT = `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } ownerKey { secret } } }`;
const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id role storeId prefix } } }`;

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway();
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

describe('createTenant', () => {
  const input = { name: 'Bakery', currency: 'eur', timezone: 'Europe/Paris' };

  it('needs the platform token', async () => {
    expect(errorCode(await gql(gw, CREATE_TENANT, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(gw, CREATE_TENANT, { input }, tenant.ownerKey))).toBe('FORBIDDEN');
    expect(errorCode(await gql(gw, CREATE_TENANT, { input }, 'not-the-admin-token'))).toBe('UNAUTHENTICATED');
  });

  it('returns a working OWNER key and normalises the currency', async () => {
    const data = await gqlOk(
      gw,
      `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id currency timezone } ownerKey { secret apiKey { role } } } }`,
      { input },
      TEST_ADMIN_TOKEN,
    );
    expect(data.createTenant.tenant).toMatchObject({ currency: 'EUR', timezone: 'Europe/Paris' });
    expect(data.createTenant.ownerKey.apiKey.role).toBe('OWNER');
    const viewer = await gqlOk(gw, `{ viewer { role tenantId } }`, {}, data.createTenant.ownerKey.secret);
    expect(viewer.viewer).toEqual({ role: 'OWNER', tenantId: data.createTenant.tenant.id });
  });

  it.each([
    [{ ...input, currency: 'EURO' }, 'input.currency'],
    [{ ...input, timezone: 'Mars/Olympus' }, 'input.timezone'],
    [{ ...input, name: '   ' }, 'input.name'],
  ])('rejects bad input %#, naming the field', async (bad, field) => {
    const res = await gql(gw, CREATE_TENANT, { input: bad }, TEST_ADMIN_TOKEN);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });
});

describe('API keys', () => {
  it('shows the secret once and stores only a hash', async () => {
    const created = await gqlOk(gw, CREATE_KEY, { input: { role: 'AGENT', name: 'Desk 1' } }, tenant.ownerKey);
    const { secret, apiKey } = created.createApiKey;
    expect(secret).toMatch(/^lgk_/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const rows = await gw.gateway.orm.em
      .fork()
      .getConnection()
      .execute('select secret_hash from api_key where id = ?', [apiKey.id]);
    expect(rows[0].secret_hash).toHaveLength(64);
    expect(rows[0].secret_hash).not.toContain(secret.slice(4));
    const listed = await gqlOk(gw, `{ apiKeys { id name role } }`, {}, tenant.ownerKey);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.apiKeys.map((k: { id: string }) => k.id)).toContain(apiKey.id);
  });

  it('stops working once revoked', async () => {
    const key = await createApiKey(gw, tenant.ownerKey, 'AGENT');
    expect((await gqlOk(gw, `{ viewer { role } }`, {}, key.secret)).viewer.role).toBe('AGENT');
    const revoked = await gqlOk(
      gw,
      `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      { id: key.id },
      tenant.ownerKey,
    );
    expect(revoked.revokeApiKey.revokedAt).toBeTruthy();
    const res = await gql(gw, `{ viewer { role } }`, {}, key.secret);
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.extensions?.reason).toBe('KEY_REVOKED');
  });

  it('a key revoked through one instance stops working on every instance within the cache time', async () => {
    const other = await startGateway();
    try {
      const key = await createApiKey(gw, tenant.ownerKey, 'AGENT');
      expect((await gqlOk(other, `{ viewer { role } }`, {}, key.secret)).viewer.role).toBe('AGENT'); // now cached there
      await gqlOk(gw, `mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: key.id }, tenant.ownerKey);
      expect(errorCode(await gql(gw, `{ viewer { role } }`, {}, key.secret))).toBe('UNAUTHENTICATED');
      await new Promise((resolve) => setTimeout(resolve, API_KEY_CACHE_MS + 200));
      expect(errorCode(await gql(other, `{ viewer { role } }`, {}, key.secret))).toBe('UNAUTHENTICATED');
    } finally {
      await other.close();
    }
  });

  it('binds POS keys to a store of the tenant, and only POS keys', async () => {
    const store = await createStore(gw, tenant.ownerKey);
    const pos = await gqlOk(
      gw,
      CREATE_KEY,
      { input: { role: 'POS', name: 'Till 1', storeId: store.id } },
      tenant.ownerKey,
    );
    expect(pos.createApiKey.apiKey.storeId).toBe(store.id);
    const missing = await gql(gw, CREATE_KEY, { input: { role: 'POS', name: 'Till 2' } }, tenant.ownerKey);
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0]?.extensions?.field).toBe('input.storeId');
    const unknown = await gql(
      gw,
      CREATE_KEY,
      { input: { role: 'POS', name: 'Till 3', storeId: '00000000-0000-4000-8000-000000000000' } },
      tenant.ownerKey,
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const agent = await gql(
      gw,
      CREATE_KEY,
      { input: { role: 'AGENT', name: 'Desk', storeId: store.id } },
      tenant.ownerKey,
    );
    expect(errorCode(agent)).toBe('BAD_USER_INPUT');
  });

  it('refuses key management to roles without it, and owner keys to admins', async () => {
    const store = await createStore(gw, tenant.ownerKey);
    const pos = await createApiKey(gw, tenant.ownerKey, 'POS', store.id);
    for (const role of ['POS', 'AGENT', 'ANALYST', 'SUPERVISOR', 'SERVICE']) {
      const key = role === 'POS' ? pos : await createApiKey(gw, tenant.ownerKey, role);
      const res = await gql(gw, CREATE_KEY, { input: { role: 'ADMIN', name: 'escalate' } }, key.secret);
      expect([role, errorCode(res)]).toEqual([role, 'FORBIDDEN']);
    }
    const admin = await createApiKey(gw, tenant.ownerKey, 'ADMIN');
    expect(errorCode(await gql(gw, CREATE_KEY, { input: { role: 'OWNER', name: 'escalate' } }, admin.secret))).toBe(
      'FORBIDDEN',
    );
    expect(
      (await gqlOk(gw, CREATE_KEY, { input: { role: 'AGENT', name: 'ok' } }, admin.secret)).createApiKey.apiKey.role,
    ).toBe('AGENT');
  });

  it('lets a POS key create and read customers but not stores', async () => {
    const store = await createStore(gw, tenant.ownerKey);
    const pos = await createApiKey(gw, tenant.ownerKey, 'POS', store.id);
    const customer = await createCustomer(gw, pos.secret);
    expect(
      (await gqlOk(gw, `query ($id: ID!) { customer(id: $id) { id } }`, { id: customer.id }, pos.secret)).customer.id,
    ).toBe(customer.id);
    const res = await gql(
      gw,
      `mutation { createStore(input: { name: "x", code: "x1", region: "r" }) { id } }`,
      {},
      pos.secret,
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect((await gqlOk(gw, `{ viewer { role storeId } }`, {}, pos.secret)).viewer).toEqual({
      role: 'POS',
      storeId: store.id,
    });
  });
});

describe('stores', () => {
  it('keeps codes unique within a tenant', async () => {
    await createStore(gw, tenant.ownerKey, 'PARIS-1');
    const res = await gql(
      gw,
      `mutation { createStore(input: { name: "Dup", code: "PARIS-1", region: "idf" }) { id } }`,
      {},
      tenant.ownerKey,
    );
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors?.[0]?.extensions?.field).toBe('input.code');
    const other = await createTenant(gw);
    await expect(createStore(gw, other.ownerKey, 'PARIS-1')).resolves.toMatchObject({ code: 'PARIS-1' });
  });
});
