import { SignJWT } from 'jose';

import {
  createApiKey,
  createCustomer,
  createStore,
  createTenant,
  customerToken,
  type TenantFixture,
} from './helpers/factories';
import { errorCode, gql, gqlOk, startGateway, type TestGateway } from './helpers/gateway';

let gw: TestGateway;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  gw = await startGateway();
  [a, b] = await Promise.all([createTenant(gw, 'Tenant A'), createTenant(gw, 'Tenant B')]);
});
afterAll(() => gw.close());

const CUSTOMER = `query ($id: ID!) { customer(id: $id) { id email } }`;

describe('tenant isolation', () => {
  it('a key of tenant A can neither read nor write anything of tenant B', async () => {
    const bCustomer = await createCustomer(gw, b.ownerKey, { displayName: 'Bea' });
    const bStore = await createStore(gw, b.ownerKey);
    const aAgent = await createApiKey(gw, a.ownerKey, 'AGENT');

    for (const token of [a.ownerKey, aAgent.secret]) {
      const read = await gql(gw, CUSTOMER, { id: bCustomer.id }, token);
      expect(errorCode(read)).toBe('NOT_FOUND');
      expect(read.errors?.[0]?.extensions?.field).toBe('id');

      const search = await gqlOk(
        gw,
        `query ($s: String) { customers(search: $s) { edges { node { id } } } }`,
        { s: 'Bea' },
        token,
      );
      expect(search.customers.edges).toEqual([]);

      const write = await gql(
        gw,
        `mutation ($id: ID!) { updateCustomer(input: { id: $id, displayName: "pwned" }) { id } }`,
        { id: bCustomer.id },
        token,
      );
      expect(errorCode(write)).toBe('NOT_FOUND');

      expect(errorCode(await gql(gw, `query ($id: ID!) { store(id: $id) { id } }`, { id: bStore.id }, token))).toBe(
        'NOT_FOUND',
      );
      expect((await gqlOk(gw, `{ stores { id } }`, {}, token)).stores).toEqual([]);
    }
    // B's record is untouched by A's attempts.
    const still = await gqlOk(
      gw,
      `query ($id: ID!) { customer(id: $id) { displayName version } }`,
      { id: bCustomer.id },
      b.ownerKey,
    );
    expect(still.customer).toEqual({ displayName: 'Bea', version: 1 });

    const posKey = await gql(
      gw,
      `mutation ($s: ID!) { createApiKey(input: { role: POS, name: "x", storeId: $s }) { secret } }`,
      { s: bStore.id },
      a.ownerKey,
    );
    expect(errorCode(posKey)).toBe('NOT_FOUND');
    const revoke = await gql(
      gw,
      `mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`,
      { id: (await createApiKey(gw, b.ownerKey, 'AGENT')).id },
      a.ownerKey,
    );
    expect(errorCode(revoke)).toBe('NOT_FOUND');
    expect((await gqlOk(gw, `{ tenant { id } }`, {}, a.ownerKey)).tenant.id).toBe(a.tenantId);
  });

  it('treats the same email in two tenants as two customers', async () => {
    const email = `shared-${Date.now()}@example.com`;
    const inA = await createCustomer(gw, a.ownerKey, { email });
    const inB = await createCustomer(gw, b.ownerKey, { email });
    expect(inA.id).not.toBe(inB.id);
    const dup = await gql(
      gw,
      `mutation ($e: String) { createCustomer(input: { email: $e }) { id } }`,
      { e: email.toUpperCase() },
      a.ownerKey,
    );
    expect(errorCode(dup)).toBe('CONFLICT');
    expect(dup.errors?.[0]?.extensions?.field).toBe('input.email');
  });
});

describe('customer tokens', () => {
  it('read only their own customer', async () => {
    const me = await createCustomer(gw, a.ownerKey, { displayName: 'Me' });
    const other = await createCustomer(gw, a.ownerKey, { displayName: 'Other' });
    const token = await customerToken(gw, a.ownerKey, me.id);

    expect((await gqlOk(gw, CUSTOMER, { id: me.id }, token)).customer.id).toBe(me.id);
    expect(errorCode(await gql(gw, CUSTOMER, { id: other.id }, token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(gw, `{ customers { edges { node { id } } } }`, {}, token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(gw, `{ stores { id } }`, {}, token))).toBe('FORBIDDEN');
    expect(
      errorCode(await gql(gw, `mutation { createCustomer(input: { email: "x@example.com" }) { id } }`, {}, token)),
    ).toBe('FORBIDDEN');
    const renamed = await gqlOk(
      gw,
      `mutation ($id: ID!) { updateCustomer(input: { id: $id, displayName: "Renamed" }) { displayName version } }`,
      { id: me.id },
      token,
    );
    expect(renamed.updateCustomer).toEqual({ displayName: 'Renamed', version: 2 });
    const otherUpdate = await gql(
      gw,
      `mutation ($id: ID!) { updateCustomer(input: { id: $id, displayName: "x" }) { id } }`,
      { id: other.id },
      token,
    );
    expect(errorCode(otherUpdate)).toBe('FORBIDDEN');
  });

  it('are accepted when the business signs them with the tenant secret, and refused otherwise', async () => {
    const me = await createCustomer(gw, a.ownerKey);
    const sign = (secret: string, claims: { tid: string; sub: string }, exp: string | number = '1h') =>
      new SignJWT({ tid: claims.tid })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.sub)
        .setIssuer('loyalty-gateway')
        .setAudience(claims.tid)
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(Buffer.from(secret));

    const good = await sign(a.customerJwtSecret, { tid: a.tenantId, sub: me.id });
    expect((await gqlOk(gw, `{ viewer { role customerId tenantId } }`, {}, good)).viewer).toEqual({
      role: 'CUSTOMER',
      customerId: me.id,
      tenantId: a.tenantId,
    });

    const cases = [
      await sign(b.customerJwtSecret, { tid: a.tenantId, sub: me.id }), // signed by another tenant
      await sign(a.customerJwtSecret, { tid: b.tenantId, sub: me.id }), // claims another tenant
      await sign(a.customerJwtSecret, { tid: a.tenantId, sub: me.id }, Math.floor(Date.now() / 1000) - 60), // expired
      `${good.slice(0, -4)}AAAA`, // tampered signature
      await sign(a.customerJwtSecret, { tid: '-'.repeat(36), sub: me.id }), // a tenant claim that is no id
    ];
    for (const token of cases) {
      const res = await gql(gw, CUSTOMER, { id: me.id }, token);
      expect(res.status).toBe(401);
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    }
  });
});
