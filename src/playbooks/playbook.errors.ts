import { defineErrors, PublicErrorCode } from '../shared/errors';

export enum PlaybookErrorCode {
  /** The definition is not valid (the field says where). */
  PLAYBOOK_INVALID = 'PLAYBOOK_INVALID',
  PLAYBOOK_NOT_FOUND = 'PLAYBOOK_NOT_FOUND',
  /** Another playbook of the tenant has this code. */
  PLAYBOOK_TAKEN = 'PLAYBOOK_TAKEN',
  /** A retired playbook cannot be changed. */
  PLAYBOOK_RETIRED = 'PLAYBOOK_RETIRED',
  /** No support team with this id in the tenant. */
  TEAM_NOT_FOUND = 'TEAM_NOT_FOUND',
}

export const playbookError = defineErrors<PlaybookErrorCode>({
  PLAYBOOK_INVALID: PublicErrorCode.BAD_USER_INPUT,
  PLAYBOOK_NOT_FOUND: PublicErrorCode.NOT_FOUND,
  PLAYBOOK_TAKEN: PublicErrorCode.CONFLICT,
  PLAYBOOK_RETIRED: PublicErrorCode.CONFLICT,
  TEAM_NOT_FOUND: PublicErrorCode.NOT_FOUND,
});
