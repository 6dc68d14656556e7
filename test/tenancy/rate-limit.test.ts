import request from 'supertest';

import {
  type ApiClient,
  collect,
  createTenant,
  errorCode,
  key,
  startGateway,
  type TenantFixture,
  type TestGateway,
  uniquePrefix,
} from '../support';

const VIEWER = `{ viewer { role } }`;

/** The raw HTTP answer, for its status and headers. */
function post(gw: TestGateway, token: string | undefined, query = VIEWER) {
  const req = request(gw.url).post('/graphql').set('content-type', 'application/json');
  return (token ? req.set('authorization', `Bearer ${token}`) : req).send({ query });
}

async function expectServed(client: ApiClient, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) expect((await client.gql(VIEWER)).errors).toBeUndefined();
}

describe('rate limits per caller', () => {
  let gw: TestGateway;
  let tenant: TenantFixture;

  beforeAll(async () => {
    gw = await startGateway({
      env: {
        RATE_LIMITS_PER_MINUTE: 'ALL=1000000,AGENT=3',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2',
        RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: '2',
      },
    });
    tenant = await createTenant(gw);
  });
  afterAll(() => gw.close());

  it('over HTTP, a key over its limit gets 429 with Retry-After and RATE_LIMITED; other callers are unaffected', async () => {
    const agent = await tenant.agent();
    const other = await tenant.agent();
    await expectServed(agent, 3);
    const refused = await post(gw, agent.token);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      errors: [
        {
          message: expect.any(String) as string,
          extensions: { code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
        },
      ],
    });
    // Another key of the same role, and the owner, keep their own counts.
    await expectServed(other, 3);
    await expectServed(tenant.owner, 5);
  });

  it('over WebSocket, an operation over the limit is RATE_LIMITED, counted with HTTP', async () => {
    const agent = await tenant.agent();
    await expectServed(agent, 2);
    const client = agent.ws();
    try {
      const [served] = await collect(client, VIEWER).next(1);
      expect(served.errors).toBeUndefined();
      const refused = collect(client, VIEWER);
      await expect(refused.done).rejects.toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'RATE_LIMITED',
            retryAfterSeconds: expect.any(Number) as number,
          }),
        }),
      ]);
    } finally {
      await client.dispose();
    }
    expect((await post(gw, agent.token)).status).toBe(429);
  });

  it('without a valid credential, requests are counted per client address', async () => {
    expect(errorCode(await gw.anonymous.gql(VIEWER))).toBe('UNAUTHENTICATED');
    expect((await post(gw, 'lgk_not-a-key')).status).toBe(401);
    expect((await post(gw, undefined)).status).toBe(429);
    // A caller with a valid credential is counted by it, not by the address.
    await expectServed(tenant.owner, 1);
  });

  it('WebSocket connections are rate limited per caller, with close code 4429', async () => {
    const agent = await tenant.agent();
    const clients = [agent.ws(), agent.ws(), agent.ws()];
    try {
      // One at a time, so the third is the one over the limit.
      for (const client of clients.slice(0, 2)) {
        const [served] = await collect(client, `{ __typename }`).next(1);
        expect(served.errors).toBeUndefined();
      }
      const third = collect(clients[2], `{ __typename }`);
      await expect(third.done).rejects.toMatchObject({ code: 4429 });
    } finally {
      for (const client of clients) await client.dispose();
    }
  });
});

describe('limits shared across instances and set per tenant', () => {
  let gwA: TestGateway;
  let gwB: TestGateway;
  let tenant: TenantFixture;

  beforeAll(async () => {
    const prefix = uniquePrefix('ratelimit');
    const env = { RATE_LIMITS_PER_MINUTE: 'ALL=1000000,AGENT=4' };
    [gwA, gwB] = await Promise.all([
      startGateway({ redisPrefix: prefix, env }),
      startGateway({ redisPrefix: prefix, env }),
    ]);
    tenant = await createTenant(gwA);
  });
  afterAll(() => Promise.all([gwA.close(), gwB.close()]));

  it('two gateways sharing Redis share the count', async () => {
    const agent = await tenant.agent();
    await expectServed(agent, 2);
    await expectServed(agent.on(gwB), 2);
    expect((await post(gwA, agent.token)).status).toBe(429);
    expect((await post(gwB, agent.token)).status).toBe(429);
    await expectServed((await tenant.agent()).on(gwB), 1);
  });

  it("the owner sets a role's limit for the tenant, idempotently; null returns to the default", async () => {
    const SET = `mutation ($input: SetRateLimitsInput!) { setRateLimits(input: $input) { role operationsPerMinute tenantDefined } }`;
    const input = { idempotencyKey: key(), limits: [{ role: 'POS', operationsPerMinute: 2 }] };
    const admin = await tenant.key('ADMIN');
    expect(errorCode(await admin.gql(SET, { input }))).toBe('FORBIDDEN');
    const set = (await tenant.owner.data(SET, { input })).setRateLimits as {
      role: string;
      operationsPerMinute: number;
      tenantDefined: boolean;
    }[];
    expect(set.find((limit) => limit.role === 'POS')).toEqual({
      role: 'POS',
      operationsPerMinute: 2,
      tenantDefined: true,
    });
    expect(set.find((limit) => limit.role === 'AGENT')).toMatchObject({ operationsPerMinute: 4, tenantDefined: false });
    // The same key again changes nothing and answers the same; with other input it is a CONFLICT.
    expect((await tenant.owner.data(SET, { input })).setRateLimits).toEqual(set);
    const reused = await tenant.owner.gql(SET, {
      input: { ...input, limits: [{ role: 'POS', operationsPerMinute: 9 }] },
    });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });

    const { createStore } = await tenant.owner.data(
      `mutation { createStore(input: { name: "Till test", code: "T${key().slice(0, 6)}", region: "north" }) { id } }`,
    );
    const till = await tenant.pos((createStore as { id: string }).id);
    // The instance that took the change applies it at once; the other within its 5-second cache.
    await expectServed(till, 2);
    expect((await post(gwA, till.token)).status).toBe(429);

    const reset = await tenant.owner.data(SET, {
      input: { idempotencyKey: key(), limits: [{ role: 'POS', operationsPerMinute: null }] },
    });
    expect(
      (reset.setRateLimits as { role: string; tenantDefined: boolean }[]).find((l) => l.role === 'POS'),
    ).toMatchObject({
      tenantDefined: false,
    });
    expect((await admin.data(`{ rateLimits { role operationsPerMinute } }`)).rateLimits).toContainEqual({
      role: 'POS',
      operationsPerMinute: 1000000,
    });
  });
});
