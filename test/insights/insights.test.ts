import { randomUUID } from 'node:crypto';

import { MetricBucket as Bucket } from '../../src/insights/insight.logic';
import { insightQueries } from '../../src/insights/insight.service';
import { LedgerJobs } from '../../src/ledger/ledger.jobs';
import {
  AdjustPointsDocument,
  CaseSlaMetricsDocument,
  ChurnMetricsDocument,
  CohortRetentionDocument,
  FeedbackMetricsDocument,
  GrantTierStatusDocument,
  MergeCustomersDocument,
  type MetricBucket,
  PointsMetricsDocument,
  ReverseTransactionDocument,
  TierDistributionDocument,
  TierMovementDocument,
} from '../generated/graphql';
import {
  createCustomer,
  createTenant,
  earn,
  inDays,
  key,
  type Program,
  program,
  purchase,
  record,
  redeem,
  startGateway,
  type TestGateway,
} from '../support';

/*
 * One tenant (Europe/Paris, tiers BASE/SILVER/GOLD), four members, and records dated in Dec 2024 to Mar
 * 2025: ledger and purchases made through the API then moved into the past, surveys, cases and tier history
 * inserted. Every expected number below is worked out by hand from this fixture, in the comments.
 *
 *   member  segments              profile created       activity (purchase, earn, redeem)
 *   A       gold-club, students   2025-01-05 (cohort Jan)  earn Dec, earn Jan, redeem Feb
 *   B       students              2025-01-20 (cohort Jan)  purchase Jan, purchase at 2025-01-31T23:30Z = Feb 1 in Paris
 *   C       -                     2025-02-10 (cohort Feb)  earn Feb, earn Mar
 *   D       gold-club             2024-10-15 (no cohort)   earn Dec, earn Mar
 *
 * Active per month: Dec {A, D}; Jan {A, B}; Feb {A, B, C}; Mar {C, D}.
 */

let gw: TestGateway;
let p: Program;
const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
const team: Record<'T1' | 'T2', string> = { T1: '', T2: '' };

const Q1 = { from: '2025-01-01', to: '2025-04-01', bucket: 'MONTH' as MetricBucket };

async function sql(text: string, params: unknown[] = []): Promise<void> {
  await gw.gateway.orm.em.fork().execute(text, params);
}

/** Moves a ledger transaction to `at`. */
const backdate = (transactionId: string, at: string) =>
  sql(`update ledger_transaction set created_at = ? where id = ?`, [at, transactionId]);

async function purchaseAt(customerId: string, amount: number, at: string): Promise<void> {
  const { purchaseId } = await record(
    p,
    purchase(customerId, p.north.id, [{ sku: 'X', quantity: 1, unitPrice: amount }]),
  );
  await sql(`update purchase set occurred_at = ? where id = ?`, [at, purchaseId]);
  await sql(
    `update ledger_transaction set created_at = ? where id = (select transaction_id from purchase where id = ?)`,
    [at, purchaseId],
  );
}

async function earnAt(customerId: string, points: number, at: string, extra = {}): Promise<string> {
  const { transaction } = await earn(p.tenant.owner, customerId, points, extra);
  await backdate(transaction.id, at);
  return transaction.id;
}

