import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { RateLimitService } from './rate-limit.service';
import { RoleRateLimit, SetRateLimitsInput } from './rate-limit.types';

@Resolver()
export class RateLimitResolver {
  constructor(private readonly service: RateLimitService) {}

  @Authorized(Access.readRateLimits)
  @Query(() => [RoleRateLimit], {
    description: "The tenant's rate limit for each role: its own where it set one, else the gateway's. OWNER or ADMIN.",
  })
  rateLimits(@Ctx() ctx: Context): Promise<RoleRateLimit[]> {
    return this.service.limits(ctx);
  }

  @Authorized(Access.manageRateLimits)
  @Mutation(() => [RoleRateLimit], {
    description:
      "Sets (or, with null, resets to the default) the rate limit of some roles; every instance applies it within 5 seconds. Answers every role's limit. OWNER only.",
  })
  setRateLimits(
    @Arg('input', { description: 'The roles to change and the idempotency key.' }) input: SetRateLimitsInput,
    @Ctx() ctx: Context,
  ): Promise<RoleRateLimit[]> {
    return this.service.setLimits(ctx, input);
  }
}
