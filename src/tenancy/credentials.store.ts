import type { MikroORM } from '@mikro-orm/postgresql';

import { IdentifierKind, normalizeIdentifier } from '../customers/identifier.logic';
import type { CredentialStore, CustomerTokenProvider, StoredApiKey } from '../shared/auth/authenticator';

/** Tables of customer-token settings, written in SQL here and by TenancyService. */
export const CUSTOMER_TOKEN_TABLES = ['customer_token_secret', 'customer_token_provider'];

/** The authenticator's lookups, on the global ORM: the caller (and so the tenant) is not known yet. */
export class TenantCredentialStore implements CredentialStore {
  constructor(private readonly orm: MikroORM) {}

  private get connection() {
    return this.orm.em.getConnection();
  }

  async apiKeyBySecretHash(hash: string): Promise<StoredApiKey | undefined> {
    // The tenant is not known yet: the key is what tells it, so this one lookup is not tenant-scoped.
    const [key] = await this.connection.execute<StoredApiKey[]>(
      `select id, tenant_id, role, store_id, revoked_at from api_key where secret_hash = ?`,
      [hash],
    );
    return key;
  }

  async customerTokenSecrets(tenantId: string): Promise<string[] | null> {
    const rows = await this.connection.execute<{ secret: string }[]>(
      `select secret from customer_token_secret where tenant_id = ? and retired_at is null
       order by created_at desc, id desc limit 2`,
      [tenantId],
    );
    return rows.length > 0 ? rows.map((row) => row.secret) : null;
  }

  async customerTokenProvider(issuer: string, audiences: string[]): Promise<CustomerTokenProvider | undefined> {
    // Issuer and audience together name the tenant: the provider's tokens carry no tenant claim.
    const [row] = await this.connection.execute<
      {
        tenant_id: string;
        jwks_url: string;
        issuer: string;
        audience: string;
        customer_claim: string;
        identifier_kind: string | null;
      }[]
    >(
      `select tenant_id, jwks_url, issuer, audience, customer_claim, identifier_kind from customer_token_provider
       where issuer = ? and audience in (?) order by audience limit 1`,
      [issuer, audiences],
    );
    return row
      ? {
          tenantId: row.tenant_id,
          jwksUrl: row.jwks_url,
          issuer: row.issuer,
          audience: row.audience,
          customerClaim: row.customer_claim,
          identifierKind: row.identifier_kind,
        }
      : undefined;
  }

  async customerByIdentifier(tenantId: string, kind: string, value: string): Promise<string | undefined> {
    const normalized = normalizeIdentifier(kind as IdentifierKind, value);
    if (!normalized.ok) return undefined;
    const [row] = await this.connection.execute<{ id: string }[]>(
      `select coalesce(c.merged_into_id, c.id) as id from customer_identifier i
       join customer c on c.id = i.customer_id and c.tenant_id = i.tenant_id
       where i.tenant_id = ? and i.kind = ? and i.value = ?`,
      [tenantId, kind, normalized.value],
    );
    return row?.id;
  }
}
