import { Arg, ID, Resolver, Root, type SubscribeResolverData, Subscription } from 'type-graphql';

import { customerOrNotFound } from '../customers/customer.lookup';
import { assertRole, requireCaller, requireTenant } from '../shared/auth/guards';
import { Access, StaffRole } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { accessError, AccessErrorCode, inputError, InputErrorCode } from '../shared/errors';
import { isUuid } from '../shared/validation';
import { TimelineEventView } from '../timeline/timeline.types';
import { appliesToStore } from './program-change.logic';
import { Topic } from './pubsub';
import { ProgramChange, type ProgramChangePayload } from './realtime.types';
import { mapStream } from './streams';

interface TimelinePayload extends Omit<TimelineEventView, 'occurredAt'> {
  occurredAt: string;
}

@Resolver()
export class RealtimeResolver {
  @Subscription(() => TimelineEventView, {
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { customerId: string }, Context>) => {
      // The timeline is for staff (agent desktops), as its query is.
      assertRole(context, Access.searchCustomers);
      const tenantId = requireTenant(context);
      const id = String(args.customerId);
      const customer = await customerOrNotFound(context, id, 'customerId');
      const stream = context.bus.subscribe<TimelinePayload>(Topic.TIMELINE_EVENT_ADDED, `${tenantId}:${customer.id}`);
      return mapStream(stream, (event) => ({ ...event, occurredAt: new Date(event.occurredAt) }));
    },
    description:
      "Each event added to the customer's timeline (and to profiles merged into it), as it is committed. Staff only.",
  })
  timelineEventAdded(
    @Arg('customerId', () => ID, { description: 'The customer to follow.' }) _customerId: string,
    @Root() event: TimelineEventView,
  ): TimelineEventView {
    return event;
  }

  @Subscription(() => ProgramChange, {
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { storeId: string }, Context>) => {
      assertRole(context, Access.readStores);
      const tenantId = requireTenant(context);
      const caller = requireCaller(context);
      const storeId = String(args.storeId);
      if (caller.kind === 'apiKey' && caller.role === StaffRole.POS && caller.storeId !== storeId) {
        throw accessError(AccessErrorCode.ROLE_FORBIDDEN, "A POS key follows its own store's program only");
      }
      const store = isUuid(storeId) ? await context.loaders.storeById.load(storeId) : null;
      if (!store) throw inputError(InputErrorCode.NOT_FOUND, `No store ${storeId}`, 'storeId');
      const stream = context.bus.subscribe<ProgramChangePayload>(Topic.PROGRAM_CHANGED, tenantId);
      return mapStream(stream, (change) =>
        appliesToStore(change, store)
          ? {
              kind: change.kind,
              id: change.id,
              code: change.code ?? undefined,
              operation: change.operation,
              changedAt: new Date(change.changedAt),
            }
          : undefined,
      );
    },
    description:
      'Tiers, benefits, rewards or promotions that apply at this store changed: the till fetches them again. A POS key follows its own store only. Any staff key.',
  })
  benefitsChanged(
    @Arg('storeId', () => ID, { description: "The till's store." }) _storeId: string,
    @Root() change: ProgramChange,
  ): ProgramChange {
    return change;
  }
}