beforeAll(async () => {
  // No periodic job may run a statement while one is being counted.
  gw = await startGateway({
    env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', SLA_JOBS_INTERVAL_MS: '0' },
  });
  p = await program(gw);
  const owner = p.tenant.owner;
  ids.A = (await createCustomer(owner, { segments: ['gold-club', 'students'] })).id;
  ids.B = (await createCustomer(owner, { segments: ['students'] })).id;
  ids.C = (await createCustomer(owner)).id;
  ids.D = (await createCustomer(owner, { segments: ['gold-club'] })).id;
  for (const [id, at] of [
    [ids.A, '2025-01-05T10:00:00Z'],
    [ids.B, '2025-01-20T10:00:00Z'],
    [ids.C, '2025-02-10T12:00:00Z'],
    [ids.D, '2024-10-15T10:00:00Z'],
  ])
    await sql(`update customer set created_at = ? where id = ?`, [at, id]);

  // Points. Default program: 1 point per 100 minor units.
  await earnAt(ids.A, 100, '2024-12-20T10:00:00Z');
  await earnAt(ids.A, 200, '2025-01-10T12:00:00Z');
  const redemption = await redeem(owner, ids.A, 50);
  await backdate(redemption.transaction.id, '2025-02-05T10:00:00Z');
  const refund = await owner.data(ReverseTransactionDocument, {
    input: { transactionId: redemption.transaction.id, points: 20, idempotencyKey: key() },
  });
  await backdate(refund.reverseTransaction.transaction.id, '2025-02-06T10:00:00Z');
  const adjustUp = await owner.data(AdjustPointsDocument, {
    input: { customerId: ids.A, points: 25, reason: 'goodwill', reasonCode: 'GW', idempotencyKey: key() },
  });
  await backdate(adjustUp.adjustPoints.transaction.id, '2025-03-15T10:00:00Z');

  await purchaseAt(ids.B, 5_000, '2025-01-25T12:00:00Z'); // 50 points
  await purchaseAt(ids.B, 3_000, '2025-01-31T23:30:00Z'); // 30 points, February in Paris

  await earnAt(ids.C, 80, '2025-02-15T10:00:00Z');
  const cMarch = await earnAt(ids.C, 40, '2025-03-10T10:00:00Z');
  const clawback = await owner.data(ReverseTransactionDocument, {
    input: { transactionId: cMarch, points: 15, idempotencyKey: key() },
  });
  await backdate(clawback.reverseTransaction.transaction.id, '2025-03-11T10:00:00Z');
  const adjustDown = await owner.data(AdjustPointsDocument, {
    input: { customerId: ids.C, points: -10, reason: 'correction', reasonCode: 'FIX', idempotencyKey: key() },
  });
  await backdate(adjustDown.adjustPoints.transaction.id, '2025-03-12T10:00:00Z');

  await earnAt(ids.D, 60, '2024-12-01T10:00:00Z');
  await earnAt(ids.D, 70, '2025-03-20T10:00:00Z');
  await earnAt(ids.D, 30, '2025-03-02T10:00:00Z', { expiresAt: inDays(1).toISOString() });
  const expired = await new LedgerJobs().expireDue(gw.gateway.orm.em.fork(), inDays(2));
  expect(expired.points).toBe(30);
  await sql(
    `update ledger_transaction set created_at = '2025-03-25T10:00:00Z' where customer_id = ? and kind = 'EXPIRY'`,
    [ids.D],
  );

  // Surveys.
  const survey: Record<string, string> = {};
  for (const kind of ['NPS', 'CES', 'CSAT']) {
    survey[kind] = randomUUID();
    await sql(
      `insert into survey (id, tenant_id, code, name, kind, trigger, question) values (?, ?, ?, ?, ?, 'RELATIONSHIP', 'How?')`,
      [survey[kind], p.tenant.tenantId, kind, kind, kind],
    );
  }
  const responses: [keyof typeof ids, string, number, string, boolean, string][] = [
    ['A', 'NPS', 10, 'WEB', false, '2025-01-05T10:00:00Z'],
    ['B', 'NPS', 9, 'POS', true, '2025-01-06T10:00:00Z'],
    ['C', 'NPS', 6, 'WEB', false, '2025-01-07T10:00:00Z'],
    ['D', 'NPS', 8, 'POS', true, '2025-01-08T10:00:00Z'],
    ['A', 'CES', 2, 'WEB', false, '2025-01-09T10:00:00Z'],
    ['B', 'CES', 5, 'POS', true, '2025-01-10T10:00:00Z'],
    ['A', 'CSAT', 5, 'WEB', false, '2025-01-11T10:00:00Z'],
    ['B', 'CSAT', 4, 'POS', true, '2025-01-12T10:00:00Z'],
    ['C', 'CSAT', 2, 'WEB', false, '2025-01-13T10:00:00Z'],
    ['C', 'NPS', 3, 'WEB', false, '2025-01-31T23:30:00Z'], // February in Paris
    ['D', 'CSAT', 3, 'POS', true, '2025-02-10T10:00:00Z'],
  ];
  for (const [who, kind, score, channel, atStore, at] of responses) {
    await sql(
      `insert into survey_response (id, tenant_id, customer_id, survey_id, kind, score, channel, store_id, detractor, responded_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, false, ?)`,
      [randomUUID(), p.tenant.tenantId, ids[who], survey[kind], kind, score, channel, atStore ? p.north.id : null, at],
    );
  }

  // Support cases.
  for (const code of ['T1', 'T2'] as const) {
    team[code] = randomUUID();
    await sql(`insert into support_team (id, tenant_id, code, name) values (?, ?, ?, ?)`, [
      team[code],
      p.tenant.tenantId,
      code,
      code,
    ]);
  }
  const cases: [string | null, string, string, string | null, string, string | null, string | null][] = [
    // team, priority, first response due, acknowledged, resolution due, resolved, closed
    // 1: both met (Jan, Jan).
    [
      team.T1,
      'P1',
      '2025-01-10T10:00:00Z',
      '2025-01-10T09:00:00Z',
      '2025-01-12T10:00:00Z',
      '2025-01-11T10:00:00Z',
      null,
    ],
    // 2: response late, resolution met (Jan, Jan).
    [
      team.T1,
      'P2',
      '2025-01-15T10:00:00Z',
      '2025-01-16T10:00:00Z',
      '2025-01-20T10:00:00Z',
      '2025-01-19T10:00:00Z',
      null,
    ],
    // 3: never answered: both missed (Jan, Feb).
    [team.T2, 'P1', '2025-01-20T10:00:00Z', null, '2025-02-03T10:00:00Z', null, null],
    // 4: answered in time (due Feb 1 in Paris), closed without a resolution time before its due (Feb, Feb).
    [
      team.T2,
      'P2',
      '2025-01-31T23:30:00Z',
      '2025-01-31T23:00:00Z',
      '2025-02-10T10:00:00Z',
      null,
      '2025-02-09T10:00:00Z',
    ],
    // 5: due in the future, outside the period: pending (checked with a period around now).
    [null, 'P3', inDays(1).toISOString(), null, inDays(3).toISOString(), null, null],
  ];
  for (const [teamId, priority, frDue, ack, resDue, resolved, closed] of cases) {
    await sql(
      `insert into support_case (id, tenant_id, customer_id, status, priority, team_id, source_type, subject,
         opened_at, acknowledged_at, first_response_due_at, resolution_due_at, resolved_at, closed_at)
       values (?, ?, ?, ?, ?, ?, 'AGENT', 'help', ?, ?, ?, ?, ?, ?)`,
      [
        randomUUID(),
        p.tenant.tenantId,
        ids.A,
        closed ? 'CLOSED' : resolved ? 'RESOLVED' : 'OPEN',
        priority,
        teamId,
        '2025-01-01T00:00:00Z',
        ack,
        frDue,
        resDue,
        resolved,
        closed,
      ],
    );
  }

  // Tier history: A BASE>SILVER (Jan 15) >GOLD (Feb 20); B BASE>SILVER (Feb 1); D BASE>SILVER (Nov 1) and
  // downgraded to BASE (Mar 5); C granted GOLD through the API, moved to Mar 10.
  const { BASE, SILVER, GOLD } = p.tiers;
  const changes: [string, string, string, string, string][] = [
    [ids.A, BASE, SILVER, 'QUALIFIED', '2025-01-15T10:00:00Z'],
    [ids.A, SILVER, GOLD, 'QUALIFIED', '2025-02-20T10:00:00Z'],
    [ids.B, BASE, SILVER, 'QUALIFIED', '2025-02-01T10:00:00Z'],
    [ids.D, BASE, SILVER, 'QUALIFIED', '2024-11-01T10:00:00Z'],
    [ids.D, SILVER, BASE, 'DOWNGRADED', '2025-03-05T10:00:00Z'],
  ];
  for (const [customerId, from, to, reason, at] of changes) {
    await sql(
      `insert into tier_change (id, created_at, tenant_id, customer_id, from_tier_id, to_tier_id, reason, actor)
       values (?, ?, ?, ?, ?, ?, ?, 'test')`,
      [randomUUID(), at, p.tenant.tenantId, customerId, from, to, reason],
    );
  }
  // Status now: A GOLD, B SILVER, D BASE with a SILVER grant that ended on Mar 1.
  for (const [customerId, tierId] of [
    [ids.A, GOLD],
    [ids.B, SILVER],
  ])
    await sql(`insert into customer_tier (customer_id, tenant_id, tier_id, since) values (?, ?, ?, now())`, [
      customerId,
      p.tenant.tenantId,
      tierId,
    ]);
  await sql(
    `insert into customer_tier (customer_id, tenant_id, tier_id, since, granted_tier_id, granted_since, granted_until)
     values (?, ?, ?, now(), ?, '2025-02-01', '2025-03-01')`,
    [ids.D, p.tenant.tenantId, BASE, SILVER],
  );
  await owner.data(GrantTierStatusDocument, {
    input: {
      customerId: ids.C,
      tierId: GOLD,
      until: inDays(30).toISOString(),
      note: 'recovery',
      idempotencyKey: key(),
    },
  });
  await sql(`update tier_change set created_at = '2025-03-10T10:00:00Z' where customer_id = ? and reason = 'GRANTED'`, [
    ids.C,
  ]);
});
afterAll(() => gw.close());

