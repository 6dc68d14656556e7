import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { RoleLimitService } from './role-limit.service';
import { RoleLimit, SetRoleLimitInput, SetRoleLimitResult } from './role-limit.types';

@Resolver()
export class RoleLimitResolver {
  constructor(private readonly limits: RoleLimitService) {}

  @Authorized(Access.manageRoleLimits)
  @Query(() => [RoleLimit], {
    description: "The points limits of every role but OWNER: the tenant's own, or the defaults. OWNER or ADMIN.",
  })
  roleLimits(@Ctx() ctx: Context): Promise<RoleLimit[]> {
    return this.limits.list(ctx);
  }

  @Authorized(Access.manageRoleLimits)
  @Mutation(() => SetRoleLimitResult, {
    description:
      'Sets how many points keys of a role may grant per call and per day; above them earnPoints and adjustPoints are FORBIDDEN (LIMIT_EXCEEDED). OWNER or ADMIN.',
  })
  setRoleLimit(
    @Arg('input', { description: 'The role and its limits.' }) input: SetRoleLimitInput,
    @Ctx() ctx: Context,
  ): Promise<SetRoleLimitResult> {
    return this.limits.set(ctx, input);
  }
}
