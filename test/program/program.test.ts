import { TierService } from '../../src/program/tier.service';
import {
  BenefitsDocument,
  type Channel,
  CreateTierDocument,
  CustomerTierDocument,
  GrantTierStatusDocument,
  ProgramSettingsDocument,
  RecordPurchaseBreakdownDocument,
  UpdateProgramSettingsDocument,
  UpsertBenefitDocument,
} from '../generated/graphql';
import {
  type ApiClient,
  createCustomer,
  createStore,
  createTenant,
  key,
  program,
  purchase,
  record,
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
    const p = await program(gw);
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
    const p = await program(gw);
    const customer = await createCustomer(p.tenant.owner);
    const result = await record(
      p,
      purchase(customer.id, p.north.id, [{ sku: 'SOFA', quantity: 1, unitPrice: 60_000 }]),
    );
    expect(result.tierChange).toEqual({ from: { code: 'BASE' }, to: { code: 'GOLD' } });
  });

  it('downgrades only after the period and its grace, and by one tier at a time (set-based evaluation)', async () => {
    const p = await program(gw, 'ROLLING_12_MONTHS');
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
    const p = await program(gw, 'ROLLING_12_MONTHS');
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
    const p = await program(gw);
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

describe('benefits', () => {
  it('gives every channel the same recognised benefits, with the text for that channel', async () => {
    const p = await program(gw);
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
