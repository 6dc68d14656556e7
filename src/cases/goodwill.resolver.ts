import { Arg, Authorized, Ctx, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { ConnectionType, PAGE_AFTER, PAGE_FIRST } from '../shared/graphql/connection';
import type { GoodwillService } from './goodwill.service';
import { GoodwillGrant, GrantGoodwillInput } from './goodwill.types';

@ObjectType({ description: 'A page of goodwill grants.' })
export class GoodwillGrantConnection extends ConnectionType('GoodwillGrant', GoodwillGrant) {}

const KEY = {
  description: 'A retry with the same key returns the first result; the same key with other input is a CONFLICT.',
} as const;

@Resolver()
export class GoodwillResolver {
  constructor(private readonly goodwill: GoodwillService) {}

  @Authorized(Access.workCases)
  @Mutation(() => GoodwillGrant, {
    description:
      "Goodwill from a case: booked at once within the caller's role limit (points: setRoleLimit; status: supportSettings.goodwillStatusLimits and one tier above the tier held), otherwise PENDING_APPROVAL for a supervisor. Status the customer holds already is a CONFLICT. Support staff.",
  })
  grantGoodwill(
    @Arg('input', { description: 'The case and what to give.' }) input: GrantGoodwillInput,
    @Ctx() ctx: Context,
  ): Promise<GoodwillGrant> {
    return this.goodwill.grant(ctx, input);
  }

  @Authorized(Access.approveGoodwill)
  @Mutation(() => GoodwillGrant, {
    description:
      "Approves a pending grant and books it, once. Never by whoever asked for it; within the approver's own role limit. OWNER, ADMIN or SUPERVISOR.",
  })
  approveGoodwill(
    @Arg('grantId', () => ID, { description: 'The pending grant.' }) grantId: string,
    @Arg('idempotencyKey', KEY) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<GoodwillGrant> {
    return this.goodwill.decide(ctx, 'APPROVE', { grantId, idempotencyKey });
  }

  @Authorized(Access.approveGoodwill)
  @Mutation(() => GoodwillGrant, {
    description:
      'Rejects a pending grant; nothing is booked. Never by whoever asked for it. OWNER, ADMIN or SUPERVISOR.',
  })
  rejectGoodwill(
    @Arg('grantId', () => ID, { description: 'The pending grant.' }) grantId: string,
    @Arg('reason', { description: 'Why, up to 500 characters; on the timeline.' }) reason: string,
    @Arg('idempotencyKey', KEY) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<GoodwillGrant> {
    return this.goodwill.decide(ctx, 'REJECT', { grantId, idempotencyKey, reason });
  }

  @Authorized(Access.approveGoodwill)
  @Query(() => GoodwillGrantConnection, {
    description: 'Grants waiting for approval, oldest first. OWNER, ADMIN or SUPERVISOR.',
  })
  pendingGoodwill(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, PAGE_FIRST) first?: number,
    @Arg('after', () => String, PAGE_AFTER)
    after?: string,
  ): Promise<GoodwillGrantConnection> {
    return this.goodwill.pending(ctx, first, after);
  }
}
