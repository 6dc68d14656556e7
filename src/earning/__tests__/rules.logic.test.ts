import { PointsRounding } from '../../program/program-settings.entity';
import { Channel } from '../../shared/channel';
import { CapPeriod, RuleEffect, RuleStacking } from '../earning-rule.entity';
import {
  allocate,
  basePoints,
  capPeriodStart,
  ContributionOutcome,
  evaluatePurchase,
  orderRules,
  type PurchaseFacts,
  type RuleForEvaluation,
} from '../rules.logic';

const RATE = { earnPoints: 1, earnPerMinor: 100, rounding: PointsRounding.DOWN };

function rule(overrides: Partial<RuleForEvaluation>): RuleForEvaluation {
  return {
    id: overrides.code ?? 'r',
    code: 'R',
    name: 'rule',
    priority: 0,
    stacking: RuleStacking.STACKABLE,
    effect: RuleEffect.FIXED_BONUS,
    value: 10,
    channels: [],
    storeIds: [],
    regions: [],
    skus: [],
    categories: [],
    tierIds: [],
    segments: [],
    daysOfWeek: [],
    minSpend: null,
    startsAt: null,
    endsAt: null,
    capPerPurchase: null,
    capPerCustomer: null,
    customerCapPeriod: null,
    customerUsed: 0,
    budget: null,
    budgetUsed: 0,
    ...overrides,
  };
}

// Wednesday 2026-11-18, 12:00 in Paris.
const facts = (overrides: Partial<PurchaseFacts> = {}): PurchaseFacts => ({
  channel: Channel.POS,
  storeId: 'store-n',
  region: 'north',
  occurredAt: new Date('2026-11-18T11:00:00Z'),
  timeZone: 'Europe/Paris',
  tierId: null,
  segments: [],
  lines: [
    { sku: 'A', category: 'food', quantity: 2, unitPrice: 1050 },
    { sku: 'B', category: 'drink', quantity: 1, unitPrice: 399 },
  ],
  ...overrides,
});

describe('base points and allocation', () => {
  it('rounds the whole purchase once, in the configured direction', () => {
    expect(basePoints(2499, RATE)).toBe(24);
    expect(basePoints(2499, { ...RATE, rounding: PointsRounding.UP })).toBe(25);
    expect(basePoints(2449, { ...RATE, rounding: PointsRounding.NEAREST })).toBe(24);
    expect(basePoints(2450, { ...RATE, rounding: PointsRounding.NEAREST })).toBe(25);
    expect(basePoints(2500, { earnPoints: 3, earnPerMinor: 200, rounding: PointsRounding.DOWN })).toBe(37);
  });

  it('splits a total exactly over weights, remainders to the largest fractions', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(7, [0, 5, 0])).toEqual([0, 7, 0]);
    expect(allocate(5, [0, 0])).toEqual([5, 0]);
    const parts = allocate(1_000_003, [3, 7, 11, 13]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000_003);
    // Past 2^53 the split goes through BigInt, and is still exact.
    const huge = allocate(900_000_000, [30_000_000_000, 10_000_000_001]);
    expect(huge[0] + huge[1]).toBe(900_000_000);
    expect(Math.abs(huge[0] - 675_000_000)).toBeLessThanOrEqual(1);
  });
});

describe('rule order and stacking', () => {
  it('orders by priority, then store before region before global, then code', () => {
    const ordered = orderRules([
      rule({ code: 'GLOBAL', priority: 10 }),
      rule({ code: 'REGION', priority: 10, regions: ['north'] }),
      rule({ code: 'STORE', priority: 10, storeIds: ['store-n'] }),
      rule({ code: 'HIGH', priority: 20 }),
      rule({ code: 'AAA', priority: 10 }),
    ]);
    expect(ordered.map((entry) => entry.code)).toEqual(['HIGH', 'STORE', 'REGION', 'AAA', 'GLOBAL']);
  });

  it('lets an exclusive rule that comes first apply alone', () => {
    const result = evaluatePurchase(facts(), RATE, null, [
      rule({ code: 'GLOBAL', priority: 10, effect: RuleEffect.MULTIPLIER, value: 200 }),
      rule({ code: 'NORTH', priority: 10, regions: ['north'], stacking: RuleStacking.EXCLUSIVE, value: 50 }),
    ]);
    expect(result.contributions.map((entry) => [entry.code, entry.outcome, entry.points])).toEqual([
      ['BASE', ContributionOutcome.APPLIED, 24],
      ['NORTH', ContributionOutcome.APPLIED, 50],
      ['GLOBAL', ContributionOutcome.EXCLUDED, 0],
    ]);
    expect(result.totalPoints).toBe(74);
  });

  it('skips an exclusive rule that comes after a stackable one that applied', () => {
    const result = evaluatePurchase(facts(), RATE, null, [
      rule({ code: 'FIRST', priority: 20, value: 5 }),
      rule({ code: 'LATE', priority: 1, stacking: RuleStacking.EXCLUSIVE, value: 500 }),
    ]);
    expect(result.totalPoints).toBe(29);
    expect(result.contributions.find((entry) => entry.code === 'LATE')?.outcome).toBe(ContributionOutcome.EXCLUDED);
  });

  it('lets an exhausted exclusive rule give way to the next ones', () => {
    const result = evaluatePurchase(facts(), RATE, null, [
      rule({
        code: 'SPENT',
        priority: 20,
        stacking: RuleStacking.EXCLUSIVE,
        value: 100,
        budget: 1000,
        budgetUsed: 1000,
      }),
      rule({ code: 'NEXT', priority: 1, value: 7 }),
    ]);
    expect(result.contributions.map((entry) => [entry.code, entry.outcome])).toEqual([
      ['BASE', ContributionOutcome.APPLIED],
      ['SPENT', ContributionOutcome.EXHAUSTED],
      ['NEXT', ContributionOutcome.APPLIED],
    ]);
  });
});

