import { randomUUID } from 'node:crypto';

import { balance, createCustomer, earn, program, purchase, startGateway, type TestGateway } from '../support';

// Issue 13, item 5: a till acts at the store its key is bound to, and its ledger transactions record that store.

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0' } });
});
afterAll(() => gw.close());

const RECORD = `mutation ($input: RecordPurchaseInput!) {
  recordPurchase(input: $input) { orderId totalPoints transaction { id storeId channel } } }`;
const REFUND = `mutation ($input: RefundPurchaseInput!) {
  refundPurchase(input: $input) { pointsClawedBack transaction { kind storeId } } }`;
const REDEEM = `mutation ($input: RedeemPointsInput!) {
  redeemPoints(input: $input) { transaction { id storeId channel } } }`;
const REVERSE = `mutation ($input: ReverseTransactionInput!) {
  reverseTransaction(input: $input) { transaction { kind storeId } } }`;

const LINES = [{ sku: 'COAT', quantity: 1, unitPrice: 10_000 }];

describe('tills are bound to their store', () => {
  it("a till cannot refund a purchase recorded at another store; its own store's refund records the store", async () => {
    const p = await program(gw);
    const customer = await createCustomer(p.tenant.owner);
    const southTill = await p.tenant.pos(p.south.id);
    const northTill = await p.tenant.pos(p.north.id);
    const bought = (await southTill.data(RECORD, { input: purchase(customer.id, p.south.id, LINES) })).recordPurchase;
    expect(bought.totalPoints).toBe(100);
    expect(bought.transaction).toMatchObject({ storeId: p.south.id, channel: 'POS' });
    const before = await balance(p.tenant.owner, customer.id);

    const refund = { orderId: bought.orderId, lines: [{ sku: 'COAT', quantity: 1 }], idempotencyKey: randomUUID() };
    const elsewhere = await northTill.gql(REFUND, { input: refund });
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_OWN_STORE',
      field: 'input.orderId',
    });
    expect(await balance(p.tenant.owner, customer.id)).toEqual(before);

    const refunded = (await southTill.data(REFUND, { input: { ...refund, idempotencyKey: randomUUID() } }))
      .refundPurchase;
    expect(refunded).toMatchObject({
      pointsClawedBack: 100,
      transaction: { kind: 'REVERSAL', storeId: p.south.id },
    });
  });

  it('a purchase is recorded at the till’s store and channel, never at ones the client names', async () => {
    const p = await program(gw);
    const customer = await createCustomer(p.tenant.owner);
    const till = await p.tenant.pos(p.north.id);
    const atSouth = await till.gql(RECORD, { input: purchase(customer.id, p.south.id, LINES) });
    expect(atSouth.errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_OWN_STORE', field: 'input.storeId' });
    const asWeb = await till.gql(RECORD, { input: purchase(customer.id, p.north.id, LINES, { channel: 'WEB' }) });
    expect(asWeb.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'CHANNEL_FIXED',
      field: 'input.channel',
    });
    const implied = purchase(customer.id, p.north.id, LINES, { storeId: undefined, channel: undefined });
    const own = (await till.data(RECORD, { input: implied })).recordPurchase;
    expect(own.transaction).toMatchObject({ storeId: p.north.id, channel: 'POS' });
  });

  it('a till reverses only what was booked at its store, and its redemptions record the store', async () => {
    const p = await program(gw);
    const customer = await createCustomer(p.tenant.owner);
    await earn(p.tenant.owner, customer.id, 300);
    const northTill = await p.tenant.pos(p.north.id);
    const southTill = await p.tenant.pos(p.south.id);
    const spend = { customerId: customer.id, points: 100, reason: 'basket discount', idempotencyKey: randomUUID() };
    const redeemed = (await northTill.data(REDEEM, { input: spend })).redeemPoints.transaction;
    expect(redeemed).toMatchObject({ storeId: p.north.id, channel: 'POS' });
    const asAgent = await northTill.gql(REDEEM, {
      input: { ...spend, channel: 'AGENT', idempotencyKey: randomUUID() },
    });
    expect(asAgent.errors?.[0]?.extensions).toMatchObject({ reason: 'CHANNEL_FIXED', field: 'input.channel' });

    const reverse = { transactionId: redeemed.id, idempotencyKey: randomUUID() };
    const elsewhere = await southTill.gql(REVERSE, { input: reverse });
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_OWN_STORE',
      field: 'input.transactionId',
    });
    // Booked by the back office, at no store: not a till's to undo either.
    const online = (
      await p.tenant.owner.data(REDEEM, { input: { ...spend, points: 50, idempotencyKey: randomUUID() } })
    ).redeemPoints.transaction;
    expect(online.storeId).toBeNull();
    const offStore = await northTill.gql(REVERSE, {
      input: { transactionId: online.id, idempotencyKey: randomUUID() },
    });
    expect(offStore.errors?.[0]?.extensions?.reason).toBe('NOT_OWN_STORE');

    const undone = (await northTill.data(REVERSE, { input: reverse })).reverseTransaction.transaction;
    expect(undone).toMatchObject({ kind: 'REVERSAL', storeId: p.north.id });
    expect((await balance(p.tenant.owner, customer.id)).available).toBe(250);
  });

  it('vouchers are used at the till’s own store', async () => {
    const p = await program(gw);
    const till = await p.tenant.pos(p.north.id);
    const consume = `mutation ($input: ConsumeVoucherInput!) { consumeVoucher(input: $input) { status } }`;
    const res = await till.gql(consume, {
      input: { code: 'AAAA-BBBB-CCCC', storeId: p.south.id, idempotencyKey: randomUUID() },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_OWN_STORE',
      field: 'input.storeId',
    });
  });
});
