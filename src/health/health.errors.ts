import { defineErrors, PublicErrorCode } from '../shared/errors';

export enum HealthErrorCode {
  WEIGHTS_INVALID = 'WEIGHTS_INVALID',
  SETTINGS_INVALID = 'SETTINGS_INVALID',
  THRESHOLDS_INVALID = 'THRESHOLDS_INVALID',
  SINCE_VERSION_INVALID = 'SINCE_VERSION_INVALID',
}

export const healthError = defineErrors<HealthErrorCode>({
  WEIGHTS_INVALID: PublicErrorCode.BAD_USER_INPUT,
  SETTINGS_INVALID: PublicErrorCode.BAD_USER_INPUT,
  THRESHOLDS_INVALID: PublicErrorCode.BAD_USER_INPUT,
  SINCE_VERSION_INVALID: PublicErrorCode.BAD_USER_INPUT,
});
