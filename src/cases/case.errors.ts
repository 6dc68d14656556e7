import { defineErrors, PublicErrorCode } from '../shared/errors';

export enum CaseErrorCode {
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  /** The lifecycle does not allow the change from the case's status (e.g. closing an OPEN case). */
  CASE_TRANSITION_INVALID = 'CASE_TRANSITION_INVALID',
  CASE_INVALID = 'CASE_INVALID',
  TEAM_NOT_FOUND = 'TEAM_NOT_FOUND',
  TEAM_TAKEN = 'TEAM_TAKEN',
  TEAM_INVALID = 'TEAM_INVALID',
  /** The escalation path would come back to the team itself. */
  ESCALATION_CYCLE = 'ESCALATION_CYCLE',
  ROUTING_INVALID = 'ROUTING_INVALID',
  SETTINGS_INVALID = 'SETTINGS_INVALID',
  ROOT_CAUSE_INVALID = 'ROOT_CAUSE_INVALID',
  /** Not a current cause of the tenant's taxonomy. */
  ROOT_CAUSE_UNKNOWN = 'ROOT_CAUSE_UNKNOWN',
  /** The case was audited before, with another answer. */
  ALREADY_AUDITED = 'ALREADY_AUDITED',
  GOODWILL_INVALID = 'GOODWILL_INVALID',
  GOODWILL_NOT_FOUND = 'GOODWILL_NOT_FOUND',
  /** The grant was approved or rejected already. */
  GOODWILL_DECIDED = 'GOODWILL_DECIDED',
  /** Four eyes: whoever asked for a grant cannot approve or reject it. */
  GOODWILL_SAME_PERSON = 'GOODWILL_SAME_PERSON',
  /** Over what the approver's own role may grant. */
  GOODWILL_OVER_APPROVER_LIMIT = 'GOODWILL_OVER_APPROVER_LIMIT',
  /** Goodwill status would not improve on, or would cut short, a status the customer holds already. */
  GOODWILL_STATUS_HELD = 'GOODWILL_STATUS_HELD',
}

export const caseError = defineErrors<CaseErrorCode>({
  CASE_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  CASE_TRANSITION_INVALID: PublicErrorCode.CONFLICT,
  CASE_INVALID: PublicErrorCode.BAD_USER_INPUT,
  TEAM_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  TEAM_TAKEN: PublicErrorCode.CONFLICT,
  TEAM_INVALID: PublicErrorCode.BAD_USER_INPUT,
  ESCALATION_CYCLE: PublicErrorCode.BAD_USER_INPUT,
  ROUTING_INVALID: PublicErrorCode.BAD_USER_INPUT,
  SETTINGS_INVALID: PublicErrorCode.BAD_USER_INPUT,
  ROOT_CAUSE_INVALID: PublicErrorCode.BAD_USER_INPUT,
  ROOT_CAUSE_UNKNOWN: PublicErrorCode.BAD_USER_INPUT,
  ALREADY_AUDITED: PublicErrorCode.CONFLICT,
  GOODWILL_INVALID: PublicErrorCode.BAD_USER_INPUT,
  GOODWILL_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  GOODWILL_DECIDED: PublicErrorCode.CONFLICT,
  GOODWILL_SAME_PERSON: PublicErrorCode.FORBIDDEN,
  GOODWILL_OVER_APPROVER_LIMIT: PublicErrorCode.FORBIDDEN,
  GOODWILL_STATUS_HELD: PublicErrorCode.CONFLICT,
});
