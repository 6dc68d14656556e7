import { print } from 'graphql';
import WebSocket from 'ws';

import { CustomerUpdatedVersionDocument } from '../generated/graphql';
import {
  collect,
  createCustomer,
  createTenant,
  type KeyClient,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

// Gateways of one test database share its outbox: each describe runs its own, one at a time, so no other
// in-process gateway relays (and so swallows) the events under test.
let gw: TestGateway;
let tenant: TenantFixture;

/** A graphql-ws client by hand, so the test can stop it reading (a stalled phone or till). */
async function rawSubscriber(caller: KeyClient, customerId: string, target = caller.gw): Promise<WebSocket> {
  const socket = new WebSocket(target.wsUrl, 'graphql-transport-ws');
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${caller.secret}` } }));
  await new Promise<void>((resolve) => socket.once('message', () => resolve()));
  socket.send(
    JSON.stringify({
      id: '1',
      type: 'subscribe',
      payload: { query: print(CustomerUpdatedVersionDocument), variables: { id: customerId } },
    }),
  );
  return socket;
}

async function openSubscriptions(target = gw): Promise<number> {
  return (await target.gateway.metrics.subscriptionsOpen.get()).values[0]?.value ?? 0;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a slow subscriber', () => {
  it('cuts off a subscriber that stopped reading, while another one of the same events gets them all', async () => {
    // Pings off here: the stalled socket must be cut by its full buffer, not by the keep-alive.
    const quiet = await startGateway({ env: { WS_PING_INTERVAL_MS: '0', SUBSCRIPTION_BUFFER_LIMIT: '50' } });
    tenant = await createTenant(quiet);
    const customer = await createCustomer(tenant.owner);
    const stalled = await rawSubscriber(tenant.owner, customer.id, quiet);
    const healthyClient = tenant.owner.ws();
    try {
      const healthy = collect(healthyClient, CustomerUpdatedVersionDocument, { id: customer.id });
      await until(async () => (await openSubscriptions(quiet)) >= 2);
      // Stop reading: the server's writes to this socket back up in TCP, then in its (bounded) queue.
      (stalled as unknown as { _socket: { pause(): void } })._socket.pause();
      // A steady stream of large events (20 MB in all), more than the stalled socket's TCP buffers hold.
      const big = 'x'.repeat(50_000);
      const em = quiet.gateway.orm.em.fork();
      const count = 400;
      for (let n = 1; n <= count; n += 1) {
        await em.execute(
          `insert into outbox_event (tenant_id, topic, routing_key, payload, created_at)
           values (?, 'CUSTOMER_UPDATED', ?, jsonb_build_object('customerId', ?::text, 'version', ?::int, 'displayName', ?::text, 'updatedAt', now()), now())`,
          [tenant.tenantId, `${tenant.tenantId}:${customer.id}`, customer.id, n, big],
        );
        if (n % 10 === 0) await new Promise((r) => setTimeout(r, 20));
      }
      const events = await healthy.next(count, 15_000);
      expect(events.map((event) => event.data?.customerUpdated.profileRevision)).toEqual(
        Array.from({ length: count }, (_, i) => i + 1),
      );
      expect(quiet.gateway.bus.droppedSubscribers()).toBe(1);
      healthy.stop();
    } finally {
      stalled.terminate();
      await healthyClient.dispose();
      await quiet.close();
    }
  });
});

describe('connection limits and keep-alive', () => {
  beforeAll(async () => {
    gw = await startGateway({ env: { WS_MAX_CONNECTIONS_PER_KEY: '2', WS_PING_INTERVAL_MS: '100' } });
    tenant = await createTenant(gw);
  });
  afterAll(() => gw.close());

  it('limits open connections per key, and frees the place when one closes', async () => {
    const customer = await createCustomer(tenant.owner);
    const other = await createTenant(gw);
    const clients = [other.owner.ws(), other.owner.ws(), other.owner.ws()];
    const otherCustomer = await createCustomer(other.owner);
    try {
      const subs = clients.map((client) => collect(client, CustomerUpdatedVersionDocument, { id: otherCustomer.id }));
      await until(async () => (await openSubscriptions()) >= 2);
      await expect(subs[2].done).rejects.toMatchObject({ code: 4429 });
      // Another key is not affected.
      const ownerClient = tenant.owner.ws();
      const own = collect(ownerClient, CustomerUpdatedVersionDocument, { id: customer.id });
      await new Promise((r) => setTimeout(r, 100));
      expect(own.events).toEqual([]);
      await ownerClient.dispose();
      await clients[0].dispose();
      await until(async () => (await openSubscriptions()) <= 1);
      const again = other.owner.ws();
      const connected = new Promise((resolve) => again.on('connected', resolve));
      const late = collect(again, CustomerUpdatedVersionDocument, { id: otherCustomer.id });
      await connected;
      late.stop();
      await again.dispose();
    } finally {
      await Promise.all(clients.map(async (client) => client.dispose()));
    }
  });

  it('closes a socket that stopped answering pings', async () => {
    const customer = await createCustomer(tenant.owner);
    const before = await openSubscriptions();
    const dead = await rawSubscriber(tenant.owner, customer.id);
    await until(async () => (await openSubscriptions()) === before + 1);
    // A vanished client: nothing it receives is read, so no pong ever comes back.
    (dead as unknown as { _socket: { pause(): void } })._socket.pause();
    await until(async () => (await openSubscriptions()) === before, 3000);
    dead.terminate();
  });
});
