import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ApiKey } from '../../tenancy/api-key.entity';
import { Tenant } from '../../tenancy/tenant.entity';
import { accessError, AccessErrorCode } from '../errors';
import type { Caller } from './caller';
import { bearerToken, hashSecret, isApiKeySecret, secretsEqual } from './tokens';

export const CUSTOMER_TOKEN_ISSUER = 'loyalty-gateway';
const TENANT_CLAIM = 'tid';

/**
 * Turns the `Authorization` value of a request or a graphql-ws connection into a caller.
 * Returns null when no token was sent; throws UNAUTHENTICATED for a token that does not check out.
 */
export class Authenticator {
  constructor(
    private readonly orm: MikroORM,
    private readonly adminToken: string,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Caller | null> {
    const token = bearerToken(authorization);
    if (token === undefined) return null;
    if (isApiKeySecret(token)) return this.fromApiKey(token);
    if (token.split('.').length === 3) return this.fromCustomerJwt(token);
    if (secretsEqual(token, this.adminToken)) return { kind: 'platform' };
    throw accessError(AccessErrorCode.TOKEN_INVALID, 'The bearer token is not valid');
  }

  /** Signs a customer token the way an integrating sign-in service would, with the tenant's secret. */
  async signCustomerToken(tenant: Tenant, customerId: string, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
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
    const em = this.orm.em.fork();
    // The tenant is not known yet: the key is what tells it, so this one lookup runs without the filter.
    const key = await em.findOne(ApiKey, { secretHash: hashSecret(secret) }, { filters: false });
    if (!key) throw accessError(AccessErrorCode.TOKEN_INVALID, 'The API key is not valid');
    if (key.revokedAt) throw accessError(AccessErrorCode.KEY_REVOKED, 'The API key was revoked');
    return { kind: 'apiKey', tenantId: key.tenant.id, keyId: key.id, role: key.role, storeId: key.store?.id };
  }

  private async fromCustomerJwt(token: string): Promise<Caller> {
    let tenantId: unknown;
    try {
      tenantId = decodeJwt(token)[TENANT_CLAIM];
    } catch {
      throw accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token is malformed');
    }
    if (typeof tenantId !== 'string' || !/^[0-9a-f-]{36}$/i.test(tenantId)) {
      throw accessError(AccessErrorCode.TOKEN_INVALID, `The customer token has no valid "${TENANT_CLAIM}" claim`);
    }
    const tenant = await this.orm.em.fork().findOne(Tenant, { id: tenantId });
    if (!tenant) throw accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token names an unknown tenant');
    try {
      const { payload } = await jwtVerify(token, Buffer.from(tenant.customerJwtSecret), {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      });
      return { kind: 'customer', tenantId: tenant.id, customerId: payload.sub! };
    } catch {
      throw accessError(AccessErrorCode.TOKEN_INVALID, 'The customer token is invalid or expired');
    }
  }
}
