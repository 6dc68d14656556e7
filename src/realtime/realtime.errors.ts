import { defineErrors, PublicErrorCode } from '../shared/errors';

export enum RealtimeErrorCode {
  /** One socket already runs WS_MAX_SUBSCRIPTIONS_PER_SOCKET operations. */
  TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS',
}

export const realtimeError = defineErrors<RealtimeErrorCode>({
  TOO_MANY_SUBSCRIPTIONS: PublicErrorCode.FORBIDDEN,
});
