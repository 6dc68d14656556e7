import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { Customer } from './customer.entity';
import type { IdentifierKind } from './identifier.logic';
import type { Identifier } from './identifier.types';

/**
 * Customers by id; the id of a profile merged into another answers with the survivor (merges keep chains
 * flat, so one more lookup at most), so every domain acting on an old id acts on the merged customer.
 */
function customerByIdLoader(em: EntityManager) {
  return new DataLoader<string, Customer | null>(async (ids) => {
    const rows = await em.find(Customer, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const survivorIds = [...new Set(rows.flatMap((row) => (row.mergedIntoId ? [row.mergedIntoId] : [])))];
    if (survivorIds.length > 0) {
      for (const survivor of await em.find(Customer, { id: { $in: survivorIds } })) byId.set(survivor.id, survivor);
    }
    return ids.map((id) => {
      const row = byId.get(id);
      return row?.mergedIntoId ? (byId.get(row.mergedIntoId) ?? null) : (row ?? null);
    });
  });
}

interface IdentifierRow {
  customer_id: string;
  kind: IdentifierKind;
  value: string;
  source: string | null;
  created_at: Date;
}

/** A customer's identifiers, oldest first, one query per batch of customers. */
function identifiersByCustomerLoader(em: EntityManager) {
  return new DataLoader<string, Identifier[]>(async (customerIds) => {
    const rows = await em.execute<IdentifierRow[]>(
      `select customer_id, kind, value, source, created_at from customer_identifier where customer_id in (?) order by created_at, kind`,
      [[...customerIds]],
    );
    const byCustomer = new Map<string, Identifier[]>();
    for (const row of rows) {
      const list = byCustomer.get(row.customer_id) ?? [];
      list.push({
        kind: row.kind,
        value: row.value,
        source: row.source ?? undefined,
        createdAt: new Date(row.created_at),
      });
      byCustomer.set(row.customer_id, list);
    }
    return customerIds.map((id) => byCustomer.get(id) ?? []);
  });
}

export function createCustomerLoaders(em: EntityManager) {
  return {
    customerById: customerByIdLoader(em),
    /** Keys are ids of customers already loaded through the tenant filter. */
    identifiersByCustomer: identifiersByCustomerLoader(em),
  };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createCustomerLoaders> {}
}
