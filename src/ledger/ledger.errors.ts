import { defineErrors, PublicErrorCode } from '../shared/errors';

export enum LedgerErrorCode {
  POINTS_INVALID = 'POINTS_INVALID',
  DATE_INVALID = 'DATE_INVALID',
  INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS',
  CUSTOMER_NOT_FOUND = 'CUSTOMER_NOT_FOUND',
  TRANSACTION_NOT_FOUND = 'TRANSACTION_NOT_FOUND',
  NOT_REVERSIBLE = 'NOT_REVERSIBLE',
  REVERSAL_EXCEEDS_ORIGINAL = 'REVERSAL_EXCEEDS_ORIGINAL',
  SAME_CUSTOMER = 'SAME_CUSTOMER',
  POLICY_INVALID = 'POLICY_INVALID',
  /** The customer was merged into another while this booking ran: nothing was applied; a retry books on the survivor. */
  CUSTOMER_MERGED = 'CUSTOMER_MERGED',
}

export const ledgerError = defineErrors<LedgerErrorCode>({
  POINTS_INVALID: PublicErrorCode.BAD_USER_INPUT,
  DATE_INVALID: PublicErrorCode.BAD_USER_INPUT,
  // Its own public code: a POS or app shows it to the customer as it is.
  INSUFFICIENT_POINTS: PublicErrorCode.INSUFFICIENT_POINTS,
  CUSTOMER_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  TRANSACTION_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  NOT_REVERSIBLE: PublicErrorCode.BAD_USER_INPUT,
  REVERSAL_EXCEEDS_ORIGINAL: PublicErrorCode.BAD_USER_INPUT,
  SAME_CUSTOMER: PublicErrorCode.BAD_USER_INPUT,
  POLICY_INVALID: PublicErrorCode.BAD_USER_INPUT,
  CUSTOMER_MERGED: PublicErrorCode.CONFLICT,
});
