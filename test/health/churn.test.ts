import { HealthScoring } from '../../src/health/health.scoring';
import { SignalService } from '../../src/signals/signal.service';
import { SignalType } from '../../src/signals/signal.types';
import {
  AtRiskCustomersDocument,
  ChurnRiskRaisedDocument,
  HealthSettingsDocument,
  SetChurnThresholdsDocument,
  type SetChurnThresholdsInput,
} from '../generated/graphql';
import {
  collect,
  createCustomer,
  earn,
  errorCode,
  key,
  type Program,
  program,
  startGateway,
  type TestGateway,
} from '../support';
import { createdDaysAgo, healthOf, pastPurchases, scoreTenant, sql, supportCase, surveyAnswer } from './fixtures';

let gw: TestGateway;
let p: Program;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' } });
  p = await program(gw);
});
afterAll(() => gw.close());

const riskOf = async (customerId: string) => (await healthOf(p.tenant.owner, customerId)).churnRisk!;

/** Two customers alike but for one thing: the signal holds for the first only. */
async function pair(setUp: (customerId: string, holds: boolean) => Promise<void>) {
  const withSignal = await createCustomer(p.tenant.owner);
  const without = await createCustomer(p.tenant.owner);
  await setUp(withSignal.id, true);
  await setUp(without.id, false);
  await scoreTenant(gw, p.tenant.tenantId);
  return { risk: await riskOf(withSignal.id), control: await riskOf(without.id), id: withSignal.id };
}

const signalsOf = (customerId: string, type: string) =>
  sql<{ cause: string; payload: Record<string, unknown> }>(
    gw,
    `select cause, payload from customer_signal where customer_id = ? and type = ? order by raised_at`,
    [customerId, type],
  );

/** YYYY-MM-DD in the tenant's zone (Europe/Paris), as causes carry days. */
const parisDay = (date: Date) => date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

describe('each churn signal on its own raises the risk', () => {
  const expectAlone = (
    risk: Awaited<ReturnType<typeof riskOf>>,
    control: Awaited<ReturnType<typeof riskOf>>,
    signal: string,
    weight: number,
  ) => {
    expect(risk).toMatchObject({ level: 'MEDIUM', score: weight, segment: null });
    expect(risk.reasons).toEqual([{ signal, weight, detail: expect.any(String) as string }]);
    expect(control).toMatchObject({ level: 'LOW', score: 0, reasons: [] });
  };

  it('INACTIVE: no activity for longer than the expected gap (60 days by default)', async () => {
    const { risk, control } = await pair((id, holds) => createdDaysAgo(gw, id, holds ? 61 : 59));
    expectAlone(risk, control, 'INACTIVE', 35);
    expect(risk.reasons[0].detail).toBe(
      'No purchase or points activity for 61 days; the tenant default expects activity within 60 days',
    );
  });

  it("FREQUENCY_FALLING: the gap since the last purchase is over twice the customer's median gap", async () => {
    const { risk, control } = await pair((id, holds) =>
      pastPurchases(gw, p.tenant.tenantId, id, holds ? [40, 35, 30, 25, 20] : [24, 19, 14, 9, 4]),
    );
    expectAlone(risk, control, 'FREQUENCY_FALLING', 30);
    expect(risk.reasons[0].detail).toBe(
      '20 days since the last purchase, against a usual gap of 5.0 days (the median of the last 4)',
    );
  });

  it('DETRACTOR: the latest survey answer is a detractor', async () => {
    const { risk, control } = await pair(async (id, holds) => {
      await surveyAnswer(gw, p.tenant.tenantId, id, { kind: 'NPS', score: 2, detractor: true, daysAgo: 10 });
      if (!holds)
        await surveyAnswer(gw, p.tenant.tenantId, id, { kind: 'CSAT', score: 5, detractor: false, daysAgo: 2 });
    });
    expectAlone(risk, control, 'DETRACTOR', 30);
    expect(risk.reasons[0].detail).toMatch(/^The latest survey answer \(NPS 2 on \d{4}-\d{2}-\d{2}\) is a detractor$/);
  });

  it('POINTS_EXPIRING: unused points expire within 30 days; raised as a signal once per expiry date', async () => {
    const { risk, control, id } = await pair(async (customerId, holds) => {
      await earn(p.tenant.owner, customerId, 120);
      await sql(gw, `update points_lot set expires_at = now() + make_interval(days => ?) where customer_id = ?`, [
        holds ? 10 : 40,
        customerId,
      ]);
    });
    expectAlone(risk, control, 'POINTS_EXPIRING', 25);
    const expiry = new Date(Date.now() + 10 * 86_400_000);
    expect(risk.reasons[0].detail).toBe(`120 points expire on ${parisDay(expiry)}`);
    const signals = await signalsOf(id, 'POINTS_EXPIRING');
    expect(signals).toEqual([
      { cause: `${id}:${parisDay(expiry)}`, payload: { points: 120, expiresAt: expect.any(String) as string } },
    ]);
    await scoreTenant(gw, p.tenant.tenantId);
    expect(await signalsOf(id, 'POINTS_EXPIRING')).toHaveLength(1);
  });

  it('DOWNGRADE_AHEAD: the status period ends within 30 days and the tier is not kept; raised as a signal', async () => {
    const { risk, control, id } = await pair(async (customerId, holds) => {
      // Silver (10,000 spend) until 10 days from now; the control spent enough in the 12 months before.
      await sql(
        gw,
        `insert into customer_tier (customer_id, tenant_id, tier_id, since, period_end, version)
         values (?, ?, ?, now() - interval '1 year', now() + interval '10 days', 1)`,
        [customerId, p.tenant.tenantId, p.tiers.SILVER],
      );
      await pastPurchases(gw, p.tenant.tenantId, customerId, [200], holds ? 4_000 : 12_000);
      await earn(p.tenant.owner, customerId, 10); // active: only the tier is at stake
    });
    expectAlone(risk, control, 'DOWNGRADE_AHEAD', 25);
    const end = parisDay(new Date(Date.now() + 10 * 86_400_000));
    expect(risk.reasons[0].detail).toBe(`6000 more spend (minor units) needed by ${end} to keep SILVER`);
    expect(await signalsOf(id, 'DOWNGRADE_AHEAD')).toEqual([
      {
        cause: `${id}:${end}`,
        payload: {
          tierCode: 'SILVER',
          projectedTierCode: 'BASE',
          periodEnd: expect.any(String) as string,
          metric: 'SPEND',
          remainingToKeep: 6000,
        },
      },
    ]);
  });

  it('SLA_BREACH: a case missed its SLA in the last 90 days', async () => {
    const { risk, control } = await pair((id, holds) =>
      supportCase(gw, p.tenant.tenantId, id, {
        status: 'RESOLVED',
        openedDaysAgo: holds ? 10 : 130,
        breachedDaysAgo: holds ? 5 : 120,
      }),
    );
    expectAlone(risk, control, 'SLA_BREACH', 30);
  });
});

