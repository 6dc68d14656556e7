import DataLoader from 'dataloader';

import type { Channel } from '../shared/channel';
import type { Reads } from '../shared/db/read-batch';
import { pgArray } from '../shared/db/sql';
import { bind } from '../shared/db/sql';
import type { BenefitKind, BenefitRecord, ChannelText } from './benefit.entity';
import type { TierMetric, TierRecord, TierWindow } from './tier.entity';
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

interface TierRow {
  id: string;
  created_at: string;
  code: string;
  name: string;
  rank: number;
  metric: TierMetric;
  threshold: number;
  window: TierWindow;
  grace_days: number;
}

interface BenefitRow {
  id: string;
  created_at: string;
  code: string;
  tier_id: string;
  kind: BenefitKind;
  value: number;
  title: string;
  channels: Channel[];
  texts: ChannelText[];
  active: boolean;
}

/**
 * Per-request, per-tenant program data as plain rows: the tier ladder and benefits are read once per request,
 * with the other reads of the same turn (a tier status asks for the tiers and its row together).
 */
export function createProgramLoaders(reads: Reads) {
  return {
    /** Keyed by tenant id. */
    tiersByTenant: new DataLoader<string, TierRecord[]>(async (tenantIds) =>
      Promise.all(
        tenantIds.map(async (tenantId) =>
          (
            await reads.rows<TierRow>(
              `select id, created_at, code, name, rank, metric, threshold, "window", grace_days
                 from tier where tenant_id = ? order by rank`,
              [tenantId],
            )
          ).map((row) => ({
            id: row.id,
            createdAt: new Date(row.created_at),
            code: row.code,
            name: row.name,
            rank: row.rank,
            metric: row.metric,
            threshold: Number(row.threshold),
            window: row.window,
            graceDays: row.grace_days,
          })),
        ),
      ),
    ),
    /** The active ones, by code; keyed by tenant id. */
    benefitsByTenant: new DataLoader<string, BenefitRecord[]>(async (tenantIds) =>
      Promise.all(
        tenantIds.map(async (tenantId) =>
          (
            await reads.rows<BenefitRow>(
              `select id, created_at, code, tier_id, kind, value, title, channels, texts, active
                 from benefit where tenant_id = ? and active order by code`,
              [tenantId],
            )
          ).map((row) => ({
            id: row.id,
            createdAt: new Date(row.created_at),
            code: row.code,
            tierId: row.tier_id,
            kind: row.kind,
            value: row.value,
            title: row.title,
            channels: row.channels,
            texts: row.texts,
            active: row.active,
          })),
        ),
      ),
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
