import { randomBytes } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import { recordEvent } from '../outbox/outbox';
import { type ApiKeyRevokedEvent, EVERY_INSTANCE, Topic } from '../realtime/pubsub';
import { requireTenant } from '../shared/auth/guards';
import { StaffRole } from '../shared/auth/roles';
import { generateApiKeySecret, hashSecret } from '../shared/auth/tokens';
import type { Context } from '../shared/context';
import { isUuid, requiredText } from '../shared/validation';
import { ApiKey } from './api-key.entity';
import { tenancyError, TenancyErrorCode } from './tenancy.errors';
import type { CreateApiKeyInput, CreatedApiKey, CreatedTenant, CreateTenantInput } from './tenancy.types';
import { type PointsExpiryPolicy, Tenant } from './tenant.entity';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class TenancyService {
  /** `onKeyRevoked` lets this instance stop trusting a revoked key at once, not at the end of its cache time. */
  constructor(private readonly onKeyRevoked: (keyId: string) => void = () => undefined) {}

  async createTenant(em: EntityManager, input: CreateTenantInput): Promise<CreatedTenant> {
    const name = requiredText(input.name, 'input.name');
    const currency = input.currency.trim().toUpperCase();
    if (!CURRENCIES.has(currency)) {
      throw tenancyError(
        TenancyErrorCode.CURRENCY_INVALID,
        `"${input.currency}" is not an ISO 4217 currency code`,
        'input.currency',
      );
    }
    const timezone = input.timezone.trim();
    if (!isTimeZone(timezone)) {
      throw tenancyError(
        TenancyErrorCode.TIMEZONE_INVALID,
        `"${input.timezone}" is not an IANA time zone`,
        'input.timezone',
      );
    }
    return em.transactional(async (tx) => {
      const tenant = tx.create(Tenant, { name, currency, timezone });
      const ownerKey = this.newKey(tx, tenant.id, { role: StaffRole.OWNER, name: 'Owner' });
      await tx.flush();
      return { tenant, ownerKey, customerJwtSecret: tenant.customerJwtSecret, ingestSecret: tenant.ingestSecret };
    });
  }

  async createApiKey(ctx: Context, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const tenantId = requireTenant(ctx);
    const name = requiredText(input.name, 'input.name');
    // Only an owner can mint another owner: an ADMIN key must not be able to escalate itself.
    if (input.role === StaffRole.OWNER && !(ctx.caller?.kind === 'apiKey' && ctx.caller.role === StaffRole.OWNER)) {
      throw tenancyError(TenancyErrorCode.ROLE_NOT_GRANTABLE, 'Only an OWNER key can create OWNER keys', 'input.role');
    }
    let storeId: string | undefined;
    if (input.role === StaffRole.POS) {
      if (!input.storeId)
        throw tenancyError(TenancyErrorCode.STORE_REQUIRED, 'A POS key must be bound to a store', 'input.storeId');
      const store = isUuid(input.storeId) ? await ctx.loaders.storeById.load(input.storeId) : null;
      if (!store) throw tenancyError(TenancyErrorCode.STORE_NOT_FOUND, `No store ${input.storeId}`, 'input.storeId');
      storeId = store.id;
    } else if (input.storeId) {
      throw tenancyError(TenancyErrorCode.STORE_NOT_ALLOWED, 'Only POS keys are bound to a store', 'input.storeId');
    }
    return ctx.em.transactional(async (tx) => {
      const created = this.newKey(tx, tenantId, { role: input.role, name, storeId });
      await tx.flush();
      return created;
    });
  }

  /**
   * Revokes a key; its event (written in the same transaction) makes every instance forget the key and close
   * its WebSocket connections, so no open subscription outlives it.
   */
  async revokeApiKey(ctx: Context, id: string): Promise<ApiKey> {
    const tenantId = requireTenant(ctx);
    return ctx.em
      .transactional(async (tx) => {
        const key = isUuid(id) ? await tx.findOne(ApiKey, { id }) : null;
        if (!key) throw tenancyError(TenancyErrorCode.API_KEY_NOT_FOUND, `No API key ${id}`, 'id');
        if (key.role === StaffRole.OWNER && !(ctx.caller?.kind === 'apiKey' && ctx.caller.role === StaffRole.OWNER)) {
          throw tenancyError(TenancyErrorCode.ROLE_NOT_GRANTABLE, 'Only an OWNER key can revoke OWNER keys', 'id');
        }
        if (!key.revokedAt) {
          key.revokedAt = new Date();
          recordEvent(tx, {
            tenantId,
            topic: Topic.API_KEY_REVOKED,
            routingKey: EVERY_INSTANCE,
            payload: { keyId: key.id } satisfies ApiKeyRevokedEvent,
          });
        }
        return key;
      })
      .then((key) => {
        this.onKeyRevoked(key.id);
        return key;
      });
  }

  async listApiKeys(ctx: Context): Promise<ApiKey[]> {
    requireTenant(ctx);
    return ctx.em.find(ApiKey, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  async currentTenant(ctx: Context): Promise<Tenant> {
    const tenantId = requireTenant(ctx);
    return ctx.em.findOneOrFail(Tenant, { id: tenantId });
  }

  /** A new HMAC secret for /ingest/:source, returned once; the old one stops working at once. */
  async rotateIngestSecret(ctx: Context): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    await ctx.em.execute(`update tenant set ingest_secret = ? where id = ?`, [secret, requireTenant(ctx)]);
    return secret;
  }

  /** Months are checked by the caller (the ledger's POLICY_INVALID). */
  async setPointsExpiryPolicy(ctx: Context, policy: PointsExpiryPolicy, months: number): Promise<Tenant> {
    return ctx.em.transactional(async (tx) => {
      const tenant = await tx.findOneOrFail(Tenant, { id: requireTenant(ctx) });
      tenant.pointsExpiryPolicy = policy;
      tenant.pointsExpiryMonths = months;
      return tenant;
    });
  }

  private newKey(
    em: EntityManager,
    tenantId: string,
    key: { role: StaffRole; name: string; storeId?: string },
  ): CreatedApiKey {
    const secret = generateApiKeySecret();
    const apiKey = em.create(ApiKey, {
      tenant: tenantId,
      role: key.role,
      name: key.name,
      store: key.storeId ?? null,
      prefix: secret.slice(0, 10),
      secretHash: hashSecret(secret),
    });
    return { apiKey, secret };
  }
}
