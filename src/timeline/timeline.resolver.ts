import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { Customer, type CustomerRecord } from '../customers/customer.entity';
import { requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import { decodeCursor, PAGE_AFTER, PAGE_FIRST, pageSize, toConnection } from '../shared/graphql/connection';
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
    @Root() customer: CustomerRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, PAGE_FIRST) first?: number,
    @Arg('after', () => String, PAGE_AFTER)
    after?: string,
    @Arg('filter', () => TimelineFilter, {
      nullable: true,
      description: 'Only the events that match every condition given.',
    })
    filter?: TimelineFilter,
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
    return toConnection(rows, limit, (event) => ({ at: event.occurredAt, id: event.id }), cursor);
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
      'Newest first: each time the customer moved to another channel within `withinHours` of the previous event. Any staff key.',
  })
  async channelSwitches(
    @Arg('customerId', () => ID, { description: 'The customer.' }) customerId: string,
    @Arg('withinHours', () => Int, {
      defaultValue: 24,
      description: 'The longest gap between two events that still counts as a switch, 1 to 2160 hours.',
    })
    withinHours: number,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'How many switches at most, 1 to 100; default 20.' })
    first?: number,
  ): Promise<ChannelSwitch[]> {
    const customer = isUuid(customerId) ? await ctx.loaders.customerById.load(customerId) : null;
    if (!customer) throw inputError(InputErrorCode.NOT_FOUND, `No customer ${customerId}`, 'customerId');
    return this.switches.forCustomer(ctx, customer.id, withinHours, pageSize(first));
  }

  @Authorized(Access.searchCustomers)
  @Query(() => [ChannelSwitchCount], {
    description:
      'Switches across the tenant since a date, by pair of channels: a friction signal to watch. Any staff key.',
  })
  channelSwitchSummary(
    @Arg('since', { description: 'Counts events from then on.' }) since: Date,
    @Arg('withinHours', () => Int, {
      defaultValue: 24,
      description: 'The longest gap between two events that still counts as a switch, 1 to 2160 hours.',
    })
    withinHours: number,
    @Ctx() ctx: Context,
  ): Promise<ChannelSwitchCount[]> {
    return this.switches.summary(ctx, withinHours, since);
  }

  @Authorized(Access.writeCustomers)
  @Mutation(() => TimelineEventView, {
    description:
      'Records a call, chat, visit, note or case on the timeline, as /ingest does for other systems. A retry with the same key by the same caller returns the first event; keys are per caller. Staff other than ANALYST.',
  })
  recordInteraction(
    @Arg('input', { description: 'The customer and what happened.' }) input: RecordInteractionInput,
    @Ctx() ctx: Context,
  ): Promise<TimelineEventView> {
    return this.timeline.recordInteraction(ctx, input);
  }
}
