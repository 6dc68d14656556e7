import WebSocket from 'ws';

import { CustomerUpdatedDocument, UpdateCustomerVersionDocument } from '../generated/graphql';
import { collect, createCustomer, createTenant, startGateway, type TenantFixture, type TestGateway } from '../support';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  // The frame limit is left at its default (64 KiB); the other two are small so the test is quick.
  gw = await startGateway({ env: { WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3', WS_INIT_TIMEOUT_MS: '1500' } });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

/** A socket speaking graphql-ws's protocol, by hand, so the test decides every frame it sends. */
async function rawSocket(): Promise<WebSocket> {
  const socket = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
  socket.on('error', () => undefined);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return socket;
}

/** How the server closed the socket, or 'still open' after `ms`. */
function closeOf(socket: WebSocket, ms: number): Promise<{ code: number; reason: string } | 'still open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still open'), ms);
    socket.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

/** The promise's outcome, or 'pending' after `ms`. */
function settled<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | { error: unknown } | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
    new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms))),
  ]).finally(() => clearTimeout(timer));
}

async function openSubscriptions(): Promise<number> {
  return (await gw.gateway.metrics.subscriptionsOpen.get()).values[0]?.value ?? 0;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('WebSocket limits', () => {
  it('closes a socket with 1009 for a frame over WS_MAX_PAYLOAD (64 KiB by default), even before connection_init', async () => {
    const socket = await rawSocket();
    const closed = closeOf(socket, 5000);
    socket.send('x'.repeat(1024 * 1024));
    expect(await closed).toEqual({ code: 1009, reason: 'MESSAGE_TOO_BIG: a message is at most 65536 bytes' });

    // A frame within the limit is read as usual: a connection_init padded to 60 KiB is acknowledged.
    const within = await rawSocket();
    const ack = new Promise<string>((resolve) => within.once('message', (data: Buffer) => resolve(data.toString())));
    within.send(
      JSON.stringify({
        type: 'connection_init',
        payload: { authorization: `Bearer ${tenant.owner.secret}`, padding: 'x'.repeat(60 * 1024) },
      }),
    );
    expect(JSON.parse(await ack)).toEqual({ type: 'connection_ack' });
    within.close();
  });

  it('closes a socket that sends no connection_init within WS_INIT_TIMEOUT_MS with 4408', async () => {
    const socket = await rawSocket();
    const opened = Date.now();
    expect(await closeOf(socket, 6000)).toEqual({
      code: 4408,
      reason: 'INIT_TIMEOUT: no connection_init within 1500 ms',
    });
    // Not closed before the timeout (1500 ms, not the 3 s default, as the reason says): long enough that a loaded
    // machine reads the 1009 test's oversized frame before the timer fires.
    expect(Date.now() - opened).toBeGreaterThanOrEqual(1400);
  });

  it('refuses an operation over WS_MAX_SUBSCRIPTIONS_PER_SOCKET on one socket, keeping the others', async () => {
    const customer = await createCustomer(tenant.owner);
    const client = tenant.owner.ws();
    try {
      const before = await openSubscriptions();
      const subs = [1, 2, 3].map(() => collect(client, CustomerUpdatedDocument, { id: customer.id }));
      await until(async () => (await openSubscriptions()) >= before + 3);
      const fourth = collect(client, CustomerUpdatedDocument, { id: customer.id });
      expect(await settled(fourth.done, 3000)).toEqual({
        error: [
          expect.objectContaining({
            message: expect.stringContaining('At most 3 operations') as string,
            extensions: { code: 'FORBIDDEN', reason: 'TOO_MANY_SUBSCRIPTIONS' },
          }),
        ],
      });

      // The three open subscriptions still receive every change.
      await tenant.owner.data(UpdateCustomerVersionDocument, { input: { id: customer.id, displayName: 'seen by 3' } });
      for (const sub of subs) expect((await sub.next(1))[0].data?.customerUpdated.displayName).toBe('seen by 3');

      // Completing one frees its place on the socket.
      subs[0].stop();
      await until(async () => (await openSubscriptions()) <= before + 2);
      const again = collect(client, CustomerUpdatedDocument, { id: customer.id });
      await until(async () => (await openSubscriptions()) >= before + 3);
      await tenant.owner.data(UpdateCustomerVersionDocument, { input: { id: customer.id, displayName: 'again' } });
      expect((await again.next(1))[0].data?.customerUpdated.displayName).toBe('again');
    } finally {
      await client.dispose();
    }
  });
});
