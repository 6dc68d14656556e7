import { defineErrors, PublicErrorCode } from '../shared/errors';

export enum InsightErrorCode {
  /** A date that is not YYYY-MM-DD, or a period whose end is not after its start. */
  PERIOD_INVALID = 'PERIOD_INVALID',
  /** More buckets than one query answers for. */
  TOO_MANY_BUCKETS = 'TOO_MANY_BUCKETS',
}

export const insightError = defineErrors<InsightErrorCode>({
  PERIOD_INVALID: PublicErrorCode.BAD_USER_INPUT,
  TOO_MANY_BUCKETS: PublicErrorCode.BAD_USER_INPUT,
});
