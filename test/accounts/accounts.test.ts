import { randomUUID } from 'node:crypto';

import { verifyLedger } from '../../src/ledger/ledger.verifier';
import {
  createApiKey,
  createCustomer,
  createStore,
  createTenant,
  customerToken,
  type TenantFixture,
} from '../support/factories';
import { gql, gqlOk, startGateway, type TestGateway } from '../support/gateway';

let gw: TestGateway;
let tenant: TenantFixture;
let store: { id: string };

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' } });
  tenant = await createTenant(gw);
  store = await createStore(gw, tenant.ownerKey);
});
afterAll(() => gw.close());

const CREATE = `mutation ($input: CreateBusinessAccountInput!) { createBusinessAccount(input: $input) { replayed account { id code name poolPoints poolCustomerId version } } }`;
const JOIN = `mutation ($input: SetAccountMembershipInput!) { setAccountMembership(input: $input) { id businessAccountId } }`;
const ACCOUNT = `query ($id: ID!) { businessAccount(id: $id) { name poolPoints poolBalance { available pending } members { id } } }`;
const MEMBER = `query ($id: ID!) { customer(id: $id) { balance { available } businessAccount { code poolBalance { available } } } }`;
const RECORD = `mutation ($input: RecordPurchaseInput!) { recordPurchase(input: $input) { totalPoints transaction { id } } }`;

async function account(poolPoints: boolean, code = `ACME-${randomUUID().slice(0, 6)}`) {
  return (await gqlOk(gw, CREATE, { input: { code, name: 'Acme Ltd', poolPoints } }, tenant.ownerKey))
    .createBusinessAccount.account;
}

async function member(accountId: string) {
  const customer = await createCustomer(gw, tenant.ownerKey);
  await gqlOk(gw, JOIN, { input: { customerId: customer.id, accountId } }, tenant.ownerKey);
  return customer;
}

async function buy(customerId: string, amount: number) {
  const orderId = `O-${randomUUID().slice(0, 8)}`;
  const booked = (
    await gqlOk(
      gw,
      RECORD,
      {
        input: {
          customerId,
          storeId: store.id,
          channel: 'POS',
          orderId,
          lines: [{ sku: 'PAPER', quantity: 1, unitPrice: amount }],
          idempotencyKey: randomUUID(),
        },
      },
      tenant.ownerKey,
    )
  ).recordPurchase;
  return { ...booked, orderId };
}

