import { randomUUID } from 'node:crypto';

import { TierService } from '../../src/program/tier.service';
import {
  ActivateRewardDocument,
  ActivateRewardWithOverrideDocument,
  BenefitsDocument,
  CancelVoucherDocument,
  type Channel,
  ConsumeVoucherDocument,
  CreateRewardDocument,
  CreateTierDocument,
  CustomerTierDocument,
  GrantTierStatusDocument,
  PreviewPurchaseDocument,
  ProgramSettingsDocument,
  RecordPurchaseBreakdownDocument,
  type RecordPurchaseInput,
  RedeemRewardDetailsDocument,
  RedeemRewardVoucherDocument,
  RefundPurchaseDocument,
  ReverseTransactionIdDocument,
  type TierWindow,
  UpdateProgramSettingsDocument,
  UpsertBenefitDocument,
} from '../generated/graphql';
import {
  activeReward,
  type ApiClient,
  createCustomer,
  createReward,
  createStore,
  createTenant,
  earn,
  expectLedgerClean,
  key,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', DB_POOL_MAX: '30' } });
});
afterAll(() => gw.close());

const DAY = 86_400_000;

interface Program {
  tenant: TenantFixture;
  tiers: Record<string, string>;
  north: { id: string };
  south: { id: string };
}

/** A tenant with Base / Silver (10,000 spend) / Gold (50,000 spend), calendar year, 30 days grace. */
async function program(window: TierWindow = 'CALENDAR_YEAR'): Promise<Program> {
  const tenant = await createTenant(gw);
  const tiers: Record<string, string> = {};
  for (const [code, rank, threshold] of [
    ['BASE', 0, 0],
    ['SILVER', 1, 10_000],
    ['GOLD', 2, 50_000],
  ] as const) {
    const created = await tenant.owner.data(CreateTierDocument, {
      input: { code, name: code, rank, metric: 'SPEND', threshold, window, graceDays: 30 },
    });
    tiers[code] = created.createTier.id;
  }
  const north = await createStore(tenant.owner, `N${randomUUID().slice(0, 5)}`, 'north');
  const south = await createStore(tenant.owner, `S${randomUUID().slice(0, 5)}`, 'south');
  return { tenant, tiers, north, south };
}

async function rule(p: Program, input: Record<string, unknown>) {
  return (
    await p.tenant.owner.data(`mutation ($input: EarningRuleInput!) { createEarningRule(input: $input) { id code } }`, {
      input,
    })
  ).createEarningRule;
}

function purchase(
  customerId: string,
  storeId: string,
  lines: { sku: string; category?: string; quantity: number; unitPrice: number }[],
  extra: Partial<RecordPurchaseInput> = {},
): RecordPurchaseInput {
  return {
    customerId,
    storeId,
    channel: 'POS',
    orderId: `O-${randomUUID().slice(0, 8)}`,
    lines,
    idempotencyKey: key(),
    ...extra,
  };
}

async function record(p: Program, input: RecordPurchaseInput, token: ApiClient = p.tenant.owner) {
  return (await token.data(RecordPurchaseBreakdownDocument, { input })).recordPurchase;
}

async function tierOf(p: Program, customerId: string) {
  const { customer } = await p.tenant.owner.data(CustomerTierDocument, { id: customerId });
  // Every member of these programs holds a tier: the base one at least.
  return { ...customer, tier: customer.tier! };
}

