import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { Customer } from '../customers/customer.entity';
import { requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import { decodeCursor, pageSize, toConnection } from '../shared/graphql/connection';
import { isUuid } from '../shared/validation';
import { ChannelSwitchService } from './channel-switch.service';
import { TimelineService } from './timeline.service';
import {
  ChannelSwitch,
  ChannelSwitchCount,
  RecordInteractionInput,
  TimelineConnection,
  TimelineEventView,
  TimelineFilter,
} from './timeline.types';

@Resolver(() => Customer)
export class CustomerTimelineResolver {
  @Authorized(Access.searchCustomers)
  @FieldResolver(() => TimelineConnection, {
    description: 'Everything that happened to the customer, newest first, from every channel and system. Staff only.',
  })
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
        tenantId: requireTenant(ctx),
        limit: limit + 1,
        after: cursor ?? undefined,
        kinds: filter?.kinds,
        channels: filter?.channels,
        since: filter?.since,
        until: filter?.until,
      })
      .load(customer.id);
    return toConnection(rows, limit, (event) => ({ at: event.occurredAt, id: event.id }));
  }
}

@Resolver()
export class TimelineResolver {
  constructor(
    private readonly switches: ChannelSwitchService,
    private readonly timeline: TimelineService,
  ) {}

  @Authorized(Access.searchCustomers)
  @Query(() => [ChannelSwitch], {
    description:
      'Newest first: each time the customer moved to another channel within `withinHours` of the previous event.',
  })
  async channelSwitches(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('withinHours', () => Int, { defaultValue: 24 }) withinHours: number,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<ChannelSwitch[]> {
    const customer = isUuid(customerId) ? await ctx.loaders.customerById.load(customerId) : null;
    if (!customer) throw inputError(InputErrorCode.NOT_FOUND, `No customer ${customerId}`, 'customerId');
    return this.switches.forCustomer(ctx, customer.id, withinHours, pageSize(first));
  }

  @Authorized(Access.searchCustomers)
  @Query(() => [ChannelSwitchCount], {
    description: 'Switches across the tenant since a date, by pair of channels: a friction signal to watch.',
  })
  channelSwitchSummary(
    @Arg('since') since: Date,
    @Arg('withinHours', () => Int, { defaultValue: 24 }) withinHours: number,
    @Ctx() ctx: Context,
  ): Promise<ChannelSwitchCount[]> {
    return this.switches.summary(ctx, withinHours, since);
  }

  @Authorized(Access.writeCustomers)
  @Mutation(() => TimelineEventView, {
    description:
      'Records a call, chat, visit, note or case on the timeline, as /ingest does for other systems. A retry with the same key returns the first event.',
  })
  recordInteraction(@Arg('input') input: RecordInteractionInput, @Ctx() ctx: Context): Promise<TimelineEventView> {
    return this.timeline.recordInteraction(ctx, input);
  }
}