describe('business accounts', () => {
  it('is created once per code: the same details replay, other details are a conflict naming the code', async () => {
    const code = `CRM-${randomUUID().slice(0, 6)}`;
    const first = (await gqlOk(gw, CREATE, { input: { code, name: 'Acme Ltd', poolPoints: true } }, tenant.ownerKey))
      .createBusinessAccount;
    expect(first).toMatchObject({ replayed: false, account: { code, poolPoints: true, version: 1 } });
    expect(first.account.poolCustomerId).toEqual(expect.any(String));
    const again = (await gqlOk(gw, CREATE, { input: { code, name: 'Acme Ltd', poolPoints: true } }, tenant.ownerKey))
      .createBusinessAccount;
    expect(again).toMatchObject({ replayed: true, account: { id: first.account.id } });
    const other = await gql(gw, CREATE, { input: { code, name: 'Other Corp', poolPoints: true } }, tenant.ownerKey);
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ACCOUNT_CODE_TAKEN',
      field: 'input.code',
    });
    const bad = await gql(gw, CREATE, { input: { code: 'has spaces', name: 'X', poolPoints: false } }, tenant.ownerKey);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    const pos = await createApiKey(gw, tenant.ownerKey, 'POS', store.id);
    expect(
      (await gql(gw, CREATE, { input: { code: 'X1', name: 'X', poolPoints: false } }, pos.secret)).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('pools what members earn on purchases, lets any member redeem from the pool, and claws refunds back from it', async () => {
    const acme = await account(true);
    const [alice, bob] = [await member(acme.id), await member(acme.id)];
    const bought = await buy(alice.id, 30_000);
    expect(bought.totalPoints).toBe(300);
    const aliceView = (await gqlOk(gw, MEMBER, { id: alice.id }, tenant.ownerKey)).customer;
    expect(aliceView).toEqual({
      balance: { available: 0 },
      businessAccount: { code: acme.code, poolBalance: { available: 300 } },
    });
    const view = (await gqlOk(gw, ACCOUNT, { id: acme.id }, tenant.ownerKey)).businessAccount;
    expect(view.members.map((m: { id: string }) => m.id).sort()).toEqual([alice.id, bob.id].sort());

    const reward = (
      await gqlOk(
        gw,
        `mutation ($input: RewardInput!) { createReward(input: $input) { id } }`,
        {
          input: {
            code: `R${randomUUID().slice(0, 6)}`,
            name: 'Printer paper',
            pointsCost: 200,
            costToBusiness: 100,
            retailValue: 900,
          },
        },
        tenant.ownerKey,
      )
    ).createReward;
    await gqlOk(gw, `mutation ($id: ID!) { activateReward(id: $id) { status } }`, { id: reward.id }, tenant.ownerKey);
    // Bob redeems from the pool with his own customer token.
    const bobToken = await customerToken(gw, tenant.ownerKey, bob.id);
    await gqlOk(
      gw,
      `mutation ($input: RedeemRewardInput!) { redeemReward(input: $input) { voucher { code } } }`,
      {
        input: { customerId: bob.id, rewardId: reward.id, idempotencyKey: randomUUID() },
      },
      bobToken,
    );
    expect((await gqlOk(gw, ACCOUNT, { id: acme.id }, tenant.ownerKey)).businessAccount.poolBalance.available).toBe(
      100,
    );

    // Alice's refund takes back what the pool still has: 100 of her 300.
    const refund = (
      await gqlOk(
        gw,
        `mutation ($input: RefundPurchaseInput!) { refundPurchase(input: $input) { pointsClawedBack pointsUncollected } }`,
        {
          input: { orderId: bought.orderId, lines: [{ sku: 'PAPER', quantity: 1 }], idempotencyKey: randomUUID() },
        },
        tenant.ownerKey,
      )
    ).refundPurchase;
    expect(refund).toEqual({ pointsClawedBack: 100, pointsUncollected: 200 });
    expect((await gqlOk(gw, ACCOUNT, { id: acme.id }, tenant.ownerKey)).businessAccount.poolBalance.available).toBe(0);
    expect((await verifyLedger(gw.gateway.orm.em.fork(), tenant.tenantId)).discrepancies).toEqual([]);
  });

  it('leaves points with the member when the account does not pool, and pools from the moment it starts to', async () => {
    const plain = await account(false);
    const carol = await member(plain.id);
    await buy(carol.id, 5_000);
    expect((await gqlOk(gw, MEMBER, { id: carol.id }, tenant.ownerKey)).customer).toEqual({
      balance: { available: 50 },
      businessAccount: { code: plain.code, poolBalance: null },
    });
    const updated = (
      await gqlOk(
        gw,
        `mutation ($input: UpdateBusinessAccountInput!) { updateBusinessAccount(input: $input) { poolPoints poolCustomerId version } }`,
        {
          input: { id: plain.id, poolPoints: true, expectedVersion: 1 },
        },
        tenant.ownerKey,
      )
    ).updateBusinessAccount;
    expect(updated).toMatchObject({ poolPoints: true, version: 2 });
    await buy(carol.id, 2_000);
    expect((await gqlOk(gw, MEMBER, { id: carol.id }, tenant.ownerKey)).customer).toEqual({
      balance: { available: 50 },
      businessAccount: { code: plain.code, poolBalance: { available: 20 } },
    });
    // Pools are not people: they are not listed among customers.
    const listed = (
      await gqlOk(gw, `{ customers(first: 100) { edges { node { id } } } }`, {}, tenant.ownerKey)
    ).customers.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(listed).not.toContain(updated.poolCustomerId);
    const stale = await gql(
      gw,
      `mutation ($input: UpdateBusinessAccountInput!) { updateBusinessAccount(input: $input) { version } }`,
      {
        input: { id: plain.id, name: 'Renamed', expectedVersion: 1 },
      },
      tenant.ownerKey,
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
    expect((await gql(gw, ACCOUNT, { id: acme.id }, other.ownerKey)).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    const stranger = await createCustomer(gw, other.ownerKey);
    const join = await gql(gw, JOIN, { input: { customerId: stranger.id, accountId: acme.id } }, other.ownerKey);
    expect(join.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.accountId' });
  });
});
