import type { EntityManager } from '@mikro-orm/postgresql';

import type { EventStream, SubscriptionBus } from '../shared/context';
import { StateSource } from './loyalty-state.types';
import type { Topic } from './pubsub';
import { endingSourceFirst } from './streams';

/**
 * What a client is sent after the versions it has, given what arrived: `next` in order, or nothing while
 * `incoming` is one it already has. A version beyond the next one means some went missing on the way
 * (two relays racing, a Redis reconnect): those are read back from the outbox first.
 */
export function planDelivery(last: number, incoming: number): 'skip' | 'deliver' | 'fill-gap' {
  if (incoming <= last) return 'skip';
  return incoming === last + 1 ? 'deliver' : 'fill-gap';
}

/**
 * Rows read back for versions after `after` (up to `upTo`), or null when one of them is no longer kept
 * (older than the outbox's retention, or never this stream's): the caller then sends the current state.
 */
export function consecutive<R extends { version: number }>(rows: R[], after: number, upTo?: number): R[] | null {
  if (rows.some((row, index) => row.version !== after + 1 + index)) return null;
  if (upTo !== undefined && rows.length !== upTo - after) return null;
  return rows;
}

/** A live event as published: its version, or `resync` after a Redis reconnect (versions may have been missed). */
export interface VersionedEvent {
  version?: number | string;
  resync?: true;
}

/** Where one versioned stream's history and present come from. */
export interface VersionedSource<E extends VersionedEvent, T> {
  /** Opened before anything is read, so nothing committed in between is lost. */
  readonly live: EventStream<E>;
  /** The version now, and what a client that has nothing (or too old a version) starts from. */
  current(): Promise<{ version: number; items: T[] }>;
  /** Versions after `after` (up to `upTo`) in order, each with its version; null when not all are kept. */
  missed(after: number, upTo?: number): Promise<{ version: number; item: T }[] | null>;
  /** A live event as the subscriber receives it. */
  fromLive(event: E): T;
}

/**
 * A versioned subscription as the fan-out sees it: its live stream, the last version its client has (the
 * fan-out moves it on as it delivers), and the mapping of a live event to what the subscriber receives.
 */
export interface Follower<E extends VersionedEvent = VersionedEvent, T = unknown> {
  readonly live: EventStream<E>;
  last: number;
  fromLive(event: E): T;
}

const followers = new WeakMap<object, Follower>();

/** The follower behind an iterator `followVersions` returned; undefined for any other stream. */
export function followerOf(iterator: object): Follower | undefined {
  return followers.get(iterator);
}

/**
 * Follows a versioned stream: what was missed since `sinceVersion` (or the current state when none is
 * given, or when the gap is older than the outbox keeps), then live versions, each exactly once and in
 * order. The one catch-up every versioned subscription uses (loyalty state, team queues, churn alerts).
 */
export function followVersions<E extends VersionedEvent, T>(
  source: VersionedSource<E, T>,
  sinceVersion: number | null,
): AsyncIterableIterator<T> {
  const { live } = source;
  let last = 0;
  async function* run(): AsyncGenerator<T> {
    await live.ready;
    const sendCurrent = async function* () {
      const now = await source.current();
      last = now.version;
      yield* now.items;
    };
    const replay = async function* (after: number, upTo?: number) {
      const gap = await source.missed(after, upTo);
      if (gap === null) {
        yield* sendCurrent();
        return;
      }
      for (const { version, item } of gap) {
        last = version;
        yield item;
      }
    };
    if (sinceVersion === null) {
      yield* sendCurrent();
    } else {
      const now = await source.current();
      // A version this stream never had (another profile's, before a merge) starts over too.
      if (sinceVersion > now.version) {
        last = now.version;
        yield* now.items;
      } else if (sinceVersion === now.version) {
        last = sinceVersion;
      } else {
        last = sinceVersion;
        yield* replay(sinceVersion, now.version);
      }
    }
    for await (const event of live) {
      const incoming = event.resync ? Number.MAX_SAFE_INTEGER : Number(event.version);
      const plan = planDelivery(last, incoming);
      if (plan === 'skip') continue;
      if (plan === 'fill-gap') {
        yield* replay(last, event.resync ? undefined : incoming - 1);
        if (event.resync || incoming <= last) continue;
      }
      last = incoming;
      yield source.fromLive(event);
    }
  }
  // Ending the live stream first lets a generator waiting on it finish, so an unsubscribe never leaks a listener.
  const iterator = endingSourceFirst(run(), live);
  followers.set(iterator, {
    live,
    get last() {
      return last;
    },
    set last(version: number) {
      last = version;
    },
    fromLive: (event: VersionedEvent) => source.fromLive(event as E),
  });
  return iterator;
}

