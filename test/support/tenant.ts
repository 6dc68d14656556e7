import { randomUUID } from 'node:crypto';

import {
  CreateApiKeyDocument,
  CreateTenantDocument,
  IssueCustomerTokenDocument,
  type StaffRole,
} from '../generated/graphql';
import { ApiClient, KeyClient } from './client';
import type { TestGateway } from './gateway';

/** A new API key made by `by`, as a caller holding it. */
export async function createKey(by: ApiClient, role: StaffRole, storeId?: string): Promise<KeyClient> {
  const { createApiKey } = await by.data(CreateApiKeyDocument, { input: { role, name: `${role} key`, storeId } });
  return new KeyClient(by.gw, createApiKey.apiKey.id, createApiKey.secret);
}

/** A customer token issued by `by` (staff), as a caller holding it. */
export async function customerClient(by: ApiClient, customerId: string, ttlSeconds?: number): Promise<ApiClient> {
  const { issueCustomerToken } = await by.data(IssueCustomerTokenDocument, { customerId, ttlSeconds });
  return new ApiClient(by.gw, issueCustomerToken.token);
}

/**
 * A fresh tenant: every test works in its own, so tests never see each other's rows. It hands out callers by role,
 * each sending its own credential.
 */
export interface TenantFixture {
  readonly tenantId: string;
  readonly customerJwtSecret: string;
  /** Mutable: a test rotates it. */
  ingestSecret: string;
  readonly owner: KeyClient;
  /** A new key of this role, made by the owner. */
  key(role: StaffRole, storeId?: string): Promise<KeyClient>;
  agent(): Promise<KeyClient>;
  /** A till's key, bound to one store. */
  pos(storeId: string): Promise<KeyClient>;
  /** A customer token for this customer. */
  customer(customerId: string, ttlSeconds?: number): Promise<ApiClient>;
}

export async function createTenant(
  gw: TestGateway,
  name = `Tenant ${randomUUID().slice(0, 8)}`,
): Promise<TenantFixture> {
  const { createTenant: created } = await gw.platform.data(CreateTenantDocument, {
    input: { name, currency: 'EUR', timezone: 'Europe/Paris' },
  });
  const owner = new KeyClient(gw, created.ownerKey.apiKey.id, created.ownerKey.secret);
  return {
    tenantId: created.tenant.id,
    customerJwtSecret: created.customerJwtSecret,
    ingestSecret: created.ingestSecret,
    owner,
    key: (role, storeId) => createKey(owner, role, storeId),
    agent: () => createKey(owner, 'AGENT'),
    pos: (storeId) => createKey(owner, 'POS', storeId),
    customer: (customerId, ttlSeconds) => customerClient(owner, customerId, ttlSeconds),
  };
}
