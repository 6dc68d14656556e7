import { API_KEY_CACHE_MS } from '../../src/shared/auth/authenticator';
import {
  CreateApiKeyDocument,
  CreateTenantDocument,
  CreateTenantOwnerSecretDocument,
  ViewerRoleDocument,
} from '../generated/graphql';
import {
  ApiClient,
  createCustomer,
  createStore,
  createTenant,
  errorCode,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

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
    expect(errorCode(await gw.anonymous.gql(CreateTenantOwnerSecretDocument, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await tenant.owner.gql(CreateTenantOwnerSecretDocument, { input }))).toBe('FORBIDDEN');
    expect(
      errorCode(await new ApiClient(gw, 'not-the-admin-token').gql(CreateTenantOwnerSecretDocument, { input })),
    ).toBe('UNAUTHENTICATED');
  });

  it('returns a working OWNER key and normalises the currency', async () => {
    const data = await gw.platform.data(CreateTenantDocument, { input });
    expect(data.createTenant.tenant).toMatchObject({ currency: 'EUR', timezone: 'Europe/Paris' });
    expect(data.createTenant.ownerKey.apiKey.role).toBe('OWNER');
    // The secret createTenant returned, sent as is: that it works is the point.
    const viewer = await new ApiClient(gw, data.createTenant.ownerKey.secret).data(`{ viewer { role tenantId } }`);
    expect(viewer.viewer).toEqual({ role: 'OWNER', tenantId: data.createTenant.tenant.id });
  });

  it.each([
    [{ ...input, currency: 'EURO' }, 'input.currency'],
    [{ ...input, timezone: 'Mars/Olympus' }, 'input.timezone'],
    [{ ...input, name: '   ' }, 'input.name'],
  ])('rejects bad input %#, naming the field', async (bad, field) => {
    const res = await gw.platform.gql(CreateTenantOwnerSecretDocument, { input: bad });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });
});

describe('API keys', () => {
  it('shows the secret once and stores only a hash', async () => {
    const created = await tenant.owner.data(CreateApiKeyDocument, { input: { role: 'AGENT', name: 'Desk 1' } });
    const { secret, apiKey } = created.createApiKey;
    expect(secret).toMatch(/^lgk_/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const rows = await gw.gateway.orm.em
      .fork()
      .getConnection()
      .execute('select secret_hash from api_key where id = ?', [apiKey.id]);
    expect(rows[0].secret_hash).toHaveLength(64);
    expect(rows[0].secret_hash).not.toContain(secret.slice(4));
    const listed = await tenant.owner.data(`{ apiKeys { id name role } }`);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.apiKeys.map((k: { id: string }) => k.id)).toContain(apiKey.id);
  });

  it('stops working once revoked', async () => {
    const key = await tenant.agent();
    expect((await key.data(ViewerRoleDocument)).viewer.role).toBe('AGENT');
    const revoked = await tenant.owner.data(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, {
      id: key.id,
    });
    expect(revoked.revokeApiKey.revokedAt).toBeTruthy();
    const res = await key.gql(ViewerRoleDocument);
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.extensions?.reason).toBe('KEY_REVOKED');
  });

  it('a key revoked through one instance stops working on every instance within the cache time', async () => {
    const other = await startGateway();
    try {
      const key = await tenant.agent();
      expect((await key.on(other).data(ViewerRoleDocument)).viewer.role).toBe('AGENT'); // now cached there
      await tenant.owner.data(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: key.id });
      expect(errorCode(await key.gql(ViewerRoleDocument))).toBe('UNAUTHENTICATED');
      await new Promise((resolve) => setTimeout(resolve, API_KEY_CACHE_MS + 200));
      expect(errorCode(await key.on(other).gql(ViewerRoleDocument))).toBe('UNAUTHENTICATED');
    } finally {
      await other.close();
    }
  });

  it('binds POS keys to a store of the tenant, and only POS keys', async () => {
    const store = await createStore(tenant.owner);
    const pos = await tenant.owner.data(CreateApiKeyDocument, {
      input: { role: 'POS', name: 'Till 1', storeId: store.id },
    });
    expect(pos.createApiKey.apiKey.storeId).toBe(store.id);
    const missing = await tenant.owner.gql(CreateApiKeyDocument, { input: { role: 'POS', name: 'Till 2' } });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0]?.extensions?.field).toBe('input.storeId');
    const unknown = await tenant.owner.gql(CreateApiKeyDocument, {
      input: { role: 'POS', name: 'Till 3', storeId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const agent = await tenant.owner.gql(CreateApiKeyDocument, {
      input: { role: 'AGENT', name: 'Desk', storeId: store.id },
    });
    expect(errorCode(agent)).toBe('BAD_USER_INPUT');
  });

  it('refuses key management to roles without it, and owner keys to admins', async () => {
    const store = await createStore(tenant.owner);
    const pos = await tenant.pos(store.id);
    for (const role of ['POS', 'AGENT', 'ANALYST', 'SUPERVISOR', 'SERVICE'] as const) {
      const key = role === 'POS' ? pos : await tenant.key(role);
      const res = await key.gql(CreateApiKeyDocument, { input: { role: 'ADMIN', name: 'escalate' } });
      expect([role, errorCode(res)]).toEqual([role, 'FORBIDDEN']);
    }
    const admin = await tenant.key('ADMIN');
    expect(errorCode(await admin.gql(CreateApiKeyDocument, { input: { role: 'OWNER', name: 'escalate' } }))).toBe(
      'FORBIDDEN',
    );
    expect(
      (await admin.data(CreateApiKeyDocument, { input: { role: 'AGENT', name: 'ok' } })).createApiKey.apiKey.role,
    ).toBe('AGENT');
  });

  it('lets a POS key create and read customers but not stores', async () => {
    const store = await createStore(tenant.owner);
    const pos = await tenant.pos(store.id);
    const customer = await createCustomer(pos);
    expect((await pos.data(`query ($id: ID!) { customer(id: $id) { id } }`, { id: customer.id })).customer.id).toBe(
      customer.id,
    );
    const res = await pos.gql(`mutation { createStore(input: { name: "x", code: "x1", region: "r" }) { id } }`);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect((await pos.data(`{ viewer { role storeId } }`)).viewer).toEqual({
      role: 'POS',
      storeId: store.id,
    });
  });
});

describe('stores', () => {
  it('keeps codes unique within a tenant', async () => {
    await createStore(tenant.owner, 'PARIS-1');
    const res = await tenant.owner.gql(
      `mutation { createStore(input: { name: "Dup", code: "PARIS-1", region: "idf" }) { id } }`,
    );
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors?.[0]?.extensions?.field).toBe('input.code');
    const other = await createTenant(gw);
    await expect(createStore(other.owner, 'PARIS-1')).resolves.toMatchObject({ code: 'PARIS-1' });
  });
});
