import { randomUUID } from 'node:crypto';

import {
  ActivateRewardDocument,
  CreateRewardDocument,
  CreateTierDocument,
  PreviewPurchaseDocument,
  RecordPurchaseBreakdownDocument,
  RedeemRewardVoucherDocument,
  RefundPurchaseDocument,
  ReverseTransactionIdDocument,
  UpdateProgramSettingsDocument,
} from '../generated/graphql';
import {
  createCustomer,
  createTenant,
  earn,
  expectLedgerClean,
  key,
  program,
  purchase,
  record,
  rule,
  startGateway,
  type TestGateway,
  tierOf,
} from '../support';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', DB_POOL_MAX: '30' } });
});
afterAll(() => gw.close());

const DAY = 86_400_000;

describe('earning rules and promotions', () => {
  it('resolves two regional promotions and a global rule in the documented order', async () => {
    const p = await program(gw);
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
    const p = await program(gw);
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
    const p = await program(gw);
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
    const p = await program(gw);
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
    const p = await program(gw);
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
    const p = await program(gw);
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
    const p = await program(gw);
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
    const p = await program(gw);
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

describe('purchases of one customer at the same moment', () => {
  it('count together towards a spend tier, each one booked and the upgrade recorded once', async () => {
    const p = await program(gw);
    const customer = await createCustomer(p.tenant.owner);
    // Each below Silver's 10,000 alone, over it together: the last to commit must see the others.
    const results = await Promise.all(
      [1, 2, 3].map(() => record(p, purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 4_000 }]))),
    );
    expect(results.map((r) => r.totalPoints)).toEqual([40, 40, 40]);
    expect(results.filter((r) => r.tierChange?.to.code === 'SILVER')).toHaveLength(1);
    const status = await tierOf(p, customer.id);
    expect(status.tier.current.code).toBe('SILVER');
    expect(status.tierHistory).toHaveLength(1);
    expect(status.balance.available).toBe(120);
    await expectLedgerClean(p.tenant);
  });

  /** A program without base points, where only SKU P earns (10, a bonus): a purchase of anything else earns none. */
  async function onlyPEarns() {
    const p = await program(gw);
    await p.tenant.owner.data(UpdateProgramSettingsDocument, { input: { earnPoints: 0 } });
    await rule(p, {
      code: 'P_BONUS',
      name: 'P bonus',
      priority: 0,
      stacking: 'STACKABLE',
      effect: 'FIXED_BONUS',
      value: 10,
      skus: ['P'],
    });
    return p;
  }

  it('count together towards a spend tier when one of them earns no points', async () => {
    // A purchase without points books statement by statement, one with points in one statement; each must see the
    // other when that one committed first.
    const p = await onlyPEarns();
    for (let round = 0; round < 8; round += 1) {
      const customer = await createCustomer(p.tenant.owner);
      // Every other customer has a balance row already (the first purchase creates it for the others).
      if (round % 2 === 1) await earn(p.tenant.owner, customer.id, 1);
      const results = await Promise.all(
        ['N', 'P'].map((sku) => record(p, purchase(customer.id, p.north.id, [{ sku, quantity: 1, unitPrice: 6_000 }]))),
      );
      expect(results.map((r) => r.totalPoints)).toEqual([0, 10]);
      expect([round, results.filter((r) => r.tierChange?.to.code === 'SILVER').length]).toEqual([round, 1]);
      const status = await tierOf(p, customer.id);
      expect([round, status.tier.current.code, status.tierHistory.length]).toEqual([round, 'SILVER', 1]);
    }
    await expectLedgerClean(p.tenant);
  });

  it('book one order sent under two keys at once, one without points and one with, once', async () => {
    // The two booking paths take their locks in one order, so neither waits on the other in a cycle.
    const p = await onlyPEarns();
    for (let round = 0; round < 4; round += 1) {
      const customer = await createCustomer(p.tenant.owner);
      if (round % 2 === 1) await earn(p.tenant.owner, customer.id, 1);
      const orderId = `O-${randomUUID().slice(0, 8)}`;
      const answers = await Promise.all(
        ['N', 'P'].map((sku) =>
          p.tenant.owner.gql(RecordPurchaseBreakdownDocument, {
            input: purchase(customer.id, p.north.id, [{ sku, quantity: 1, unitPrice: 6_000 }], { orderId }),
          }),
        ),
      );
      const refused = answers.filter((answer) => answer.errors);
      expect([round, answers.length - refused.length]).toEqual([round, 1]);
      expect(refused[0].errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_ALREADY_RECORDED' });
    }
    await expectLedgerClean(p.tenant);
  });
});

describe('refunds', () => {
  it('claws back the refunded lines pro rata, and everything on a full refund, through the ledger', async () => {
    const p = await program(gw);
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
    const p = await program(gw);
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
    const p = await program(gw);
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
