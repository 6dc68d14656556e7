import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import type { RealtimeBus } from '../realtime/pubsub';
import type { Caller } from './auth/caller';
import { TENANT_FILTER, type TenantFilterParams } from './db/tenant-filter';
import { createLoaders, type Loaders } from './loaders';

/** Per-request (or per-subscription-operation) state. Nothing here outlives the operation. */
export interface Context {
  readonly requestId: string;
  readonly caller: Caller | null;
  /** Undefined for the platform operator and anonymous callers: tenant-owned queries then fail closed. */
  readonly tenantId: string | undefined;
  /** A fork of the ORM's EntityManager with the tenant filter bound to this caller's tenant. */
  readonly em: EntityManager;
  readonly loaders: Loaders;
  readonly log: Logger;
  /** The event bus, for subscriptions to attach to; writes go through the outbox, never here. */
  readonly bus: RealtimeBus;
}

export function createContext(
  deps: { orm: MikroORM; bus: RealtimeBus },
  caller: Caller | null,
  requestId: string,
  log: Logger,
): Context {
  const { orm, bus } = deps;
  const em = orm.em.fork();
  const tenantId = caller && caller.kind !== 'platform' ? caller.tenantId : undefined;
  if (tenantId) em.setFilterParams(TENANT_FILTER, { tenantId } satisfies TenantFilterParams);
  return { requestId, caller, tenantId, em, loaders: createLoaders(em), log, bus };
}
