import DataLoader from 'dataloader';

import type { Reads } from '../shared/db/read-batch';
import { type HealthRow, healthRows } from './health.store';

/** Per-request: a customer's stored health and churn risk, one query per batch of customers. */
export function createHealthLoaders(reads: Reads) {
  return {
    /** Keys are `tenantId:customerId`; null for a customer not scored (yet, or opted out of profiling). */
    healthByCustomer: new DataLoader<string, HealthRow | null>(async (keys) => {
      const tenantId = keys[0].split(':')[0];
      const rows = await healthRows(
        reads,
        tenantId,
        keys.map((key) => key.split(':')[1]),
      );
      const byId = new Map(rows.map((row) => [row.customer_id, row]));
      return keys.map((key) => byId.get(key.split(':')[1]) ?? null);
    }),
  };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createHealthLoaders> {}
}
