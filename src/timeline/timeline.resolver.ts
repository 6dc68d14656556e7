import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Customer } from '../customers/customer.entity';
import { requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { decodeCursor, pageSize, toConnection } from '../shared/graphql/connection';
import { Access } from '../tenancy/roles';
import { TimelineConnection, TimelineFilter } from './timeline.types';

@Resolver(() => Customer)
export class CustomerTimelineResolver {
  @Authorized(Access.searchCustomers)
  @FieldResolver(() => TimelineConnection, { description: 'Everything that happened to the customer, newest first, from every channel and system. Staff only.' })
  async timeline(
    @Root() customer: Customer,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => TimelineFilter, { nullable: true }) filter?: TimelineFilter,
  ): Promise<TimelineConnection> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const rows = await ctx.loaders
      .timelinePage({
        tenantId: requireTenant(ctx), limit: limit + 1, after: cursor ?? undefined,
        kinds: filter?.kinds, channels: filter?.channels, since: filter?.since, until: filter?.until,
      })
      .load(customer.id);
    return toConnection(rows, limit, (event) => ({ at: event.occurredAt, id: event.id }));
  }
}
