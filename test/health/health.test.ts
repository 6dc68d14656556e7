import {
  HealthSettingsDocument,
  MergeCustomersDocument,
  RecordPurchaseBreakdownDocument,
  SetHealthWeightsDocument,
  type SetHealthWeightsInput,
} from '../generated/graphql';
import {
  createCustomer,
  createTenant,
  DAY_MS,
  errorCode,
  key,
  type Program,
  program,
  purchase,
  redeem,
  startGateway,
  type TestGateway,
} from '../support';
import {
  byHand,
  healthOf,
  pastPurchases,
  profilingConsent,
  scoreTenant,
  scoring,
  sql,
  supportCase,
  surveyAnswer,
} from './fixtures';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' } });
});
afterAll(() => gw.close());

const NAMES = ['RECENCY', 'FREQUENCY', 'MONETARY', 'ENGAGEMENT', 'SUPPORT', 'SENTIMENT'] as const;

/**
 * A customer whose every component is known: three purchases of 10,000 (10, 20 and 30 days ago, through the
 * API, each earning 100 points), one redemption, one open case and an NPS 8 five days ago.
 */
async function knownCustomer(p: Program): Promise<string> {
  const customer = await createCustomer(p.tenant.owner);
  for (const days of [30, 20, 10]) {
    await p.tenant.owner.data(RecordPurchaseBreakdownDocument, {
      input: purchase(customer.id, p.north.id, [{ sku: 'COAT', quantity: 1, unitPrice: 10_000 }], {
        occurredAt: new Date(Date.now() - days * DAY_MS).toISOString(),
      }),
    });
  }
  await redeem(p.tenant.owner, customer.id, 50);
  await supportCase(gw, p.tenant.tenantId, customer.id, { status: 'OPEN' });
  await surveyAnswer(gw, p.tenant.tenantId, customer.id, { kind: 'NPS', score: 8, detractor: false, daysAgo: 5 });
  return customer.id;
}

/** By hand, with the defaults: 10 of 180 days; 3 of 12 visits; 30,000 of 100,000; 3/12 earns and 1/2 redemptions. */
const KNOWN_VALUES = [94.44, 25, 30, 37.5, 75, 80];

const weightsInput = (weights: number[], extra: Partial<SetHealthWeightsInput> = {}): SetHealthWeightsInput => ({
  recency: weights[0],
  frequency: weights[1],
  monetary: weights[2],
  engagement: weights[3],
  support: weights[4],
  sentiment: weights[5],
  idempotencyKey: key(),
  ...extra,
});