describe('settings', () => {
  it('starts from the defaults, shows the tenant-level terms with them, and validates updates', async () => {
    const tenant = await createTenant(gw);
    expect((await tenant.owner.data(ProgramSettingsDocument)).programSettings).toEqual({
      earnPoints: 1,
      earnPerMinor: 100,
      rounding: 'DOWN',
      pendingDays: 0,
      pointValuePerThousand: 1000,
      maxRewardCostPerThousand: 1000,
      voucherValidityDays: 30,
      currency: 'EUR',
      pointsExpiryPolicy: 'NONE',
      version: 1,
    });
    expect(
      (
        await tenant.owner.data(UpdateProgramSettingsDocument, {
          input: { earnPoints: 2, rounding: 'NEAREST', clearGuardrail: true, expectedVersion: 1 },
        })
      ).updateProgramSettings,
    ).toEqual({
      earnPoints: 2,
      rounding: 'NEAREST',
      maxRewardCostPerThousand: null,
      version: 2,
    });
    const stale = await tenant.owner.gql(UpdateProgramSettingsDocument, {
      input: { earnPoints: 3, expectedVersion: 1 },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion' });
    const bad = await tenant.owner.gql(UpdateProgramSettingsDocument, { input: { earnPerMinor: 0 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.earnPerMinor' });
    const agent = await tenant.agent();
    expect(
      (await agent.gql(UpdateProgramSettingsDocument, { input: { earnPoints: 5 } })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('tiers', () => {
  it('upgrades the moment a purchase crosses the threshold, and records why', async () => {
    const p = await program();
    const customer = await createCustomer(p.tenant.owner);
    const below = await record(p, purchase(customer.id, p.north.id, [{ sku: 'TV', quantity: 1, unitPrice: 9_999 }]));
    expect(below.tierChange).toBeNull();
    let status = (await tierOf(p, customer.id)).tier;
    expect(status).toMatchObject({
      current: { code: 'BASE' },
      progress: { metric: 'SPEND', value: 9_999, nextTier: { code: 'SILVER' }, remaining: 1, percent: 99 },
    });
    expect(status.downgradeRisk).toBeNull();

    const crossing = await record(p, purchase(customer.id, p.north.id, [{ sku: 'CABLE', quantity: 1, unitPrice: 1 }]));
    expect(crossing.tierChange).toEqual({ from: { code: 'BASE' }, to: { code: 'SILVER' } });
    const after = await tierOf(p, customer.id);
    status = after.tier;
    expect(status.current.code).toBe('SILVER');
    expect(status.progress).toMatchObject({
      nextTier: { code: 'GOLD' },
      value: 10_000,
      remaining: 40_000,
      percent: 20,
    });
    // Silver reached in this calendar year is held to the end of the next one.
    const nextYearEnd = new Date(Date.UTC(new Date().getUTCFullYear() + 2, 0, 1));
    expect(Math.abs(new Date(status.expiresAt!).getTime() - nextYearEnd.getTime())).toBeLessThan(2 * DAY);
    expect(status.downgradeRisk!.projectedTier.code).toBe('BASE');
    expect(after.tierHistory).toEqual([
      expect.objectContaining({ reason: 'QUALIFIED', from: { code: 'BASE' }, to: { code: 'SILVER' } }),
    ]);
  });

  it('counts concurrent purchases that earn no points together towards a visits tier', async () => {
    const tenant = await createTenant(gw);
    for (const [code, rank, threshold] of [
      ['BASE', 0, 0],
      ['REGULAR', 1, 3],
    ] as const) {
      await tenant.owner.data(CreateTierDocument, {
        input: { code, name: code, rank, metric: 'VISITS', threshold, window: 'ROLLING_12_MONTHS' },
      });
    }
    const store = await createStore(tenant.owner);
    const customer = await createCustomer(tenant.owner);
    // Three visits on three different days, each too small to earn a point, recorded at the same moment.
    const visits = [1, 2, 3].map((daysAgo) =>
      purchase(customer.id, store.id, [{ sku: 'GUM', quantity: 1, unitPrice: 50 }], {
        occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
      }),
    );
    const results = await Promise.all(
      visits.map((input) => tenant.owner.data(RecordPurchaseBreakdownDocument, { input })),
    );
    expect(results.map((r) => r.recordPurchase.totalPoints)).toEqual([0, 0, 0]);
    const status = (await tenant.owner.data(CustomerTierDocument, { id: customer.id })).customer;
    expect(status.tier!.current.code).toBe('REGULAR');
    expect(status.tierHistory).toHaveLength(1);
  });

  it('jumps straight to the highest tier reached', async () => {
    const p = await program();
    const customer = await createCustomer(p.tenant.owner);
    const result = await record(
      p,
      purchase(customer.id, p.north.id, [{ sku: 'SOFA', quantity: 1, unitPrice: 60_000 }]),
    );
    expect(result.tierChange).toEqual({ from: { code: 'BASE' }, to: { code: 'GOLD' } });
  });

  it('downgrades only after the period and its grace, and by one tier at a time (set-based evaluation)', async () => {
    const p = await program('ROLLING_12_MONTHS');
    const gold = await createCustomer(p.tenant.owner);
    const base = await createCustomer(p.tenant.owner);
    await record(p, purchase(gold.id, p.north.id, [{ sku: 'SOFA', quantity: 1, unitPrice: 60_000 }]));
    await record(p, purchase(base.id, p.north.id, [{ sku: 'PEN', quantity: 1, unitPrice: 100 }]));
    const periodEnd = new Date((await tierOf(p, gold.id)).tier.expiresAt!);
    expect(Math.abs(periodEnd.getTime() - (Date.now() + 365 * DAY))).toBeLessThan(2 * DAY);

    const tiers = new TierService();
    const em = () => gw.gateway.orm.em.fork();
    const inGrace = await tiers.evaluate(em(), p.tenant.tenantId, new Date(periodEnd.getTime() + 29 * DAY));
    expect(inGrace).toMatchObject({ downgraded: 0 });
    expect((await tierOf(p, gold.id)).tier.current.code).toBe('GOLD');

    const afterGrace = await tiers.evaluate(em(), p.tenant.tenantId, new Date(periodEnd.getTime() + 31 * DAY));
    expect(afterGrace?.downgraded).toBe(1);
    const dropped = await tierOf(p, gold.id);
    expect(dropped.tier.current.code).toBe('SILVER');
    expect(dropped.tierHistory[0]).toMatchObject({
      reason: 'DOWNGRADED',
      from: { code: 'GOLD' },
      to: { code: 'SILVER' },
      actor: 'job:evaluate-tiers',
    });
    expect((await tierOf(p, base.id)).tier.current.code).toBe('BASE');

    // Running the same evaluation again drops nobody a second time.
    const again = await tiers.evaluate(em(), p.tenant.tenantId, new Date(periodEnd.getTime() + 31 * DAY));
    expect(again?.downgraded).toBe(0);
  });

  it('moves the period on when a member reaches their tier again before it ends', async () => {
    const p = await program('ROLLING_12_MONTHS');
    const customer = await createCustomer(p.tenant.owner);
    await record(
      p,
      purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 12_000 }], {
        occurredAt: new Date(Date.now() - 300 * DAY).toISOString(),
      }),
    );
    // Time passes: the status period is about to end.
    await gw.gateway.orm.em
      .fork()
      .execute(`update customer_tier set period_end = now() + interval '10 days' where customer_id = ?`, [customer.id]);
    expect((await tierOf(p, customer.id)).tier.downgradeRisk).toMatchObject({
      projectedTier: { code: 'SILVER' },
      remainingToKeep: 0,
    });
    await record(p, purchase(customer.id, p.north.id, [{ sku: 'B', quantity: 1, unitPrice: 100 }]));
    const status = (await tierOf(p, customer.id)).tier;
    expect(status.current.code).toBe('SILVER');
    expect(Math.abs(new Date(status.expiresAt!).getTime() - (Date.now() + 365 * DAY))).toBeLessThan(2 * DAY);
    // Requalifying is not a tier change: the history holds the one upgrade.
    expect((await tierOf(p, customer.id)).tierHistory).toHaveLength(1);
  });

  it('grants limited-time status that ends on its date, then the qualified tier applies again', async () => {
    const p = await program();
    const customer = await createCustomer(p.tenant.owner);
    const supervisor = await p.tenant.key('SUPERVISOR');
    const agent = await p.tenant.agent();
    const input = {
      customerId: customer.id,
      tierId: p.tiers.GOLD,
      until: new Date(Date.now() + 1500).toISOString(),
      note: 'status match: airline gold',
      idempotencyKey: key(),
    };
    expect((await agent.gql(GrantTierStatusDocument, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const granted = (await supervisor.data(GrantTierStatusDocument, { input })).grantTierStatus;
    expect(granted).toMatchObject({ current: { code: 'GOLD' }, limitedTime: true, expiresAt: input.until });
    // A retry books nothing more; the same key for another grant is a conflict.
    await supervisor.data(GrantTierStatusDocument, { input });
    const reused = await supervisor.gql(GrantTierStatusDocument, { input: { ...input, tierId: p.tiers.SILVER } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });

    const during = await tierOf(p, customer.id);
    expect(during.tier).toMatchObject({ current: { code: 'GOLD' }, qualifiedTier: { code: 'BASE' } });
    expect(during.tierHistory.filter((change: { reason: string }) => change.reason === 'GRANTED')).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await tierOf(p, customer.id)).tier).toMatchObject({ current: { code: 'BASE' }, limitedTime: false });
    const evaluation = await new TierService().evaluate(gw.gateway.orm.em.fork(), p.tenant.tenantId, new Date());
    expect(evaluation?.grantsEnded).toBe(1);
    expect((await tierOf(p, customer.id)).tierHistory[0]).toMatchObject({
      reason: 'GRANT_ENDED',
      from: { code: 'GOLD' },
      to: { code: 'BASE' },
    });
  });
});

describe('earning rules and promotions', () => {
  it('resolves two regional promotions and a global rule in the documented order', async () => {
    const p = await program();
    await rule(p, {
      code: 'GLOBAL_DOUBLE',
      name: 'Double points',
      priority: 10,
      stacking: 'STACKABLE',
      effect: 'MULTIPLIER',
      value: 200,
    });
    await rule(p, {
      code: 'NORTH_WEEK',
      name: 'North week',
      priority: 10,
      stacking: 'EXCLUSIVE',
      effect: 'FIXED_BONUS',
      value: 500,
      regions: ['north'],
    });
    await rule(p, {
      code: 'SOUTH_SNACKS',
      name: 'South snacks',
      priority: 5,
      stacking: 'STACKABLE',
      effect: 'POINTS_PER_UNIT',
      value: 10,
      regions: ['south'],
      categories: ['snacks'],
    });
    const customer = await createCustomer(p.tenant.owner);
    const lines = [
      { sku: 'CHIPS', category: 'snacks', quantity: 3, unitPrice: 250 },
      { sku: 'SODA', category: 'drinks', quantity: 1, unitPrice: 1_250 },
    ];

    // North: the regional exclusive promotion outranks the global rule of equal priority, and applies alone.
    const north = await record(p, purchase(customer.id, p.north.id, lines));
    expect(
      north.contributions.map((c: { code: string; outcome: string; points: number }) => [c.code, c.outcome, c.points]),
    ).toEqual([
      ['BASE', 'APPLIED', 20],
      ['NORTH_WEEK', 'APPLIED', 500],
      ['GLOBAL_DOUBLE', 'EXCLUDED', 0],
    ]);
    expect(north.totalPoints).toBe(520);

    // South: the global rule and the southern promotion stack.
    const south = await record(p, purchase(customer.id, p.south.id, lines));
    expect(
      south.contributions.map((c: { code: string; outcome: string; points: number }) => [c.code, c.outcome, c.points]),
    ).toEqual([
      ['BASE', 'APPLIED', 20],
      ['GLOBAL_DOUBLE', 'APPLIED', 20],
      ['SOUTH_SNACKS', 'APPLIED', 30],
    ]);
    expect(south.transaction!.points).toBe(70);
    expect((await tierOf(p, customer.id)).balance.available).toBe(590);
    await expectLedgerClean(p.tenant);
  });

  it('stops at the per-purchase cap, the per-customer cap and the total budget', async () => {
    const p = await program();
    await rule(p, {
      code: 'CAPPED',
      name: 'Capped bonus',
      priority: 1,
      stacking: 'STACKABLE',
      effect: 'POINTS_PER_UNIT',
      value: 100,
      capPerPurchase: 250,
      capPerCustomer: 400,
      customerCapPeriod: 'DAY',
    });
    await rule(p, {
      code: 'BUDGET',
      name: 'Launch budget',
      priority: 0,
      stacking: 'STACKABLE',
      effect: 'FIXED_BONUS',
      value: 40,
      budget: 100,
    });
    const [alice, bob] = [await createCustomer(p.tenant.owner), await createCustomer(p.tenant.owner)];
    const lines = [{ sku: 'X', quantity: 3, unitPrice: 100 }];
    const points = (result: { contributions: { code: string; points: number; outcome: string }[] }) =>
      Object.fromEntries(
        result.contributions.filter((c) => c.code !== 'BASE').map((c) => [c.code, [c.points, c.outcome]]),
      );

    expect(points(await record(p, purchase(alice.id, p.north.id, lines)))).toEqual({
      CAPPED: [250, 'CAPPED'],
      BUDGET: [40, 'APPLIED'],
    });
    expect(points(await record(p, purchase(alice.id, p.north.id, lines)))).toEqual({
      CAPPED: [150, 'CAPPED'],
      BUDGET: [40, 'APPLIED'],
    });
    expect(points(await record(p, purchase(alice.id, p.north.id, lines)))).toEqual({
      CAPPED: [0, 'EXHAUSTED'],
      BUDGET: [20, 'CAPPED'],
    });
    // Another customer has their own daily cap, but the budget is shared and spent.
    expect(points(await record(p, purchase(bob.id, p.north.id, lines)))).toEqual({
      CAPPED: [250, 'CAPPED'],
      BUDGET: [0, 'EXHAUSTED'],
    });
    const rules = (await p.tenant.owner.data(`{ earningRules { code budget budgetUsed } }`)).earningRules;
    expect(rules.find((r: { code: string }) => r.code === 'BUDGET')).toMatchObject({ budget: 100, budgetUsed: 100 });
  });

  it('never overspends a budget under concurrent purchases', async () => {
    const p = await program();
    await rule(p, {
      code: 'TIGHT',
      name: 'Tight budget',
      priority: 0,
      stacking: 'STACKABLE',
      effect: 'FIXED_BONUS',
      value: 30,
      budget: 100,
    });
    const customers = await Promise.all(Array.from({ length: 8 }, () => createCustomer(p.tenant.owner)));
    const results = await Promise.all(
      customers.map((c) => record(p, purchase(c.id, p.north.id, [{ sku: 'X', quantity: 1, unitPrice: 100 }]))),
    );
    const given = results.map((r) => r.contributions.find((c: { code: string }) => c.code === 'TIGHT')?.points ?? 0);
    expect(given.reduce((a: number, b: number) => a + b, 0)).toBe(100);
  });

  it('never gives one customer more than their cap under concurrent purchases', async () => {
    const p = await program();
    await rule(p, {
      code: 'DAILY',
      name: 'Daily bonus',
      priority: 0,
      stacking: 'STACKABLE',
      effect: 'FIXED_BONUS',
      value: 30,
      capPerCustomer: 100,
      customerCapPeriod: 'DAY',
    });
    const customer = await createCustomer(p.tenant.owner);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        record(p, purchase(customer.id, p.north.id, [{ sku: 'X', quantity: 1, unitPrice: 100 }])),
      ),
    );
    const given = results.map((r) => r.contributions.find((c: { code: string }) => c.code === 'DAILY')?.points ?? 0);
    expect(given.reduce((a: number, b: number) => a + b, 0)).toBe(100);
    expect((await tierOf(p, customer.id)).balance.available).toBe(6 + 100);
  });

  it('previews exactly what the booking then gives, and books nothing', async () => {
    const p = await program();
    await rule(p, {
      code: 'WEEKDAY',
      name: 'Weekday',
      priority: 3,
      stacking: 'STACKABLE',
      effect: 'MULTIPLIER',
      value: 150,
      channels: ['POS'],
    });
    await rule(p, {
      code: 'COFFEE',
      name: 'Coffee',
      priority: 1,
      stacking: 'STACKABLE',
      effect: 'POINTS_PER_UNIT',
      value: 7,
      skus: ['COFFEE'],
      capPerCustomer: 20,
      customerCapPeriod: 'WEEK',
    });
    const customer = await createCustomer(p.tenant.owner);
    const input = purchase(customer.id, p.north.id, [
      { sku: 'COFFEE', quantity: 4, unitPrice: 320 },
      { sku: 'CAKE', quantity: 1, unitPrice: 1_115 },
    ]);
    // A preview takes the purchase without its order id and idempotency key.
    const { customerId, storeId, channel, lines, occurredAt } = input;
    const previewInput = { customerId, storeId, channel, lines, occurredAt };
    const preview = (await p.tenant.owner.data(PreviewPurchaseDocument, { input: previewInput })).previewPurchase;
    expect((await tierOf(p, customer.id)).balance.available).toBe(0);
    const booked = await record(p, input);
    expect({
      ...booked,
      purchaseId: undefined,
      orderId: undefined,
      replayed: undefined,
      transaction: undefined,
      tierChange: undefined,
    }).toEqual({
      ...preview,
      purchaseId: undefined,
      orderId: undefined,
      replayed: undefined,
      transaction: undefined,
      tierChange: undefined,
    });
    expect(booked.totalPoints).toBe(preview.totalPoints);
    expect(booked.totalPoints).toBe(23 + 11 + 20);
  });

  it('books a purchase once however often it is retried, and refuses the same order under another key', async () => {
    const p = await program();
    const customer = await createCustomer(p.tenant.owner);
    const input = purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 5_000 }]);
    const results = await Promise.all([record(p, input), record(p, input), record(p, input)]);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.transaction!.id)).size).toBe(1);
    expect((await tierOf(p, customer.id)).balance.available).toBe(50);
    const other = await p.tenant.owner.gql(RecordPurchaseBreakdownDocument, {
      input: { ...input, idempotencyKey: key() },
    });
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ORDER_ALREADY_RECORDED',
      field: 'input.orderId',
    });
  });

  it('keeps a POS terminal to its own store and rejects bad input naming the field', async () => {
    const p = await program();
    const customer = await createCustomer(p.tenant.owner);
    const pos = await p.tenant.pos(p.north.id);
    const res = await pos.gql(RecordPurchaseBreakdownDocument, {
      input: purchase(customer.id, p.south.id, [{ sku: 'A', quantity: 1, unitPrice: 100 }]),
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.storeId' });
    const own = await record(
      p,
      { ...purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 100 }]), storeId: undefined },
      pos,
    );
    expect(own.totalPoints).toBe(1);
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [] }, 'input.lines'],
      [{ lines: [{ sku: 'A', quantity: 0, unitPrice: 100 }] }, 'input.lines.0.quantity'],
      [{ lines: [{ sku: 'A', quantity: 1, unitPrice: -1 }] }, 'input.lines.0.unitPrice'],
      [{ lines: [{ sku: ' ', quantity: 1, unitPrice: 1 }] }, 'input.lines.0.sku'],
      [{ occurredAt: new Date(Date.now() + DAY).toISOString() }, 'input.occurredAt'],
      [{ customerId: randomUUID() }, 'input.customerId'],
      [{ idempotencyKey: '' }, 'input.idempotencyKey'],
    ];
    for (const [override, field] of cases) {
      const bad = await p.tenant.owner.gql(RecordPurchaseBreakdownDocument, {
        input: { ...purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 100 }]), ...override },
      });
      expect([field, bad.errors?.[0]?.extensions?.field]).toEqual([field, field]);
    }
    const ruleRes = await p.tenant.owner.gql(
      `mutation ($input: EarningRuleInput!) { createEarningRule(input: $input) { id } }`,
      {
        input: { code: 'BAD', name: 'bad', priority: 0, stacking: 'STACKABLE', effect: 'MULTIPLIER', value: 90 },
      },
    );
    expect(ruleRes.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.value' });
  });

  it('applies the tier multiplier benefit on the channels where it is honoured', async () => {
    const p = await program();
    await p.tenant.owner.data(`mutation ($input: BenefitInput!) { upsertBenefit(input: $input) { id } }`, {
      input: {
        code: 'SILVER_X',
        tierId: p.tiers.SILVER,
        kind: 'POINTS_MULTIPLIER',
        value: 150,
        title: 'Silver earns 1.5x',
        channels: ['POS'],
      },
    });
    const customer = await createCustomer(p.tenant.owner);
    await record(p, purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 10_000 }]));
    const pos = await record(p, purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 1_000 }]));
    expect(pos.contributions.map((c: { code: string; points: number }) => [c.code, c.points])).toEqual([
      ['BASE', 10],
      ['SILVER_X', 5],
    ]);
    const web = await record(
      p,
      purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 1_000 }], { channel: 'WEB' }),
    );
    expect(web.totalPoints).toBe(10);
  });
});

