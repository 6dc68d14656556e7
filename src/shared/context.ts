import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import type { Caller } from './auth/caller';
import type { Reads } from './db/read-batch';
import { TENANT_FILTER, type TenantFilterParams } from './db/tenant-filter';

/** Events of one topic for one subscriber, in arrival order, through a bounded buffer. */
export interface EventStream<T> extends AsyncIterableIterator<T> {
  /** Resolves once the subscription is live (Redis acknowledged SUBSCRIBE): anything published later arrives. */
  readonly ready: Promise<void>;
}

/** What subscriptions attach to; realtime/pubsub implements it. Writes go through the outbox, never here. */
export interface SubscriptionBus {
  /** One stream of the events of one routing key, or of several (in arrival order). */
  subscribe<T>(topic: string, routingKey: string | string[]): EventStream<T>;
}

/**
 * The per-request DataLoaders. Each domain adds its own to this interface from its `*.loaders.ts`
 * (declaration merging) and src/loaders.ts builds them all, so shared/ names no domain.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the domains
export interface Loaders {}

/** Per-request (or per-subscription-operation) state. Nothing here outlives the operation. */
export interface Context {
  readonly requestId: string;
  readonly caller: Caller | null;
  /** Undefined for the platform operator and anonymous callers: tenant-owned queries then fail closed. */
  readonly tenantId: string | undefined;
  /** A fork of the ORM's EntityManager with the tenant filter bound to this caller's tenant. */
  readonly em: EntityManager;
  readonly loaders: Loaders;
  /** Plain reads (the instance's read batch): those asked for in one turn of the event loop go as one statement. */
  readonly reads: Reads;
  readonly log: Logger;
  /** The event bus, for subscriptions to attach to; writes go through the outbox, never here. */
  readonly bus: SubscriptionBus;
}

/** What a request's loaders read through: the batched plain reads, or (made on first call) an EntityManager fork. */
export interface LoaderSources {
  readonly reads: Reads;
  /** The request's fork, made on the first call: a loader that reads plain rows never calls it. */
  readonly em: () => EntityManager;
  /** Undefined for callers of no tenant: tenant-scoped loaders then fail closed. */
  readonly tenantId: string | undefined;
}

export interface ContextDeps {
  readonly orm: MikroORM;
  readonly bus: SubscriptionBus;
  /** The instance's batched plain reads (a `ReadBatch` over the ORM's driver): shared, they hold nothing per request. */
  readonly reads: Reads;
  readonly createLoaders: (sources: LoaderSources) => Loaders;
}

/**
 * The context of one operation. The EntityManager fork, the loaders and the child logger are made on first use:
 * an operation that reads no table (`__typename`, a refused request) pays for none of them, and one that reads
 * only through the batched plain reads forks no EntityManager. They are getters of
 * the context's prototype, not own properties, because Apollo copies the context's own properties into a new
 * object for each operation (which would call every getter). Either way the fork has the caller's tenant bound
 * before anything can use it.
 */
export function createContext(
  deps: ContextDeps,
  caller: Caller | null,
  requestId: string,
  log: Logger,
  logBindings?: Record<string, string>,
): Context {
  const { orm, bus } = deps;
  const tenantId = caller && caller.kind !== 'platform' ? caller.tenantId : undefined;
  let em: EntityManager | undefined;
  let loaders: Loaders | undefined;
  let child: Logger | undefined;
  const fork = (): EntityManager => {
    if (!em) {
      em = orm.em.fork();
      if (tenantId) em.setFilterParams(TENANT_FILTER, { tenantId } satisfies TenantFilterParams);
    }
    return em;
  };
  const lazy = {
    get em() {
      return fork();
    },
    get loaders() {
      return (loaders ??= deps.createLoaders({ reads: deps.reads, em: fork, tenantId }));
    },
    get log() {
      return (child ??= logBindings ? log.child(logBindings) : log);
    },
  };
  const context = Object.assign(Object.create(lazy) as typeof lazy, {
    requestId,
    caller,
    tenantId,
    bus,
    reads: deps.reads,
  });
  // Keyed by the prototype: Apollo hands resolvers a copy of the context, which keeps it.
  states.set(lazy, {
    loaders: () => loaders,
    release: () => {
      em = undefined;
      loaders = undefined;
    },
  });
  return context;
}

/** What only this module reaches of a context: whether its loaders exist yet, and how to drop its state. */
const states = new WeakMap<object, { loaders: () => Loaders | undefined; release: () => void }>();

/**
 * The context's loaders if something has made them, else undefined: forgetting what a request loaded must not
 * build every domain's loaders for a request that loaded nothing.
 */
export function madeLoaders(context: Context): Loaders | undefined {
  return states.get(Object.getPrototypeOf(context) as object)?.loaders();
}

/**
 * Forgets the context's EntityManager fork and loaders (made again on next use): a subscription that
 * lives for hours keeps none of them, nor what they loaded, between the moments it reads.
 */
export function releaseRequestState(context: unknown): void {
  if (typeof context === 'object' && context !== null) states.get(Object.getPrototypeOf(context) as object)?.release();
}