describe('feedback', () => {
  it('NPS, CES and CSAT per month, Paris time', async () => {
    const { feedbackMetrics } = await p.tenant.owner.data(FeedbackMetricsDocument, { period: Q1 });
    expect(feedbackMetrics).toHaveLength(3);
    const [jan, feb, mar] = feedbackMetrics;
    // Jan: 9 responses. NPS 10, 9, 6, 8: 2 promoters, 1 passive, 1 detractor of 4: 50% - 25% = 25.
    // CES 2, 5: mean 3.5. CSAT 5, 4, 2: 2 satisfied of 3 = 66.67%, mean 11/3.
    expect(jan).toMatchObject({
      periodStart: '2025-01-01',
      periodEnd: '2025-02-01',
      group: null,
      responses: 9,
      nps: { responses: 4, promoters: 2, passives: 1, detractors: 1, score: 25 },
      ces: { responses: 2, mean: 3.5 },
      csat: { responses: 3, satisfied: 2 },
    });
    expect(jan.csat.percentSatisfied).toBeCloseTo(200 / 3, 6);
    expect(jan.csat.mean).toBeCloseTo(11 / 3, 6);
    // Feb: NPS 3 (given 2025-01-31T23:30Z, Feb 1 in Paris): -100. CSAT 3: 0% satisfied, mean 3. No CES.
    expect(feb).toMatchObject({
      periodStart: '2025-02-01',
      responses: 2,
      nps: { responses: 1, promoters: 0, detractors: 1, score: -100 },
      ces: { responses: 0, mean: null },
      csat: { responses: 1, satisfied: 0, percentSatisfied: 0, mean: 3 },
    });
    // Mar: nothing, still a row for everyone.
    expect(mar).toMatchObject({ periodStart: '2025-03-01', responses: 0, nps: { score: null }, csat: { mean: null } });
  });

  it('by segment: a member of two segments counts in both', async () => {
    const { feedbackMetrics } = await p.tenant.owner.data(FeedbackMetricsDocument, { period: Q1, groupBy: 'SEGMENT' });
    const jan = feedbackMetrics.filter((row) => row.periodStart === '2025-01-01');
    expect(jan.map((row) => row.group)).toEqual([null, 'gold-club', 'students']);
    // students (A, B): NPS 10, 9 = 100; CES 2, 5 = 3.5; CSAT 5, 4 = 100%, mean 4.5; 6 responses.
    expect(jan[2]).toMatchObject({
      responses: 6,
      nps: { responses: 2, promoters: 2, score: 100 },
      ces: { responses: 2, mean: 3.5 },
      csat: { responses: 2, satisfied: 2, percentSatisfied: 100, mean: 4.5 },
    });
    // gold-club (A, D): NPS 10, 8 = 1 promoter, 1 passive of 2 = 50; CES 2; CSAT 5; 4 responses.
    expect(jan[1]).toMatchObject({
      responses: 4,
      nps: { responses: 2, promoters: 1, passives: 1, detractors: 0, score: 50 },
      ces: { responses: 1, mean: 2 },
      csat: { responses: 1, satisfied: 1, percentSatisfied: 100, mean: 5 },
    });
    // Feb: C's NPS 3 (no segment) and D's CSAT 3 (gold-club).
    expect(
      feedbackMetrics.filter((row) => row.periodStart === '2025-02-01').map((row) => [row.group, row.responses]),
    ).toEqual([
      [null, 2],
      ['gold-club', 1],
    ]);
  });

  it('by channel and by store', async () => {
    const { feedbackMetrics: byChannel } = await p.tenant.owner.data(FeedbackMetricsDocument, {
      period: Q1,
      groupBy: 'CHANNEL',
    });
    const janByChannel = byChannel.filter((row) => row.periodStart === '2025-01-01');
    expect(janByChannel.map((row) => row.group)).toEqual([null, 'POS', 'WEB']);
    // POS: NPS 9, 8 (1 promoter of 2 = 50); CES 5; CSAT 4. WEB: NPS 10, 6 (= 0); CES 2; CSAT 5, 2 (50%, 3.5).
    expect(janByChannel[1]).toMatchObject({
      responses: 4,
      nps: { score: 50 },
      ces: { mean: 5 },
      csat: { percentSatisfied: 100 },
    });
    expect(janByChannel[2]).toMatchObject({
      responses: 5,
      nps: { score: 0 },
      ces: { mean: 2 },
      csat: { percentSatisfied: 50, mean: 3.5 },
    });
    const { feedbackMetrics: byStore } = await p.tenant.owner.data(FeedbackMetricsDocument, {
      period: Q1,
      groupBy: 'STORE',
    });
    // The POS responses were given at the north store, the web ones at none (groups in text order).
    const jan = byStore.filter((row) => row.periodStart === '2025-01-01');
    expect(jan[0]).toMatchObject({ group: null, responses: 9, nps: { score: 25 } });
    expect(jan.find((row) => row.group === 'NONE')).toMatchObject({ responses: 5, nps: { score: 0 } });
    expect(jan.find((row) => row.group === p.north.id)).toMatchObject({ responses: 4, nps: { score: 50 } });
    expect(jan).toHaveLength(3);
  });
});

