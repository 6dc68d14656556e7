import {
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  SignJWT,
} from 'jose';

import { accessError, AccessErrorCode, AppError } from '../errors';
import { isUuid } from '../validation';
import type { Caller } from './caller';
import type { StaffRole } from './roles';
import { bearerToken, hashSecret, isApiKeySecret, secretsEqual } from './tokens';

const TENANT_CLAIM = 'tid';

/** How long a verified API key, a tenant's customer-token secrets or its identity provider are trusted without asking the database again. */
export const API_KEY_CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

/** The algorithms each kind of customer token may use: HMAC with the tenant's secrets, signatures with a provider's keys. */
const TENANT_SECRET_ALGORITHMS = ['HS256'];
const PROVIDER_ALGORITHMS = ['RS256', 'ES256'];

/** An API key as stored: found by the hash of its secret. */
export interface StoredApiKey {
  id: string;
  tenant_id: string;
  role: StaffRole;
  store_id: string | null;
  revoked_at: Date | null;
}

/** A tenant's own identity provider, whose tokens (RS256 or ES256, keys from its JWKS) name its customers. */
export interface CustomerTokenProvider {
  readonly tenantId: string;
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string;
  /** The claim that names the customer. */
  readonly customerClaim: string;
  /** The claim holds a customer identifier of this kind; null: it holds the gateway's customer id. */
  readonly identifierKind: string | null;
}

/** Where credentials are looked up; tenancy/ answers from its tables. */
export interface CredentialStore {
  /** Not tenant-scoped: the key is what tells the tenant. */
  apiKeyBySecretHash(hash: string): Promise<StoredApiKey | undefined>;
  /** The secrets that sign the tenant's customer tokens, current first (then the previous one, while kept); null for an unknown tenant. */
  customerTokenSecrets(tenantId: string): Promise<string[] | null>;
  /** The identity provider configured with this issuer and one of these audiences, if a tenant has one. */
  customerTokenProvider(issuer: string, audiences: string[]): Promise<CustomerTokenProvider | undefined>;
  /** The customer (the survivor, for a merged profile) holding an identifier of this kind and value. */
  customerByIdentifier(tenantId: string, kind: string, value: string): Promise<string | undefined>;
}

/** What customer tokens must carry and how long they may live. */
export interface CustomerTokenPolicy {
  /** The `iss` of tokens signed with a tenant's secret (their `aud` is the tenant id). */
  readonly issuer: string;
  /** Longest `exp - iat` accepted, in seconds. */
  readonly maxTtlSeconds: number;
}

/** A bounded map whose entries expire; the oldest entry goes when it is full. */
class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    return entry && entry.until > Date.now() ? entry.value : undefined;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= CACHE_MAX) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: Date.now() + API_KEY_CACHE_MS });
  }

  deleteWhere(match: (value: V, key: string) => boolean): void {
    for (const [key, entry] of this.entries) if (match(entry.value, key)) this.entries.delete(key);
  }
}

/**
 * Turns the `Authorization` value of a request or a graphql-ws connection into a caller.
 * Returns null when no token was sent; throws UNAUTHENTICATED for a token that does not check out.
 */
export class Authenticator {
  /** Verified keys by secret hash. A revocation is seen at once here, within API_KEY_CACHE_MS elsewhere. */
  private readonly keys = new ExpiringCache<Caller>();
  /** Customer-token secrets by tenant id, so a customer's requests do not each read the tenant's secrets. */
  private readonly tenantSecrets = new ExpiringCache<Uint8Array[]>();
  /** Identity providers by issuer and audience (null: none), and customers by provider subject (found ones only). */
  private readonly providers = new ExpiringCache<CustomerTokenProvider | null>();
  private readonly subjects = new ExpiringCache<string>();
  /** One key set per JWKS URL: jose caches its keys and refetches on an unknown `kid`. */
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(
    private readonly credentials: CredentialStore,
    private readonly adminToken: string,
    private readonly tokenPolicy: CustomerTokenPolicy,
  ) {}

  /** Longest lifetime a customer token may have, in seconds. */
  get customerTokenMaxTtlSeconds(): number {
    return this.tokenPolicy.maxTtlSeconds;
  }

