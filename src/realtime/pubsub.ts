import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { settleWithin } from '../shared/timeout';

/** Logical topics; the channel on the wire is `<prefix>:<topic>:<routing key>`. */
export enum Topic {
  CUSTOMER_UPDATED = 'CUSTOMER_UPDATED',
  PROGRAM_TERMS_PUBLISHED = 'PROGRAM_TERMS_PUBLISHED',
}

export type EventPubSub = ReturnType<typeof createPubSub<Record<string, [string, unknown]>>>;

export interface RealtimeBus {
  readonly pubSub: EventPubSub;
  /** The channel name for a topic, namespaced so deployments and test runs can share one Redis. */
  channel(topic: Topic): string;
  /** Null when events stay in process. */
  readonly redis: Redis | null;
  close(): Promise<void>;
}

/**
 * With a Redis URL every instance publishes to and listens on Redis, so a change made through one
 * gateway reaches subscribers of all of them; without one, events stay in this process.
 */
export function createRealtimeBus(redisUrl: string | undefined, prefix: string, log: Logger): RealtimeBus {
  const channel = (topic: Topic) => `${prefix}:${topic}`;
  if (!redisUrl) {
    return { pubSub: createPubSub(), channel, redis: null, close: async () => undefined };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  // A connection in subscriber mode may only send subscriber commands, so no ready check (INFO).
  const subscribeClient = new Redis(redisUrl, { enableReadyCheck: false, maxRetriesPerRequest: null });
  for (const [name, client] of [['publish', publishClient], ['subscribe', subscribeClient]] as const) {
    client.on('error', (error: Error) => log.warn({ err: error, client: name }, 'redis connection error'));
  }
  const pubSub = createPubSub<Record<string, [string, unknown]>>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  return {
    pubSub,
    channel,
    redis: publishClient,
    async close() {
      // QUIT waits for Redis to answer; a client that is not connected is just dropped.
      await Promise.all(
        [publishClient, subscribeClient].map((client) =>
          client.status === 'ready' ? settleWithin(client.quit().then(() => undefined), 2000, undefined) : client.disconnect(),
        ),
      );
    },
  };
}