describe('churn and retention', () => {
  it('compares each month with the one before (December for January)', async () => {
    const { churnMetrics } = await p.tenant.owner.data(ChurnMetricsDocument, { period: Q1 });
    expect(churnMetrics).toEqual([
      // Jan {A, B} against Dec {A, D}: A retained, D churned.
      {
        periodStart: '2025-01-01',
        periodEnd: '2025-02-01',
        group: null,
        activeMembers: 2,
        previouslyActive: 2,
        retained: 1,
        churned: 1,
        churnRate: 0.5,
        retentionRate: 0.5,
      },
      // Feb {A, B, C} against Jan {A, B}: both retained (B by the purchase at Feb 1, 00:30 in Paris).
      {
        periodStart: '2025-02-01',
        periodEnd: '2025-03-01',
        group: null,
        activeMembers: 3,
        previouslyActive: 2,
        retained: 2,
        churned: 0,
        churnRate: 0,
        retentionRate: 1,
      },
      // Mar {C, D} against Feb {A, B, C}: C retained, A and B churned (A's adjustment is no activity).
      {
        periodStart: '2025-03-01',
        periodEnd: '2025-04-01',
        group: null,
        activeMembers: 2,
        previouslyActive: 3,
        retained: 1,
        churned: 2,
        churnRate: 2 / 3,
        retentionRate: 1 / 3,
      },
    ]);
  });

  it('by segment', async () => {
    const { churnMetrics } = await p.tenant.owner.data(ChurnMetricsDocument, { period: Q1, groupBy: 'SEGMENT' });
    const rows = churnMetrics
      .filter((row) => row.group !== null)
      .map((row) => [row.periodStart, row.group, row.activeMembers, row.previouslyActive, row.retained, row.churned]);
    expect(rows).toEqual([
      // gold-club (A, D): Dec {A, D}, Jan {A}, Feb {A}, Mar {D}.
      ['2025-01-01', 'gold-club', 1, 2, 1, 1],
      // students (A, B): Dec {A}, Jan {A, B}, Feb {A, B}, Mar {}.
      ['2025-01-01', 'students', 2, 1, 1, 0],
      ['2025-02-01', 'gold-club', 1, 1, 1, 0],
      ['2025-02-01', 'students', 2, 2, 2, 0],
      ['2025-03-01', 'gold-club', 1, 1, 0, 1],
      ['2025-03-01', 'students', 0, 2, 0, 2],
    ]);
    expect(churnMetrics.find((row) => row.group === 'students' && row.periodStart === '2025-03-01')?.churnRate).toBe(1);
  });

  it('retention of each enrolment-month cohort, per month since', async () => {
    const { cohortRetention } = await p.tenant.owner.data(CohortRetentionDocument, { period: Q1 });
    expect(
      cohortRetention.map((row) => [
        row.cohort,
        row.periodStart,
        row.periodsSinceEnrolment,
        row.group,
        row.cohortSize,
        row.retained,
        row.retentionRate,
      ]),
    ).toEqual([
      // Jan cohort {A, B}: both active in Jan and Feb, neither in Mar. D enrolled before the period: no cohort.
      ['2025-01-01', '2025-01-01', 0, null, 2, 2, 1],
      ['2025-01-01', '2025-02-01', 1, null, 2, 2, 1],
      ['2025-01-01', '2025-03-01', 2, null, 2, 0, 0],
      // Feb cohort {C}: active in Feb and Mar.
      ['2025-02-01', '2025-02-01', 0, null, 1, 1, 1],
      ['2025-02-01', '2025-03-01', 1, null, 1, 1, 1],
    ]);
    const { cohortRetention: bySegment } = await p.tenant.owner.data(CohortRetentionDocument, {
      period: Q1,
      groupBy: 'SEGMENT',
    });
    // gold-club of the Jan cohort is A alone: active Jan, Feb; not Mar.
    expect(
      bySegment
        .filter((row) => row.group === 'gold-club')
        .map((row) => [row.cohort, row.periodsSinceEnrolment, row.cohortSize, row.retained]),
    ).toEqual([
      ['2025-01-01', 0, 1, 1],
      ['2025-01-01', 1, 1, 1],
      ['2025-01-01', 2, 1, 0],
    ]);
  });
});

