import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PubSub } from 'type-graphql';

import type { EventStream } from '../shared/context';
import { settleWithin } from '../shared/timeout';

/** Logical topics; the channel on the wire is `<prefix>:<topic>:<routing key>`. */
export enum Topic {
  CUSTOMER_UPDATED = 'CUSTOMER_UPDATED',
  PROGRAM_TERMS_PUBLISHED = 'PROGRAM_TERMS_PUBLISHED',
  LOYALTY_STATE_CHANGED = 'LOYALTY_STATE_CHANGED',
  TIMELINE_EVENT_ADDED = 'TIMELINE_EVENT_ADDED',
  PROGRAM_CHANGED = 'PROGRAM_CHANGED',
  /** A revoked API key: every instance closes its sockets (routing key EVERY_INSTANCE). */
  API_KEY_REVOKED = 'API_KEY_REVOKED',
  /** A tenant's program configuration moved to a new version: every instance drops its cached copy (EVERY_INSTANCE). */
  PROGRAM_CONFIG_CHANGED = 'PROGRAM_CONFIG_CHANGED',
  /** A support case assigned to a team (versioned stream per team, routed to tenant:team). */
  CASE_ASSIGNED = 'CASE_ASSIGNED',
  /** A support case escalated to a team (versioned stream per team, routed to tenant:team). */
  CASE_ESCALATED = 'CASE_ESCALATED',
  /** A customer crossed into high churn risk (versioned stream per tenant, routed to the tenant). */
  CHURN_RISK_RAISED = 'CHURN_RISK_RAISED',
  /** A playbook alerts a team on the agent desktop (versioned stream per team, routed to tenant:team). */
  TEAM_ALERT = 'TEAM_ALERT',
}

/** Topics whose events carry a version a subscriber resumes from (see versioned-stream.ts). */
export const VERSIONED_TOPICS: readonly Topic[] = [
  Topic.LOYALTY_STATE_CHANGED,
  Topic.CASE_ASSIGNED,
  Topic.CASE_ESCALATED,
  Topic.CHURN_RISK_RAISED,
  Topic.TEAM_ALERT,
];

/** Arguments of versioned subscription fields that only choose where catch-up starts (see fanout.ts). */
export const CATCH_UP_ARGUMENTS: readonly string[] = ['sinceVersion'];

/** Routing key of events that every instance acts on, whoever it serves. */
export const EVERY_INSTANCE = 'every-instance';

/** Payload of API_KEY_REVOKED. */
export interface ApiKeyRevokedEvent {
  readonly keyId: string;
}

/** Payload of PROGRAM_CONFIG_CHANGED (written by the trigger program_config_touch). */
export interface ProgramConfigChangedEvent {
  readonly tenantId: string;
  readonly version: number;
}

/** A subscriber that fell this far behind is cut off, so it never holds memory or delays anyone else. */
export class SubscriberTooSlow extends Error {
  constructor(limit: number) {
    super(
      `The subscriber fell more than ${limit} events behind and was disconnected; subscribe again (with sinceVersion to catch up)`,
    );
  }
}

export interface RealtimeBus {
  /** The channel name for a topic, namespaced so deployments and test runs can share one Redis. */
  channel(topic: Topic): string;
  /** One stream of the events of one routing key, or of several (in arrival order). */
  subscribe<T>(topic: Topic, routingKey: string | string[], limit?: number): HubStream<T>;
  /** One message (see publishAll): resolves once Redis took it (or at once in process); rejects when Redis is unreachable. */
  publish(topic: Topic, routingKey: string, payload: unknown): Promise<void>;
  /** Messages already in JSON, in this order and in one Redis pipeline; resolves once Redis took every one. */
  publishAll(messages: readonly { topic: Topic; routingKey: string; json: string }[]): Promise<void>;
  /** The publishing connection; null when events stay in process. */
  readonly redis: Redis | null;
  /** For type-graphql, which wants one; every subscription here brings its own `subscribe`. */
  readonly pubSub: PubSub;
  /** Subscriptions cut off for falling behind, since start. */
  readonly droppedSubscribers: () => number;
  /** A plain listener on a wire channel (see `channel`), for fan-out groups; returns its removal. */
  listen(wireChannel: string, listener: (payload: unknown) => void): () => void;
  /** Listeners on the hub's channels (one per stream or group), for leak checks. */
  listenerCount(wireChannel?: string): number;
  close(): Promise<void>;
}

type Listener = (payload: unknown) => void;

/**
 * A subscriber's stream as the Hub makes it. While its reader waits on an empty queue it may be parked: its
 * listener leaves the channel and a fan-out group (src/realtime/fanout.ts) delivers in its place, until it
 * hands back an event (`unpark`), cuts the subscriber off (`cut`), or the stream ends (then `leave` runs).
 */
