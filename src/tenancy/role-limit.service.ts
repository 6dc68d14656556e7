import { callerLabel } from '../shared/auth/caller';
import { requireCaller, requireTenant } from '../shared/auth/guards';
import { LIMITABLE_ROLES, roleGrantLimit } from '../shared/auth/limits';
import type { StaffRole } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  principalOf,
  requestHash,
} from '../shared/idempotency';
import type { RoleLimit, SetRoleLimitInput, SetRoleLimitResult } from './role-limit.types';
import { tenancyError, TenancyErrorCode } from './tenancy.errors';

const MAX_LIMIT = 1_000_000_000;

interface RoleLimitRow {
  role: StaffRole;
  max_points_per_call: string | null;
  max_points_per_day: string | null;
  actor: string;
  created_at: Date;
}

function limitValue(value: number | null | undefined, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_LIMIT)
    throw tenancyError(TenancyErrorCode.LIMIT_INVALID, `${field} must be a whole number from 0 to ${MAX_LIMIT}`, field);
  return value;
}

function view(row: RoleLimitRow): RoleLimit {
  return {
    role: row.role,
    maxPointsPerCall: row.max_points_per_call === null ? undefined : Number(row.max_points_per_call),
    maxPointsPerDay: row.max_points_per_day === null ? undefined : Number(row.max_points_per_day),
    isDefault: false,
    setBy: row.actor,
    setAt: new Date(row.created_at),
  };
}

/** The tenant's points limits per role (shared/auth/limits enforces them); each change is kept. */
export class RoleLimitService {
  async list(ctx: Context): Promise<RoleLimit[]> {
    const tenantId = requireTenant(ctx);
    return Promise.all(
      LIMITABLE_ROLES.map(async (role) => {
        const limit = await roleGrantLimit(ctx.em, tenantId, role);
        return {
          role,
          maxPointsPerCall: limit.maxPointsPerCall ?? undefined,
          maxPointsPerDay: limit.maxPointsPerDay ?? undefined,
          isDefault: limit.id === null,
          setBy: limit.actor ?? undefined,
          setAt: limit.createdAt ?? undefined,
        };
      }),
    );
  }

  async set(ctx: Context, input: SetRoleLimitInput): Promise<SetRoleLimitResult> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    const key = idempotencyKeyOf(input.idempotencyKey);
    if (!LIMITABLE_ROLES.includes(input.role))
      throw tenancyError(TenancyErrorCode.LIMIT_INVALID, `The ${input.role} role is never limited`, 'input.role');
    const perCall = limitValue(input.maxPointsPerCall, 'input.maxPointsPerCall');
    const perDay = limitValue(input.maxPointsPerDay, 'input.maxPointsPerDay');
    const request: IdempotentRequest = {
      tenantId,
      principal: principalOf(caller),
      scope: IdempotencyScope.ROLE_LIMIT,
      key,
      hash: requestHash('setRoleLimit', input),
    };
    return ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) {
        const [row] = await tx.execute<RoleLimitRow[]>(`select * from role_limit where id = ?`, [claim.resultId]);
        return { limit: view(row), replayed: true };
      }
      const [row] = await tx.execute<RoleLimitRow[]>(
        `insert into role_limit (id, tenant_id, role, max_points_per_call, max_points_per_day, actor, created_at)
         values (?, ?, ?, ?, ?, ?, clock_timestamp()) returning *`,
        [claim.resultId, tenantId, input.role, perCall, perDay, callerLabel(caller)],
      );
      return { limit: view(row), replayed: false };
    });
  }
}
