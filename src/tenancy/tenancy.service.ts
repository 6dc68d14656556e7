import { randomBytes } from 'node:crypto';

import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { IdentifierKind } from '../customers/identifier.logic';
import { recordEvent } from '../outbox/outbox';
import { type ApiKeyRevokedEvent, EVERY_INSTANCE, Topic } from '../realtime/pubsub';
import { requireCaller, requireTenant } from '../shared/auth/guards';
import { StaffRole } from '../shared/auth/roles';
import { generateApiKeySecret, hashSecret } from '../shared/auth/tokens';
import type { Context } from '../shared/context';
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  principalOf,
  requestHash,
} from '../shared/idempotency';
import { isUuid, requiredText } from '../shared/validation';
import { ApiKey } from './api-key.entity';
import { tenancyError, TenancyErrorCode } from './tenancy.errors';
import type {
  CreateApiKeyInput,
  CreatedApiKey,
  CreatedTenant,
  CreateTenantInput,
  CustomerTokenProvider,
  CustomerTokenProviderInput,
  RotateCustomerTokenSecretInput,
  RotatedCustomerTokenSecret,
} from './tenancy.types';
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

/** Claims with a meaning of their own: none of them can name a customer. */
const RESERVED_CLAIMS = new Set(['iss', 'aud', 'exp', 'nbf', 'iat', 'jti', 'tid']);
/** Identifiers a customer can set on their own profile are no proof of who signs in. */
const UNTRUSTED_IDENTIFIER_KINDS = new Set<IdentifierKind>([
  IdentifierKind.EMAIL,
  IdentifierKind.PHONE,
  IdentifierKind.DEVICE_ID,
]);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export class TenancyService {
  /**
   * `onKeyRevoked` and `onCustomerTokenSettingsChanged` let this instance stop trusting a revoked key or a
   * replaced secret at once, not at the end of its cache time.
   */
  constructor(
    private readonly onKeyRevoked: (keyId: string) => void = () => undefined,
    private readonly onCustomerTokenSettingsChanged: (tenantId: string) => void = () => undefined,
  ) {}

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
      const customerJwtSecret = newSecret();
      await tx.execute(`insert into customer_token_secret (id, tenant_id, secret) values (uuid_generate_v7(), ?, ?)`, [
        tenant.id,
        customerJwtSecret,
      ]);
      return { tenant, ownerKey, customerJwtSecret, ingestSecret: tenant.ingestSecret };
    });
  }

  async createApiKey(ctx: Context, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const tenantId = requireTenant(ctx);
    const name = requiredText(input.name, 'input.name');
    // Only an owner can mint another owner: an ADMIN key must not be able to escalate itself. Nor may it name
    // the auditors who read the audit trail of its own actions.
    if (
      (input.role === StaffRole.OWNER || input.role === StaffRole.AUDITOR) &&
      !(ctx.caller?.kind === 'apiKey' && ctx.caller.role === StaffRole.OWNER)
    ) {
      throw tenancyError(
        TenancyErrorCode.ROLE_NOT_GRANTABLE,
        `Only an OWNER key can create ${input.role} keys`,
        'input.role',
      );
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
    const secret = newSecret();
    await ctx.em.execute(`update tenant set ingest_secret = ? where id = ?`, [secret, requireTenant(ctx)]);
    return secret;
  }

  /**
   * A new current secret for customer tokens. The current one becomes the previous one and is still accepted
   * until `dropPreviousCustomerTokenSecret` (or the next rotation), so signed-in customers stay signed in.
   */
  async rotateCustomerTokenSecret(
    ctx: Context,
    input: RotateCustomerTokenSecretInput,
  ): Promise<RotatedCustomerTokenSecret> {
    const tenantId = requireTenant(ctx);
    const request: IdempotentRequest = {
      tenantId,
      scope: IdempotencyScope.CUSTOMER_TOKEN_SECRET_ROTATE,
      principal: principalOf(requireCaller(ctx)),
      key: idempotencyKeyOf(input.idempotencyKey),
      hash: requestHash('rotateCustomerTokenSecret', input),
    };
    const rotated = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) {
        const [row] = await tx.execute<{ secret: string }[]>(
          `select secret from customer_token_secret where id = ? and tenant_id = ?`,
          [claim.resultId, tenantId],
        );
        return { secret: row.secret, replayed: true };
      }
      // Rotations of one tenant take turns, so two at once cannot leave three secrets trusted.
      await tx.execute(`select 1 from tenant where id = ? for update`, [tenantId]);
      await tx.execute(
        `update customer_token_secret set retired_at = now()
         where tenant_id = ? and retired_at is null and id <> (
           select id from customer_token_secret where tenant_id = ? and retired_at is null
           order by created_at desc, id desc limit 1)`,
        [tenantId, tenantId],
      );
      const secret = newSecret();
      await tx.execute(`insert into customer_token_secret (id, tenant_id, secret) values (?, ?, ?)`, [
        claim.resultId,
        tenantId,
        secret,
      ]);
      return { secret, replayed: false };
    });
    this.onCustomerTokenSettingsChanged(tenantId);
    return rotated;
  }

  /** Ends a rotation: tokens signed with the previous secret are refused from now on. False when there was none. */
  async dropPreviousCustomerTokenSecret(ctx: Context): Promise<boolean> {
    const tenantId = requireTenant(ctx);
    const dropped = await ctx.em.transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `update customer_token_secret set retired_at = now()
         where tenant_id = ? and retired_at is null and id <> (
           select id from customer_token_secret where tenant_id = ? and retired_at is null
           order by created_at desc, id desc limit 1)
         returning id`,
        [tenantId, tenantId],
      );
      return rows.length > 0;
    });
    this.onCustomerTokenSettingsChanged(tenantId);
    return dropped;
  }

  /** Trusts the tenant's own identity provider for customer tokens, besides its own secrets. */
  async setCustomerTokenProvider(ctx: Context, input: CustomerTokenProviderInput): Promise<CustomerTokenProvider> {
    const tenantId = requireTenant(ctx);
    const provider: CustomerTokenProvider = {
      jwksUrl: jwksUrl(input.jwksUrl),
      issuer: requiredText(input.issuer, 'input.issuer', 500),
      audience: requiredText(input.audience, 'input.audience', 500),
      customerClaim: requiredText(input.customerClaim ?? 'sub', 'input.customerClaim', 100),
      identifierKind: input.identifierKind ?? null,
    };
    if (RESERVED_CLAIMS.has(provider.customerClaim)) {
      throw tenancyError(
        TenancyErrorCode.CUSTOMER_CLAIM_INVALID,
        `"${provider.customerClaim}" cannot name a customer`,
        'input.customerClaim',
      );
    }
    if (provider.identifierKind && UNTRUSTED_IDENTIFIER_KINDS.has(provider.identifierKind)) {
      throw tenancyError(
        TenancyErrorCode.IDENTIFIER_KIND_NOT_ALLOWED,
        `A customer cannot be named by ${provider.identifierKind}: customers set it themselves`,
        'input.identifierKind',
      );
    }
    try {
      await ctx.em.transactional((tx) =>
        tx.execute(
          `insert into customer_token_provider (tenant_id, jwks_url, issuer, audience, customer_claim, identifier_kind)
           values (?, ?, ?, ?, ?, ?)
           on conflict (tenant_id) do update set jwks_url = excluded.jwks_url, issuer = excluded.issuer,
             audience = excluded.audience, customer_claim = excluded.customer_claim,
             identifier_kind = excluded.identifier_kind, updated_at = now()`,
          [
            tenantId,
            provider.jwksUrl,
            provider.issuer,
            provider.audience,
            provider.customerClaim,
            provider.identifierKind,
          ],
        ),
      );
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw tenancyError(
          TenancyErrorCode.PROVIDER_TAKEN,
          'Another tenant trusts a provider with this issuer and audience',
          'input.audience',
        );
      }
      throw error;
    }
    this.onCustomerTokenSettingsChanged(tenantId);
    return provider;
  }

  /** Stops trusting the tenant's identity provider; false when it had none. */
  async removeCustomerTokenProvider(ctx: Context): Promise<boolean> {
    const tenantId = requireTenant(ctx);
    const rows = await ctx.em.transactional((tx) =>
      tx.execute<{ tenant_id: string }[]>(
        `delete from customer_token_provider where tenant_id = ? returning tenant_id`,
        [tenantId],
      ),
    );
    this.onCustomerTokenSettingsChanged(tenantId);
    return rows.length > 0;
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

/** https, or http to this machine (development, tests): the gateway fetches it, so no plain http across a network. */
function jwksUrl(raw: string): string {
  const value = requiredText(raw, 'input.jwksUrl', 2000);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw tenancyError(TenancyErrorCode.JWKS_URL_INVALID, 'input.jwksUrl is not a URL', 'input.jwksUrl');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure || url.username || url.password) {
    throw tenancyError(
      TenancyErrorCode.JWKS_URL_INVALID,
      'input.jwksUrl must be an https URL without credentials (http only to a loopback address)',
      'input.jwksUrl',
    );
  }
  return url.toString();
}
