import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

import { requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  IdempotencyScope,
  principalOf,
  requestHash,
} from '../shared/idempotency';
import type { RoleRateLimits, TenantRateLimits, TenantRateLimitSource } from '../shared/rate-limit';
import { RateLimitRole, type RoleRateLimit, type SetRateLimitsInput } from './rate-limit.types';

const MAX_OPERATIONS_PER_MINUTE = 1_000_000;

async function tenantLimits(em: EntityManager, tenantId: string): Promise<TenantRateLimits> {
  const rows = await em.execute<{ role: RateLimitRole; operations_per_minute: number }[]>(
    `select role, operations_per_minute from tenant_rate_limit where tenant_id = ?`,
    [tenantId],
  );
  return Object.fromEntries(rows.map((row) => [row.role, row.operations_per_minute]));
}

/** The rate limiter's lookup, on the global ORM: it runs before a request has its context. */
export function tenantRateLimitSource(orm: MikroORM): TenantRateLimitSource {
  return (tenantId) => tenantLimits(orm.em.fork(), tenantId);
}

/** A tenant's rate limits per role: read by OWNER and ADMIN, set by the OWNER. */
export class RateLimitService {
  constructor(
    private readonly defaults: RoleRateLimits,
    /** Called after a change commits, so this instance uses it at once (the others within their cache time). */
    private readonly changed: (tenantId: string) => void,
  ) {}

  async limits(ctx: Context): Promise<RoleRateLimit[]> {
    return this.effective(await tenantLimits(ctx.em, requireTenant(ctx)));
  }

  async setLimits(ctx: Context, input: SetRateLimitsInput): Promise<RoleRateLimit[]> {
    const tenantId = requireTenant(ctx);
    const key = idempotencyKeyOf(input.idempotencyKey);
    const seen = new Set<RateLimitRole>();
    input.limits.forEach(({ role, operationsPerMinute }, i) => {
      if (seen.has(role)) throw inputError(InputErrorCode.INVALID, `${role} is listed twice`, `input.limits.${i}.role`);
      seen.add(role);
      const n = operationsPerMinute;
      if (n !== null && n !== undefined && (!Number.isInteger(n) || n < 1 || n > MAX_OPERATIONS_PER_MINUTE))
        throw inputError(
          InputErrorCode.INVALID,
          `operationsPerMinute must be from 1 to ${MAX_OPERATIONS_PER_MINUTE}`,
          `input.limits.${i}.operationsPerMinute`,
        );
    });
    const request = {
      tenantId,
      scope: IdempotencyScope.RATE_LIMITS,
      principal: principalOf(requireCaller(ctx)),
      key,
      hash: requestHash('setRateLimits', input),
    };
    await ctx.em.transactional(async (tx) => {
      // The settings are the tenant's, so the tenant is the record a replay reads back.
      const claim = await claimIdempotencyKey(tx, request, tenantId);
      if (claim.replayed) return;
      for (const { role, operationsPerMinute } of input.limits) {
        if (operationsPerMinute === null || operationsPerMinute === undefined) {
          await tx.execute(`delete from tenant_rate_limit where tenant_id = ? and role = ?`, [tenantId, role]);
        } else {
          await tx.execute(
            `insert into tenant_rate_limit (tenant_id, role, operations_per_minute) values (?, ?, ?)
             on conflict (tenant_id, role) do update set operations_per_minute = excluded.operations_per_minute,
               updated_at = now()`,
            [tenantId, role, operationsPerMinute],
          );
        }
      }
    });
    this.changed(tenantId);
    return this.limits(ctx);
  }

  private effective(own: TenantRateLimits): RoleRateLimit[] {
    return Object.values(RateLimitRole).map((role) => ({
      role,
      operationsPerMinute: own[role] ?? this.defaults[role],
      tenantDefined: own[role] !== undefined,
    }));
  }
}