/** An event for a versioned stream: the stream's next version is taken when it is recorded. */
export interface StreamEvent {
  tenantId: string;
  topic: Topic;
  stream: string;
  routingKey: string;
  payload: Record<string, unknown>;
}

/**
 * Records an event on a versioned stream in the caller's transaction: the stream's next version (1, 2, 3...
 * with no gaps) is taken under the stream's row lock, so versions commit in order, and the outbox row is the
 * catch-up history. The payload is published with its `version`. Returns that version.
 */
export async function recordStreamEvent(em: EntityManager, event: StreamEvent): Promise<number> {
  const [version] = await recordStreamEvents(em, [event]);
  return version;
}

/**
 * Records many events in one statement (a set-based job's): each stream moves by the number of its events,
 * under its row lock (streams taken in name order), and they get its next versions in the order given.
 * Returns each event's version, in the order given.
 */
export async function recordStreamEvents(em: EntityManager, events: StreamEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await em.execute<{ version: number }[]>(
    `with e as (
       select * from jsonb_to_recordset(?::jsonb)
         as e(ord int, tenant_id uuid, topic text, stream text, routing_key text, payload jsonb)),
     n as (select stream, (array_agg(tenant_id))[1] as tenant_id, count(*)::bigint as n from e group by stream),
     v as (
       insert into event_stream as s (stream, tenant_id, version) select stream, tenant_id, n from n order by stream
       on conflict (stream) do update set version = s.version + excluded.version
       returning stream, version),
     numbered as (
       select e.*, v.version - n.n + row_number() over (partition by e.stream order by e.ord) as version
         from e join n using (stream) join v using (stream)),
     written as (
       insert into outbox_event (tenant_id, topic, routing_key, payload, created_at, stream, version)
       select tenant_id, topic, routing_key, payload || jsonb_build_object('version', version), now(), stream, version
         from numbered)
     select version::int as version from numbered order by ord`,
    [
      JSON.stringify(
        events.map((event, ord) => ({
          ord,
          tenant_id: event.tenantId,
          topic: event.topic,
          stream: event.stream,
          routing_key: event.routingKey,
          payload: event.payload,
        })),
      ),
    ],
  );
  return rows.map((row) => row.version);
}

/**
 * A subscription to a stream of events recorded with `recordStreamEvent`: with `sinceVersion`, the events
 * after it first (MISSED), then LIVE ones; without, `current()` (what the client starts from, often nothing)
 * and then LIVE ones. `toItem` builds what the subscriber receives from a payload and how it arrived.
 */
export function followStreamEvents<P extends Record<string, unknown>, T>(options: {
  bus: SubscriptionBus;
  /** Asked for each read, so a long-lived subscription holds no fork between them. */
  em: () => EntityManager;
  topic: Topic;
  stream: string;
  routingKey: string;
  sinceVersion: number | null;
  toItem: (payload: P & { version: number }, source: StateSource) => T;
  current?: (version: number) => Promise<T[]>;
}): AsyncIterableIterator<T> {
  const { em, stream, toItem } = options;
  const live = options.bus.subscribe<P & { version: number; resync?: true }>(options.topic, options.routingKey);
  return followVersions(
    {
      live,
      current: async () => {
        const [row] = await em().execute<{ version: number }[]>(
          `select version::int as version from event_stream where stream = ?`,
          [stream],
        );
        const version = row?.version ?? 0;
        return { version, items: options.current ? await options.current(version) : [] };
      },
      missed: async (after, upTo) => {
        const rows = await em().execute<{ version: number; payload: P }[]>(
          `select version::int as version, payload from outbox_event
            where stream = ? and version > ? and (?::bigint is null or version <= ?::bigint) order by version`,
          [stream, after, upTo ?? null, upTo ?? null],
        );
        return (
          consecutive(rows, after, upTo)?.map((row) => ({
            version: row.version,
            item: toItem({ ...row.payload, version: row.version }, StateSource.MISSED),
          })) ?? null
        );
      },
      fromLive: (event) => toItem({ ...event, version: Number(event.version) }, StateSource.LIVE),
    },
    options.sinceVersion,
  );
}
