import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import type { Reads } from '../shared/db/read-batch';
import { pgArray } from '../shared/db/sql';
import { bind } from '../shared/db/sql';
import { Benefit } from './benefit.entity';
import { ProgramSettings } from './program-settings.entity';
import { Tier } from './tier.entity';
import { STATUS_SQL } from './tier.sql';

/**
 * A member's tier row and the activity totals that progress and downgrade risk are read from; timestamps are
 * strings as the request's batched reads give them, Dates in a transaction's own reads.
 */
export interface TierStatusRow {
  customer_id: string;
  tier_id: string | null;
  since: string | Date | null;
  period_end: string | Date | null;
  granted_tier_id: string | null;
  granted_since: string | Date | null;
  granted_until: string | Date | null;
  spend_cy: number;
  spend_r12: number;
  points_cy: number;
  points_r12: number;
  visits_cy: number;
  visits_r12: number;
  spend_keep: number;
  points_keep: number;
  visits_keep: number;
}

/** Per-request, per-tenant program data: the tier ladder and benefits are read once per request. */
export function createProgramLoaders(em: EntityManager, reads: Reads) {
  return {
    /** Keyed by tenant id; the tenant filter scopes the query anyway. */
    tiersByTenant: new DataLoader<string, Tier[]>(async (tenantIds) =>
      Promise.all(tenantIds.map((tenantId) => em.find(Tier, { tenant: tenantId }, { orderBy: { rank: 'asc' } }))),
    ),
    benefitsByTenant: new DataLoader<string, Benefit[]>(async (tenantIds) =>
      Promise.all(
        tenantIds.map((tenantId) => em.find(Benefit, { tenant: tenantId, active: true }, { orderBy: { code: 'asc' } })),
      ),
    ),
    settingsByTenant: new DataLoader<string, ProgramSettings | null>(async (tenantIds) =>
      Promise.all(tenantIds.map((tenantId) => em.findOne(ProgramSettings, { tenant: tenantId }))),
    ),
    /** Keys are `tenantId:customerId`, so one batch query serves a list of customers. */
    tierStatusByCustomer: new DataLoader<string, TierStatusRow>(async (keys) => {
      const tenantId = keys[0].split(':')[0];
      const customerIds = keys.map((key) => key.split(':')[1]);
      const rows = await reads.rows<TierStatusRow>(
        ...bind(STATUS_SQL, { tenantId, customerIds: pgArray(customerIds) }),
      );
      const byId = new Map(rows.map((row) => [row.customer_id, row]));
      return customerIds.map((id) => byId.get(id)!);
    }),
  };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createProgramLoaders> {}
}