describe('points', () => {
  it('earned, redeemed, expired and adjusted per month, with redemption rates and active members', async () => {
    const { pointsMetrics } = await p.tenant.owner.data(PointsMetricsDocument, { period: Q1 });
    expect(pointsMetrics).toHaveLength(3);
    // Jan: A earns 200, B's purchase 50. Active A, B.
    expect(pointsMetrics[0]).toEqual({
      periodStart: '2025-01-01',
      periodEnd: '2025-02-01',
      group: null,
      earned: 250,
      redeemed: 0,
      expired: 0,
      adjusted: 0,
      redemptionRate: 0,
      cumulativeEarned: 250,
      cumulativeRedeemed: 0,
      cumulativeRedemptionRate: 0,
      activeMembers: 2,
    });
    // Feb: B's purchase 30 (Feb 1 in Paris) and C's 80 = 110 earned; A redeems 50, 20 of it given back = 30.
    expect(pointsMetrics[1]).toMatchObject({ earned: 110, redeemed: 30, expired: 0, adjusted: 0, activeMembers: 3 });
    expect(pointsMetrics[1].redemptionRate).toBeCloseTo(30 / 110, 9);
    expect(pointsMetrics[1]).toMatchObject({ cumulativeEarned: 360, cumulativeRedeemed: 30 });
    expect(pointsMetrics[1].cumulativeRedemptionRate).toBeCloseTo(30 / 360, 9);
    // Mar: C 40 less 15 taken back, D 70 and 30 = 125 earned; D's 30 expired; A +25, C -10 adjusted = 15.
    expect(pointsMetrics[2]).toMatchObject({
      earned: 125,
      redeemed: 0,
      expired: 30,
      adjusted: 15,
      redemptionRate: 0,
      cumulativeEarned: 485,
      cumulativeRedeemed: 30,
      activeMembers: 2,
    });
    expect(pointsMetrics[2].cumulativeRedemptionRate).toBeCloseTo(30 / 485, 9);
  });

  it('by store and by segment', async () => {
    const { pointsMetrics: byStore } = await p.tenant.owner.data(PointsMetricsDocument, {
      period: Q1,
      groupBy: 'STORE',
    });
    const north = p.north.id;
    // Purchases were at the north store; direct earns, redemptions, adjustments and expiry at none.
    expect(
      byStore
        .filter((row) => row.group !== null)
        .map((row) => [
          row.periodStart,
          row.group,
          row.earned,
          row.redeemed,
          row.expired,
          row.adjusted,
          row.activeMembers,
        ])
        .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`)),
    ).toEqual(
      [
        ['2025-01-01', 'NONE', 200, 0, 0, 0, 1],
        ['2025-01-01', north, 50, 0, 0, 0, 1],
        ['2025-02-01', 'NONE', 80, 30, 0, 0, 2],
        ['2025-02-01', north, 30, 0, 0, 0, 1],
        ['2025-03-01', 'NONE', 125, 0, 30, 15, 2],
      ].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`)),
    );
    const { pointsMetrics: bySegment } = await p.tenant.owner.data(PointsMetricsDocument, {
      period: Q1,
      groupBy: 'SEGMENT',
    });
    // gold-club (A, D): Jan A earns 200; Feb A redeems 30 net (nothing earned: no rate); Mar D earns 100,
    // 30 expire, A +25. Cumulative within the period: 30 / 200, then 30 / 300.
    expect(
      bySegment
        .filter((row) => row.group === 'gold-club')
        .map((row) => [
          row.periodStart,
          row.earned,
          row.redeemed,
          row.expired,
          row.adjusted,
          row.redemptionRate,
          row.cumulativeRedemptionRate,
          row.activeMembers,
        ]),
    ).toEqual([
      ['2025-01-01', 200, 0, 0, 0, 0, 0, 1],
      ['2025-02-01', 0, 30, 0, 0, null, 0.15, 1],
      ['2025-03-01', 100, 0, 30, 25, 0, 0.1, 1],
    ]);
  });
});

