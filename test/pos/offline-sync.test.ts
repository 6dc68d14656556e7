import { randomUUID } from 'node:crypto';

import {
  ActivateRewardDocument,
  CreateRewardDocument,
  type OfflineOperationInput,
  RedeemRewardVoucherDocument,
  SyncOfflineOperationsDocument,
} from '../generated/graphql';
import {
  balance,
  createCustomer,
  createStore,
  createTenant,
  earn,
  expectLedgerClean,
  type KeyClient,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;
let store: { id: string };
let till: KeyClient;
let rewardId: string;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' } });
  tenant = await createTenant(gw);
  store = await createStore(tenant.owner);
  till = await tenant.pos(store.id);
  rewardId = (
    await tenant.owner.data(CreateRewardDocument, {
      input: {
        code: `MUG${randomUUID().slice(0, 4)}`,
        name: 'Mug',
        pointsCost: 200,
        costToBusiness: 100,
        retailValue: 900,
        stock: 10,
      },
    })
  ).createReward.id;
  await tenant.owner.data(ActivateRewardDocument, { id: rewardId });
});
afterAll(() => gw.close());

async function balanceOf(customerId: string) {
  return (await balance(tenant.owner, customerId)).available;
}

async function customerWith(points: number) {
  const customer = await createCustomer(tenant.owner);
  await earn(tenant.owner, customer.id, points);
  return customer;
}

describe('syncOfflineOperations', () => {
  it('applies queued operations in order with a result each, and a resent batch books nothing twice', async () => {
    const customer = await customerWith(150);
    // A voucher issued online (in the app) before the till went offline, presented at the till meanwhile.
    const extra = await customerWith(300);
    const issued = (
      await tenant.owner.data(RedeemRewardVoucherDocument, {
        input: { customerId: extra.id, rewardId, idempotencyKey: randomUUID() },
      })
    ).redeemReward.voucher.code;
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const ops: OfflineOperationInput[] = [
      {
        type: 'PURCHASE',
        idempotencyKey: randomUUID(),
        occurredAt: at(50),
        customerId: customer.id,
        orderId: `OFF-${randomUUID().slice(0, 6)}`,
        lines: [{ sku: 'SOFA', quantity: 1, unitPrice: 10_000 }],
      },
      { type: 'REDEEM_REWARD', idempotencyKey: randomUUID(), occurredAt: at(40), customerId: customer.id, rewardId },
      { type: 'CONSUME_VOUCHER', idempotencyKey: randomUUID(), occurredAt: at(30), voucherCode: issued },
      { type: 'REDEEM_REWARD', idempotencyKey: randomUUID(), occurredAt: at(20), customerId: customer.id, rewardId },
      {
        type: 'PURCHASE',
        idempotencyKey: randomUUID(),
        occurredAt: at(10),
        customerId: customer.id,
        orderId: 'OFF-NOLINES',
      },
    ];
    const first = (await till.data(SyncOfflineOperationsDocument, { store: store.id, ops })).syncOfflineOperations;
    expect(first).toMatchObject({ applied: 3, alreadyApplied: 0, rejected: 2 });
    expect(first.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'APPLIED',
      'APPLIED',
      'APPLIED',
      'REJECTED',
      'REJECTED',
    ]);
    // In order: the purchase's 100 points made the first redemption possible (150 + 100 - 200 = 50), not the second.
    expect(first.results[0].purchase).toMatchObject({ totalPoints: 100 });
    expect(first.results[1].voucher).toMatchObject({ status: 'ISSUED' });
    expect(first.results[2].voucher).toMatchObject({ code: issued, status: 'CONSUMED' });
    expect(first.results[3].error).toEqual({
      code: 'INSUFFICIENT_POINTS',
      reason: 'INSUFFICIENT_POINTS',
      field: 'operations.3.customerId',
    });
    expect(first.results[4].error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'operations.4.lines' });
    expect(await balanceOf(customer.id)).toBe(50);

    // The till never saw the answer and sends the whole batch again, twice at once.
    const again = await Promise.all([
      till.data(SyncOfflineOperationsDocument, { store: store.id, ops }),
      till.data(SyncOfflineOperationsDocument, { store: store.id, ops }),
    ]);
    for (const { syncOfflineOperations: result } of again) {
      expect(result.results.map((r: { outcome: string }) => r.outcome)).toEqual([
        'ALREADY_APPLIED',
        'ALREADY_APPLIED',
        'ALREADY_APPLIED',
        'REJECTED',
        'REJECTED',
      ]);
      expect(result.results[1]?.voucher?.code).toBe(first.results[1]?.voucher?.code);
    }
    expect(await balanceOf(customer.id)).toBe(50);
    const vouchers = await gw.gateway.orm.em
      .fork()
      .execute(`select count(*)::int as n from voucher where customer_id = ?`, [customer.id]);
    expect(vouchers[0].n).toBe(1);
    await expectLedgerClean(tenant);
  });

  it('recognises as already applied a purchase the till sent online whose answer it never got', async () => {
    const customer = await createCustomer(tenant.owner);
    const op: OfflineOperationInput = {
      type: 'PURCHASE',
      idempotencyKey: randomUUID(),
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      customerId: customer.id,
      orderId: `ON-${randomUUID().slice(0, 6)}`,
      lines: [{ sku: 'LAMP', quantity: 1, unitPrice: 4_000 }],
    };
    // Online, the till's key implies its store and channel; offline, the batch names them.
    await till.data(`mutation ($input: RecordPurchaseInput!) { recordPurchase(input: $input) { totalPoints } }`, {
      input: {
        customerId: op.customerId,
        orderId: op.orderId,
        lines: op.lines,
        occurredAt: op.occurredAt,
        idempotencyKey: op.idempotencyKey,
      },
    });
    const resent = (await till.data(SyncOfflineOperationsDocument, { store: store.id, ops: [op] }))
      .syncOfflineOperations;
    expect(resent.results[0]).toMatchObject({ outcome: 'ALREADY_APPLIED', purchase: { totalPoints: 40 } });
    expect(await balanceOf(customer.id)).toBe(40);
  });

  it("takes a till's own store only, and refuses empty or oversized batches naming the field", async () => {
    const otherStore = await createStore(tenant.owner);
    const op: OfflineOperationInput = {
      type: 'CONSUME_VOUCHER',
      idempotencyKey: randomUUID(),
      occurredAt: new Date().toISOString(),
      voucherCode: 'AAAA-BBBB-CCCC',
    };
    expect(
      (await till.gql(SyncOfflineOperationsDocument, { store: otherStore.id, ops: [op] })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await till.gql(SyncOfflineOperationsDocument, { store: store.id, ops: [] })).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'operations',
    });
    const unknown = (await till.data(SyncOfflineOperationsDocument, { store: store.id, ops: [op] }))
      .syncOfflineOperations;
    expect(unknown.results[0]).toMatchObject({
      outcome: 'REJECTED',
      error: { code: 'NOT_FOUND', field: 'operations.0.voucherCode' },
    });
    const agent = await tenant.agent();
    expect(
      (await agent.gql(SyncOfflineOperationsDocument, { store: store.id, ops: [op] })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});
