import type { EntityManager } from '@mikro-orm/postgresql';

import { formatVoucherCode } from '../rewards/voucher-code';
import type { SubscriptionBus } from '../shared/context';
import { ReadBatch, type Reads } from '../shared/db/read-batch';
import { type LoyaltyState, type StatePayload, StateSource } from './loyalty-state.types';
import { Topic } from './pubsub';
import { consecutive, followVersions } from './versioned-stream';

export function loyaltyRoutingKey(tenantId: string, customerId: string): string {
  return `${tenantId}:${customerId}`;
}

/** Live events reach every local subscriber as one object; mapping it once lets them share one execution too. */
const liveStates = new WeakMap<StatePayload, LoyaltyState>();

function liveState(payload: StatePayload): LoyaltyState {
  let state = liveStates.get(payload);
  if (!state) liveStates.set(payload, (state = toLoyaltyState(payload, StateSource.LIVE)));
  return state;
}

export function toLoyaltyState(payload: StatePayload, source: StateSource): LoyaltyState {
  const date = (value: string | null | undefined) => (value ? new Date(value) : null);
  return {
    customerId: payload.customerId,
    version: Number(payload.version),
    changedAt: date(payload.changedAt),
    balance: { available: Number(payload.balance.available), pending: Number(payload.balance.pending) },
    tier: payload.tier ? { ...payload.tier, expiresAt: date(payload.tier.expiresAt) } : null,
    benefits: payload.benefits,
    // Grouped as everywhere else in the API (XXXX-XXXX-XXXX), so every channel shows the same code.
    activeVouchers: payload.activeVouchers.map((voucher) => ({
      ...voucher,
      code: formatVoucherCode(voucher.code),
      expiresAt: new Date(voucher.expiresAt),
    })),
    source,
  };
}

/*
 * One versioned loyalty state per customer. Versions and their states are written by the database at
 * commit (trigger `loyalty_state_touch`) into the outbox, which doubles as the catch-up history. Plain
 * functions: they hold nothing, and a subscription (which has no resolver instance) takes the bus from
 * its context.
 */

interface StateRow {
  version: number;
  changed_at: string | null;
  state: Omit<StatePayload, 'customerId' | 'version'>;
}

/** The state now, with its version, read in one statement so the two agree. */
export async function currentLoyaltyState(reads: Reads, tenantId: string, customerId: string): Promise<StatePayload> {
  const [row] = await reads.rows<StateRow>(
    `select coalesce(s.version, 0)::int as version, s.changed_at, loyalty_snapshot(c.id) as state
         from customer c
         left join lateral (select v.version, (select max(o.created_at) from outbox_event o where o.customer_id = c.id and o.version = v.version) as changed_at
                              from loyalty_state_version v where v.customer_id = c.id) s on true
        where c.id = ? and c.tenant_id = ?`,
    [customerId, tenantId],
  );
  if (!row) throw new Error(`customer ${customerId} vanished`);
  return {
    ...row.state,
    customerId,
    version: row.version,
    changedAt: row.changed_at ? new Date(row.changed_at).toISOString() : null,
  };
}

/**
 * Versions after `after` (up to `upTo`) from the outbox, in order; null when the first of them is no longer
 * kept (older than the retention window), so the caller sends the current state instead.
 */
export async function missedLoyaltyStates(
  em: EntityManager,
  customerId: string,
  after: number,
  upTo?: number,
): Promise<StatePayload[] | null> {
  const rows = await em.execute<{ version: number; payload: StatePayload }[]>(
    `select version::int as version, payload from outbox_event
        where customer_id = ? and topic = 'LOYALTY_STATE_CHANGED' and version > ? and (?::bigint is null or version <= ?::bigint)
        order by version`,
    [customerId, after, upTo ?? null, upTo ?? null],
  );
  // Every version from after + 1 on, none missing (a pruned one in the middle counts as too old too).
  return consecutive(rows, after, upTo)?.map((row) => ({ ...row.payload, version: row.version })) ?? null;
}

/**
 * The subscription: what was missed since `sinceVersion` (or the current state when none is given, or
 * when the gap is older than the outbox keeps), then live versions, each exactly once and in order.
 * `em` is asked for each read, so a long-lived subscription holds no fork between them.
 */
export function streamLoyaltyState(
  bus: SubscriptionBus,
  em: () => EntityManager,
  tenantId: string,
  customerId: string,
  sinceVersion: number | null,
): AsyncIterableIterator<LoyaltyState> {
  return followVersions(
    {
      live: bus.subscribe<StatePayload>(Topic.LOYALTY_STATE_CHANGED, loyaltyRoutingKey(tenantId, customerId)),
      current: async () => {
        const state = await currentLoyaltyState(new ReadBatch(em()), tenantId, customerId);
        return { version: state.version, items: [toLoyaltyState(state, StateSource.CURRENT)] };
      },
      missed: async (after, upTo) =>
        (await missedLoyaltyStates(em(), customerId, after, upTo))?.map((state) => ({
          version: state.version,
          item: toLoyaltyState(state, StateSource.MISSED),
        })) ?? null,
      fromLive: liveState,
    },
    sinceVersion,
  );
}
