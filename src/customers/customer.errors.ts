import { defineErrors, PublicErrorCode } from '../shared/errors';

export enum CustomerErrorCode {
  EMAIL_INVALID = 'EMAIL_INVALID',
  PHONE_INVALID = 'PHONE_INVALID',
  CONTACT_REQUIRED = 'CONTACT_REQUIRED',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  PHONE_TAKEN = 'PHONE_TAKEN',
  CUSTOMER_NOT_FOUND = 'CUSTOMER_NOT_FOUND',
  VERSION_MISMATCH = 'VERSION_MISMATCH',
  TOKEN_TTL_INVALID = 'TOKEN_TTL_INVALID',
  SEGMENTS_INVALID = 'SEGMENTS_INVALID',
  IDENTIFIER_INVALID = 'IDENTIFIER_INVALID',
  IDENTIFIER_TAKEN = 'IDENTIFIER_TAKEN',
  ADDRESS_INVALID = 'ADDRESS_INVALID',
  SAME_CUSTOMER = 'SAME_CUSTOMER',
  /** The profile was merged into another already. */
  CUSTOMER_MERGED = 'CUSTOMER_MERGED',
  NOT_A_PERSON = 'NOT_A_PERSON',
  MERGE_NOT_FOUND = 'MERGE_NOT_FOUND',
  /** The survivor was itself merged since: that later merge is undone first. */
  MERGE_NOT_LATEST = 'MERGE_NOT_LATEST',
  REPORT_INVALID = 'REPORT_INVALID',
  /** A customer token changes its email or phone through requestContactChange, not updateCustomer. */
  CONTACT_VERIFICATION_REQUIRED = 'CONTACT_VERIFICATION_REQUIRED',
  /** Not the code that was sent; the message says how many attempts are left. */
  CONTACT_CODE_INVALID = 'CONTACT_CODE_INVALID',
  /** No change is pending, or its code expired, was used up or replaced: request a new one. */
  CONTACT_CODE_EXPIRED = 'CONTACT_CODE_EXPIRED',
  /** Said only to whoever holds the code (the owner of the address): another member has it. */
  CONTACT_TAKEN = 'CONTACT_TAKEN',
}

export const customerError = defineErrors<CustomerErrorCode>({
  EMAIL_INVALID: PublicErrorCode.BAD_USER_INPUT,
  PHONE_INVALID: PublicErrorCode.BAD_USER_INPUT,
  CONTACT_REQUIRED: PublicErrorCode.BAD_USER_INPUT,
  EMAIL_TAKEN: PublicErrorCode.CONFLICT,
  PHONE_TAKEN: PublicErrorCode.CONFLICT,
  CUSTOMER_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  VERSION_MISMATCH: PublicErrorCode.CONFLICT,
  TOKEN_TTL_INVALID: PublicErrorCode.BAD_USER_INPUT,
  SEGMENTS_INVALID: PublicErrorCode.BAD_USER_INPUT,
  IDENTIFIER_INVALID: PublicErrorCode.BAD_USER_INPUT,
  IDENTIFIER_TAKEN: PublicErrorCode.CONFLICT,
  ADDRESS_INVALID: PublicErrorCode.BAD_USER_INPUT,
  SAME_CUSTOMER: PublicErrorCode.BAD_USER_INPUT,
  CUSTOMER_MERGED: PublicErrorCode.CONFLICT,
  NOT_A_PERSON: PublicErrorCode.BAD_USER_INPUT,
  MERGE_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  MERGE_NOT_LATEST: PublicErrorCode.CONFLICT,
  REPORT_INVALID: PublicErrorCode.BAD_USER_INPUT,
  CONTACT_VERIFICATION_REQUIRED: PublicErrorCode.FORBIDDEN,
  CONTACT_CODE_INVALID: PublicErrorCode.BAD_USER_INPUT,
  CONTACT_CODE_EXPIRED: PublicErrorCode.BAD_USER_INPUT,
  CONTACT_TAKEN: PublicErrorCode.CONFLICT,
});