describe('conditions and effects', () => {
  it('applies a multiplier to the base of matching lines only, and per-unit points per matching unit', () => {
    const result = evaluatePurchase(facts(), RATE, null, [
      rule({ code: 'FOOD2X', effect: RuleEffect.MULTIPLIER, value: 200, categories: ['food'] }),
      rule({ code: 'PERB', effect: RuleEffect.POINTS_PER_UNIT, value: 3, skus: ['B'] }),
    ]);
    // Base 24 split 20/4 by amount (largest remainder); food's 20 doubled adds 20; one B adds 3.
    expect(result.linePoints).toEqual([40, 7]);
    expect(result.totalPoints).toBe(47);
  });

  it('checks channel, region, days, tier, segment, dates and minimum spend', () => {
    const cases: [Partial<RuleForEvaluation>, boolean][] = [
      [{ channels: [Channel.WEB] }, false],
      [{ channels: [Channel.POS] }, true],
      [{ regions: ['south'] }, false],
      [{ daysOfWeek: [3] }, true],
      [{ daysOfWeek: [1, 2] }, false],
      [{ tierIds: ['gold'] }, false],
      [{ segments: ['students'] }, false],
      [{ startsAt: new Date('2026-12-01T00:00:00Z') }, false],
      [{ endsAt: new Date('2026-11-18T11:00:00Z') }, false],
      [{ minSpend: 2500 }, false],
      [{ minSpend: 2499 }, true],
    ];
    for (const [condition, applies] of cases) {
      const result = evaluatePurchase(facts(), RATE, null, [rule({ code: 'X', ...condition })]);
      expect([condition, result.totalPoints]).toEqual([condition, applies ? 34 : 24]);
    }
    expect(
      evaluatePurchase(facts({ segments: ['students'], tierId: 'gold' }), RATE, null, [
        rule({ segments: ['students'], tierIds: ['gold'] }),
      ]).totalPoints,
    ).toBe(34);
  });

  it('adds the tier multiplier on base points', () => {
    const result = evaluatePurchase(
      facts(),
      RATE,
      { benefitId: 'b', code: 'GOLD_X', title: 'Gold 1.5x', percent: 150 },
      [],
    );
    expect(result.totalPoints).toBe(36);
  });
});

describe('caps', () => {
  it('cuts to the per-purchase cap, the customer cap left and the budget left, saying which', () => {
    const perPurchase = evaluatePurchase(facts(), RATE, null, [rule({ value: 100, capPerPurchase: 30 })]);
    expect(perPurchase.contributions[1]).toMatchObject({
      points: 30,
      requestedPoints: 100,
      outcome: ContributionOutcome.CAPPED,
    });
    const customer = evaluatePurchase(facts(), RATE, null, [
      rule({ value: 100, capPerCustomer: 150, customerCapPeriod: CapPeriod.DAY, customerUsed: 120 }),
    ]);
    expect(customer.contributions[1]).toMatchObject({ points: 30, outcome: ContributionOutcome.CAPPED });
    const budget = evaluatePurchase(facts(), RATE, null, [rule({ value: 100, budget: 1000, budgetUsed: 990 })]);
    expect(budget.contributions[1]).toMatchObject({ points: 10, outcome: ContributionOutcome.CAPPED });
    expect(budget.contributions[1].note).toContain('budget');
  });

  it('starts cap periods on local dates of the tenant', () => {
    // 23:30 UTC on Sunday 2026-11-22 is already Monday in Paris.
    const at = new Date('2026-11-22T23:30:00Z');
    expect(capPeriodStart(CapPeriod.DAY, at, 'Europe/Paris')).toBe('2026-11-23');
    expect(capPeriodStart(CapPeriod.WEEK, at, 'Europe/Paris')).toBe('2026-11-23');
    expect(capPeriodStart(CapPeriod.WEEK, at, 'UTC')).toBe('2026-11-16');
    expect(capPeriodStart(CapPeriod.MONTH, at, 'UTC')).toBe('2026-11-01');
    expect(capPeriodStart(CapPeriod.YEAR, at, 'UTC')).toBe('2026-01-01');
  });
});
