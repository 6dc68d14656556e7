import type { EntityManager } from '@mikro-orm/postgresql';

import type { Topic } from '../realtime/pubsub';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Records an event in the caller's unit of work. It becomes visible to the relay only when that
 * transaction commits, and a trigger wakes the relays of every instance at that moment.
 */
export function recordEvent(
  em: EntityManager,
  event: { tenantId: string; topic: Topic; routingKey: string; payload: Record<string, unknown> },
): void {
  em.persist(em.create(OutboxEvent, event));
}