describe('case SLAs', () => {
  it('first response, resolution and both, by due month', async () => {
    const { caseSlaMetrics } = await p.tenant.owner.data(CaseSlaMetricsDocument, { period: Q1 });
    // Jan: responses due for cases 1 (met), 2 (late), 3 (never); resolutions due for 1 and 2 (met); both: 1 yes, 2 no.
    expect(caseSlaMetrics[0]).toEqual({
      periodStart: '2025-01-01',
      group: null,
      firstResponse: { due: 3, met: 1, missed: 2, pending: 0, attainment: 1 / 3 },
      resolution: { due: 2, met: 2, missed: 0, pending: 0, attainment: 1 },
      overall: { due: 2, met: 1, missed: 1, pending: 0, attainment: 0.5 },
    });
    // Feb: case 4's response (due Feb 1 in Paris) met; resolutions of 3 (never) and 4 (closed in time).
    expect(caseSlaMetrics[1]).toEqual({
      periodStart: '2025-02-01',
      group: null,
      firstResponse: { due: 1, met: 1, missed: 0, pending: 0, attainment: 1 },
      resolution: { due: 2, met: 1, missed: 1, pending: 0, attainment: 0.5 },
      overall: { due: 2, met: 1, missed: 1, pending: 0, attainment: 0.5 },
    });
    expect(caseSlaMetrics[2]).toMatchObject({ periodStart: '2025-03-01', overall: { due: 0, attainment: null } });
  });

  it('by team and by priority', async () => {
    const { caseSlaMetrics: byTeam } = await p.tenant.owner.data(CaseSlaMetricsDocument, {
      period: Q1,
      groupBy: 'TEAM',
    });
    const t1Jan = byTeam.find((row) => row.group === team.T1 && row.periodStart === '2025-01-01');
    const t2Jan = byTeam.find((row) => row.group === team.T2 && row.periodStart === '2025-01-01');
    const t2Feb = byTeam.find((row) => row.group === team.T2 && row.periodStart === '2025-02-01');
    // T1 holds cases 1 and 2, T2 cases 3 and 4.
    expect(t1Jan).toMatchObject({ firstResponse: { due: 2, met: 1, attainment: 0.5 }, resolution: { due: 2, met: 2 } });
    expect(t2Jan).toMatchObject({ firstResponse: { due: 1, missed: 1, attainment: 0 }, resolution: { due: 0 } });
    expect(t2Feb).toMatchObject({
      firstResponse: { due: 1, met: 1 },
      resolution: { due: 2, met: 1, missed: 1 },
      overall: { attainment: 0.5 },
    });
    expect(byTeam.filter((row) => row.group !== null)).toHaveLength(3);
    const { caseSlaMetrics: byPriority } = await p.tenant.owner.data(CaseSlaMetricsDocument, {
      period: Q1,
      groupBy: 'PRIORITY',
    });
    // P1: cases 1 and 3; P2: cases 2 and 4.
    expect(
      byPriority
        .filter((row) => row.group !== null)
        .map((row) => [
          row.periodStart,
          row.group,
          row.firstResponse.met,
          row.firstResponse.missed,
          row.resolution.met,
          row.resolution.missed,
        ]),
    ).toEqual([
      ['2025-01-01', 'P1', 1, 1, 1, 0],
      ['2025-01-01', 'P2', 0, 1, 1, 0],
      ['2025-02-01', 'P1', 0, 0, 0, 1],
      ['2025-02-01', 'P2', 1, 0, 1, 0],
    ]);
  });

  it('counts a case not yet due and not done as pending', async () => {
    const today = new Date();
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 2, 1)).toISOString().slice(0, 10);
    const { caseSlaMetrics } = await p.tenant.owner.data(CaseSlaMetricsDocument, {
      period: { from, to, bucket: 'QUARTER' },
      groupBy: 'PRIORITY',
    });
    const p3 = caseSlaMetrics.filter((row) => row.group === 'P3');
    expect(p3.reduce((sum, row) => sum + row.overall.pending, 0)).toBe(1);
    expect(p3.every((row) => row.overall.attainment === null)).toBe(true);
  });
});

