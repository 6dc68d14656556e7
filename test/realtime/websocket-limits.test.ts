import WebSocket from 'ws';

import { createCustomer, createTenant, type TenantFixture } from '../helpers/factories';
import { collect, gqlOk, startGateway, type TestGateway, wsClient } from '../helpers/gateway';

const SUBSCRIBE = `subscription ($id: ID!) { customerUpdated(customerId: $id) { version displayName } }`;
type Updated = { customerUpdated: { version: number; displayName: string } };
const UPDATE = `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { version } }`;

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  // The frame limit is left at its default (64 KiB); the other two are small so the test is quick.
  gw = await startGateway({ env: { WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3', WS_INIT_TIMEOUT_MS: '300' } });
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

describe('WebSocket limits', () => {
  it('closes a socket with 1009 for a frame over WS_MAX_PAYLOAD (64 KiB by default), even before connection_init', async () => {
    const socket = await rawSocket();
    const closed = closeOf(socket, 5000);
    socket.send('x'.repeat(1024 * 1024));
    expect(await closed).toEqual({ code: 1009, reason: '' });

    // A frame within the limit is read as usual: a connection_init padded to 60 KiB is acknowledged.
    const within = await rawSocket();
    const ack = new Promise<string>((resolve) => within.once('message', (data: Buffer) => resolve(data.toString())));
    within.send(
      JSON.stringify({
        type: 'connection_init',
        payload: { authorization: `Bearer ${tenant.ownerKey}`, padding: 'x'.repeat(60 * 1024) },
      }),
    );
    expect(JSON.parse(await ack)).toEqual({ type: 'connection_ack' });
    within.close();
  });

  it('closes a socket that sends no connection_init within WS_INIT_TIMEOUT_MS with 4408', async () => {
    const socket = await rawSocket();
    const opened = Date.now();
    expect(await closeOf(socket, 2000)).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
    expect(Date.now() - opened).toBeLessThan(1500);
  });

  it('refuses an operation over WS_MAX_SUBSCRIPTIONS_PER_SOCKET on one socket, keeping the others', async () => {
    const customer = await createCustomer(gw, tenant.ownerKey);
    const client = wsClient(gw, tenant.ownerKey);
    try {
      const before = await openSubscriptions();
      const subs = [1, 2, 3].map(() => collect<Updated>(client, SUBSCRIBE, { id: customer.id }));
      for (let i = 0; i < 250 && (await openSubscriptions()) < before + 3; i += 1) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const fourth = collect<Updated>(client, SUBSCRIBE, { id: customer.id });
      expect(await settled(fourth.done, 3000)).toEqual({
        error: [
          expect.objectContaining({
            message: expect.stringContaining('At most 3 operations') as string,
            extensions: { code: 'FORBIDDEN', reason: 'TOO_MANY_SUBSCRIPTIONS' },
          }),
        ],
      });

      // The three open subscriptions still receive every change.
      await gqlOk(gw, UPDATE, { input: { id: customer.id, displayName: 'seen by three' } }, tenant.ownerKey);
      for (const sub of subs) expect((await sub.next(1))[0].data?.customerUpdated.displayName).toBe('seen by three');

      // Completing one frees its place on the socket.
      subs[0].stop();
      for (let i = 0; i < 250 && (await openSubscriptions()) > before + 2; i += 1) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const again = collect<Updated>(client, SUBSCRIBE, { id: customer.id });
      await gqlOk(gw, UPDATE, { input: { id: customer.id, displayName: 'seen again' } }, tenant.ownerKey);
      expect((await again.next(1))[0].data?.customerUpdated.displayName).toBe('seen again');
    } finally {
      await client.dispose();
    }
  });
});