describe('refunds', () => {
  it('claws back the refunded lines pro rata, and everything on a full refund, through the ledger', async () => {
    const p = await program();
    await rule(p, {
      code: 'BONUS',
      name: 'Bonus',
      priority: 0,
      stacking: 'STACKABLE',
      effect: 'FIXED_BONUS',
      value: 33,
    });
    const customer = await createCustomer(p.tenant.owner);
    const input = purchase(customer.id, p.north.id, [
      { sku: 'SHOE', quantity: 3, unitPrice: 4_000 },
      { sku: 'SOCK', quantity: 2, unitPrice: 500 },
    ]);
    const booked = await record(p, input);
    expect(booked.totalPoints).toBe(130 + 33);
    const shoePoints = booked.lines[0].points;

    const partial = (
      await p.tenant.owner.data(RefundPurchaseDocument, {
        input: { orderId: input.orderId, lines: [{ sku: 'SHOE', quantity: 1 }], idempotencyKey: key() },
      })
    ).refundPurchase;
    expect(partial).toMatchObject({
      amount: 4_000,
      points: Math.floor(shoePoints / 3),
      pointsClawedBack: Math.floor(shoePoints / 3),
      pointsUncollected: 0,
      transaction: { kind: 'REVERSAL' },
    });
    const tooMany = await p.tenant.owner.gql(RefundPurchaseDocument, {
      input: { orderId: input.orderId, lines: [{ sku: 'SHOE', quantity: 3 }], idempotencyKey: key() },
    });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.0.quantity' });

    const rest = {
      orderId: input.orderId,
      lines: [
        { sku: 'SHOE', quantity: 2 },
        { sku: 'SOCK', quantity: 2 },
      ],
      idempotencyKey: key(),
    };
    const full = (await p.tenant.owner.data(RefundPurchaseDocument, { input: rest })).refundPurchase;
    expect(partial.points + full.points).toBe(booked.totalPoints);
    const replay = (await p.tenant.owner.data(RefundPurchaseDocument, { input: rest })).refundPurchase;
    expect(replay).toMatchObject({ refundId: full.refundId, replayed: true });
    expect((await tierOf(p, customer.id)).balance.available).toBe(0);
    await expectLedgerClean(p.tenant);
  });

  it('takes back what is left when the points were already spent, and reports the rest', async () => {
    const p = await program();
    const customer = await createCustomer(p.tenant.owner);
    const input = purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 10_000 }]);
    await record(p, input);
    await p.tenant.owner.data(
      `mutation ($input: RedeemPointsInput!) { redeemPoints(input: $input) { balance { available } } }`,
      {
        input: { customerId: customer.id, points: 70, reason: 'coffee', idempotencyKey: key() },
      },
    );
    const refund = (
      await p.tenant.owner.data(RefundPurchaseDocument, {
        input: { orderId: input.orderId, lines: [{ sku: 'A', quantity: 1 }], idempotencyKey: key() },
      })
    ).refundPurchase;
    expect(refund).toMatchObject({ points: 100, pointsClawedBack: 30, pointsUncollected: 70 });
    // The refund also takes the spend out of tier qualification.
    expect((await tierOf(p, customer.id)).tier.progress?.value).toBe(0);
    await expectLedgerClean(p.tenant);
  });
});

