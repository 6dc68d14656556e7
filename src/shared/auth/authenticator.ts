import { decodeJwt, jwtVerify, SignJWT } from 'jose';

import { accessError, AccessErrorCode } from '../errors';
import { isUuid } from '../validation';
import type { Caller } from './caller';
import type { StaffRole } from './roles';
import { bearerToken, hashSecret, isApiKeySecret, secretsEqual } from './tokens';

export const CUSTOMER_TOKEN_ISSUER = 'loyalty-gateway';
const TENANT_CLAIM = 'tid';

/** How long a verified API key, or a tenant's customer-token secret, is trusted without asking the database again. */
export const API_KEY_CACHE_MS = 5_000;
const API_KEY_CACHE_MAX = 10_000;

/** An API key as stored: found by the hash of its secret. */
export interface StoredApiKey {
  id: string;
  tenant_id: string;
  role: StaffRole;
  store_id: string | null;
  revoked_at: Date | null;
}

/** Where credentials are looked up; tenancy/ answers from its tables. */
export interface CredentialStore {
  /** Not tenant-scoped: the key is what tells the tenant. */
  apiKeyBySecretHash(hash: string): Promise<StoredApiKey | undefined>;
  /** The secret that signs the tenant's customer tokens; null for an unknown tenant. */
  customerTokenSecret(tenantId: string): Promise<string | null>;
}

/** What a customer token is signed for and with. */
export interface TokenTenant {
  readonly id: string;
  readonly customerJwtSecret: string;
}

/**
 * Turns the `Authorization` value of a request or a graphql-ws connection into a caller.
 * Returns null when no token was sent; throws UNAUTHENTICATED for a token that does not check out.
 */
export class Authenticator {
  /** Verified keys by secret hash. Bounded; a revocation is seen at once here, within API_KEY_CACHE_MS elsewhere. */
  private readonly keys = new Map<string, { caller: Caller; until: number }>();
  /** Customer-token secrets by tenant id, so a customer's requests do not each read the tenant row. Bounded. */
  private readonly tenantSecrets = new Map<string, { secret: Uint8Array; until: number }>();

  constructor(
    private readonly credentials: CredentialStore,
    private readonly adminToken: string,
  ) {}

  /** Drops a key from this instance's cache (called when it is revoked here). */
  forgetApiKey(keyId: string): void {
    for (const [hash, entry] of this.keys) {
      if (entry.caller.kind === 'apiKey' && entry.caller.keyId === keyId) this.keys.delete(hash);
    }
  }

  async authenticate(authorization: string | undefined): Promise<Caller | null> {
    const token = bearerToken(authorization);
    if (token === undefined) return null;
    if (isApiKeySecret(token)) return this.fromApiKey(token);
    if (token.split('.').length === 3) return this.fromCustomerJwt(token);
    if (secretsEqual(token, this.adminToken)) return { kind: 'platform' };
    throw accessError(AccessErrorCode.TOKEN_INVALID, 'The bearer token is not valid');
  }

  /** Signs a customer token the way an integrating sign-in service would, with the tenant's secret. */
  async signCustomerToken(
    tenant: TokenTenant,
    customerId: string,
    ttlSeconds: number,
  ): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const token = await new SignJWT({ [TENANT_CLAIM]: tenant.id })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(customerId)
      .setIssuer(CUSTOMER_TOKEN_ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(Buffer.from(tenant.customerJwtSecret));
    return { token, expiresAt };
  }

  private async fromApiKey(secret: string): Promise<Caller> {
    const hash = hashSecret(secret);
    const cached = this.keys.get(hash);
    if (cached && cached.until > Date.now()) return cached.caller;
    const key = await this.credentials.apiKeyBySecretHash(hash);
    if (!key) throw accessError(AccessErrorCode.TOKEN_INVALID, 'The API key is not valid');
    if (key.revoked_at) {
      this.keys.delete(hash);
      throw accessError(AccessErrorCode.KEY_REVOKED, 'The API key was revoked');
    }
    const caller: Caller = {
      kind: 'apiKey',
      tenantId: key.tenant_id,
      keyId: key.id,
      role: key.role,
      storeId: key.store_id ?? undefined,
    };
    if (this.keys.size >= API_KEY_CACHE_MAX) this.keys.delete(this.keys.keys().next().value!);
    this.keys.set(hash, { caller, until: Date.now() + API_KEY_CACHE_MS });
    return caller;
  }

  private async fromCustomerJwt(token: string): Promise<Caller> {
    let tenantId: unknown;
    try {
      tenantId = decodeJwt(token)[TENANT_CLAIM];
    } catch {
      throw accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token is malformed');
    }
    if (typeof tenantId !== 'string' || !isUuid(tenantId)) {
      throw accessError(AccessErrorCode.TOKEN_INVALID, `The customer token has no valid "${TENANT_CLAIM}" claim`);
    }
    const secret = await this.tenantSecret(tenantId);
    try {
      const { payload } = await jwtVerify(token, secret, {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      });
      return { kind: 'customer', tenantId, customerId: payload.sub!, expiresAt: new Date(payload.exp! * 1000) };
    } catch {
      throw accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token is invalid or expired');
    }
  }

  private async tenantSecret(tenantId: string): Promise<Uint8Array> {
    const cached = this.tenantSecrets.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.secret;
    const stored = await this.credentials.customerTokenSecret(tenantId);
    if (stored === null) throw accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token names an unknown tenant');
    const secret = Buffer.from(stored);
    if (this.tenantSecrets.size >= API_KEY_CACHE_MAX)
      this.tenantSecrets.delete(this.tenantSecrets.keys().next().value!);
    this.tenantSecrets.set(tenantId, { secret, until: Date.now() + API_KEY_CACHE_MS });
    return secret;
  }
}