export interface HubStream<T> extends EventStream<T> {
  readonly channels: readonly string[];
  /** Called each time the reader starts waiting on an empty queue. */
  onIdle: (() => void) | null;
  /** Parks the stream; false when it is not idle (or already parked, or ended). */
  park(leave: () => void): boolean;
  /** Back on its channel; `payload`, when given, is delivered to the waiting reader as if it had just arrived. */
  unpark(payload?: unknown): void;
  /** Ends the stream for falling behind, as a full queue would (counted in droppedSubscribers). */
  cut(): void;
}

/**
 * Fans each wire channel out to the local subscribers: one Redis SUBSCRIBE per channel however many
 * subscribers share it; each subscriber gets its own bounded queue, so a slow one is cut off rather
 * than slowing the others or growing without limit.
 */
class Hub {
  private readonly listeners = new Map<string, { set: Set<Listener>; ready: Promise<void>; name: string }>();
  dropped = 0;

  constructor(
    private readonly subscriber: Redis | null,
    private readonly log: Logger,
  ) {
    subscriber?.on('message', (channel: string, message: string) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        this.log.warn({ channel }, 'ignored a message that is not JSON');
        return;
      }
      this.dispatch(channel, payload);
    });
  }

  /** Sends a payload to local subscribers of every channel whose name starts with `prefix` (no Redis). */
  dispatchLocal(prefix: string, payload: unknown): void {
    for (const channel of this.listeners.keys()) if (channel.startsWith(prefix)) this.dispatch(channel, payload);
  }

  listening(channel: string): boolean {
    return this.listeners.has(channel);
  }

  dispatch(channel: string, payload: unknown): void {
    const entry = this.listeners.get(channel);
    if (!entry) return;
    for (const listener of [...entry.set]) listener(payload);
  }

  stream<T>(channels: string[], limit: number): HubStream<T> {
    const queue: T[] = [];
    let waiting: ((result: IteratorResult<T>) => void) | null = null;
    let failWaiting: ((error: Error) => void) | null = null;
    let failure: Error | null = null;
    let finished = false;
    /** Set while the fan-out delivers for this stream (its listener is then off the channels). */
    let parkedUntilStop: (() => void) | null = null;
    const listener: Listener = (payload) => {
      if (finished) return;
      if (waiting) {
        const wake = waiting;
        waiting = failWaiting = null;
        wake({ value: payload as T, done: false });
        return;
      }
      if (queue.length >= limit) {
        cut();
        return;
      }
      queue.push(payload as T);
    };
    const cut = () => {
      this.dropped += 1;
      failure = new SubscriberTooSlow(limit);
      queue.length = 0;
      stop();
    };
    const ready = Promise.all(channels.map((channel) => this.add(channel, listener))).then(() => undefined);
    // The channel's one copy of its name, not a copy per subscriber.
    channels = channels.map((channel) => this.listeners.get(channel)?.name ?? channel);
    const stop = () => {
      if (finished) return;
      finished = true;
      if (parkedUntilStop) {
        const leave = parkedUntilStop;
        parkedUntilStop = null;
        leave();
      } else for (const channel of channels) this.remove(channel, listener);
      if (waiting) {
        const wake = waiting;
        const fail = failWaiting;
        waiting = failWaiting = null;
        if (failure && fail) fail(failure);
        else wake({ value: undefined, done: true });
      }
    };
    const iterator: HubStream<T> = {
      ready,
      channels,
      onIdle: null,
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
        if (failure) {
          const error = failure;
          failure = null;
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        if (finished) return Promise.resolve({ value: undefined, done: true });
        const pending = new Promise<IteratorResult<T>>((resolve, reject) => {
          waiting = resolve;
          failWaiting = reject;
        });
        iterator.onIdle?.();
        return pending;
      },
      park: (leave) => {
        if (finished || parkedUntilStop || !waiting) return false;
        // The caller's listener is on the channels already, so taking this one off never unsubscribes Redis.
        for (const channel of channels) this.remove(channel, listener);
        parkedUntilStop = leave;
        return true;
      },
      unpark: (payload) => {
        if (!parkedUntilStop || finished) return;
        parkedUntilStop = null;
        for (const channel of channels) void this.add(channel, listener);
        if (payload !== undefined) listener(payload);
      },
      cut: () => {
        if (!finished) cut();
      },
      return: () => {
        stop();
        queue.length = 0;
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: (error?: unknown) => {
        stop();
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return iterator;
  }

  /** A plain listener on one channel (a fan-out group's); returns its removal. */
  listen(channel: string, listener: Listener): () => void {
    void this.add(channel, listener);
    return () => this.remove(channel, listener);
  }

  /** Listeners on `channel` now (for tests: a fan-out group counts once, whatever its members). */
  listenerCount(channel?: string): number {
    if (channel !== undefined) return this.listeners.get(channel)?.set.size ?? 0;
    let count = 0;
    for (const entry of this.listeners.values()) count += entry.set.size;
    return count;
  }

  private add(channel: string, listener: Listener): Promise<void> {
    let entry = this.listeners.get(channel);
    if (!entry) {
      const ready = this.subscriber ? this.subscriber.subscribe(channel).then(() => undefined) : Promise.resolve();
      ready.catch((error: unknown) =>
        this.log.warn({ err: error, channel }, 'redis SUBSCRIBE failed; it is retried on reconnect'),
      );
      entry = { set: new Set(), ready, name: channel };
      this.listeners.set(channel, entry);
    }
    entry.set.add(listener);
    return entry.ready;
  }

  private remove(channel: string, listener: Listener): void {
    const entry = this.listeners.get(channel);
    if (!entry) return;
    entry.set.delete(listener);
    if (entry.set.size > 0) return;
    this.listeners.delete(channel);
    this.subscriber?.unsubscribe(channel).catch(() => undefined);
  }
}

/**
 * With a Redis URL every instance publishes to and listens on Redis, so a change made through one
 * gateway reaches subscribers of all of them; without one, events stay in this process.
 */
export function createRealtimeBus(
  redisUrl: string | undefined,
  prefix: string,
  log: Logger,
  defaultLimit = 1000,
): RealtimeBus {
  const channel = (topic: Topic) => `${prefix}:${topic}`;
  const wire = (topic: Topic, routingKey: string) => `${channel(topic)}:${routingKey}`;
  // Publishing fails fast while Redis is away (no offline queue), so the outbox relay keeps the rows and
  // sends them when it is back, instead of a queue that a crash would lose.
  const publishClient = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
  // A connection in subscriber mode may only send subscriber commands, so no ready check (INFO).
  const subscribeClient = redisUrl
    ? new Redis(redisUrl, { enableReadyCheck: false, maxRetriesPerRequest: null })
    : null;
  for (const [name, client] of [
    ['publish', publishClient],
    ['subscribe', subscribeClient],
  ] as const) {
    client?.on('error', (error: Error) => log.warn({ err: error, client: name }, 'redis connection error'));
  }
  let connectedBefore = false;
  const hub = new Hub(subscribeClient, log);
  subscribeClient?.on('ready', () => {
    // ioredis subscribes to every channel again on reconnect. Versioned streams then look in the outbox
    // for versions published while this instance was not listening.
    if (connectedBefore)
      for (const topic of VERSIONED_TOPICS) hub.dispatchLocal(`${channel(topic)}:`, { resync: true });
    connectedBefore = true;
  });

  async function publishAll(messages: readonly { topic: Topic; routingKey: string; json: string }[]): Promise<void> {
    if (!publishClient) {
      // Parsed per message, so local subscribers get what Redis would give them (plain JSON, nobody's copy).
      for (const { topic, routingKey, json } of messages) {
        const name = wire(topic, routingKey);
        if (hub.listening(name)) hub.dispatch(name, JSON.parse(json));
      }
      return;
    }
    const pipeline = publishClient.pipeline();
    for (const { topic, routingKey, json } of messages) pipeline.publish(wire(topic, routingKey), json);
    const replies = (await pipeline.exec()) ?? [];
    const failed = replies.find(([error]) => error);
    if (failed || replies.length !== messages.length) throw failed?.[0] ?? new Error('redis pipeline did not answer');
  }

  return {
    channel,
    redis: publishClient,
    subscribe: <T>(topic: Topic, routingKey: string | string[], limit = defaultLimit) =>
      hub.stream<T>(
        (Array.isArray(routingKey) ? routingKey : [routingKey]).map((key) => wire(topic, key)),
        limit,
      ),
    publish: (topic, routingKey, payload) => publishAll([{ topic, routingKey, json: JSON.stringify(payload) }]),
    publishAll,
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('subscriptions bring their own subscribe function');
      },
    },
    droppedSubscribers: () => hub.dropped,
    listen: (wireChannel, listener) => hub.listen(wireChannel, listener),
    listenerCount: (wireChannel) => hub.listenerCount(wireChannel),
    async close() {
      // QUIT waits for Redis to answer; a client that is not connected is just dropped.
      await Promise.all(
        [publishClient, subscribeClient].map((client) =>
          !client
            ? Promise.resolve()
            : client.status === 'ready'
              ? settleWithin(
                  client.quit().then(() => undefined),
                  2000,
                  undefined,
                )
              : Promise.resolve(client.disconnect()),
        ),
      );
    },
  };
}
