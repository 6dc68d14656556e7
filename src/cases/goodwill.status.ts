import type { EntityManager } from '@mikro-orm/postgresql';

import type { StaffRole } from '../shared/auth/roles';
import { caseError, CaseErrorCode } from './case.errors';
import { statusDaysLimit } from './support.store';

/*
 * Goodwill status: what tier a customer holds now, the rule that a grant never lowers or shortens it, and how far
 * a role may lift it without approval.
 */

interface RankedTier {
  id: string;
  code: string;
  rank: number;
}

/** What a customer holds now: the tenant's tiers by rank, the qualified tier and the live granted status. */
export interface HeldStatus {
  tiers: RankedTier[];
  qualified: RankedTier;
  /** When the qualified tier is next evaluated; null: it does not lapse. */
  qualifiedUntil: Date | null;
  granted: { tier: RankedTier; until: Date } | null;
  /** The higher of the two: the tier the customer holds now. */
  current: RankedTier;
}

/** The customer's status, its row locked so the check and the booking see the same status. */
export async function heldStatus(tx: EntityManager, tenantId: string, customerId: string): Promise<HeldStatus> {
  const tiers = await tx.execute<RankedTier[]>(`select id, code, rank from tier where tenant_id = ? order by rank`, [
    tenantId,
  ]);
  const [row] = await tx.execute<
    { tier_id: string; period_end: Date | null; granted_tier_id: string | null; granted_until: Date | null }[]
  >(`select tier_id, period_end, granted_tier_id, granted_until from customer_tier where customer_id = ? for update`, [
    customerId,
  ]);
  const byId = (id: string | null | undefined) => tiers.find((tier) => tier.id === id);
  const qualified = byId(row?.tier_id) ?? tiers[0];
  const grantedTier = row?.granted_until && new Date(row.granted_until) > new Date() ? byId(row.granted_tier_id) : null;
  const granted = grantedTier ? { tier: grantedTier, until: new Date(row.granted_until!) } : null;
  return {
    tiers,
    qualified,
    qualifiedUntil: row?.period_end ? new Date(row.period_end) : null,
    granted,
    current: granted && granted.tier.rank > qualified.rank ? granted.tier : qualified,
  };
}

/**
 * Refuses status that would not improve on what the customer holds: that tier or higher until at least
 * `until` already, or replacing a live granted status (the customer has one slot for it) with a lower tier
 * or an earlier end. The same tier with a later end extends it.
 */
export function assertImproves(
  held: HeldStatus,
  tierId: string,
  until: Date,
  fields: { tier: string; until: string },
): void {
  const wanted = held.tiers.find((tier) => tier.id === tierId)!;
  const day = (at: Date) => at.toISOString().slice(0, 10);
  const refuse = (field: string, message: string) => {
    throw caseError(CaseErrorCode.GOODWILL_STATUS_HELD, message, field);
  };
  if (held.qualified.rank >= wanted.rank && (!held.qualifiedUntil || held.qualifiedUntil >= until))
    refuse(fields.tier, `The customer holds ${held.qualified.code} already, at least until then`);
  const granted = held.granted;
  if (!granted) return;
  if (granted.tier.rank > wanted.rank)
    refuse(fields.tier, `The customer holds ${granted.tier.code} status until ${day(granted.until)}, above this tier`);
  if (granted.tier.rank === wanted.rank && granted.until >= until)
    refuse(fields.until, `The customer holds ${granted.tier.code} status until ${day(granted.until)} already`);
  if (granted.tier.rank < wanted.rank && granted.until > until)
    refuse(
      fields.until,
      `This would cut short ${granted.tier.code} status held until ${day(granted.until)}; ask until then at least`,
    );
}

const DAY_MS = 86_400_000;
const daysUntil = (until: Date, now: Date) => Math.ceil((until.getTime() - now.getTime()) / DAY_MS);

/**
 * A status grant never lowers or shortens what the customer holds (GOODWILL_STATUS_HELD, refused even for
 * approval). Within the role's bound it lifts them at most one tier above the tier they hold now, for at
 * most the role's days; more waits for a supervisor. Unbound roles (the back office) are not held to either.
 */
export async function statusWithin(
  tx: EntityManager,
  tenantId: string,
  customerId: string,
  role: StaffRole,
  tierId: string,
  until: Date,
): Promise<boolean> {
  const held = await heldStatus(tx, tenantId, customerId);
  assertImproves(held, tierId, until, { tier: 'input.tierId', until: 'input.until' });
  const max = await statusDaysLimit(tx, tenantId, role);
  if (max === null) return true;
  const position = (id: string) => held.tiers.findIndex((tier) => tier.id === id);
  return daysUntil(until, new Date()) <= max && position(tierId) <= position(held.current.id) + 1;
}

export async function daysWithin(tx: EntityManager, tenantId: string, role: StaffRole, until: Date): Promise<boolean> {
  const max = await statusDaysLimit(tx, tenantId, role);
  return max === null || daysUntil(until, new Date()) <= max;
}