describe('keeping purchases and vouchers in step with the ledger', () => {
  it('sends reversals of purchase and voucher points to refundPurchase and cancelVoucher', async () => {
    const p = await program();
    const customer = await createCustomer(p.tenant.owner);
    const booked = await record(p, purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 30_000 }]));
    const purchaseReversal = await p.tenant.owner.gql(ReverseTransactionIdDocument, {
      input: { transactionId: booked.transaction!.id, idempotencyKey: key() },
    });
    expect(purchaseReversal.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_REVERSIBLE',
      field: 'input.transactionId',
    });
    const created = (
      await p.tenant.owner.data(CreateRewardDocument, {
        input: { code: 'MUG', name: 'Mug', pointsCost: 100, costToBusiness: 50, retailValue: 900 },
      })
    ).createReward;
    await p.tenant.owner.data(ActivateRewardDocument, { id: created.id });
    const redeemInput = { customerId: customer.id, rewardId: created.id, idempotencyKey: key() };
    const redeemed = (await p.tenant.owner.data(RedeemRewardVoucherDocument, { input: redeemInput })).redeemReward;
    const voucherReversal = await p.tenant.owner.gql(ReverseTransactionIdDocument, {
      input: { transactionId: redeemed.transaction.id, idempotencyKey: key() },
    });
    expect(voucherReversal.errors?.[0]?.extensions?.reason).toBe('NOT_REVERSIBLE');

    // A retry of the redemption answers as the first time, even after the reward was withdrawn.
    await p.tenant.owner.data(`mutation ($id: ID!) { deactivateReward(id: $id) { status } }`, { id: created.id });
    const retried = (await p.tenant.owner.data(RedeemRewardVoucherDocument, { input: redeemInput })).redeemReward;
    expect(retried).toEqual({ ...redeemed, replayed: true });
    const fresh = await p.tenant.owner.gql(RedeemRewardVoucherDocument, {
      input: { ...redeemInput, idempotencyKey: key() },
    });
    expect(fresh.errors?.[0]?.extensions?.reason).toBe('REWARD_NOT_AVAILABLE');
    expect((await tierOf(p, customer.id)).balance.available).toBe(300 - 100);
  });

  it('needs the base tier before any other', async () => {
    const tenant = await createTenant(gw);
    const res = await tenant.owner.gql(CreateTierDocument, {
      input: { code: 'GOLD', name: 'Gold', rank: 1, metric: 'SPEND', threshold: 100, window: 'CALENDAR_YEAR' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rank' });
  });
});

describe('rewards and vouchers', () => {
  async function funded(p: Program, points: number) {
    const customer = await createCustomer(p.tenant.owner);
    await earn(p.tenant.owner, customer.id, points);
    return customer;
  }

  it('gives exactly 5 vouchers for a stock of 5 under 20 concurrent redemptions', async () => {
    const p = await program();
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
    const p = await program();
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
    const p = await program();
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
    const p = await program();
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
    const p = await program();
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
    const p = await program();
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

describe('benefits', () => {
  it('gives every channel the same recognised benefits, with the text for that channel', async () => {
    const p = await program();
    await p.tenant.owner.data(UpsertBenefitDocument, {
      input: {
        code: 'FREE_SHIP',
        tierId: p.tiers.SILVER,
        kind: 'FREE_SHIPPING',
        title: 'Free shipping on every order',
        channels: ['WEB', 'MOBILE', 'AGENT'],
      },
    });
    await p.tenant.owner.data(UpsertBenefitDocument, {
      input: {
        code: 'GOLD_10',
        tierId: p.tiers.GOLD,
        kind: 'PERCENT_DISCOUNT',
        value: 10,
        title: '10% off for Gold members',
        channels: ['POS', 'WEB', 'MOBILE', 'AGENT'],
        texts: [{ channel: 'POS', text: 'GOLD -10%' }],
      },
    });
    await p.tenant.owner.data(UpsertBenefitDocument, {
      input: {
        code: 'LOUNGE',
        tierId: p.tiers.GOLD,
        kind: 'LOUNGE_ACCESS',
        title: 'Lounge',
        channels: ['POS'],
        active: false,
      },
    });
    const customer = await createCustomer(p.tenant.owner);
    await record(p, purchase(customer.id, p.north.id, [{ sku: 'SOFA', quantity: 1, unitPrice: 60_000 }]));
    const pos = await p.tenant.pos(p.north.id);
    const agent = await p.tenant.agent();
    const token = await p.tenant.customer(customer.id);
    const ask = async (channel: Channel, as: ApiClient) =>
      (await as.data(BenefitsDocument, { id: customer.id, channel })).benefits;
    expect(await ask('POS', pos)).toEqual([
      { code: 'GOLD_10', kind: 'PERCENT_DISCOUNT', value: 10, tierCode: 'GOLD', text: 'GOLD -10%' },
    ]);
    const web = await ask('WEB', token);
    expect(web.map((b: { code: string }) => b.code)).toEqual(['FREE_SHIP', 'GOLD_10']);
    expect(await ask('WEB', agent)).toEqual(web);
    expect(web.find((b) => b.code === 'GOLD_10')?.text).toBe('10% off for Gold members');
    const other = await createCustomer(p.tenant.owner);
    expect((await token.gql(BenefitsDocument, { id: other.id, channel: 'WEB' })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(await ask('WEB', await p.tenant.customer(other.id)).catch(() => null)).toBeNull();
  });
});