describe('tiers', () => {
  it('members per tier now: limited-time status counts while it runs', async () => {
    const { tierDistribution } = await p.tenant.owner.data(TierDistributionDocument, {});
    // A GOLD, B SILVER, C GOLD by a running grant, D BASE (its SILVER grant ended Mar 1).
    expect(tierDistribution).toEqual([
      { group: null, tierCode: 'BASE', rank: 0, members: 1, share: 0.25 },
      { group: null, tierCode: 'SILVER', rank: 1, members: 1, share: 0.25 },
      { group: null, tierCode: 'GOLD', rank: 2, members: 2, share: 0.5 },
    ]);
    const { tierDistribution: bySegment } = await p.tenant.owner.data(TierDistributionDocument, { groupBy: 'SEGMENT' });
    expect(bySegment.filter((row) => row.group !== null).map((row) => [row.group, row.tierCode, row.members])).toEqual([
      ['gold-club', 'BASE', 1],
      ['gold-club', 'SILVER', 0],
      ['gold-club', 'GOLD', 1],
      ['students', 'BASE', 0],
      ['students', 'SILVER', 1],
      ['students', 'GOLD', 1],
    ]);
  });

  it('members per tier as of a past time, from the tier history', async () => {
    // Feb 10 00:00Z: A SILVER (Jan 15), B SILVER (Feb 1), D SILVER (Nov 1); C not enrolled yet.
    const early = await p.tenant.owner.data(TierDistributionDocument, { asOf: '2025-02-10T00:00:00Z' });
    expect(early.tierDistribution.map((row) => [row.tierCode, row.members])).toEqual([
      ['BASE', 0],
      ['SILVER', 3],
      ['GOLD', 0],
    ]);
    // End of March: A GOLD (Feb 20), B SILVER, C GOLD (granted Mar 10), D BASE (downgraded Mar 5).
    const late = await p.tenant.owner.data(TierDistributionDocument, { asOf: '2025-03-31T22:00:00Z' });
    expect(late.tierDistribution.map((row) => [row.tierCode, row.members, row.share])).toEqual([
      ['BASE', 1, 0.25],
      ['SILVER', 1, 0.25],
      ['GOLD', 2, 0.5],
    ]);
  });

  it('tier movement per month by reason, from and to tier', async () => {
    const { tierMovement } = await p.tenant.owner.data(TierMovementDocument, { period: Q1 });
    const sorted = (rows: typeof tierMovement) =>
      rows
        .map((row) => [
          row.periodStart,
          row.group,
          row.reason,
          row.direction,
          row.fromTierCode,
          row.toTierCode,
          row.changes,
        ])
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted(tierMovement)).toEqual(
      sorted([
        {
          periodStart: '2025-01-01',
          group: null,
          reason: 'QUALIFIED',
          direction: 'UP',
          fromTierCode: 'BASE',
          toTierCode: 'SILVER',
          changes: 1,
        },
        {
          periodStart: '2025-02-01',
          group: null,
          reason: 'QUALIFIED',
          direction: 'UP',
          fromTierCode: 'BASE',
          toTierCode: 'SILVER',
          changes: 1,
        },
        {
          periodStart: '2025-02-01',
          group: null,
          reason: 'QUALIFIED',
          direction: 'UP',
          fromTierCode: 'SILVER',
          toTierCode: 'GOLD',
          changes: 1,
        },
        {
          periodStart: '2025-03-01',
          group: null,
          reason: 'DOWNGRADED',
          direction: 'DOWN',
          fromTierCode: 'SILVER',
          toTierCode: 'BASE',
          changes: 1,
        },
        {
          periodStart: '2025-03-01',
          group: null,
          reason: 'GRANTED',
          direction: 'UP',
          fromTierCode: 'BASE',
          toTierCode: 'GOLD',
          changes: 1,
        },
      ]),
    );
    const { tierMovement: bySegment } = await p.tenant.owner.data(TierMovementDocument, {
      period: Q1,
      groupBy: 'SEGMENT',
    });
    // gold-club (A, D): A's two upgrades and D's downgrade.
    expect(
      bySegment
        .filter((row) => row.group === 'gold-club')
        .map((row) => [row.periodStart, row.fromTierCode, row.toTierCode]),
    ).toEqual([
      ['2025-01-01', 'BASE', 'SILVER'],
      ['2025-02-01', 'SILVER', 'GOLD'],
      ['2025-03-01', 'SILVER', 'BASE'],
    ]);
  });
});

