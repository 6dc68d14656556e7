import WebSocket from 'ws';

import { loyaltyRoutingKey } from '../../src/realtime/loyalty-state.service';
import { Topic } from '../../src/realtime/pubsub';
import { createCustomer, createTenant, earn, startGateway, type TenantFixture, type TestGateway } from '../support';

/** Raw graphql-transport-ws sockets: the test compares the frames exactly as the server wrote them. */
interface RawSubscriber {
  readonly frames: string[];
  readonly socket: WebSocket;
  /** Resolves once `count` `next` frames arrived. */
  until(count: number, timeoutMs?: number): Promise<void>;
}

const QUERY = `subscription ($id: ID!, $since: Int) { loyaltyStateChanged(customerId: $id, sinceVersion: $since) { version source balance { available } } }`;

async function openSocket(gw: TestGateway, secret: string): Promise<WebSocket> {
  const socket = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${secret}` } }));
  await new Promise<void>((resolve) => socket.once('message', () => resolve()));
  return socket;
}

async function subscribe(
  gw: TestGateway,
  secret: string,
  variables: Record<string, unknown>,
  socket?: WebSocket,
  id = '1',
  query = QUERY,
): Promise<RawSubscriber> {
  const open = socket ?? (await openSocket(gw, secret));
  const frames: string[] = [];
  const waiters: (() => void)[] = [];
  open.on('message', (raw: Buffer) => {
    const text = raw.toString('utf8');
    if ((JSON.parse(text) as { id?: string }).id !== id) return;
    frames.push(text);
    waiters.splice(0).forEach((wake) => wake());
  });
  open.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  return {
    frames,
    socket: open,
    async until(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (frames.filter((frame) => frame.includes('"type":"next"')).length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} frames, got ${frames.length}: ${frames.join()}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

function states(subscriber: RawSubscriber): { version: number; source: string }[] {
  return subscriber.frames.map((frame) => {
    const parsed = JSON.parse(frame) as {
      payload: { data: { loyaltyStateChanged: { version: number; source: string } } };
    };
    const { version, source } = parsed.payload.data.loyaltyStateChanged;
    return { version, source };
  });
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('fan-out groups', () => {
  let gw: TestGateway;
  let tenant: TenantFixture;
  const channel = (customerId: string) =>
    `${gw.gateway.bus.channel(Topic.LOYALTY_STATE_CHANGED)}:${tenant.tenantId}:${customerId}`;

  beforeAll(async () => {
    gw = await startGateway({
      env: {
        WS_PING_INTERVAL_MS: '0',
        WS_MAX_CONNECTIONS_PER_KEY: '300',
        WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '100',
        RATE_LIMITS_PER_MINUTE: 'ALL=1000000',
        RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: '1000000',
      },
    });
    tenant = await createTenant(gw);
  });
  afterAll(() => gw.close());

  it('sends 200 subscribers of one operation identical frames from one group; a resumed one gets MISSED then LIVE, each once', async () => {
    const customer = await createCustomer(tenant.owner);
    for (let n = 0; n < 3; n += 1) await earn(tenant.owner, customer.id, 10);
    const subscribers: RawSubscriber[] = [];
    for (let n = 0; n < 199; n += 1) subscribers.push(await subscribe(gw, tenant.owner.secret, { id: customer.id }));
    await subscribers[0].until(1);
    const now = states(subscribers[0])[0].version;
    const resumed = await subscribe(gw, tenant.owner.secret, { id: customer.id, since: now - 2 });
    await Promise.all(subscribers.map((subscriber) => subscriber.until(1)));
    await resumed.until(2);
    // All parked in one group, whatever version each resumed from.
    await until(() => gw.gateway.fanoutGroups() === 1);
    expect(gw.gateway.bus.listenerCount(channel(customer.id))).toBe(1);
    for (let n = 0; n < 3; n += 1) await earn(tenant.owner, customer.id, 1);
    await Promise.all([...subscribers, resumed].map((subscriber) => subscriber.until(subscriber === resumed ? 5 : 4)));

    const live = subscribers[0].frames.slice(1);
    for (const subscriber of subscribers) expect(subscriber.frames.slice(1)).toEqual(live);
    expect(resumed.frames.slice(2)).toEqual(live);
    expect(states(resumed)).toEqual([
      { version: now - 1, source: 'MISSED' },
      { version: now, source: 'MISSED' },
      { version: now + 1, source: 'LIVE' },
      { version: now + 2, source: 'LIVE' },
      { version: now + 3, source: 'LIVE' },
    ]);

    for (const subscriber of [...subscribers, resumed]) subscriber.socket.close();
    await until(() => gw.gateway.fanoutGroups() === 0);
    expect(gw.gateway.bus.listenerCount(channel(customer.id))).toBe(0);
  });

  it('groups only callers the API treats alike: staff and the customer themself get groups of their own', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 10);
    const me = await tenant.customer(customer.id);
    const staff = await subscribe(gw, tenant.owner.secret, { id: customer.id });
    const own = await subscribe(gw, me.token!, { id: customer.id });
    await Promise.all([staff.until(1), own.until(1)]);
    await until(() => gw.gateway.fanoutGroups() === 2);
    await earn(tenant.owner, customer.id, 5);
    await Promise.all([staff.until(2), own.until(2)]);
    expect(states(own).map((state) => state.version)).toEqual(states(staff).map((state) => state.version));
    for (const subscriber of [staff, own]) subscriber.socket.close();
    await until(() => gw.gateway.fanoutGroups() === 0);
  });

  it("an event the group cannot execute goes back to its members' own streams and leaves no group stuck", async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 10);
    const first = await subscribe(gw, tenant.owner.secret, { id: customer.id });
    const second = await subscribe(gw, tenant.owner.secret, { id: customer.id });
    await Promise.all([first.until(1), second.until(1)]);
    await until(() => gw.gateway.fanoutGroups() === 1);
    const now = states(first)[0].version;
    // A payload without the state's fields (an older build's, say): mapping it throws.
    await expect(
      gw.gateway.bus.publish(Topic.LOYALTY_STATE_CHANGED, loyaltyRoutingKey(tenant.tenantId, customer.id), {
        version: now + 1,
        customerId: customer.id,
      }),
    ).resolves.toBeUndefined();
    await until(() => gw.gateway.fanoutGroups() === 0);
    for (const subscriber of [first, second]) subscriber.socket.close();
    const later = await subscribe(gw, tenant.owner.secret, { id: customer.id });
    await later.until(1);
    await until(() => gw.gateway.fanoutGroups() === 1);
    await earn(tenant.owner, customer.id, 5);
    await later.until(2);
    expect(states(later)[1].source).toBe('LIVE');
    later.socket.close();
    await until(() => gw.gateway.fanoutGroups() === 0);
  });

  it('never writes a live version ahead of the catch-up graphql-ws is still sending', async () => {
    const customer = await createCustomer(tenant.owner);
    for (let n = 0; n < 30; n += 1) await earn(tenant.owner, customer.id, 1);
    // A parked subscriber keeps the group delivering while the resumed one catches up.
    const parked = await subscribe(gw, tenant.owner.secret, { id: customer.id });
    await parked.until(1);
    const start = states(parked)[0].version;
    await until(() => gw.gateway.fanoutGroups() === 1);
    const resumed = await subscribe(gw, tenant.owner.secret, { id: customer.id, since: 0 });
    const earns = Array.from({ length: 10 }, () => earn(tenant.owner, customer.id, 1));
    await Promise.all(earns);
    await resumed.until(start + 10);
    const versions = states(resumed).map((state) => state.version);
    expect(versions).toEqual(Array.from({ length: start + 10 }, (_, i) => i + 1));
    const sources = states(resumed).map((state) => state.source);
    // MISSED first, then LIVE, never interleaved.
    expect(sources.lastIndexOf('MISSED')).toBeLessThan(
      sources.indexOf('LIVE') === -1 ? Infinity : sources.indexOf('LIVE'),
    );
    parked.socket.close();
    resumed.socket.close();
    await until(() => gw.gateway.fanoutGroups() === 0);
  });

  it('holds a version that overtook the one before it until that one comes, then sends both in order', async () => {
    const customer = await createCustomer(tenant.owner);
    const subscriber = await subscribe(gw, tenant.owner.secret, { id: customer.id });
    await subscriber.until(1);
    const start = states(subscriber)[0].version;
    await until(() => gw.gateway.fanoutGroups() === 1);
    // Versions the outbox never had: a read of the outbox for the gap would answer with the CURRENT state.
    const state = (version: number) => ({
      customerId: customer.id,
      version,
      changedAt: null,
      balance: { available: 0, pending: 0 },
      tier: null,
      benefits: [],
      activeVouchers: [],
    });
    const routingKey = `${tenant.tenantId}:${customer.id}`;
    await gw.gateway.bus.publish(Topic.LOYALTY_STATE_CHANGED, routingKey, state(start + 2));
    await gw.gateway.bus.publish(Topic.LOYALTY_STATE_CHANGED, routingKey, state(start + 1));
    await subscriber.until(3);
    expect(states(subscriber).slice(1)).toEqual([
      { version: start + 1, source: 'LIVE' },
      { version: start + 2, source: 'LIVE' },
    ]);
    subscriber.socket.close();
    await until(() => gw.gateway.fanoutGroups() === 0);
  });

  it('frees every group and listener after 1,000 subscribe and complete cycles', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 1);
    const before = gw.gateway.bus.listenerCount();
    const sockets = await Promise.all(Array.from({ length: 10 }, () => openSocket(gw, tenant.owner.secret)));
    await Promise.all(
      sockets.map(async (socket, s) => {
        for (let n = 0; n < 100; n += 1) {
          const id = `${s}-${n}`;
          const subscriber = await subscribe(gw, tenant.owner.secret, { id: customer.id }, socket, id);
          await subscriber.until(1);
          // Some complete while parked, some before they could park.
          if (n % 2 === 0) await new Promise((r) => setImmediate(r));
          socket.send(JSON.stringify({ id, type: 'complete' }));
          socket.removeAllListeners('message');
        }
      }),
    );
    await until(() => gw.gateway.fanoutGroups() === 0 && gw.gateway.bus.listenerCount() === before);
    expect(gw.gateway.bus.listenerCount(channel(customer.id))).toBe(0);
    for (const socket of sockets) socket.close();
  }, 180_000);
});

describe('a slow subscriber in a fan-out group', () => {
  it('is cut off by its unsent bytes, while the other member of its group gets every version', async () => {
    // Pings off: the stalled socket must be cut by its buffer, not by the keep-alive.
    const gw = await startGateway({ env: { WS_PING_INTERVAL_MS: '0', SUBSCRIPTION_BUFFER_LIMIT: '50' } });
    try {
      const tenant = await createTenant(gw);
      const customer = await createCustomer(tenant.owner);
      const query = `subscription ($id: ID!) { loyaltyStateChanged(customerId: $id) { version source tier { code } } }`;
      const stalled = await subscribe(gw, tenant.owner.secret, { id: customer.id }, undefined, '1', query);
      const healthy = await subscribe(gw, tenant.owner.secret, { id: customer.id }, undefined, '1', query);
      await Promise.all([stalled.until(1), healthy.until(1)]);
      await until(() => gw.gateway.fanoutGroups() === 1);
      const start = states(healthy)[0].version;
      (stalled.socket as unknown as { _socket: { pause(): void } })._socket.pause();
      // Large states (20 MB in all), more than the stalled socket's TCP buffers and 50 frames hold.
      const big = 'x'.repeat(50_000);
      const em = gw.gateway.orm.em.fork();
      const count = 400;
      for (let n = 1; n <= count; n += 1) {
        await em.execute(
          `insert into outbox_event (tenant_id, topic, routing_key, customer_id, version, payload, created_at)
           values (?, 'LOYALTY_STATE_CHANGED', ?, ?, ?, jsonb_build_object('customerId', ?::text, 'version', ?::int,
             'balance', jsonb_build_object('available', 0, 'pending', 0), 'benefits', '[]'::jsonb, 'activeVouchers', '[]'::jsonb,
             'tier', jsonb_build_object('id', gen_random_uuid(), 'code', ?::text, 'name', 'Big', 'rank', 1, 'expiresAt', null, 'limitedTime', false)), now())`,
          [tenant.tenantId, `${tenant.tenantId}:${customer.id}`, customer.id, start + n, customer.id, start + n, big],
        );
        if (n % 10 === 0) await new Promise((r) => setTimeout(r, 20));
      }
      await healthy.until(1 + count, 30_000);
      expect(states(healthy).map((state) => state.version)).toEqual(
        Array.from({ length: count + 1 }, (_, i) => start + i),
      );
      expect(gw.gateway.bus.droppedSubscribers()).toBe(1);
      stalled.socket.terminate();
      healthy.socket.close();
      await until(() => gw.gateway.fanoutGroups() === 0);
    } finally {
      await gw.close();
    }
  });
});
