import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { type Caller, callerRole } from './auth/caller';
import type { CallerRole } from './auth/roles';

/** Operations (and WebSocket connections) per minute for each role; the platform and address limits are global. */
export type RoleRateLimits = Readonly<Record<CallerRole, number>>;

/** A tenant's own limits per role; a role it does not name keeps the global default. */
export type TenantRateLimits = Readonly<Partial<Record<CallerRole, number>>>;

export interface RateLimitSettings {
  /** Operations per minute per API key (by its role), per customer (CUSTOMER) and for the platform token. */
  readonly operationsPerMinute: RoleRateLimits;
  /** Operations per minute per client address, for requests without a valid credential. */
  readonly anonymousPerMinute: number;
  /** WebSocket connections opened per minute per key, customer or (without a valid credential) address. */
  readonly connectionsPerMinute: number;
}

/** Where a tenant's own limits are read; tenancy/ answers from its table. */
export type TenantRateLimitSource = (tenantId: string) => Promise<TenantRateLimits>;

/** How long a tenant's limits are used without reading them again: a change reaches every instance within it. */
export const TENANT_LIMITS_CACHE_MS = 5_000;
const TENANT_LIMITS_CACHE_MAX = 10_000;
const WINDOW_SECONDS = 60;

/** Allowed, or refused with the seconds until the caller may try again. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Rate limits per API key, per customer and per client address, counted in Redis so every instance shares
 * the count (in memory without Redis: one instance). Fixed one-minute windows. When Redis fails, each
 * instance counts in memory until it is back, rather than refusing everyone or no one.
 */
export class RateLimiter {
  /** One limiter per kind and number of points: a tenant's own limit is just another size of the same counter. */
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly tenantLimits = new Map<string, { limits: TenantRateLimits; until: number }>();

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly tenantSource: TenantRateLimitSource,
    private readonly redis: Redis | null,
    private readonly prefix: string,
  ) {}

  /** Counts one GraphQL operation (HTTP request or WebSocket subscribe message). */
  async consumeOperation(caller: Caller | null, address: string): Promise<RateDecision> {
    const points = caller ? await this.operationLimit(caller) : this.settings.anonymousPerMinute;
    return this.consume('op', points, subjectOf(caller, address));
  }

  /** Counts one WebSocket connection. */
  consumeConnection(caller: Caller | null, address: string): Promise<RateDecision> {
    return this.consume('ws', this.settings.connectionsPerMinute, subjectOf(caller, address));
  }

  /** Drops a tenant's cached limits on this instance (called when they change here). */
  forgetTenant(tenantId: string): void {
    this.tenantLimits.delete(tenantId);
  }

  private async operationLimit(caller: Caller): Promise<number> {
    const role = callerRole(caller);
    if (caller.kind === 'platform') return this.settings.operationsPerMinute[role];
    const own = await this.limitsOf(caller.tenantId);
    return own[role] ?? this.settings.operationsPerMinute[role];
  }

  private async limitsOf(tenantId: string): Promise<TenantRateLimits> {
    const cached = this.tenantLimits.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.limits;
    const limits = await this.tenantSource(tenantId);
    if (this.tenantLimits.size >= TENANT_LIMITS_CACHE_MAX)
      this.tenantLimits.delete(this.tenantLimits.keys().next().value!);
    this.tenantLimits.set(tenantId, { limits, until: Date.now() + TENANT_LIMITS_CACHE_MS });
    return limits;
  }

  private async consume(kind: string, points: number, subject: string): Promise<RateDecision> {
    try {
      await this.limiter(kind, points).consume(subject);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  }

  private limiter(kind: string, points: number): RateLimiterAbstract {
    const name = `${kind}:${points}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      // Same key prefix for every size: when a tenant changes a limit, the count so far carries over.
      const options = { keyPrefix: `${this.prefix}:rl:${kind}`, points, duration: WINDOW_SECONDS };
      limiter = this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}

/** Whom a count belongs to: the key, the customer, the platform operator, or the address without a credential. */
function subjectOf(caller: Caller | null, address: string): string {
  if (!caller) return `addr:${address}`;
  switch (caller.kind) {
    case 'platform':
      return 'platform';
    case 'apiKey':
      return `key:${caller.keyId}`;
    case 'customer':
      return `customer:${caller.tenantId}:${caller.customerId}`;
  }
}
