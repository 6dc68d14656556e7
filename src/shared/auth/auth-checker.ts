import type { AuthChecker } from 'type-graphql';

import type { Context } from '../context';
import { assertRole } from './guards';
import type { CallerRole } from './roles';

/** `@Authorized(roles)`: no caller is UNAUTHENTICATED, a caller outside the roles is FORBIDDEN. */
export const authChecker: AuthChecker<Context, CallerRole> = ({ context }, roles) => {
  assertRole(context, roles);
  return true;
};
