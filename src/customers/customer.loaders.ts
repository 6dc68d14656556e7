import DataLoader from 'dataloader';

import type { Reads } from '../shared/db/read-batch';
import { TENANT_FILTER } from '../shared/db/tenant-filter';
import type { CustomerKind, CustomerRecord } from './customer.entity';
import type { IdentifierKind } from './identifier.logic';
import type { Identifier } from './identifier.types';

/** A customer row as the batched reads give it (JSON: timestamps as ISO strings). */
interface CustomerRow {
  key_id: string;
  id: string;
  created_at: string;
  kind: CustomerKind;
  email: string | null;
  phone: string | null;
  display_name: string | null;
  external_id: string | null;
  imported_tier: string | null;
  created_by_import_id: string | null;
  anonymous: boolean;
  segments: string[];
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  business_account_id: string | null;
  merged_into_id: string | null;
  version: number;
  updated_at: string;
  companion?: unknown;
}

// Nulls stay null, as the ORM's hydration left them.
function toCustomer(row: CustomerRow): CustomerRecord {
  return {
    id: row.id,
    createdAt: new Date(row.created_at),
    kind: row.kind,
    email: row.email as string | undefined,
    phone: row.phone as string | undefined,
    displayName: row.display_name as string | undefined,
    externalId: row.external_id as string | undefined,
    importedTier: row.imported_tier as string | undefined,
    createdByImportId: row.created_by_import_id as string | undefined,
    anonymous: row.anonymous,
    segments: row.segments,
    addressLine: row.address_line,
    postalCode: row.postal_code,
    city: row.city,
    businessAccountId: row.business_account_id,
    mergedIntoId: row.merged_into_id,
    version: row.version,
    updatedAt: new Date(row.updated_at),
  };
}

/**
 * Customers by id, as plain rows (nothing to hydrate, no EntityManager): a service that changes a customer
 * locks and loads the row itself. The id of a profile merged into another answers with the survivor (merges
 * keep chains flat, so one join at most), so every domain acting on an old id acts on the merged customer.
 * One read per batch, scoped by the request's tenant (none: it fails closed, as the ORM's filter does), and
 * going to PostgreSQL with the other reads of the same turn.
 */
function customerByIdLoader(reads: Reads, tenantId: string | undefined, companion?: CompanionRead) {
  return new DataLoader<string, CustomerRecord | null>(async (ids) => {
    if (!tenantId) throw new Error(`No arguments provided for filter '${TENANT_FILTER}'`);
    const rows = await reads.rows<CustomerRow>(
      `select k.id as key_id, c.id, c.created_at, c.kind, c.email, c.phone, c.display_name, c.external_id,
              c.imported_tier, c.created_by_import_id, c.anonymous, c.segments, c.address_line, c.postal_code, c.city,
              c.business_account_id, c.merged_into_id, c.version, c.updated_at${companion ? `, ${companion.row} as companion` : ''}
         from customer as k
         join customer as c on c.id = coalesce(k.merged_into_id, k.id) and c.tenant_id = k.tenant_id
         ${companion?.join ?? ''}
        where k.tenant_id = ? and k.id in (?)`,
      [tenantId, [...ids]],
    );
    const byId = new Map<string, CustomerRecord>();
    for (const row of rows) {
      companion?.onRow(row.id, row.companion);
      byId.set(row.key_id, toCustomer(row));
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
  /** One expression, e.g. `to_jsonb(b)` (given to `onRow` as JSON gives it). */
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

export function createCustomerLoaders(reads: Reads, tenantId: string | undefined, companion?: CompanionRead) {
  return {
    customerById: customerByIdLoader(reads, tenantId, companion),
    /** Keys are ids of customers already loaded through the tenant filter. */
    identifiersByCustomer: identifiersByCustomerLoader(reads),
  };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createCustomerLoaders> {}
}
