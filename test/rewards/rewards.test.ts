import {
  ActivateRewardWithOverrideDocument,
  CancelVoucherDocument,
  type Channel,
  ConsumeVoucherDocument,
  RedeemRewardDetailsDocument,
  RewardCatalogueDocument,
} from '../generated/graphql';
import {
  activeReward,
  createCustomer,
  createReward,
  earn,
  expectLedgerClean,
  key,
  type Program,
  program,
  startGateway,
  type TestGateway,
  tierOf,
} from '../support';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', DB_POOL_MAX: '30' } });
});
afterAll(() => gw.close());

describe('rewards and vouchers', () => {
  async function funded(p: Program, points: number) {
    const customer = await createCustomer(p.tenant.owner);
    await earn(p.tenant.owner, customer.id, points);
    return customer;
  }

  it('gives exactly 5 vouchers for a stock of 5 under 20 concurrent redemptions', async () => {
    const p = await program(gw);
    const rewardId = await activeReward(p.tenant.owner, { stock: 5 });
    const customer = await funded(p, 10_000);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        p.tenant.owner.gql(RedeemRewardDetailsDocument, {
          input: { customerId: customer.id, rewardId, idempotencyKey: key() },
        }),
      ),
    );
    const issued = results.filter((r) => r.data?.redeemReward);
    expect(issued).toHaveLength(5);
    expect(new Set(issued.map((r) => r.data!.redeemReward.voucher.code)).size).toBe(5);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.reason === 'OUT_OF_STOCK')).toHaveLength(15);
    expect((await tierOf(p, customer.id)).balance.available).toBe(10_000 - 5 * 100);
    const rewards = (await p.tenant.owner.data(`{ rewards { id stockRemaining } }`)).rewards;
    expect(rewards.find((r: { id: string }) => r.id === rewardId).stockRemaining).toBe(0);
    await expectLedgerClean(p.tenant);
  });

  it('lets a voucher be consumed once at a till; the second scan fails, a retry of the first replays', async () => {
    const p = await program(gw);
    const rewardId = await activeReward(p.tenant.owner, {});
    const customer = await funded(p, 500);
    const pos = await p.tenant.pos(p.north.id);
    const { voucher } = (
      await p.tenant.owner.data(RedeemRewardDetailsDocument, {
        input: { customerId: customer.id, rewardId, channel: 'WEB', idempotencyKey: key() },
      })
    ).redeemReward;
    expect(voucher).toMatchObject({ status: 'ISSUED', valid: true });
    expect(voucher.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const scanned = (
      await pos.data(`query ($code: String!) { voucher(code: $code) { valid status reward { id } pointsCost } }`, {
        code: voucher.code.toLowerCase(),
      })
    ).voucher;
    expect(scanned).toEqual({ valid: true, status: 'ISSUED', reward: { id: rewardId }, pointsCost: 100 });
    const consumeInput = { code: voucher.code, storeId: p.north.id, idempotencyKey: key() };
    expect((await pos.data(ConsumeVoucherDocument, { input: consumeInput })).consumeVoucher).toMatchObject({
      status: 'CONSUMED',
      consumedStoreId: p.north.id,
    });
    expect((await pos.data(ConsumeVoucherDocument, { input: consumeInput })).consumeVoucher.status).toBe('CONSUMED');
    const second = await pos.gql(ConsumeVoucherDocument, { input: { ...consumeInput, idempotencyKey: key() } });
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VOUCHER_ALREADY_USED',
      field: 'input.code',
    });
    const elsewhere = await pos.gql(ConsumeVoucherDocument, { input: { ...consumeInput, storeId: p.south.id } });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('two tills scanning one voucher at once: exactly one accepts it', async () => {
    const p = await program(gw);
    const rewardId = await activeReward(p.tenant.owner, {});
    const customer = await funded(p, 500);
    const { voucher } = (
      await p.tenant.owner.data(RedeemRewardDetailsDocument, {
        input: { customerId: customer.id, rewardId, idempotencyKey: key() },
      })
    ).redeemReward;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        p.tenant.owner.gql(ConsumeVoucherDocument, {
          input: { code: voucher.code, storeId: p.north.id, idempotencyKey: key() },
        }),
      ),
    );
    expect(results.filter((r) => r.data?.consumeVoucher)).toHaveLength(1);
  });

  it('cancels an unused voucher: points and stock come back, once', async () => {
    const p = await program(gw);
    const rewardId = await activeReward(p.tenant.owner, { stock: 1 });
    const customer = await funded(p, 300);
    const token = await p.tenant.customer(customer.id);
    const { voucher } = (
      await token.data(RedeemRewardDetailsDocument, {
        input: { customerId: customer.id, rewardId, idempotencyKey: key() },
      })
    ).redeemReward;
    expect((await tierOf(p, customer.id)).balance.available).toBe(200);
    const input = { code: voucher.code, idempotencyKey: key() };
    expect((await token.data(CancelVoucherDocument, { input })).cancelVoucher).toEqual({
      status: 'CANCELLED',
      valid: false,
    });
    expect((await token.data(CancelVoucherDocument, { input })).cancelVoucher.status).toBe('CANCELLED');
    expect((await tierOf(p, customer.id)).balance.available).toBe(300);
    const consume = await p.tenant.owner.gql(ConsumeVoucherDocument, {
      input: { code: voucher.code, storeId: p.north.id, idempotencyKey: key() },
    });
    expect(consume.errors?.[0]?.extensions?.reason).toBe('VOUCHER_CANCELLED');
    // The stock came back: the reward can be redeemed again.
    await token.data(RedeemRewardDetailsDocument, {
      input: { customerId: customer.id, rewardId, idempotencyKey: key() },
    });
    await expectLedgerClean(p.tenant);
  });

  it('refuses redemptions the member cannot have: points, tier, channel, per-customer limit', async () => {
    const p = await program(gw);
    const customer = await funded(p, 250);
    const goldOnly = await activeReward(p.tenant.owner, { eligibleTierIds: [p.tiers.GOLD] });
    const webOnly = await activeReward(p.tenant.owner, { channels: ['WEB'] });
    const limited = await activeReward(p.tenant.owner, { perCustomerLimit: 1 });
    const pricey = await activeReward(p.tenant.owner, { pointsCost: 1_000, costToBusiness: 500 });
    const attempt = async (rewardId: string, channel: Channel = 'POS') =>
      (
        await p.tenant.owner.gql(RedeemRewardDetailsDocument, {
          input: { customerId: customer.id, rewardId, channel, idempotencyKey: key() },
        })
      ).errors?.[0]?.extensions;
    expect(await attempt(goldOnly)).toMatchObject({ reason: 'REWARD_NOT_AVAILABLE' });
    expect(await attempt(webOnly)).toMatchObject({ reason: 'REWARD_NOT_AVAILABLE', field: 'input.channel' });
    expect(await attempt(pricey)).toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    expect(await attempt(limited)).toBeUndefined();
    expect(await attempt(limited)).toMatchObject({ reason: 'CUSTOMER_LIMIT_REACHED' });
    // Nothing half-applied: only the one redemption took points.
    expect((await tierOf(p, customer.id)).balance.available).toBe(150);
  });

  it('blocks a reward over the margin guardrail unless the owner overrides it, and records the override', async () => {
    const p = await program(gw);
    const admin = await p.tenant.key('ADMIN');
    // 1,000 points for something that costs the business 15.00: 15,000 per 1,000 points, over the default 1,000.
    const id = await createReward(p.tenant.owner, { pointsCost: 1_000, costToBusiness: 1_500 });
    expect((await admin.gql(ActivateRewardWithOverrideDocument, { id })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'GUARDRAIL_EXCEEDED',
    });
    expect(
      (await admin.gql(ActivateRewardWithOverrideDocument, { id, reason: 'launch' })).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'GUARDRAIL_OVERRIDE_FORBIDDEN',
    });
    const rewards = (await p.tenant.owner.data(`{ rewards(activeOnly: false) { id status } }`)).rewards;
    expect(rewards.find((r: { id: string }) => r.id === id).status).toBe('DRAFT');
    const activated = (
      await p.tenant.owner.data(ActivateRewardWithOverrideDocument, {
        id,
        reason: 'flagship launch, approved by finance',
      })
    ).activateReward;
    expect(activated).toMatchObject({
      status: 'ACTIVE',
      costPerThousandPoints: 1_500,
      guardrailOverride: {
        reason: 'flagship launch, approved by finance',
        costPerThousand: 1_500,
        limitPerThousand: 1_000,
      },
    });
    expect(activated.guardrailOverride!.actor).toMatch(/^key:/);
    // Within the guardrail, anyone who manages the program can activate.
    const cheap = await createReward(p.tenant.owner, { pointsCost: 1_000, costToBusiness: 900 });
    expect((await admin.data(ActivateRewardWithOverrideDocument, { id: cheap })).activateReward.status).toBe('ACTIVE');
  });
});

