import { createGatewayClient, type GatewayClient } from '../../examples/lib/client';
import { OfflineQueue, recordOrQueue } from '../../examples/pos-till';
import { PosSyncOfflineOperationsDocument } from '../../schema/operations/generated';
import { startGateway, TcpProxy, type TestGateway } from '../support';
import { type ClientsFixture, clientsFixture } from './fixture';

describe("the till's offline queue (examples/pos-till.ts)", () => {
  let gw: TestGateway;
  let f: ClientsFixture;
  let proxy: TcpProxy;
  let till: GatewayClient;

  beforeAll(async () => {
    gw = await startGateway();
    f = await clientsFixture(gw);
    proxy = new TcpProxy({ host: '127.0.0.1', port: Number(new URL(gw.url).port) });
    await proxy.start();
    till = createGatewayClient({ gatewayUrl: `http://127.0.0.1:${proxy.port}`, credential: f.keys.pos });
  });
  afterAll(async () => {
    await till.close();
    await proxy.stop();
    await gw.close();
  });

  const state = async () =>
    (
      await f.program.tenant.owner.data(
        `query ($c: ID!) { loyaltyState(customerId: $c) { version balance { available pending } } }`,
        { c: f.customer.id },
      )
    ).loyaltyState as { version: number; balance: { available: number; pending: number } };

  it('queues a sale while the gateway is unreachable and books it exactly once when back', async () => {
    const before = await state();
    const queue = new OfflineQueue();

    await proxy.stop();
    const outcome = await recordOrQueue(till, queue, {
      customerId: f.customer.id,
      lines: [{ sku: 'BREAD', quantity: 4, unitPrice: 500 }],
    });
    expect(outcome).toEqual({ kind: 'queued', waiting: 1 });
    // A sync while still offline keeps the queue.
    await expect(queue.sync(till, f.storeId)).rejects.toThrow();
    expect(queue.size).toBe(1);
    const sent = [...queue.operations];

    await proxy.start();
    const first = await queue.sync(till, f.storeId);
    expect(first).toMatchObject({ applied: 1, alreadyApplied: 0, rejected: 0 });
    expect(queue.size).toBe(0);
    const booked = first!.results[0].purchase!.totalPoints;
    expect(booked).toBeGreaterThan(0);

    // The answer was lost, say: the till sends the same batch again; nothing is booked twice.
    const { data } = await till.apollo.mutate({
      mutation: PosSyncOfflineOperationsDocument,
      variables: { storeId: f.storeId, operations: sent },
    });
    expect(data!.syncOfflineOperations).toMatchObject({ applied: 0, alreadyApplied: 1, rejected: 0 });

    const after = await state();
    expect(after.version).toBe(before.version + 1);
    expect(after.balance.available + after.balance.pending).toBe(
      before.balance.available + before.balance.pending + booked,
    );
  });

  it('does not queue what the gateway refused (an answer is not an outage)', async () => {
    const queue = new OfflineQueue();
    await expect(
      recordOrQueue(till, queue, { customerId: f.customer.id, lines: [{ sku: 'X', quantity: 0, unitPrice: 100 }] }),
    ).rejects.toThrow();
    expect(queue.size).toBe(0);
  });
});