  /** Drops a key from this instance's cache (called when it is revoked here). */
  forgetApiKey(keyId: string): void {
    this.keys.deleteWhere((caller) => caller.kind === 'apiKey' && caller.keyId === keyId);
  }

  /** Drops a tenant's customer-token secrets and provider from this instance's cache (called when they change here). */
  forgetCustomerTokenSettings(tenantId: string): void {
    this.tenantSecrets.deleteWhere((_secrets, key) => key === tenantId);
    this.providers.deleteWhere((provider) => provider?.tenantId === tenantId);
    this.subjects.deleteWhere((_customer, key) => key.startsWith(`${tenantId}\n`));
  }

  async authenticate(authorization: string | undefined): Promise<Caller | null> {
    const token = bearerToken(authorization);
    if (token === undefined) return null;
    if (isApiKeySecret(token)) return this.fromApiKey(token);
    if (token.split('.').length === 3) return this.fromCustomerJwt(token);
    if (secretsEqual(token, this.adminToken)) return { kind: 'platform' };
    throw accessError(AccessErrorCode.TOKEN_INVALID, 'The bearer token is not valid');
  }

  /** Signs a customer token the way an integrating sign-in service would: the tenant's current secret, `aud` the tenant. */
  async signCustomerToken(
    tenantId: string,
    customerId: string,
    ttlSeconds: number,
  ): Promise<{ token: string; expiresAt: Date }> {
    const [secret] = await this.secretsOf(tenantId);
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
    const token = await new SignJWT({ [TENANT_CLAIM]: tenantId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(customerId)
      .setIssuer(this.tokenPolicy.issuer)
      .setAudience(tenantId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(secret);
    return { token, expiresAt };
  }

  private async fromApiKey(secret: string): Promise<Caller> {
    const hash = hashSecret(secret);
    const cached = this.keys.get(hash);
    if (cached) return cached;
    const key = await this.credentials.apiKeyBySecretHash(hash);
    if (!key) throw accessError(AccessErrorCode.TOKEN_INVALID, 'The API key is not valid');
    if (key.revoked_at) {
      this.keys.deleteWhere((_caller, cachedHash) => cachedHash === hash);
      throw accessError(AccessErrorCode.KEY_REVOKED, 'The API key was revoked');
    }
    const caller: Caller = {
      kind: 'apiKey',
      tenantId: key.tenant_id,
      keyId: key.id,
      role: key.role,
      storeId: key.store_id ?? undefined,
    };
    this.keys.set(hash, caller);
    return caller;
  }

  /** A token with a `tid` claim is signed with that tenant's secret; one without, by a tenant's identity provider. */
  private async fromCustomerJwt(token: string): Promise<Caller> {
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      throw accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token is malformed');
    }
    if (TENANT_CLAIM in claims) return this.fromTenantSecret(token, claims[TENANT_CLAIM]);
    return this.fromProvider(token, claims);
  }

  private async fromTenantSecret(token: string, tenantId: unknown): Promise<Caller> {
    if (typeof tenantId !== 'string' || !isUuid(tenantId)) {
      throw accessError(AccessErrorCode.TOKEN_INVALID, `The customer token has no valid "${TENANT_CLAIM}" claim`);
    }
    const secrets = await this.secretsOf(tenantId);
    const options: JWTVerifyOptions = {
      algorithms: TENANT_SECRET_ALGORITHMS,
      issuer: this.tokenPolicy.issuer,
      audience: tenantId,
      ...this.lifetimeOptions(['sub']),
    };
    // Current secret first; the previous one, while the tenant keeps it, lets tokens signed before a rotation live on.
    for (const [index, secret] of secrets.entries()) {
      try {
        const { payload } = await jwtVerify(token, secret, options);
        this.assertLifetime(payload);
        return { kind: 'customer', tenantId, customerId: payload.sub!, expiresAt: new Date(payload.exp! * 1000) };
      } catch (error) {
        const another = index < secrets.length - 1;
        if (!(another && error instanceof joseErrors.JWSSignatureVerificationFailed)) throw tokenError(error);
      }
    }
    throw accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token is invalid');
  }

  private async fromProvider(token: string, claims: JWTPayload): Promise<Caller> {
    const audiences = typeof claims.aud === 'string' ? [claims.aud] : (claims.aud ?? []);
    const provider =
      typeof claims.iss === 'string' && audiences.length > 0 ? await this.providerOf(claims.iss, audiences) : null;
    if (!provider) {
      throw accessError(
        AccessErrorCode.TOKEN_INVALID,
        `The customer token has no "${TENANT_CLAIM}" claim, and no tenant trusts its issuer and audience`,
      );
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySetOf(provider.jwksUrl), {
        algorithms: PROVIDER_ALGORITHMS,
        issuer: provider.issuer,
        audience: provider.audience,
        ...this.lifetimeOptions([provider.customerClaim]),
      }));
      this.assertLifetime(payload);
    } catch (error) {
      throw tokenError(error);
    }
    const subject = payload[provider.customerClaim];
    const customerId = typeof subject === 'string' ? await this.customerOf(provider, subject) : null;
    if (!customerId) {
      throw accessError(
        AccessErrorCode.TOKEN_INVALID,
        `The customer token's "${provider.customerClaim}" claim names no customer of the tenant`,
      );
    }
    return { kind: 'customer', tenantId: provider.tenantId, customerId, expiresAt: new Date(payload.exp! * 1000) };
  }

