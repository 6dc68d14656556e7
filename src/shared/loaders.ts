import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { Customer } from '../customers/customer.entity';
import { createLedgerLoaders } from '../ledger/ledger.loaders';
import { createProgramLoaders } from '../program/program.loaders';
import { Store } from '../stores/store.entity';

/** Loads rows by id in one `where id in (...)` per tick, one value per key in key order. */
export function entityByIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityName<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function createLoaders(em: EntityManager) {
  return {
    customerById: entityByIdLoader(em, Customer),
    storeById: entityByIdLoader(em, Store),
    ...createLedgerLoaders(em),
    ...createProgramLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
