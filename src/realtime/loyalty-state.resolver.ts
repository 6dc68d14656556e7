import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Int,
  Query,
  Resolver,
  Root,
  type SubscribeResolverData,
  Subscription,
} from 'type-graphql';

import { customerError, CustomerErrorCode } from '../customers/customer.errors';
import { customerOrNotFound } from '../customers/customer.lookup';
import { assertMayActOnCustomer, assertRole, requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { currentLoyaltyState, streamLoyaltyState, toLoyaltyState } from './loyalty-state.service';
import { LoyaltyState, StateSource } from './loyalty-state.types';

/** The customer a caller may follow: staff of the tenant any, a customer token itself; an old merged id follows to the survivor. */
async function followable(ctx: Context, customerId: string): Promise<{ tenantId: string; customerId: string }> {
  const tenantId = requireTenant(ctx);
  assertMayActOnCustomer(ctx, customerId);
  const customer = await customerOrNotFound(ctx, customerId, 'customerId');
  return { tenantId, customerId: customer.id };
}

@Resolver(() => LoyaltyState)
export class LoyaltyStateResolver {
  @Authorized(Access.readCustomer)
  @Query(() => LoyaltyState, {
    description: 'The state every channel renders now, with its version. Staff, or the customer themself.',
  })
  async loyaltyState(
    @Arg('customerId', () => ID, { description: 'The member.' }) customerId: string,
    @Ctx() ctx: Context,
  ): Promise<LoyaltyState> {
    const target = await followable(ctx, customerId);
    return toLoyaltyState(
      await currentLoyaltyState(ctx.reads, target.tenantId, target.customerId),
      StateSource.CURRENT,
    );
  }

  @Subscription(() => LoyaltyState, {
    subscribe: async ({
      args,
      context,
    }: SubscribeResolverData<unknown, { customerId: string; sinceVersion?: number | null }, Context>) => {
      assertRole(context, Access.readCustomer);
      const since = args.sinceVersion ?? null;
      if (since !== null && (!Number.isInteger(since) || since < 0)) {
        throw customerError(
          CustomerErrorCode.REPORT_INVALID,
          'sinceVersion must be a version this client received (0 or more)',
          'sinceVersion',
        );
      }
      const target = await followable(context, String(args.customerId));
      // A merged profile's id follows to its survivor, whose versions are its own: the client starts over.
      const from = target.customerId === String(args.customerId).toLowerCase() ? since : null;
      return streamLoyaltyState(context.bus, () => context.em, target.tenantId, target.customerId, from);
    },
    description:
      'The whole state after every change. With sinceVersion: first each version after it (MISSED; the CURRENT state instead when they are older than the outbox keeps), then LIVE ones, in order, each once. Without: the CURRENT state, then LIVE ones. Staff, or the customer themself.',
  })
  loyaltyStateChanged(
    @Arg('customerId', () => ID, { description: 'The member to follow.' }) _customerId: string,
    @Arg('sinceVersion', () => Int, {
      nullable: true,
      description: 'The last version the client has; versions after it come first.',
    })
    _sinceVersion: number | undefined,
    @Root() state: LoyaltyState,
  ): LoyaltyState {
    return state;
  }
}