  /** `maxTokenAge` also refuses an `iat` in the future, which would otherwise stretch the lifetime. */
  private lifetimeOptions(claims: string[]): JWTVerifyOptions {
    return { requiredClaims: [...claims, 'exp', 'iat'], maxTokenAge: this.tokenPolicy.maxTtlSeconds };
  }

  private assertLifetime(payload: JWTPayload): void {
    if (payload.exp! - payload.iat! > this.tokenPolicy.maxTtlSeconds) {
      throw accessError(
        AccessErrorCode.TOKEN_INVALID,
        `A customer token may live at most ${this.tokenPolicy.maxTtlSeconds} seconds (exp - iat)`,
      );
    }
  }

  private async secretsOf(tenantId: string): Promise<Uint8Array[]> {
    const cached = this.tenantSecrets.get(tenantId);
    if (cached) return cached;
    const stored = await this.credentials.customerTokenSecrets(tenantId);
    if (stored === null || stored.length === 0)
      throw accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token names an unknown tenant');
    const secrets = stored.map((secret) => new Uint8Array(Buffer.from(secret)));
    this.tenantSecrets.set(tenantId, secrets);
    return secrets;
  }

  private async providerOf(issuer: string, audiences: string[]): Promise<CustomerTokenProvider | null> {
    const key = `${issuer}\n${audiences.join('\n')}`;
    const cached = this.providers.get(key);
    if (cached !== undefined) return cached;
    const provider = (await this.credentials.customerTokenProvider(issuer, audiences)) ?? null;
    this.providers.set(key, provider);
    return provider;
  }

  private keySetOf(url: string): JWTVerifyGetKey {
    let keySet = this.keySets.get(url);
    if (!keySet) {
      if (this.keySets.size >= CACHE_MAX) this.keySets.delete(this.keySets.keys().next().value!);
      keySet = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000 });
      this.keySets.set(url, keySet);
    }
    return keySet;
  }

  private async customerOf(provider: CustomerTokenProvider, subject: string): Promise<string | null> {
    if (provider.identifierKind === null) return isUuid(subject) ? subject : null;
    const key = `${provider.tenantId}\n${provider.identifierKind}\n${subject}`;
    const cached = this.subjects.get(key);
    if (cached !== undefined) return cached;
    // An unknown subject is not cached: the app may resolve the customer right after the sign-in fails.
    const customerId = await this.credentials.customerByIdentifier(provider.tenantId, provider.identifierKind, subject);
    if (customerId) this.subjects.set(key, customerId);
    return customerId ?? null;
  }
}

/** What jose found wrong, said without echoing the token. */
function tokenError(error: unknown): AppError {
  if (error instanceof joseErrors.JWTExpired)
    return accessError(AccessErrorCode.TOKEN_EXPIRED, 'The customer token is expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return accessError(AccessErrorCode.TOKEN_INVALID, `The customer token's "${error.claim}" claim is not accepted`);
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token is signed with an algorithm not accepted');
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid)
    return accessError(AccessErrorCode.TOKEN_INVALID, "The identity provider's keys could not be fetched");
  if (error instanceof AppError) return error;
  return accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token is invalid');
}