describe('access and periods', () => {
  it('answers only for the caller tenant', async () => {
    const other = await createTenant(gw);
    const customer = await createCustomer(other.owner);
    const { transaction } = await earn(other.owner, customer.id, 7);
    await gw.gateway.orm.em
      .fork()
      .execute(`update ledger_transaction set created_at = '2025-01-15T10:00:00Z' where id = ?`, [transaction.id]);
    const { pointsMetrics } = await other.owner.data(PointsMetricsDocument, { period: Q1 });
    expect(pointsMetrics.map((row) => [row.earned, row.activeMembers])).toEqual([
      [7, 1],
      [0, 0],
      [0, 0],
    ]);
    const { feedbackMetrics } = await other.owner.data(FeedbackMetricsDocument, { period: Q1 });
    expect(feedbackMetrics.every((row) => row.responses === 0)).toBe(true);
    const { caseSlaMetrics } = await other.owner.data(CaseSlaMetricsDocument, { period: Q1 });
    expect(caseSlaMetrics.every((row) => row.overall.due === 0 && row.firstResponse.due === 0)).toBe(true);
    const { tierDistribution } = await other.owner.data(TierDistributionDocument, {});
    expect(tierDistribution).toEqual([]);
    // And the first tenant's numbers did not move.
    expect((await p.tenant.owner.data(PointsMetricsDocument, { period: Q1 })).pointsMetrics[0].earned).toBe(250);
  });

  it("counts a merged profile's activity for its survivor, once", async () => {
    const other = await createTenant(gw);
    const survivor = await createCustomer(other.owner);
    const duplicate = await createCustomer(other.owner);
    // Both active in January, the duplicate also in February; then merged.
    for (const [customerId, at] of [
      [survivor.id, '2025-01-10T10:00:00Z'],
      [duplicate.id, '2025-01-11T10:00:00Z'],
      [duplicate.id, '2025-02-11T10:00:00Z'],
    ]) {
      const { transaction } = await earn(other.owner, customerId, 10);
      await sql(`update ledger_transaction set created_at = ? where id = ?`, [at, transaction.id]);
    }
    await other.owner.data(MergeCustomersDocument, {
      input: { survivorId: survivor.id, mergedId: duplicate.id, reason: 'same person', idempotencyKey: key() },
    });
    const { churnMetrics } = await other.owner.data(ChurnMetricsDocument, { period: Q1 });
    // Jan: one member (the survivor, by both profiles); Feb: the survivor again, by the duplicate's earn.
    expect(churnMetrics.map((row) => [row.periodStart, row.activeMembers, row.retained, row.churned])).toEqual([
      ['2025-01-01', 1, 0, 0],
      ['2025-02-01', 1, 1, 0],
      ['2025-03-01', 0, 0, 1],
    ]);
    // The merge's transfer moves points between profiles: neither earned nor redeemed.
    const { pointsMetrics } = await other.owner.data(PointsMetricsDocument, { period: Q1 });
    expect(pointsMetrics.map((row) => [row.earned, row.activeMembers])).toEqual([
      [20, 1],
      [10, 1],
      [0, 0],
    ]);
  });

  it('is for OWNER, ADMIN, ANALYST and SUPERVISOR; an AGENT is refused', async () => {
    const analyst = await p.tenant.key('ANALYST');
    expect((await analyst.data(ChurnMetricsDocument, { period: Q1 })).churnMetrics).toHaveLength(3);
    const agent = await p.tenant.agent();
    for (const res of [
      await agent.gql(ChurnMetricsDocument, { period: Q1 }),
      await agent.gql(TierDistributionDocument, {}),
      await agent.gql(PointsMetricsDocument, { period: Q1 }),
    ])
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const customer = await p.tenant.customer(ids.A);
    expect((await customer.gql(FeedbackMetricsDocument, { period: Q1 })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a bad period, naming the field, before any statement', async () => {
    const refusal = async (period: { from: string; to: string; bucket: MetricBucket }) =>
      (await p.tenant.owner.gql(PointsMetricsDocument, { period })).errors?.[0]?.extensions;
    expect(await refusal({ from: '2025-03-01', to: '2025-01-01', bucket: 'MONTH' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PERIOD_INVALID',
      field: 'period.to',
    });
    expect(await refusal({ from: '2025-01-01', to: '2025-01-01', bucket: 'DAY' })).toMatchObject({
      field: 'period.to',
    });
    expect(await refusal({ from: '2025-13-01', to: '2026-01-01', bucket: 'DAY' })).toMatchObject({
      field: 'period.from',
    });
    // 2 years of days: 731 buckets (2024 is a leap year), over 400.
    expect(await refusal({ from: '2024-01-01', to: '2026-01-01', bucket: 'DAY' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_BUCKETS',
      field: 'period.to',
    });
    // The same two years by week are 105 buckets: fine.
    const weeks = await p.tenant.owner.data(PointsMetricsDocument, {
      period: { from: '2024-01-01', to: '2026-01-01', bucket: 'WEEK' },
    });
    expect(weeks.pointsMetrics.filter((row) => row.group === null)).toHaveLength(105);
  });

  it('answers each query with one statement', async () => {
    const knex = gw.gateway.orm.em.getConnection().getKnex();
    const period = `{ from: "2025-01-01", to: "2025-04-01", bucket: MONTH }`;
    const queries = [
      `feedbackMetrics(period: ${period}, groupBy: SEGMENT) { responses }`,
      `churnMetrics(period: ${period}, groupBy: SEGMENT) { churned }`,
      `cohortRetention(period: ${period}, groupBy: SEGMENT) { retained }`,
      `pointsMetrics(period: ${period}, groupBy: SEGMENT) { earned activeMembers }`,
      `caseSlaMetrics(period: ${period}, groupBy: TEAM) { overall { met } }`,
      `tierDistribution(asOf: "2025-03-01T00:00:00Z", groupBy: SEGMENT) { members }`,
      `tierMovement(period: ${period}, groupBy: SEGMENT) { changes }`,
    ];
    await p.tenant.owner.data(`query { ${queries[0]} }`); // the key is looked up once, then cached
    for (const field of queries) {
      const statements: string[] = [];
      // The outbox relay shares the pool: its statements are not the request's.
      const onQuery = (query: { sql: string }) => {
        if (!/outbox_event|^(begin|commit|rollback)/i.test(query.sql)) statements.push(query.sql);
      };
      knex.on('query', onQuery);
      try {
        await p.tenant.owner.data(`query { ${field} }`);
      } finally {
        knex.off('query', onQuery);
      }
      expect([field, statements.length]).toEqual([field, 1]);
    }
  });

  it('lists every metric query for a benchmark to call with a tenant and a period', async () => {
    const em = gw.gateway.orm.em.fork();
    const queries = insightQueries();
    expect(queries.map((query) => query.name)).toEqual([
      'feedbackMetrics',
      'churnMetrics',
      'cohortRetention',
      'pointsMetrics',
      'caseSlaMetrics',
      'tierDistribution',
      'tierMovement',
    ]);
    const answers = await Promise.all(
      queries.map((query) => query.run(em.fork(), p.tenant.tenantId, { ...Q1, bucket: Bucket.MONTH })),
    );
    expect(answers.map((rows) => rows.length)).toEqual([3, 3, 5, 3, 3, 3, 5]);
  });
});
