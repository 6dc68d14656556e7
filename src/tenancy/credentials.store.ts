import type { MikroORM } from '@mikro-orm/postgresql';

import type { CredentialStore, StoredApiKey } from '../shared/auth/authenticator';
import { Tenant } from './tenant.entity';

/** The authenticator's lookups, on the global ORM: the caller (and so the tenant) is not known yet. */
export class TenantCredentialStore implements CredentialStore {
  constructor(private readonly orm: MikroORM) {}

  async apiKeyBySecretHash(hash: string): Promise<StoredApiKey | undefined> {
    // The tenant is not known yet: the key is what tells it, so this one lookup is not tenant-scoped.
    const [key] = await this.orm.em
      .getConnection()
      .execute<StoredApiKey[]>(`select id, tenant_id, role, store_id, revoked_at from api_key where secret_hash = ?`, [
        hash,
      ]);
    return key;
  }

  async customerTokenSecret(tenantId: string): Promise<string | null> {
    const tenant = await this.orm.em.fork().findOne(Tenant, { id: tenantId });
    return tenant?.customerJwtSecret ?? null;
  }
}
