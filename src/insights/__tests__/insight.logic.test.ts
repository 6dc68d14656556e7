import type { AppError } from '../../shared/errors';
import {
  addBuckets,
  alignDown,
  bucketsBetween,
  buildPeriod,
  MAX_BUCKETS,
  MetricBucket,
  npsScore,
  parseLocalDate,
  percent,
  ratio,
  runningTotals,
} from '../insight.logic';

const day = (value: string) => parseLocalDate(value, 'd');
const iso = (date: Date) => date.toISOString().slice(0, 10);

function refusal(run: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as AppError;
    return { code: extensions.code, field: extensions.field, message };
  }
  throw new Error('not refused');
}

describe('buckets', () => {
  it('aligns a day down to its bucket: weeks from Monday, quarters from January, April, July, October', () => {
    // 2026-05-14 is a Thursday.
    expect(iso(alignDown(day('2026-05-14'), MetricBucket.DAY))).toBe('2026-05-14');
    expect(iso(alignDown(day('2026-05-14'), MetricBucket.WEEK))).toBe('2026-05-11');
    expect(iso(alignDown(day('2026-05-17'), MetricBucket.WEEK))).toBe('2026-05-11'); // Sunday
    expect(iso(alignDown(day('2026-05-11'), MetricBucket.WEEK))).toBe('2026-05-11'); // Monday
    expect(iso(alignDown(day('2026-05-14'), MetricBucket.MONTH))).toBe('2026-05-01');
    expect(iso(alignDown(day('2026-05-14'), MetricBucket.QUARTER))).toBe('2026-04-01');
    expect(iso(alignDown(day('2026-12-31'), MetricBucket.QUARTER))).toBe('2026-10-01');
  });

  it('steps whole buckets, across month ends and years', () => {
    expect(iso(addBuckets(day('2026-01-31'), MetricBucket.DAY))).toBe('2026-02-01');
    expect(iso(addBuckets(day('2026-12-28'), MetricBucket.WEEK))).toBe('2027-01-04');
    expect(iso(addBuckets(day('2026-11-01'), MetricBucket.MONTH, 2))).toBe('2027-01-01');
    expect(iso(addBuckets(day('2026-01-01'), MetricBucket.MONTH, -1))).toBe('2025-12-01');
    expect(iso(addBuckets(day('2026-10-01'), MetricBucket.QUARTER))).toBe('2027-01-01');
  });

  it('covers [from, to) with whole buckets, from rounded down and the last bucket holding the day before to', () => {
    expect(buildPeriod({ from: '2026-01-15', to: '2026-03-02', bucket: MetricBucket.MONTH })).toEqual({
      bucket: MetricBucket.MONTH,
      buckets: [
        { start: '2026-01-01', end: '2026-02-01' },
        { start: '2026-02-01', end: '2026-03-01' },
        { start: '2026-03-01', end: '2026-04-01' },
      ],
    });
    // to on a bucket start ends the period there: no empty bucket after it.
    expect(buildPeriod({ from: '2026-01-01', to: '2026-03-01', bucket: MetricBucket.MONTH }).buckets).toHaveLength(2);
    expect(buildPeriod({ from: '2026-05-13', to: '2026-05-20', bucket: MetricBucket.WEEK }).buckets).toEqual([
      { start: '2026-05-11', end: '2026-05-18' },
      { start: '2026-05-18', end: '2026-05-25' },
    ]);
    expect(
      buildPeriod({ from: '2026-02-27', to: '2026-03-02', bucket: MetricBucket.DAY }).buckets.map((b) => b.start),
    ).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('adds buckets ahead of the period on request (churn compares with the bucket before)', () => {
    expect(
      buildPeriod({ from: '2026-01-01', to: '2026-04-01', bucket: MetricBucket.QUARTER }, 'period', 1).buckets,
    ).toEqual([
      { start: '2025-10-01', end: '2026-01-01' },
      { start: '2026-01-01', end: '2026-04-01' },
    ]);
  });

  it('refuses a bad period naming the field, before building more than the limit', () => {
    expect(refusal(() => buildPeriod({ from: '2026-03-01', to: '2026-03-01', bucket: MetricBucket.DAY }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'period.to',
      message: 'period.to must be after period.from',
    });
    expect(refusal(() => buildPeriod({ from: '2026-02-30', to: '2026-03-01', bucket: MetricBucket.DAY })).field).toBe(
      'period.from',
    );
    expect(refusal(() => buildPeriod({ from: '2026-01-01', to: '1/3/2026', bucket: MetricBucket.DAY })).field).toBe(
      'period.to',
    );
    expect(refusal(() => buildPeriod({ from: '0001-01-01', to: '2026-01-01', bucket: MetricBucket.DAY })).field).toBe(
      'period.from',
    );
    // 401 days: one over the limit.
    const tooMany = refusal(() => buildPeriod({ from: '2026-01-01', to: '2027-02-06', bucket: MetricBucket.DAY }));
    expect(tooMany).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.to' });
    expect(tooMany.message).toContain(`more than ${MAX_BUCKETS} DAY buckets`);
    expect(buildPeriod({ from: '2026-01-01', to: '2027-02-05', bucket: MetricBucket.DAY }).buckets).toHaveLength(400);
    // A millennium of days is refused as fast as 401 of them.
    expect(refusal(() => buildPeriod({ from: '1900-01-01', to: '9999-12-31', bucket: MetricBucket.DAY })).field).toBe(
      'period.to',
    );
    // The bucket ahead of a churn period does not count against the limit.
    expect(
      buildPeriod({ from: '2026-01-01', to: '2027-02-05', bucket: MetricBucket.DAY }, 'period', 1).buckets,
    ).toHaveLength(401);
  });

  it('counts buckets since the one holding a cohort month', () => {
    expect(bucketsBetween('2026-03-01', '2026-03-01', MetricBucket.MONTH)).toBe(0);
    expect(bucketsBetween('2026-03-01', '2027-01-01', MetricBucket.MONTH)).toBe(10);
    expect(bucketsBetween('2026-03-01', '2026-03-05', MetricBucket.DAY)).toBe(4);
    // 2026-03-01 is a Sunday: its week started on 2026-02-23.
    expect(bucketsBetween('2026-03-01', '2026-02-23', MetricBucket.WEEK)).toBe(0);
    expect(bucketsBetween('2026-03-01', '2026-03-09', MetricBucket.WEEK)).toBe(2);
    expect(bucketsBetween('2026-02-01', '2026-01-01', MetricBucket.QUARTER)).toBe(0);
    expect(bucketsBetween('2026-02-01', '2026-07-01', MetricBucket.QUARTER)).toBe(2);
  });
});

describe('formulas', () => {
  it('NPS is % promoters less % detractors; null without responses', () => {
    // 5 promoters, 3 passives, 2 detractors of 10: 50% - 20% = 30.
    expect(npsScore(5, 2, 10)).toBe(30);
    expect(npsScore(0, 4, 4)).toBe(-100);
    expect(npsScore(1, 2, 3)).toBeCloseTo(-33.333, 3);
    expect(npsScore(0, 0, 0)).toBeNull();
  });

  it('ratios and percentages are null over nothing', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(3, 0)).toBeNull();
    expect(percent(3, 4)).toBe(75);
    expect(percent(0, 0)).toBeNull();
  });

  it('running totals add up per group, in row order', () => {
    const rows = [
      { g: 'a', v: 1 },
      { g: 'b', v: 10 },
      { g: 'a', v: 2 },
      { g: 'b', v: 20 },
      { g: 'a', v: 3 },
    ];
    expect(
      runningTotals(
        rows,
        (row) => row.g,
        (row) => row.v,
      ),
    ).toEqual([1, 10, 3, 30, 6]);
  });
});