describe('health score', () => {
  it('explains itself: each component as computed by hand, and the contributions add up to the score', async () => {
    const p = await program(gw);
    const id = await knownCustomer(p);
    await scoreTenant(gw, p.tenant.tenantId);
    const { health } = await healthOf(p.tenant.owner, id);
    expect(health!.components.map((c) => [c.name, c.value, c.weight])).toEqual([
      ['RECENCY', 94.44, 0.2],
      ['FREQUENCY', 25, 0.2],
      ['MONETARY', 30, 0.15],
      ['ENGAGEMENT', 37.5, 0.15],
      ['SUPPORT', 75, 0.15],
      ['SENTIMENT', 80, 0.15],
    ]);
    // 18.888 + 5 + 4.5 + 5.625 + 11.25 + 12 = 57.263: rounded one by one they make 57.27, so the largest
    // (recency) gives back the cent.
    expect(health!.score).toBe(57.26);
    expect(health!.components.map((c) => c.contribution)).toEqual([18.88, 5, 4.5, 5.63, 11.25, 12]);
    const cents = health!.components.reduce((sum, c) => sum + Math.round(c.contribution * 100), 0);
    expect(cents).toBe(Math.round(health!.score * 100));
    expect(health!.band).toBe('NEUTRAL');
    expect(Date.now() - new Date(health!.computedAt).getTime()).toBeLessThan(60_000);
  });

  it('follows each weight change as computed by hand', async () => {
    const p = await program(gw);
    const id = await knownCustomer(p);
    const scores: number[] = [];
    const trials = [
      // each component alone, then mixes
      ...NAMES.map((_, i) => NAMES.map((__, j) => (i === j ? 1 : 0))),
      [10, 0, 0, 0, 30, 60],
      [5, 5, 5, 5, 5, 75],
      [100, 0, 0, 100, 0, 0],
    ];
    for (const weights of trials) {
      const set = await p.tenant.owner.data(SetHealthWeightsDocument, { input: weightsInput(weights) });
      expect(set.setHealthWeights.settings.isDefault).toBe(false);
      await scoreTenant(gw, p.tenant.tenantId);
      const { health } = await healthOf(p.tenant.owner, id);
      expect(health!.components.map((c) => c.value)).toEqual(KNOWN_VALUES);
      expect(health!.score).toBeCloseTo(byHand(KNOWN_VALUES, weights), 2);
      const total = weights.reduce((a, b) => a + b, 0);
      expect(health!.components.map((c) => c.weight)).toEqual(weights.map((w) => Math.round((w / total) * 1e4) / 1e4));
      const cents = health!.components.reduce((sum, c) => sum + Math.round(c.contribution * 100), 0);
      expect(cents).toBe(Math.round(health!.score * 100));
      scores.push(health!.score);
    }
    // Every change of weights moved the score (the values differ, so each mix gives its own mean).
    expect(new Set(scores).size).toBe(scores.length);
  });

  it('puts the score in a band by the limits the tenant sets', async () => {
    const p = await program(gw);
    const id = await knownCustomer(p);
    const defaults = [20, 20, 15, 15, 15, 15];
    for (const [limits, band] of [
      [{}, 'NEUTRAL'],
      [{ healthyFrom: 57 }, 'HEALTHY'],
      [{ healthyFrom: 90, atRiskBelow: 58 }, 'AT_RISK'],
    ] as const) {
      await p.tenant.owner.data(SetHealthWeightsDocument, { input: weightsInput(defaults, limits) });
      await scoreTenant(gw, p.tenant.tenantId);
      expect((await healthOf(p.tenant.owner, id)).health).toMatchObject({ score: 57.26, band });
    }
  });

  it('starts from documented defaults; validates settings naming the field; replays a retry', async () => {
    const tenant = await createTenant(gw);
    const { healthSettings } = await tenant.owner.data(HealthSettingsDocument);
    expect(healthSettings).toEqual({
      weights: { recency: 20, frequency: 20, monetary: 15, engagement: 15, support: 15, sentiment: 15 },
      recencyDays: 180,
      visitsPerYear: 12,
      spendPerYear: 100_000,
      redemptionsPerYear: 2,
      healthyFrom: 70,
      atRiskBelow: 40,
      isDefault: true,
      setBy: null,
      churnThresholds: [{ segment: null, expectedGapDays: 60, mediumFrom: 25, highFrom: 60, isDefault: true }],
    });
    for (const [input, field] of [
      [weightsInput([0, 0, 0, 0, 0, 0]), 'input.recency'],
      [weightsInput([1, 1, 101, 1, 1, 1]), 'input.monetary'],
      [weightsInput([1, 1, 1, -1, 1, 1]), 'input.engagement'],
      [weightsInput([1, 1, 1, 1, 1, 1], { recencyDays: 0 }), 'input.recencyDays'],
      [weightsInput([1, 1, 1, 1, 1, 1], { healthyFrom: 30, atRiskBelow: 40 }), 'input.atRiskBelow'],
    ] as const) {
      const res = await tenant.owner.gql(SetHealthWeightsDocument, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const input = weightsInput([1, 2, 3, 4, 5, 6], { visitsPerYear: 24 });
    const first = await tenant.owner.data(SetHealthWeightsDocument, { input });
    const again = await tenant.owner.data(SetHealthWeightsDocument, { input });
    expect(again.setHealthWeights).toEqual({ ...first.setHealthWeights, replayed: true });
    const reused = await tenant.owner.gql(SetHealthWeightsDocument, { input: { ...input, recency: 9 } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });
    expect((await tenant.owner.data(HealthSettingsDocument)).healthSettings).toMatchObject({
      weights: { recency: 1, frequency: 2, monetary: 3, engagement: 4, support: 5, sentiment: 6 },
      visitsPerYear: 24,
      spendPerYear: 100_000,
      isDefault: false,
      setBy: expect.stringMatching(/^key:/) as string,
    });
  });
});

describe('consent', () => {
  it('scores nobody who opted out of PROFILING, and removes a stored score the moment they do', async () => {
    const p = await program(gw);
    const id = await knownCustomer(p);
    const other = await knownCustomer(p);
    await scoreTenant(gw, p.tenant.tenantId);
    expect((await healthOf(p.tenant.owner, id)).health).not.toBeNull();

    await profilingConsent(p.tenant.owner, id, false);
    // Before any rescoring: the consent trigger took the score away in the same transaction.
    expect(await sql(gw, `select 1 from health_score where customer_id = ?`, [id])).toEqual([]);
    expect(await healthOf(p.tenant.owner, id)).toMatchObject({ health: null, churnRisk: null });

    const result = await scoreTenant(gw, p.tenant.tenantId);
    expect(result.scored).toBe(1);
    expect(await healthOf(p.tenant.owner, id)).toMatchObject({ health: null, churnRisk: null });
    expect((await healthOf(p.tenant.owner, other)).health).not.toBeNull();

    // Opting back in marks the customer; the next run of the job scores them again.
    await profilingConsent(p.tenant.owner, id, true);
    const dirty = await scoring.scoreDirty(gw.gateway.orm.em.fork(), p.tenant.tenantId);
    expect(dirty).toMatchObject({ scored: 1 });
    expect((await healthOf(p.tenant.owner, id)).health!.score).toBe(57.26);
  });
});

describe('recomputed when inputs change', () => {
  it('marks the customers whose purchases, points, surveys or cases changed, and rescores only them', async () => {
    const p = await program(gw);
    const changed = await createCustomer(p.tenant.owner);
    const untouched = await createCustomer(p.tenant.owner);
    await scoreTenant(gw, p.tenant.tenantId);
    const before = await healthOf(p.tenant.owner, untouched.id);
    expect((await healthOf(p.tenant.owner, changed.id)).health!.components[0]).toMatchObject({ value: 0 });
    expect(await scoring.scoreDirty(gw.gateway.orm.em.fork(), p.tenant.tenantId)).toMatchObject({ scored: 0 });

    await p.tenant.owner.data(RecordPurchaseBreakdownDocument, {
      input: purchase(changed.id, p.north.id, [{ sku: 'HAT', quantity: 1, unitPrice: 5_000 }]),
    });
    await surveyAnswer(gw, p.tenant.tenantId, changed.id, { kind: 'CES', score: 7, detractor: false, daysAgo: 0 });
    await supportCase(gw, p.tenant.tenantId, changed.id);
    const marked = await sql<{ customer_id: string }>(
      gw,
      `select distinct customer_id from health_dirty where tenant_id = ?`,
      [p.tenant.tenantId],
    );
    expect(marked).toEqual([{ customer_id: changed.id }]);

    const result = await scoring.scoreDirty(gw.gateway.orm.em.fork(), p.tenant.tenantId);
    expect(result).toMatchObject({ scored: 1 });
    const { health } = await healthOf(p.tenant.owner, changed.id);
    expect(health!.components.map((c) => [c.name, c.value])).toEqual([
      ['RECENCY', 100],
      ['FREQUENCY', 8.33],
      ['MONETARY', 5],
      ['ENGAGEMENT', 4.17],
      ['SUPPORT', 75],
      ['SENTIMENT', 100],
    ]);
    expect(await healthOf(p.tenant.owner, untouched.id)).toEqual(before);
    expect(await sql(gw, `select 1 from health_dirty where tenant_id = ?`, [p.tenant.tenantId])).toEqual([]);
  });

  it('the job scores a tenant in full after its settings change, and each tick the marked customers', async () => {
    const p = await program(gw);
    const customer = await createCustomer(p.tenant.owner);
    const runs: [string, string][] = [];
    const tick = () =>
      scoring.runDue(
        () => gw.gateway.orm.em.fork(),
        3_600_000,
        (tenantId, kind) => tenantId === p.tenant.tenantId && runs.push([tenantId, kind]),
      );
    await tick(); // never scored: in full
    await tick(); // nothing to do
    await p.tenant.owner.data(SetHealthWeightsDocument, { input: weightsInput([1, 1, 1, 1, 1, 1]) });
    await tick(); // settings changed: in full
    await pastPurchases(gw, p.tenant.tenantId, customer.id, [3]);
    await tick(); // a purchase: that customer
    expect(runs.map(([, kind]) => kind)).toEqual(['full', 'full', 'dirty']);
    expect((await healthOf(p.tenant.owner, customer.id)).health!.components[0].value).toBe(98.33);
  });
});

describe('merges', () => {
  it("scores a survivor with the merged profile's purchases, and the merged profile no more", async () => {
    const p = await program(gw);
    const survivor = await createCustomer(p.tenant.owner);
    const merged = await createCustomer(p.tenant.owner);
    await pastPurchases(gw, p.tenant.tenantId, survivor.id, [40], 10_000);
    await pastPurchases(gw, p.tenant.tenantId, merged.id, [10, 20], 10_000);
    await scoreTenant(gw, p.tenant.tenantId);
    expect(await sql(gw, `select 1 from health_score where customer_id = ?`, [merged.id])).toHaveLength(1);

    await p.tenant.owner.data(MergeCustomersDocument, {
      input: { survivorId: survivor.id, mergedId: merged.id, reason: 'same person', idempotencyKey: key() },
    });
    expect(await scoring.scoreDirty(gw.gateway.orm.em.fork(), p.tenant.tenantId)).toMatchObject({ scored: 1 });
    const { health } = await healthOf(p.tenant.owner, survivor.id);
    // Three purchases of 10,000, the last 10 days ago.
    expect(health!.components.slice(0, 3).map((c) => c.value)).toEqual([94.44, 25, 30]);
    expect(await sql(gw, `select 1 from health_score where customer_id = ?`, [merged.id])).toEqual([]);
  });
});

describe('reads', () => {
  it("read many customers' health and a page at risk in a fixed number of statements", async () => {
    const p = await program(gw);
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const customer = await createCustomer(p.tenant.owner);
      await sql(gw, `update customer set created_at = now() - interval '90 days' where id = ?`, [customer.id]);
      ids.push(customer.id);
    }
    await scoreTenant(gw, p.tenant.tenantId);
    const knex = gw.gateway.orm.em.getConnection().getKnex();
    const statements: string[] = [];
    // The outbox relay shares the pool: its statements are not the request's.
    const onQuery = (query: { sql: string }) => {
      if (!/outbox_event|^(begin|commit|rollback)/i.test(query.sql)) statements.push(query.sql);
    };
    const fields = ids.map(
      (id, i) => `c${i}: customer(id: "${id}") { health { score } churnRisk { level reasons { signal } } }`,
    );
    const page = `atRiskCustomers(first: 2) { edges { node { customer { id } churnRisk { level } health { band } } } }`;
    knex.on('query', onQuery);
    let res;
    try {
      res = await p.tenant.owner.data(`query { ${fields.join(' ')} ${page} }`);
    } finally {
      knex.off('query', onQuery);
    }
    expect(res.c5.churnRisk).toEqual({ level: 'MEDIUM', reasons: [{ signal: 'INACTIVE' }] });
    expect(res.atRiskCustomers.edges).toHaveLength(2);
    // One statement for the page, one for the scores of the customers it did not bring.
    expect(statements.filter((text) => text.includes('from health_score'))).toHaveLength(2);
    expect(statements.length).toBeLessThanOrEqual(4);
  });
});

describe('access', () => {
  it('is for staff who serve or analyse customers; a customer never sees their own profiling', async () => {
    const p = await program(gw);
    const id = await knownCustomer(p);
    await scoreTenant(gw, p.tenant.tenantId);
    for (const role of ['AGENT', 'ANALYST', 'SUPERVISOR'] as const) {
      const staff = await p.tenant.key(role);
      expect((await healthOf(staff, id)).health!.score).toBe(57.26);
      const write = await staff.gql(SetHealthWeightsDocument, { input: weightsInput([1, 1, 1, 1, 1, 1]) });
      expect(errorCode(write)).toBe('FORBIDDEN');
    }
    const self = await p.tenant.customer(id);
    const own = await self.gql(`query ($id: ID!) { customer(id: $id) { id health { score } } }`, { id });
    expect(errorCode(own)).toBe('FORBIDDEN');
    const risk = await self.gql(`query ($id: ID!) { customer(id: $id) { churnRisk { level } } }`, { id });
    expect(errorCode(risk)).toBe('FORBIDDEN');
    const till = await p.tenant.pos(p.north.id);
    expect(errorCode(await till.gql(`query ($id: ID!) { customer(id: $id) { health { score } } }`, { id }))).toBe(
      'FORBIDDEN',
    );
  });
});
