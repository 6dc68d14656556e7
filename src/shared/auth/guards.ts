import { Channel, defaultChannel } from '../channel';
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

/** The store a credential is bound to (a till's key), or undefined for one that acts anywhere. */
export function boundStore(caller: Caller): string | undefined {
  return caller.kind === 'apiKey' ? caller.storeId : undefined;
}

/**
 * The store an operation acts at, taken from the credential where it fixes one: a till's key acts at its own
 * store, and a `requested` store that differs is FORBIDDEN (NOT_OWN_STORE, naming `field`), never followed.
 * Other callers act at the store they name, or at none.
 */
export function actingStore(ctx: Context, requested: string | null | undefined, field: string): string | undefined {
  const bound = boundStore(requireCaller(ctx));
  if (bound === undefined) return requested ?? undefined;
  if (requested !== undefined && requested !== null && requested !== bound) {
    throw accessError(AccessErrorCode.NOT_OWN_STORE, 'A POS key acts at its own store only', field);
  }
  return bound;
}

/**
 * A record made at `recordStoreId` (null: at no store, e.g. online) is for tills of that store only: a till
 * may not refund, reverse or otherwise undo what happened elsewhere. Callers not bound to a store pass.
 */
export function assertAtOwnStore(ctx: Context, recordStoreId: string | null | undefined, field: string): void {
  const bound = boundStore(requireCaller(ctx));
  if (bound !== undefined && recordStoreId !== bound) {
    throw accessError(AccessErrorCode.NOT_OWN_STORE, "A POS key acts on its own store's records only", field);
  }
}

/**
 * The channel an operation comes through. A till's key fixes it (POS): another `requested` channel is
 * FORBIDDEN (CHANNEL_FIXED, naming `field`). Other callers may name theirs; by default, their role's.
 */
export function actingChannel(ctx: Context, requested: Channel | null | undefined, field: string): Channel {
  const caller = requireCaller(ctx);
  if (boundStore(caller) !== undefined) {
    if (requested !== undefined && requested !== null && requested !== Channel.POS) {
      throw accessError(AccessErrorCode.CHANNEL_FIXED, 'A POS key acts through the POS channel only', field);
    }
    return Channel.POS;
  }
  return requested ?? defaultChannel(caller);
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
