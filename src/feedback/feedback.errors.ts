import { defineErrors, PublicErrorCode } from '../shared/errors';

export enum FeedbackErrorCode {
  SURVEY_NOT_FOUND = 'SURVEY_NOT_FOUND',
  /** Another survey of the tenant has this code. */
  SURVEY_CODE_TAKEN = 'SURVEY_CODE_TAKEN',
  /** A survey with responses keeps its kind: their scores are on its scale. */
  SURVEY_KIND_LOCKED = 'SURVEY_KIND_LOCKED',
  /** The survey is switched off and takes no new responses. */
  SURVEY_INACTIVE = 'SURVEY_INACTIVE',
  /** The score is outside the survey kind's scale. */
  SCORE_OUT_OF_RANGE = 'SCORE_OUT_OF_RANGE',
  /** The context is missing, of the wrong type for the survey, or lacks its id. */
  CONTEXT_INVALID = 'CONTEXT_INVALID',
  /** The purchase or case the context names is not the customer's. */
  CONTEXT_NOT_FOUND = 'CONTEXT_NOT_FOUND',
  /** The customer already answered this survey about this purchase, case or call. */
  ALREADY_ANSWERED = 'ALREADY_ANSWERED',
  /** The customer answered this survey (without a purchase or case) within the tenant's gap between surveys. */
  RECENTLY_ANSWERED = 'RECENTLY_ANSWERED',
  STORE_NOT_FOUND = 'STORE_NOT_FOUND',
  SETTINGS_INVALID = 'SETTINGS_INVALID',
  VERSION_MISMATCH = 'VERSION_MISMATCH',
}

export const feedbackError = defineErrors<FeedbackErrorCode>({
  SURVEY_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  SURVEY_CODE_TAKEN: PublicErrorCode.CONFLICT,
  SURVEY_KIND_LOCKED: PublicErrorCode.CONFLICT,
  SURVEY_INACTIVE: PublicErrorCode.CONFLICT,
  SCORE_OUT_OF_RANGE: PublicErrorCode.BAD_USER_INPUT,
  CONTEXT_INVALID: PublicErrorCode.BAD_USER_INPUT,
  CONTEXT_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  ALREADY_ANSWERED: PublicErrorCode.CONFLICT,
  RECENTLY_ANSWERED: PublicErrorCode.CONFLICT,
  STORE_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  SETTINGS_INVALID: PublicErrorCode.BAD_USER_INPUT,
  VERSION_MISMATCH: PublicErrorCode.CONFLICT,
});
