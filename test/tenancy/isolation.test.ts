import { SignJWT } from 'jose';

import { CustomerEmailDocument } from '../generated/graphql';
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
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  gw = await startGateway();
  [a, b] = await Promise.all([createTenant(gw, 'Tenant A'), createTenant(gw, 'Tenant B')]);
});
afterAll(() => gw.close());

describe('tenant isolation', () => {
  it('a key of tenant A can neither read nor write anything of tenant B', async () => {
    const bCustomer = await createCustomer(b.owner, { displayName: 'Bea' });
    const bStore = await createStore(b.owner);
    const aAgent = await a.agent();

    for (const token of [a.owner, aAgent]) {
      const read = await token.gql(CustomerEmailDocument, { id: bCustomer.id });
      expect(errorCode(read)).toBe('NOT_FOUND');
      expect(read.errors?.[0]?.extensions?.field).toBe('id');

      const search = await token.data(`query ($s: String) { customers(search: $s) { edges { node { id } } } }`, {
        s: 'Bea',
      });
      expect(search.customers.edges).toEqual([]);

      const write = await token.gql(
        `mutation ($id: ID!) { updateCustomer(input: { id: $id, displayName: "pwned" }) { id } }`,
        { id: bCustomer.id },
      );
      expect(errorCode(write)).toBe('NOT_FOUND');

      expect(errorCode(await token.gql(`query ($id: ID!) { store(id: $id) { id } }`, { id: bStore.id }))).toBe(
        'NOT_FOUND',
      );
      expect((await token.data(`{ stores { id } }`)).stores).toEqual([]);
    }
    // B's record is untouched by A's attempts.
    const still = await b.owner.data(`query ($id: ID!) { customer(id: $id) { displayName profileRevision } }`, {
      id: bCustomer.id,
    });
    expect(still.customer).toEqual({ displayName: 'Bea', profileRevision: 1 });

    const posKey = await a.owner.gql(
      `mutation ($s: ID!) { createApiKey(input: { role: POS, name: "x", storeId: $s }) { secret } }`,
      { s: bStore.id },
    );
    expect(errorCode(posKey)).toBe('NOT_FOUND');
    const revoke = await a.owner.gql(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, {
      id: (await b.agent()).id,
    });
    expect(errorCode(revoke)).toBe('NOT_FOUND');
    expect((await a.owner.data(`{ tenant { id } }`)).tenant.id).toBe(a.tenantId);
  });

  it('treats the same email in two tenants as two customers', async () => {
    const email = `shared-${Date.now()}@example.com`;
    const inA = await createCustomer(a.owner, { email });
    const inB = await createCustomer(b.owner, { email });
    expect(inA.id).not.toBe(inB.id);
    const dup = await a.owner.gql(`mutation ($e: String) { createCustomer(input: { email: $e }) { id } }`, {
      e: email.toUpperCase(),
    });
    expect(errorCode(dup)).toBe('CONFLICT');
    expect(dup.errors?.[0]?.extensions?.field).toBe('input.email');
  });
});

describe('customer tokens', () => {
  it('read only their own customer', async () => {
    const me = await createCustomer(a.owner, { displayName: 'Me' });
    const other = await createCustomer(a.owner, { displayName: 'Other' });
    const token = await a.customer(me.id);

    expect((await token.data(CustomerEmailDocument, { id: me.id })).customer.id).toBe(me.id);
    expect(errorCode(await token.gql(CustomerEmailDocument, { id: other.id }))).toBe('FORBIDDEN');
    expect(errorCode(await token.gql(`{ customers { edges { node { id } } } }`))).toBe('FORBIDDEN');
    expect(errorCode(await token.gql(`{ stores { id } }`))).toBe('FORBIDDEN');
    expect(errorCode(await token.gql(`mutation { createCustomer(input: { email: "x@example.com" }) { id } }`))).toBe(
      'FORBIDDEN',
    );
    const renamed = await token.data(
      `mutation ($id: ID!) { updateCustomer(input: { id: $id, displayName: "Renamed" }) { displayName profileRevision } }`,
      { id: me.id },
    );
    expect(renamed.updateCustomer).toEqual({ displayName: 'Renamed', profileRevision: 2 });
    const otherUpdate = await token.gql(
      `mutation ($id: ID!) { updateCustomer(input: { id: $id, displayName: "x" }) { id } }`,
      { id: other.id },
    );
    expect(errorCode(otherUpdate)).toBe('FORBIDDEN');
  });

  it('are accepted when the business signs them with the tenant secret, and refused otherwise', async () => {
    const me = await createCustomer(a.owner);
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
    // Tokens the business signs itself: the credential under test is the point here.
    expect((await new ApiClient(gw, good).data(`{ viewer { role customerId tenantId } }`)).viewer).toEqual({
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
      const res = await new ApiClient(gw, token).gql(CustomerEmailDocument, { id: me.id });
      expect(res.status).toBe(401);
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    }
  });
});