describe('thresholds per segment', () => {
  const thresholds = (input: Partial<SetChurnThresholdsInput>): SetChurnThresholdsInput => ({
    expectedGapDays: 60,
    mediumFrom: 25,
    highFrom: 60,
    idempotencyKey: key(),
    ...input,
  });

  it("judges a customer by their segment's expected gap and cut-offs, everyone else by the tenant default", async () => {
    const q = await program(gw);
    const student = await createCustomer(q.tenant.owner, { segments: ['students'] });
    const other = await createCustomer(q.tenant.owner);
    for (const id of [student.id, other.id]) await createdDaysAgo(gw, id, 15);
    const set = await q.tenant.owner.data(SetChurnThresholdsDocument, {
      input: thresholds({ segment: ' students ', expectedGapDays: 10, mediumFrom: 20, highFrom: 30 }),
    });
    expect(set.setChurnThresholds).toEqual({
      threshold: { segment: 'students', expectedGapDays: 10, mediumFrom: 20, highFrom: 30, isDefault: false },
      replayed: false,
    });
    await scoreTenant(gw, q.tenant.tenantId);
    expect((await healthOf(q.tenant.owner, student.id)).churnRisk).toMatchObject({
      level: 'HIGH',
      score: 35,
      segment: 'students',
      reasons: [{ signal: 'INACTIVE', detail: expect.stringContaining('segment students expects activity within 10') }],
    });
    expect((await healthOf(q.tenant.owner, other.id)).churnRisk).toMatchObject({ level: 'LOW', segment: null });

    // The tenant's default: a longer acceptable gap does not catch the other; higher cut-offs leave it lower.
    await createdDaysAgo(gw, other.id, 61);
    await q.tenant.owner.data(SetChurnThresholdsDocument, {
      input: thresholds({ segment: null, expectedGapDays: 60, mediumFrom: 40, highFrom: 80 }),
    });
    await scoreTenant(gw, q.tenant.tenantId);
    expect((await healthOf(q.tenant.owner, other.id)).churnRisk).toMatchObject({
      level: 'LOW',
      score: 35,
      reasons: [{ signal: 'INACTIVE' }],
    });
    expect((await q.tenant.owner.data(HealthSettingsDocument)).healthSettings.churnThresholds).toEqual([
      { segment: null, expectedGapDays: 60, mediumFrom: 40, highFrom: 80, isDefault: false },
      { segment: 'students', expectedGapDays: 10, mediumFrom: 20, highFrom: 30, isDefault: false },
    ]);
  });

  it('validates thresholds naming the field, and only OWNER or ADMIN set them', async () => {
    for (const [input, field] of [
      [thresholds({ mediumFrom: 60, highFrom: 60 }), 'input.mediumFrom'],
      [thresholds({ expectedGapDays: 0 }), 'input.expectedGapDays'],
      [thresholds({ highFrom: 5000 }), 'input.highFrom'],
      [thresholds({ segment: 'x'.repeat(101) }), 'input.segment'],
    ] as const) {
      const res = await p.tenant.owner.gql(SetChurnThresholdsDocument, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const supervisor = await p.tenant.key('SUPERVISOR');
    expect(errorCode(await supervisor.gql(SetChurnThresholdsDocument, { input: thresholds({}) }))).toBe('FORBIDDEN');
  });
});

describe('crossing into HIGH', () => {
  it('fires churnRiskRaised once per crossing, with the signal and the timeline; sinceVersion catches up', async () => {
    const q = await program(gw);
    const stream = `churn-risk:${q.tenant.tenantId}`;
    const first = await createCustomer(q.tenant.owner);
    // INACTIVE (35) and DETRACTOR (30): 65, HIGH from 60.
    await createdDaysAgo(gw, first.id, 70);
    await surveyAnswer(gw, q.tenant.tenantId, first.id, { kind: 'NPS', score: 1, detractor: true, daysAgo: 65 });
    // Raised through SignalService: handlers registered for the type run in the scoring transaction.
    const signals = new SignalService();
    const handled: string[] = [];
    signals.on(SignalType.CHURN_RISK_RAISED, (_tx, signal) => Promise.resolve(void handled.push(signal.cause)));
    const run = await new HealthScoring(signals).scoreTenant(gw.gateway.orm.em.fork(), q.tenant.tenantId);
    expect(run).toMatchObject({ scored: 1, changed: 1, raised: 1 });
    expect(handled).toEqual([`${first.id}:${parisDay(new Date())}`]);
    // Scoring again is no crossing: nothing more is raised.
    expect(await scoreTenant(gw, q.tenant.tenantId)).toMatchObject({ changed: 0, raised: 0 });
    expect(await sql(gw, `select version::int from event_stream where stream = ?`, [stream])).toEqual([{ version: 1 }]);

    const client = q.tenant.owner.ws();
    try {
      const sub = collect(client, ChurnRiskRaisedDocument, { sinceVersion: 0 });
      const [missed] = await sub.next(1);
      expect(missed.data!.churnRiskRaised).toMatchObject({
        version: 1,
        source: 'MISSED',
        customerId: first.id,
        from: 'LOW',
        score: 65,
        reasons: [
          { signal: 'INACTIVE', weight: 35 },
          { signal: 'DETRACTOR', weight: 30 },
        ],
      });

      // Another customer crosses: LIVE, version 2; the first is not sent again.
      const second = await createCustomer(q.tenant.owner);
      await createdDaysAgo(gw, second.id, 90);
      await supportCase(gw, q.tenant.tenantId, second.id, { status: 'RESOLVED', breachedDaysAgo: 3 });
      expect(await scoreTenant(gw, q.tenant.tenantId)).toMatchObject({ raised: 1 });
      const [, live] = await sub.next(2);
      expect(live.data!.churnRiskRaised).toMatchObject({
        version: 2,
        source: 'LIVE',
        customerId: second.id,
        score: 65,
      });

      // The first drops to MEDIUM (a purchase: active again) and crosses again (a breach): a new event.
      await pastPurchases(gw, q.tenant.tenantId, first.id, [1]);
      expect(await scoreTenant(gw, q.tenant.tenantId)).toMatchObject({ changed: 1, raised: 0 });
      await supportCase(gw, q.tenant.tenantId, first.id, { status: 'RESOLVED', breachedDaysAgo: 1 });
      expect(await scoreTenant(gw, q.tenant.tenantId)).toMatchObject({ changed: 1, raised: 1 });
      const [, , again] = await sub.next(3);
      expect(again.data!.churnRiskRaised).toMatchObject({
        version: 3,
        source: 'LIVE',
        customerId: first.id,
        from: 'MEDIUM',
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sub.events).toHaveLength(3);
      sub.stop();
    } finally {
      await client.dispose();
    }

    // One signal per customer and day: the second crossing today raised no new one.
    const today = parisDay(new Date());
    expect(await signalsOf(first.id, 'CHURN_RISK_RAISED')).toEqual([
      { cause: `${first.id}:${today}`, payload: expect.objectContaining({ from: 'LOW', score: 65 }) as object },
    ]);
    const timeline = await sql<{ summary: string; data: Record<string, unknown> }>(
      gw,
      `select summary, data from timeline_event where customer_id = ? and kind = 'CHURN_RISK_CHANGED' order by id`,
      [first.id],
    );
    expect(timeline.map((event) => event.summary)).toEqual([
      'Churn risk low to high',
      'Churn risk high to medium',
      'Churn risk medium to high',
    ]);
    expect(timeline[0].data).toMatchObject({ from: 'LOW', to: 'HIGH', score: 65 });
  });

  it('is for staff who read health; a customer token may not subscribe', async () => {
    const customer = await createCustomer(p.tenant.owner);
    const self = await p.tenant.customer(customer.id);
    const client = self.ws();
    const staff = p.tenant.owner.ws();
    try {
      const refused = collect(client, ChurnRiskRaisedDocument, {});
      await refused.done;
      expect(refused.events[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const invalid = collect(staff, ChurnRiskRaisedDocument, { sinceVersion: -1 });
      await invalid.done;
      expect(invalid.events[0]?.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'sinceVersion',
      });
    } finally {
      await client.dispose();
      await staff.dispose();
    }
  });
});

describe('atRiskCustomers', () => {
  it('lists customers at risk highest first, pages by cursor, and filters by segment and level', async () => {
    const q = await program(gw);
    const make = async (setUp: (id: string) => Promise<void>, segments: string[] = []) => {
      const customer = await createCustomer(q.tenant.owner, { segments });
      await setUp(customer.id);
      return customer.id;
    };
    const inactive = (id: string) => createdDaysAgo(gw, id, 70);
    const detractor = (id: string) =>
      surveyAnswer(gw, q.tenant.tenantId, id, { kind: 'NPS', score: 0, detractor: true, daysAgo: 1 });
    const breach = (id: string) => supportCase(gw, q.tenant.tenantId, id, { status: 'RESOLVED', breachedDaysAgo: 2 });
    const top = await make(
      async (id) => {
        await inactive(id);
        await detractor(id);
        await breach(id);
      },
      ['vip'],
    ); // 95
    const high = await make(async (id) => {
      await inactive(id);
      await detractor(id);
    }); // 65
    const medium = await make(inactive); // 35
    const tied = [await make(detractor), await make(breach)].sort(); // 30 each: by id
    await make(() => Promise.resolve()); // LOW: not listed
    await scoreTenant(gw, q.tenant.tenantId);

    const page = async (variables: { first?: number; after?: string | null; segment?: string; minLevel?: 'HIGH' }) =>
      (await q.tenant.owner.data(AtRiskCustomersDocument, variables)).atRiskCustomers;
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    do {
      const current = await page({ first: 2, after });
      seen.push(...current.edges.map((edge) => edge.node.customer.id));
      pages.push(current.pageInfo.hasPreviousPage);
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor! : null;
    } while (after);
    expect(seen).toEqual([top, high, medium, ...tied]);
    expect(pages).toEqual([false, true, true]);

    const all = await page({});
    expect(all.edges.map((edge) => [edge.node.churnRisk.score, edge.node.churnRisk.level])).toEqual([
      [95, 'HIGH'],
      [65, 'HIGH'],
      [35, 'MEDIUM'],
      [30, 'MEDIUM'],
      [30, 'MEDIUM'],
    ]);
    expect(all.edges[0].node.health.score).toEqual(expect.any(Number));
    expect((await page({ minLevel: 'HIGH' })).edges.map((edge) => edge.node.customer.id)).toEqual([top, high]);
    expect((await page({ segment: 'vip' })).edges.map((edge) => edge.node.customer.id)).toEqual([top]);

    const agent = await q.tenant.agent();
    expect((await agent.data(AtRiskCustomersDocument, { first: 1 })).atRiskCustomers.edges).toHaveLength(1);
    const bad = await q.tenant.owner.gql(AtRiskCustomersDocument, { after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const pos = await q.tenant.pos(q.north.id);
    expect(errorCode(await pos.gql(AtRiskCustomersDocument, {}))).toBe('FORBIDDEN');
  });
});
