import type { Context } from '../context';
import { accessError, AccessErrorCode } from '../errors';
import { type Caller, callerRole } from './caller';
import type { CallerRole } from './roles';

/** The tenant of a caller that must have one (everything but the platform operator). */
export function requireTenant(ctx: Context): string {
  if (!ctx.tenantId)
    throw accessError(AccessErrorCode.ROLE_FORBIDDEN, 'This operation needs a tenant API key or customer token');
  return ctx.tenantId;
}

export function requireCaller(ctx: Context): Caller {
  if (!ctx.caller)
    throw accessError(AccessErrorCode.UNAUTHENTICATED, 'Send "Authorization: Bearer <API key or customer token>"');
  return ctx.caller;
}

/** A customer token may only touch its own customer; staff keys pass. */
export function assertMayActOnCustomer(ctx: Context, customerId: string): void {
  const caller = requireCaller(ctx);
  if (caller.kind === 'customer' && caller.customerId !== customerId) {
    throw accessError(AccessErrorCode.NOT_OWN_CUSTOMER, 'A customer may only act on their own record');
  }
}

/** The role check of `@Authorized`, for places the decorator does not reach (subscription set-up). */
export function assertRole(ctx: Context, roles: readonly CallerRole[]): void {
  const role = callerRole(requireCaller(ctx));
  if (!roles.includes(role)) throw accessError(AccessErrorCode.ROLE_FORBIDDEN, `The ${role} role may not do this`);
}

/** Whether the caller holds one of the roles, for reads that show a caller less rather than refuse it. */
export function callerHasRole(ctx: Context, roles: readonly CallerRole[]): boolean {
  return ctx.caller !== null && roles.includes(callerRole(ctx.caller));
}
