import request from 'supertest';

import { createTenant, startGateway, type TestGateway } from '../support';

const METRICS_TOKEN = 'metrics-token-for-the-test';
const INTROSPECTION = `{ __schema { queryType { name } } }`;

describe('operational surfaces in production', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => gw.close());

  it('keep /metrics off the public port', async () => {
    expect((await request(gw.url).get('/metrics')).status).toBe(404);
    expect((await request(gw.url).get('/healthz')).status).toBe(200);
  });

  it('refuse introspection', async () => {
    const res = await gw.anonymous.gql(INTROSPECTION);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.data ?? undefined).toBeUndefined();
  });

  it('refuse introspection over the WebSocket too', async () => {
    const tenant = await createTenant(gw);
    const client = tenant.owner.ws();
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: INTROSPECTION }, { next: resolve, error: resolve, complete: () => undefined });
      });
      // Refused before execution: an error message, never a result with data.
      expect(Array.isArray(outcome)).toBe(true);
      expect(JSON.stringify(outcome)).toMatch(/introspection has been disabled/);
    } finally {
      await client.dispose();
    }
  });

  it('serve no landing page (GraphQL IDE)', async () => {
    const res = await request(gw.url).get('/graphql').set('accept', 'text/html').redirects(1);
    expect(res.status).not.toBe(200);
    expect((await request(gw.url).get('/graphiql')).status).toBe(404);
    expect(res.type).not.toBe('text/html');
    expect(res.text).not.toMatch(/<html/i);
  });
});

describe('/metrics behind METRICS_TOKEN', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ env: { NODE_ENV: 'production', METRICS_TOKEN } });
  });
  afterAll(() => gw.close());

  it('answers only the bearer of the token', async () => {
    expect((await request(gw.url).get('/metrics')).status).toBe(401);
    const wrong = await request(gw.url).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}x`);
    expect(wrong.status).toBe(401);
    const right = await request(gw.url).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
    expect(right.status).toBe(200);
    expect(right.text).toContain('graphql_operations_total');
  });
});

describe('/metrics on METRICS_PORT', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ env: { NODE_ENV: 'production', METRICS_PORT: '0' } });
  });
  afterAll(() => gw.close());

  it('is served on its own listener and not on the public port', async () => {
    const port = gw.gateway.metricsPort();
    expect(port).toEqual(expect.any(Number));
    expect(port).not.toBe(Number(new URL(gw.url).port));
    const res = await request(`http://127.0.0.1:${port}`).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('graphql_operations_total');
    expect((await request(`http://127.0.0.1:${port}`).get('/graphql')).status).toBe(404);
    expect((await request(gw.url).get('/metrics')).status).toBe(404);
  });
});

describe('outside production', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw.close());

  it('keeps metrics, introspection and the landing page on the public port', async () => {
    expect((await request(gw.url).get('/metrics')).status).toBe(200);
    expect((await gw.anonymous.data(INTROSPECTION)).__schema).toEqual({ queryType: { name: 'Query' } });
    const page = await request(gw.url).get('/graphql').set('accept', 'text/html').redirects(1);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
  });
});
