import { defineErrors, PublicErrorCode } from '../shared/errors';

export enum AccountErrorCode {
  ACCOUNT_INVALID = 'ACCOUNT_INVALID',
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  /** The code names another account already (different name or pooling). */
  ACCOUNT_CODE_TAKEN = 'ACCOUNT_CODE_TAKEN',
  CUSTOMER_NOT_FOUND = 'CUSTOMER_NOT_FOUND',
  VERSION_MISMATCH = 'VERSION_MISMATCH',
}

export const accountError = defineErrors<AccountErrorCode>({
  ACCOUNT_INVALID: PublicErrorCode.BAD_USER_INPUT,
  ACCOUNT_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  ACCOUNT_CODE_TAKEN: PublicErrorCode.CONFLICT,
  CUSTOMER_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  VERSION_MISMATCH: PublicErrorCode.CONFLICT,
});
