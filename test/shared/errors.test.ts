import request from 'supertest';

import { ViewerRoleDocument } from '../generated/graphql';
import {
  createCustomer,
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

async function stillServing(): Promise<void> {
  expect((await request(gw.url).get('/healthz')).status).toBe(200);
  expect((await tenant.owner.data(ViewerRoleDocument)).viewer.role).toBe('OWNER');
}

describe('bad input gets a coded error and the server keeps serving', () => {
  it('malformed GraphQL', async () => {
    const res = await tenant.owner.gql(`{ customers( `);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('GRAPHQL_PARSE_FAILED');
    await stillServing();
  });

  it('unknown fields and wrong argument types', async () => {
    expect(errorCode(await tenant.owner.gql(`{ customers { nope } }`))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorCode(await tenant.owner.gql(`{ customers(first: "ten") { edges { cursor } } }`))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    const vars = await tenant.owner.gql(`query ($first: Int) { customers(first: $first) { edges { cursor } } }`, {
      first: 'ten',
    });
    expect(errorCode(vars)).toBe('BAD_USER_INPUT');
    await stillServing();
  });

  it('an invalid email or phone names the field', async () => {
    const email = await tenant.owner.gql(`mutation { createCustomer(input: { email: "not-an-email" }) { id } }`);
    expect(errorCode(email)).toBe('BAD_USER_INPUT');
    expect(email.errors?.[0]?.extensions).toMatchObject({ field: 'input.email', reason: 'EMAIL_INVALID' });
    const phone = await tenant.owner.gql(`mutation { createCustomer(input: { phone: "12" }) { id } }`);
    expect(phone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });
    const none = await tenant.owner.gql(`mutation { createCustomer(input: { displayName: "Nobody" }) { id } }`);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTACT_REQUIRED' });
  });

  it('an unknown or malformed id is NOT_FOUND naming the field', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await tenant.owner.gql(`query ($id: ID!) { customer(id: $id) { id } }`, { id });
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.extensions?.field).toBe('id');
    }
  });

  it('a bad cursor or page size names the argument', async () => {
    const cursor = await tenant.owner.gql(`{ customers(after: "garbage") { edges { cursor } } }`);
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    for (const first of [0, 101]) {
      const res = await tenant.owner.gql(`query ($first: Int) { customers(first: $first) { edges { cursor } } }`, {
        first,
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('an over-deep query is refused before it runs', async () => {
    // The schema has no cycles yet, so the limit is lowered to make a legal query too deep.
    const shallow = await startGateway({ env: { MAX_QUERY_DEPTH: '3' } });
    try {
      const ok = await tenant.owner.on(shallow).gql(`{ customers { pageInfo { hasNextPage } } }`);
      expect(ok.errors).toBeUndefined();
      const res = await tenant.owner.on(shallow).gql(`{ customers { edges { node { id } } } }`);
      expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0]?.message).toMatch(/depth/i);
      const viaFragment = await tenant.owner
        .on(shallow)
        .gql(`{ customers { ...C } } fragment C on CustomerConnection { edges { node { id } } }`);
      expect(errorCode(viaFragment)).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await shallow.close();
    }
    await stillServing();
  });

  it('a thousand aliases are refused before they run', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: viewer { role }`).join(' ');
    const res = await tenant.owner.gql(`{ ${aliases} }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
    await stillServing();
  });

  it('an oversized body or broken JSON is a 4xx with a code', async () => {
    const big = await request(gw.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ viewer { role } }`, variables: { pad: 'x'.repeat(200_000) } });
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await request(gw.url).post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    await stillServing();
  });

  it('never sends stack traces outside development', async () => {
    const res = await tenant.owner.gql(`query ($id: ID!) { customer(id: $id) { id } }`, { id: 'x' });
    expect(res.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
  });
});

describe('a write that fails leaves nothing half-written', () => {
  it('a refused update changes no field, no version and publishes nothing', async () => {
    const taken = await createCustomer(tenant.owner);
    const customer = await createCustomer(tenant.owner, { displayName: 'Before' });
    const em = gw.gateway.orm.em.fork();
    const eventsBefore = await em
      .getConnection()
      .execute(`select count(*)::int as n from outbox_event where tenant_id = ?`, [tenant.tenantId]);

    // displayName is valid and applied first in code; the email conflict must roll it back.
    const res = await tenant.owner.gql(
      `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`,
      { input: { id: customer.id, displayName: 'After', email: taken.email } },
    );
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors?.[0]?.extensions?.field).toBe('input.email');

    const after = await tenant.owner.data(`query ($id: ID!) { customer(id: $id) { displayName profileRevision } }`, {
      id: customer.id,
    });
    expect(after.customer).toEqual({ displayName: 'Before', profileRevision: 1 });
    const eventsAfter = await em
      .getConnection()
      .execute(`select count(*)::int as n from outbox_event where tenant_id = ?`, [tenant.tenantId]);
    expect(eventsAfter[0].n).toBe(eventsBefore[0].n);
  });

  it('a stale expectedProfileRevision is a CONFLICT and changes nothing', async () => {
    const customer = await createCustomer(tenant.owner, { displayName: 'V1' });
    const update = `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { displayName profileRevision } }`;
    const ok = await tenant.owner.data(update, {
      input: { id: customer.id, displayName: 'V2', expectedProfileRevision: 1 },
    });
    expect(ok.updateCustomer).toEqual({ displayName: 'V2', profileRevision: 2 });
    const stale = await tenant.owner.gql(update, {
      input: { id: customer.id, displayName: 'V3', expectedProfileRevision: 1 },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedProfileRevision' });
    const now = await tenant.owner.data(`query ($id: ID!) { customer(id: $id) { displayName profileRevision } }`, {
      id: customer.id,
    });
    expect(now.customer).toEqual({ displayName: 'V2', profileRevision: 2 });
  });
});
