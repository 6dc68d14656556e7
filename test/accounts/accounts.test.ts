import { randomUUID } from 'node:crypto';

import {
  AccountMemberDocument,
  ActivateRewardDocument,
  BusinessAccountDocument,
  CreateBusinessAccountDocument,
  CreateRewardDocument,
  RecordMemberPurchaseDocument,
  RedeemRewardVoucherDocument,
  SetAccountMembershipDocument,
} from '../generated/graphql';
import {
  createCustomer,
  createStore,
  createTenant,
  expectLedgerClean,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;
let store: { id: string };

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' } });
  tenant = await createTenant(gw);
  store = await createStore(tenant.owner);
});
afterAll(() => gw.close());

async function account(poolPoints: boolean, code = `ACME-${randomUUID().slice(0, 6)}`) {
  return (await tenant.owner.data(CreateBusinessAccountDocument, { input: { code, name: 'Acme Ltd', poolPoints } }))
    .createBusinessAccount.account;
}

async function member(accountId: string) {
  const customer = await createCustomer(tenant.owner);
  await tenant.owner.data(SetAccountMembershipDocument, { input: { customerId: customer.id, accountId } });
  return customer;
}

async function buy(customerId: string, amount: number) {
  const orderId = `O-${randomUUID().slice(0, 8)}`;
  const booked = (
    await tenant.owner.data(RecordMemberPurchaseDocument, {
      input: {
        customerId,
        storeId: store.id,
        channel: 'POS',
        orderId,
        lines: [{ sku: 'PAPER', quantity: 1, unitPrice: amount }],
        idempotencyKey: randomUUID(),
      },
    })
  ).recordPurchase;
  return { ...booked, orderId };
}

describe('business accounts', () => {
  it('is created once per code: the same details replay, other details are a conflict naming the code', async () => {
    const code = `CRM-${randomUUID().slice(0, 6)}`;
    const first = (
      await tenant.owner.data(CreateBusinessAccountDocument, { input: { code, name: 'Acme Ltd', poolPoints: true } })
    ).createBusinessAccount;
    expect(first).toMatchObject({ replayed: false, account: { code, poolPoints: true, version: 1 } });
    expect(first.account.poolCustomerId).toEqual(expect.any(String));
    const again = (
      await tenant.owner.data(CreateBusinessAccountDocument, { input: { code, name: 'Acme Ltd', poolPoints: true } })
    ).createBusinessAccount;
    expect(again).toMatchObject({ replayed: true, account: { id: first.account.id } });
    const other = await tenant.owner.gql(CreateBusinessAccountDocument, {
      input: { code, name: 'Other Corp', poolPoints: true },
    });
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ACCOUNT_CODE_TAKEN',
      field: 'input.code',
    });
    const bad = await tenant.owner.gql(CreateBusinessAccountDocument, {
      input: { code: 'has spaces', name: 'X', poolPoints: false },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    const pos = await tenant.pos(store.id);
    expect(
      (await pos.gql(CreateBusinessAccountDocument, { input: { code: 'X1', name: 'X', poolPoints: false } }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('pools what members earn on purchases, lets any member redeem from the pool, and claws refunds back from it', async () => {
    const acme = await account(true);
    const [alice, bob] = [await member(acme.id), await member(acme.id)];
    const bought = await buy(alice.id, 30_000);
    expect(bought.totalPoints).toBe(300);
    const aliceView = (await tenant.owner.data(AccountMemberDocument, { id: alice.id })).customer;
    expect(aliceView).toEqual({
      balance: { available: 0 },
      businessAccount: { code: acme.code, poolBalance: { available: 300 } },
    });
    const view = (await tenant.owner.data(BusinessAccountDocument, { id: acme.id })).businessAccount;
    expect(view.members.map((m: { id: string }) => m.id).sort()).toEqual([alice.id, bob.id].sort());

    const reward = (
      await tenant.owner.data(CreateRewardDocument, {
        input: {
          code: `R${randomUUID().slice(0, 6)}`,
          name: 'Printer paper',
          pointsCost: 200,
          costToBusiness: 100,
          retailValue: 900,
        },
      })
    ).createReward;
    await tenant.owner.data(ActivateRewardDocument, { id: reward.id });
    // Bob redeems from the pool with his own customer token.
    const bobToken = await tenant.customer(bob.id);
    await bobToken.data(RedeemRewardVoucherDocument, {
      input: { customerId: bob.id, rewardId: reward.id, idempotencyKey: randomUUID() },
    });
    expect(
      (await tenant.owner.data(BusinessAccountDocument, { id: acme.id })).businessAccount.poolBalance?.available,
    ).toBe(100);

    // Alice's refund takes back what the pool still has: 100 of her 300.
    const refund = (
      await tenant.owner.data(
        `mutation ($input: RefundPurchaseInput!) { refundPurchase(input: $input) { pointsClawedBack pointsUncollected } }`,
        {
          input: { orderId: bought.orderId, lines: [{ sku: 'PAPER', quantity: 1 }], idempotencyKey: randomUUID() },
        },
      )
    ).refundPurchase;
    expect(refund).toEqual({ pointsClawedBack: 100, pointsUncollected: 200 });
    expect(
      (await tenant.owner.data(BusinessAccountDocument, { id: acme.id })).businessAccount.poolBalance?.available,
    ).toBe(0);
    await expectLedgerClean(tenant);
  });

  it('leaves points with the member when the account does not pool, and pools from the moment it starts to', async () => {
    const plain = await account(false);
    const carol = await member(plain.id);
    await buy(carol.id, 5_000);
    expect((await tenant.owner.data(AccountMemberDocument, { id: carol.id })).customer).toEqual({
      balance: { available: 50 },
      businessAccount: { code: plain.code, poolBalance: null },
    });
    const updated = (
      await tenant.owner.data(
        `mutation ($input: UpdateBusinessAccountInput!) { updateBusinessAccount(input: $input) { poolPoints poolCustomerId version } }`,
        {
          input: { id: plain.id, poolPoints: true, expectedVersion: 1 },
        },
      )
    ).updateBusinessAccount;
    expect(updated).toMatchObject({ poolPoints: true, version: 2 });
    await buy(carol.id, 2_000);
    expect((await tenant.owner.data(AccountMemberDocument, { id: carol.id })).customer).toEqual({
      balance: { available: 50 },
      businessAccount: { code: plain.code, poolBalance: { available: 20 } },
    });
    // Pools are not people: they are not listed among customers.
    const listed = (await tenant.owner.data(`{ customers(first: 100) { edges { node { id } } } }`)).customers.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(listed).not.toContain(updated.poolCustomerId);
    const stale = await tenant.owner.gql(
      `mutation ($input: UpdateBusinessAccountInput!) { updateBusinessAccount(input: $input) { version } }`,
      {
        input: { id: plain.id, name: 'Renamed', expectedVersion: 1 },
      },
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VERSION_MISMATCH',
      field: 'input.expectedVersion',
    });
  });

  it('never shows another tenant an account or lets it add members', async () => {
    const acme = await account(true);
    const other = await createTenant(gw);
    expect((await other.owner.gql(BusinessAccountDocument, { id: acme.id })).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    const stranger = await createCustomer(other.owner);
    const join = await other.owner.gql(SetAccountMembershipDocument, {
      input: { customerId: stranger.id, accountId: acme.id },
    });
    expect(join.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.accountId' });
  });
});
