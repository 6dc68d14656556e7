import type { EntityManager } from '@mikro-orm/postgresql';

import type { Context } from '../context';
import { defineErrors, PublicErrorCode } from '../errors';
import { type Caller, callerLabel } from './caller';
import { StaffRole } from './roles';

/**
 * How many points one role may grant (earn, or adjust upwards) per call and per day; null is no limit.
 * The day's count is per credential (each agent's or till's own key), in the tenant's time zone.
 */
export interface GrantLimit {
  readonly maxPointsPerCall: number | null;
  readonly maxPointsPerDay: number | null;
}

const UNLIMITED: GrantLimit = { maxPointsPerCall: null, maxPointsPerDay: null };

/**
 * What applies until the tenant sets its own (`setRoleLimit`). Agents give goodwill within a few thousand
 * points; a till's points come from purchases (the rules decide those, not the till), so it grants none
 * directly; supervisors handle escalations. The back office and integrations (partners, migrations) are
 * not limited by default.
 */
export const DEFAULT_GRANT_LIMITS: Readonly<Record<StaffRole, GrantLimit>> = {
  [StaffRole.OWNER]: UNLIMITED,
  [StaffRole.ADMIN]: UNLIMITED,
  [StaffRole.ANALYST]: { maxPointsPerCall: 0, maxPointsPerDay: 0 },
  [StaffRole.SUPERVISOR]: { maxPointsPerCall: 50_000, maxPointsPerDay: 250_000 },
  [StaffRole.AGENT]: { maxPointsPerCall: 5_000, maxPointsPerDay: 50_000 },
  [StaffRole.POS]: { maxPointsPerCall: 0, maxPointsPerDay: 0 },
  [StaffRole.SERVICE]: UNLIMITED,
  /** An auditor reads; it never grants. */
  [StaffRole.AUDITOR]: { maxPointsPerCall: 0, maxPointsPerDay: 0 },
};

/** The OWNER is never limited: someone must be able to correct any balance. */
export const LIMITABLE_ROLES: readonly StaffRole[] = Object.values(StaffRole).filter(
  (role) => role !== StaffRole.OWNER,
);

export enum LimitErrorCode {
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
}

export const limitError = defineErrors<LimitErrorCode>({
  LIMIT_EXCEEDED: PublicErrorCode.FORBIDDEN,
});

/** The limit a tenant set for a role (its newest), or the default; also when and by whom it was set. */
export async function roleGrantLimit(
  em: EntityManager,
  tenantId: string,
  role: StaffRole,
): Promise<GrantLimit & { id: string | null; actor: string | null; createdAt: Date | null }> {
  const [row] = await em.execute<
    {
      id: string;
      max_points_per_call: string | null;
      max_points_per_day: string | null;
      actor: string;
      created_at: Date;
    }[]
  >(
    `select id, max_points_per_call, max_points_per_day, actor, created_at from role_limit
      where tenant_id = ? and role = ? order by created_at desc, id desc limit 1`,
    [tenantId, role],
  );
  if (!row) return { ...DEFAULT_GRANT_LIMITS[role], id: null, actor: null, createdAt: null };
  return {
    id: row.id,
    maxPointsPerCall: row.max_points_per_call === null ? null : Number(row.max_points_per_call),
    maxPointsPerDay: row.max_points_per_day === null ? null : Number(row.max_points_per_day),
    actor: row.actor,
    createdAt: new Date(row.created_at),
  };
}

/** A grant checked against the caller's per-call limit, still to be counted against its day (`chargeGrant`). */
export interface CheckedGrant {
  readonly tenantId: string;
  readonly principal: string;
  readonly role: StaffRole;
  readonly points: number;
  readonly maxPointsPerDay: number;
  readonly field: string;
}

function exceeded(role: StaffRole, message: string, field: string) {
  return limitError(LimitErrorCode.LIMIT_EXCEEDED, `${role} keys may grant ${message}`, field);
}

/**
 * Before any work: refuses a grant of `points` over the caller's per-call limit (FORBIDDEN, LIMIT_EXCEEDED,
 * naming `field`). Returns what `chargeGrant` must count against the day when the role has a daily limit,
 * null when it has none (or the caller is not an API key: customers and the platform grant nothing here).
 */
export async function checkGrant(
  ctx: Context,
  caller: Caller,
  points: number,
  field: string,
): Promise<CheckedGrant | null> {
  if (caller.kind !== 'apiKey' || caller.role === StaffRole.OWNER) return null;
  const limit = await roleGrantLimit(ctx.em, caller.tenantId, caller.role);
  if (limit.maxPointsPerCall !== null && points > limit.maxPointsPerCall) {
    throw exceeded(caller.role, `at most ${limit.maxPointsPerCall} points per call`, field);
  }
  if (limit.maxPointsPerDay === null) return null;
  return {
    tenantId: caller.tenantId,
    principal: callerLabel(caller),
    role: caller.role,
    points,
    maxPointsPerDay: limit.maxPointsPerDay,
    field,
  };
}

/**
 * Counts a grant against its credential's day, in the grant's own transaction, after the booking (so a
 * replay, which books nothing, counts nothing). One upsert on the key's day row: concurrent grants of one
 * key queue on that row, and one that would pass the cap changes nothing and throws LIMIT_EXCEEDED, which
 * rolls its booking back. Together they can never pass the cap.
 */
export async function chargeGrant(tx: EntityManager, grant: CheckedGrant): Promise<void> {
  const charged = await tx.execute<{ points: string }[]>(
    `insert into points_grant_day as d (tenant_id, principal, day, points)
     select t.id, ?, (now() at time zone t.timezone)::date, ? from tenant t where t.id = ? and ? <= ?
     on conflict (tenant_id, principal, day) do update set points = d.points + excluded.points
       where d.points + excluded.points <= ?
     returning points`,
    [grant.principal, grant.points, grant.tenantId, grant.points, grant.maxPointsPerDay, grant.maxPointsPerDay],
  );
  if (charged.length > 0) return;
  const [today] = await tx.execute<{ points: string }[]>(
    `select d.points from points_grant_day d join tenant t on t.id = d.tenant_id
      where d.tenant_id = ? and d.principal = ? and d.day = (now() at time zone t.timezone)::date`,
    [grant.tenantId, grant.principal],
  );
  throw exceeded(
    grant.role,
    `at most ${grant.maxPointsPerDay} points per day; this key granted ${Number(today?.points ?? 0)} today`,
    grant.field,
  );
}
