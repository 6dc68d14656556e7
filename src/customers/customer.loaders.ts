import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import type { Reads } from '../shared/db/read-batch';
import { TENANT_FILTER, type TenantFilterParams } from '../shared/db/tenant-filter';
import { Customer } from './customer.entity';
import type { IdentifierKind } from './identifier.logic';
import type { Identifier } from './identifier.types';

/**
 * Customers by id; the id of a profile merged into another answers with the survivor (merges keep chains
 * flat, so one join at most), so every domain acting on an old id acts on the merged customer. One statement
 * per batch, scoped by the request's tenant like the ORM's filter (none bound: it fails closed, as the filter
 * does); rows join the request's identity map as `em.find` would, without rebuilding the query each time.
 */
function customerByIdLoader(em: EntityManager, companion?: CompanionRead) {
  return new DataLoader<string, Customer | null>(async (ids) => {
    const params = em.getFilterParams<TenantFilterParams>(TENANT_FILTER);
    if (!params?.tenantId) throw new Error(`No arguments provided for filter '${TENANT_FILTER}'`);
    const rows = await em.execute<({ key_id: string; companion?: unknown } & Record<string, unknown>)[]>(
      `select k."id" as key_id, c.*${companion ? `, ${companion.row} as companion` : ''} from "customer" as k
         join "customer" as c on c."id" = coalesce(k."merged_into_id", k."id") and c."tenant_id" = k."tenant_id"
         ${companion?.join ?? ''}
        where k."tenant_id" = ? and k."id" in (?)`,
      [params.tenantId, [...ids]],
    );
    const meta = em.getMetadata().get(Customer);
    const byId = new Map<string, Customer>();
    for (const { key_id: keyId, companion: companionRow, ...row } of rows) {
      companion?.onRow(row.id as string, companionRow);
      // As `em.find` does: an entity this request already holds is returned as it is (unflushed changes kept).
      const data = em.getDriver().mapResult(row, meta)!;
      byId.set(keyId, em.merge(Customer, data, { refresh: false, convertCustomTypes: true }));
    }
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Another domain's row read in the same statement as each customer (`c`): the composition root passes the
 * ledger's balance, so `customer { balance }` costs one round trip.
 */
export interface CompanionRead {
  /** Joined onto the statement, e.g. `left join <table> as b on b.customer_id = c.id`. */
  join: string;
  /** One expression, e.g. `to_jsonb(b)`. */
  row: string;
  onRow(customerId: string, row: unknown): void;
}

interface IdentifierRow {
  customer_id: string;
  kind: IdentifierKind;
  value: string;
  source: string | null;
  created_at: string;
}

/** A customer's identifiers, oldest first, one query per batch of customers. */
function identifiersByCustomerLoader(reads: Reads) {
  return new DataLoader<string, Identifier[]>(async (customerIds) => {
    const rows = await reads.rows<IdentifierRow>(
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

export function createCustomerLoaders(em: EntityManager, reads: Reads, companion?: CompanionRead) {
  return {
    customerById: customerByIdLoader(em, companion),
    /** Keys are ids of customers already loaded through the tenant filter. */
    identifiersByCustomer: identifiersByCustomerLoader(reads),
  };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createCustomerLoaders> {}
}
