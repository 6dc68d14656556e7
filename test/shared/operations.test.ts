import request from 'supertest';

import {
  collect,
  createCustomer,
  createTenant,
  startGateway,
  type TenantFixture,
  type TestGateway,
  uniquePrefix,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({ redisPrefix: uniquePrefix('ops') });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

describe('health endpoints', () => {
  it('/healthz says alive and /readyz checks PostgreSQL and Redis', async () => {
    expect((await request(gw.url).get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(gw.url).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', postgres: 'ok', redis: 'ok' });
  });

  it('/readyz is 503 when Redis cannot be reached', async () => {
    const broken = await startGateway({ redisPrefix: uniquePrefix('down') });
    try {
      broken.gateway.bus.redis!.disconnect(); // as if Redis went away
      const ready = await request(broken.url).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unavailable', postgres: 'ok', redis: 'down' });
    } finally {
      await broken.close();
    }
  });
});

describe('/metrics', () => {
  it('counts operations by root field and outcome (never by client-chosen names), and reports pool and subscriptions', async () => {
    await tenant.owner.data(`query MetricsProbe { viewer { role } }`);
    await tenant.owner.data(`query AnyNameAtAll { v: viewer { role } }`);
    await tenant.owner.gql(`query MetricsProbe { customer(id: "nope") { id } }`);
    const client = tenant.owner.ws();
    const customer = await createCustomer(tenant.owner);
    const sub = collect(client, `subscription { customerUpdated(customerId: "${customer.id}") { profileRevision } }`);
    try {
      let text = '';
      for (let i = 0; i < 50 && !/graphql_subscriptions_open 1\b/.test(text); i += 1) {
        await new Promise((r) => setTimeout(r, 20));
        text = (await request(gw.url).get('/metrics')).text;
      }
      expect(text).toMatch(/graphql_operations_total\{operation="viewer",type="query",outcome="ok"\} 2/);
      expect(text).toMatch(/graphql_operations_total\{operation="customer",type="query",outcome="error"\} 1/);
      expect(text).toMatch(/graphql_operation_duration_seconds_count\{operation="viewer",type="query"\} 2/);
      expect(text).not.toMatch(/MetricsProbe|AnyNameAtAll/);
      expect(text).toMatch(/db_pool_connections\{state="used"\} \d+/);
      expect(text).toMatch(/graphql_subscriptions_open 1\b/);
    } finally {
      sub.stop();
      await client.dispose();
    }
    let after = '';
    for (let i = 0; i < 50 && !/graphql_subscriptions_open 0\b/.test(after); i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      after = (await request(gw.url).get('/metrics')).text;
    }
    expect(after).toMatch(/graphql_subscriptions_open 0\b/);
  });
});

describe('requests', () => {
  it('echo the caller’s request id, or make one', async () => {
    const given = await request(gw.url)
      .post('/graphql')
      .set('x-request-id', 'trace-123')
      .send({ query: '{ __typename }' });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await request(gw.url).post('/graphql').send({ query: '{ __typename }' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answer with cache-control: no-store, errors included', async () => {
    const ok = await request(gw.url).post('/graphql').send({ query: '{ __typename }' });
    expect(ok.headers['cache-control']).toBe('no-store');
    const refused = await request(gw.url).post('/graphql').send({ query: '{ nope }' });
    expect(refused.status).toBe(400);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('refuse introspection when it is turned off', async () => {
    const closed = await startGateway({ env: { INTROSPECTION: 'false' } });
    try {
      const res = await tenant.owner.on(closed).gql(`{ __schema { types { name } } }`);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await tenant.owner.gql(`{ __schema { queryType { name } } }`)).data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
    } finally {
      await closed.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes the request in flight, closes subscriptions, then refuses new connections', async () => {
    const doomed = await startGateway({ redisPrefix: uniquePrefix('shutdown') });
    const own = await createTenant(doomed);
    const customer = await createCustomer(own.owner.on(doomed));
    const client = own.owner.on(doomed).ws();
    const sub = collect(client, `subscription { customerUpdated(customerId: "${customer.id}") { profileRevision } }`);
    await new Promise((r) => setTimeout(r, 100));

    // Start closing only once the server holds the request, so it is truly in flight.
    const received = new Promise((resolve) => doomed.gateway.httpServer.once('request', resolve));
    const inFlight = own.owner.on(doomed).gql(`query ($id: ID!) { customer(id: $id) { id } }`, { id: customer.id });
    await received;
    const closing = doomed.close();
    const [res] = await Promise.all([inFlight, closing]);
    expect(res.data?.customer.id).toBe(customer.id);
    await expect(sub.done).rejects.toBeDefined(); // the socket was closed by the server
    await client.dispose();
    await expect(request(doomed.url).get('/healthz')).rejects.toThrow();
  });
});
