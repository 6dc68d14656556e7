import { insightError, InsightErrorCode } from './insight.errors';

/** Calendar buckets in the tenant's time zone; weeks start on Monday (ISO, like PostgreSQL's date_trunc). */
export enum MetricBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}

/** The most buckets one query answers for: checked before any statement runs. */
export const MAX_BUCKETS = 400;

/** One bucket: local calendar dates `YYYY-MM-DD`, `end` exclusive. */
export interface Bucket {
  start: string;
  end: string;
}

export interface Period {
  bucket: MetricBucket;
  buckets: Bucket[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A local calendar date as midnight UTC, so whole-day arithmetic is exact (no time zone, no DST). */
export function parseLocalDate(value: string, field: string): Date {
  const match = DATE.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return date;
  }
  throw insightError(InsightErrorCode.PERIOD_INVALID, `${field} must be a calendar date YYYY-MM-DD (from 1900)`, field);
}

export function formatLocalDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first day of the bucket holding `date`. */
export function alignDown(date: Date, bucket: MetricBucket): Date {
  const [year, month] = [date.getUTCFullYear(), date.getUTCMonth()];
  switch (bucket) {
    case MetricBucket.DAY:
      return date;
    case MetricBucket.WEEK:
      // getUTCDay: 0 = Sunday; Monday starts the week.
      return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS);
    case MetricBucket.MONTH:
      return new Date(Date.UTC(year, month, 1));
    case MetricBucket.QUARTER:
      return new Date(Date.UTC(year, month - (month % 3), 1));
  }
}

/** The first day of the bucket `n` buckets after the one starting at `start` (an aligned date). */
export function addBuckets(start: Date, bucket: MetricBucket, n = 1): Date {
  switch (bucket) {
    case MetricBucket.DAY:
      return new Date(start.getTime() + n * DAY_MS);
    case MetricBucket.WEEK:
      return new Date(start.getTime() + 7 * n * DAY_MS);
    case MetricBucket.MONTH:
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + n, 1));
    case MetricBucket.QUARTER:
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3 * n, 1));
  }
}

/**
 * The whole buckets covering [from, to): `from` is rounded down to the start of its bucket, and the last
 * bucket is the one holding the day before `to`. Refused, naming the field, when `to` is not after `from`
 * or when more than MAX_BUCKETS would be needed (counted without building more than that).
 * `before` adds that many buckets ahead of the period (churn compares each bucket with the one before).
 */
export function buildPeriod(
  input: { from: string; to: string; bucket: MetricBucket },
  field = 'period',
  before = 0,
): Period {
  const from = parseLocalDate(input.from, `${field}.from`);
  const to = parseLocalDate(input.to, `${field}.to`);
  if (to <= from)
    throw insightError(InsightErrorCode.PERIOD_INVALID, `${field}.to must be after ${field}.from`, `${field}.to`);
  const buckets: Bucket[] = [];
  let start = addBuckets(alignDown(from, input.bucket), input.bucket, -before);
  while (start < to) {
    if (buckets.length === MAX_BUCKETS + before) {
      throw insightError(
        InsightErrorCode.TOO_MANY_BUCKETS,
        `${field} holds more than ${MAX_BUCKETS} ${input.bucket} buckets; shorten it or choose a longer ${field}.bucket`,
        `${field}.to`,
      );
    }
    const end = addBuckets(start, input.bucket);
    buckets.push({ start: formatLocalDate(start), end: formatLocalDate(end) });
    start = end;
  }
  return { bucket: input.bucket, buckets };
}

/** Whole buckets from the one holding `cohortStart` to the one starting at `bucketStart` (0 = the same bucket). */
export function bucketsBetween(cohortStart: string, bucketStart: string, bucket: MetricBucket): number {
  const from = alignDown(parseLocalDate(cohortStart, 'cohort'), bucket);
  const to = parseLocalDate(bucketStart, 'bucket');
  switch (bucket) {
    case MetricBucket.DAY:
      return Math.round((to.getTime() - from.getTime()) / DAY_MS);
    case MetricBucket.WEEK:
      return Math.round((to.getTime() - from.getTime()) / (7 * DAY_MS));
    case MetricBucket.MONTH:
    case MetricBucket.QUARTER: {
      const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
      return bucket === MetricBucket.MONTH ? months : Math.floor(months / 3);
    }
  }
}

/** `part / whole`, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** `100 × part / whole`, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}

/** Net Promoter Score: % promoters (9-10) minus % detractors (0-6), from -100 to 100; null without responses. */
export function npsScore(promoters: number, detractors: number, responses: number): number | null {
  return responses === 0 ? null : (100 * (promoters - detractors)) / responses;
}

/**
 * Running totals of `value` per group along the buckets (rows already in bucket order): what a cumulative
 * rate within the period divides.
 */
export function runningTotals<T>(rows: T[], groupOf: (row: T) => string, value: (row: T) => number): number[] {
  const totals = new Map<string, number>();
  return rows.map((row) => {
    const total = (totals.get(groupOf(row)) ?? 0) + value(row);
    totals.set(groupOf(row), total);
    return total;
  });
}
