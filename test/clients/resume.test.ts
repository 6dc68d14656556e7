import { createGatewayClient, type GatewayClient } from '../../examples/lib/client';
import { followLoyaltyState } from '../../examples/lib/resume';
import { type LoyaltyStateFieldsFragment, PosLoyaltyStateChangedDocument } from '../../schema/operations/generated';
import { purchase, record, startGateway, TcpProxy, type TestGateway } from '../support';
import { type ClientsFixture, clientsFixture } from './fixture';

const BACKOFF = { initialMs: 50, maxMs: 400 };

async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the loyalty-state resume loop (examples/lib/resume.ts)', () => {
  let gw: TestGateway;
  let f: ClientsFixture;
  const closing: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    gw = await startGateway();
    f = await clientsFixture(gw);
  });
  afterAll(async () => {
    for (const close of closing.reverse()) await close();
    await gw.close();
  });

  const sale = (on: TestGateway) =>
    record(
      f.program,
      purchase(f.customer.id, f.storeId, [{ sku: 'A', quantity: 1, unitPrice: 1000 }]),
      f.program.tenant.owner.on(on),
    );
  const version = async (on: TestGateway) =>
    (
      await f.program.tenant.owner
        .on(on)
        .data(`query ($c: ID!) { loyaltyState(customerId: $c) { version } }`, { c: f.customer.id })
    ).loyaltyState.version as number;

  it('renders every version once, in order, across a network drop and a gateway restart', async () => {
    const target = { host: '127.0.0.1', port: Number(new URL(gw.url).port) };
    const proxy = new TcpProxy(target);
    await proxy.start();
    closing.push(() => proxy.stop());
    const client: GatewayClient = createGatewayClient({
      gatewayUrl: `http://127.0.0.1:${proxy.port}`,
      credential: f.keys.pos,
      backoff: BACKOFF,
    });
    closing.push(() => client.close());

    const start = await version(gw);
    const seen: { version: number; source: string }[] = [];
    const follower = followLoyaltyState(client, PosLoyaltyStateChangedDocument, {
      customerId: f.customer.id,
      sinceVersion: start,
      backoff: BACKOFF,
      onState: (s: LoyaltyStateFieldsFragment) => seen.push({ version: s.version, source: s.source }),
    });
    closing.push(() => Promise.resolve(follower.stop()));
    await client.connected();
    await new Promise((r) => setTimeout(r, 200));

    await sale(gw);
    await until('the live version', () => follower.lastVersion === start + 1);

    // A network drop: the socket is cut, two sales are committed meanwhile, then the network is back.
    await proxy.stop();
    await sale(gw);
    await sale(gw);
    await proxy.start();
    await until('the missed versions', () => follower.lastVersion === start + 3);

    // A gateway restart: the instance goes away, another comes up (the proxy now leads to it), a sale lands on it
    // before the client is back, and one after.
    await gw.close();
    gw = await startGateway();
    target.port = Number(new URL(gw.url).port);
    await sale(gw);
    await until('the version committed while the gateway was down', () => follower.lastVersion === start + 4);
    await sale(gw);
    await until('the live version after the restart', () => follower.lastVersion === start + 5);

    const versions = seen.map((s) => s.version);
    expect(versions).toEqual([1, 2, 3, 4, 5].map((n) => start + n));
    // Both cuts were caught up from the last version (MISSED), not by a CURRENT that would hide a gap.
    expect(seen.filter((s) => s.source === 'MISSED').length).toBeGreaterThanOrEqual(2);
    expect(seen.every((s) => s.source !== 'CURRENT')).toBe(true);
  });

  it('stops, saying why, when the gateway refuses the credential (no retry loop)', async () => {
    const client = createGatewayClient({ gatewayUrl: gw.url, credential: 'not-a-key', backoff: BACKOFF });
    closing.push(() => client.close());
    const retries: number[] = [];
    const follower = followLoyaltyState(client, PosLoyaltyStateChangedDocument, {
      customerId: f.customer.id,
      backoff: BACKOFF,
      onState: () => undefined,
      onRetry: (attempt) => retries.push(attempt),
    });
    const end = await follower.ended;
    expect(end).toMatchObject({
      kind: 'fatal',
      close: { code: 4401, reason: expect.stringMatching(/^UNAUTHENTICATED/) },
    });
    expect(retries).toEqual([]);
  });

  it('starts from the current state (CURRENT) when no version is known', async () => {
    const client = createGatewayClient({ gatewayUrl: gw.url, credential: f.keys.pos, backoff: BACKOFF });
    closing.push(() => client.close());
    const seen: { version: number; how: string }[] = [];
    const follower = followLoyaltyState(client, PosLoyaltyStateChangedDocument, {
      customerId: f.customer.id,
      onState: (s, how) => seen.push({ version: s.version, how }),
    });
    closing.push(() => Promise.resolve(follower.stop()));
    const now = await version(gw);
    await until('the current state', () => seen.length === 1);
    expect(seen).toEqual([{ version: now, how: 'replace' }]);
  });
});
