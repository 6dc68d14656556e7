import { CustomerUpdatedDocument, UpdateCustomerVersionDocument } from '../generated/graphql';
import {
  ApiClient,
  collect,
  createCustomer,
  createStore,
  createTenant,
  startGateway,
  type TenantFixture,
  type TestGateway,
  uniquePrefix,
  untilRedisListening,
} from '../support';

let gwA: TestGateway;
let gwB: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  // Two gateway instances sharing the test PostgreSQL and Redis, as two replicas behind a load balancer.
  const prefix = uniquePrefix('realtime');
  [gwA, gwB] = await Promise.all([startGateway({ redisPrefix: prefix }), startGateway({ redisPrefix: prefix })]);
  tenant = await createTenant(gwA);
});
afterAll(async () => {
  await Promise.all([gwA.close(), gwB.close()]);
});

describe('customerUpdated across instances', () => {
  it('a change made through instance A reaches a subscriber on instance B, in version order', async () => {
    const customer = await createCustomer(tenant.owner, { displayName: 'v1' });
    const client = tenant.owner.on(gwB).ws();
    try {
      const sub = collect(client, CustomerUpdatedDocument, { id: customer.id });
      await untilRedisListening(gwB, 'CUSTOMER_UPDATED');
      for (const name of ['v2', 'v3', 'v4']) {
        await tenant.owner.data(UpdateCustomerVersionDocument, { input: { id: customer.id, displayName: name } });
      }
      const events = await sub.next(3);
      expect(events.map((e) => e.data?.customerUpdated)).toEqual([
        { customerId: customer.id, profileRevision: 2, displayName: 'v2' },
        { customerId: customer.id, profileRevision: 3, displayName: 'v3' },
        { customerId: customer.id, profileRevision: 4, displayName: 'v4' },
      ]);
      sub.stop();
    } finally {
      await client.dispose();
    }
  });

  it('a rolled-back change publishes nothing', async () => {
    const taken = await createCustomer(tenant.owner);
    const customer = await createCustomer(tenant.owner);
    const client = tenant.owner.on(gwB).ws();
    try {
      const sub = collect(client, CustomerUpdatedDocument, { id: customer.id });
      await untilRedisListening(gwB, 'CUSTOMER_UPDATED');
      const failed = await tenant.owner.gql(UpdateCustomerVersionDocument, {
        input: { id: customer.id, displayName: 'never', email: taken.email },
      });
      expect(failed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      // The next committed change is the first thing the subscriber sees: version 2, not the failed attempt.
      await tenant.owner.data(UpdateCustomerVersionDocument, { input: { id: customer.id, displayName: 'committed' } });
      const [first] = await sub.next(1);
      expect(first.data?.customerUpdated).toEqual({
        customerId: customer.id,
        profileRevision: 2,
        displayName: 'committed',
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(sub.events).toHaveLength(1);
    } finally {
      await client.dispose();
    }
  });
});

describe('outbox relay', () => {
  it('delivers an event committed by a writer that never published it, even with LISTEN cut', async () => {
    const customer = await createCustomer(tenant.owner);
    const client = tenant.owner.on(gwB).ws();
    const em = gwA.gateway.orm.em.fork();
    try {
      const sub = collect(client, CustomerUpdatedDocument, { id: customer.id });
      await untilRedisListening(gwB, 'CUSTOMER_UPDATED');
      // Cut every relay's LISTEN connection: only the poll (or a re-LISTEN) can pick the row up now.
      const listeners = `select pid from pg_stat_activity where query like 'LISTEN %' and datname = current_database() and pid <> pg_backend_pid()`;
      const cut = await em.execute(`select pg_terminate_backend(pid) from (${listeners}) l`);
      expect(cut.length).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < 50 && (await em.execute(listeners)).length > 0; i += 1)
        await new Promise((r) => setTimeout(r, 10));
      expect(await em.execute(listeners)).toEqual([]);
      // A writer that committed its change and its event, then died before anything was published.
      await em.execute(
        `insert into outbox_event (tenant_id, topic, routing_key, payload, created_at) values (?, 'CUSTOMER_UPDATED', ?, ?::jsonb, now())`,
        [
          tenant.tenantId,
          `${tenant.tenantId}:${customer.id}`,
          JSON.stringify({
            customerId: customer.id,
            version: 7,
            displayName: 'from the outbox',
            updatedAt: new Date().toISOString(),
          }),
        ],
      );
      const [event] = await sub.next(1, 5000);
      expect(event.data?.customerUpdated).toEqual({
        customerId: customer.id,
        profileRevision: 7,
        displayName: 'from the outbox',
      });
      // The relay publishes, then commits the row as published: wait for that commit.
      const unpublished = async () =>
        (
          await em.execute(
            `select count(*)::int as n from outbox_event where routing_key = ? and published_at is null`,
            [`${tenant.tenantId}:${customer.id}`],
          )
        )[0].n;
      for (let i = 0; i < 100 && (await unpublished()) > 0; i += 1) await new Promise((r) => setTimeout(r, 20));
      expect(await unpublished()).toBe(0);
    } finally {
      await client.dispose();
    }
  });
});

describe('subscription authorization', () => {
  it('refuses a connection without a valid token', async () => {
    for (const caller of [gwB.anonymous, new ApiClient(gwB, 'lgk_not-a-key')]) {
      const client = caller.ws();
      const sub = collect(client, CustomerUpdatedDocument, { id: '00000000-0000-4000-8000-000000000000' });
      await expect(sub.done).rejects.toMatchObject({ code: 4401, reason: expect.stringMatching(/^UNAUTHENTICATED: /) });
      await client.dispose();
    }
  });

  it('lets a customer subscribe to itself only, and no key to another tenant', async () => {
    const me = await createCustomer(tenant.owner);
    const other = await createCustomer(tenant.owner);
    const token = await tenant.customer(me.id);
    const stranger = await createTenant(gwA);
    const analystOfStranger = await stranger.agent();
    const store = await createStore(tenant.owner);
    const pos = await tenant.pos(store.id);

    const firstError = async (caller: ApiClient, customerId: string) => {
      const client = caller.on(gwB).ws();
      try {
        const sub = collect(client, CustomerUpdatedDocument, { id: customerId });
        await sub.next(1);
        return sub.events[0].errors?.[0]?.extensions?.code ?? 'NO_ERROR';
      } finally {
        await client.dispose();
      }
    };
    expect(await firstError(token, other.id)).toBe('FORBIDDEN');
    expect(await firstError(analystOfStranger, me.id)).toBe('NOT_FOUND');

    // Allowed: the customer itself and a POS of the tenant receive the next change.
    for (const allowed of [token, pos]) {
      const client = allowed.on(gwB).ws();
      try {
        const sub = collect(client, CustomerUpdatedDocument, { id: me.id });
        await untilRedisListening(gwB, 'CUSTOMER_UPDATED');
        const { updateCustomer } = await tenant.owner.data(UpdateCustomerVersionDocument, {
          input: { id: me.id, displayName: `seen by ${allowed.token?.slice(0, 6)}` },
        });
        const [event] = await sub.next(1);
        expect(event.errors).toBeUndefined();
        expect(event.data?.customerUpdated.profileRevision).toBe(updateCustomer.profileRevision);
      } finally {
        await client.dispose();
      }
    }
  });
});