describe('the catalogue a customer reads', () => {
  it('lists published rewards only, without what they cost the business', async () => {
    const p = await program(gw);
    const live = await activeReward(p.tenant.owner, { name: 'Mug', pointsCost: 1000, stock: 40, costToBusiness: 350 });
    await createReward(p.tenant.owner, { name: 'Secret launch draft', costToBusiness: 900 });
    const customer = await createCustomer(p.tenant.owner);
    const me = await p.tenant.customer(customer.id);

    const catalogue = (await me.data(RewardCatalogueDocument, {})).rewards;
    expect(catalogue).toEqual([
      { id: live, name: 'Mug', status: 'ACTIVE', pointsCost: 1000, retailValue: 500, stockRemaining: 40 },
    ]);
    for (const res of [
      await me.gql(RewardCatalogueDocument, { activeOnly: false }),
      await me.gql(`{ rewards { name costToBusiness } }`),
      await me.gql(`{ rewards { name stock } }`),
      await me.gql(`{ rewards { name costPerThousandPoints } }`),
    ]) {
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_FORBIDDEN' });
      expect(JSON.stringify(res.data ?? null)).not.toMatch(/Secret|350|900/);
    }
    // Staff keep the whole workbench.
    const agent = await p.tenant.agent();
    const all = (await agent.data(`{ rewards(activeOnly: false) { name costToBusiness stock costPerThousandPoints } }`))
      .rewards;
    expect(all).toHaveLength(2);
    expect(all).toContainEqual({ name: 'Mug', costToBusiness: 350, stock: 40, costPerThousandPoints: 350 });
  });
});
