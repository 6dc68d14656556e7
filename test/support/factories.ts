import { randomUUID } from 'node:crypto';

import { TEST_ADMIN_TOKEN } from './env';
import { gqlOk, type TestGateway } from './gateway';

export interface TenantFixture {
  tenantId: string;
  ownerKey: string;
  customerJwtSecret: string;
  ingestSecret: string;
}

/** A fresh tenant with its OWNER key: every test works in its own, so tests never see each other's rows. */
export async function createTenant(
  gw: TestGateway,
  name = `Tenant ${randomUUID().slice(0, 8)}`,
): Promise<TenantFixture> {
  const data = await gqlOk<{
    createTenant: {
      tenant: { id: string };
      ownerKey: { secret: string };
      customerJwtSecret: string;
      ingestSecret: string;
    };
  }>(
    gw,
    `mutation ($input: CreateTenantInput!) {
      createTenant(input: $input) { tenant { id } ownerKey { secret } customerJwtSecret ingestSecret }
    }`,
    { input: { name, currency: 'EUR', timezone: 'Europe/Paris' } },
    TEST_ADMIN_TOKEN,
  );
  return {
    tenantId: data.createTenant.tenant.id,
    ownerKey: data.createTenant.ownerKey.secret,
    customerJwtSecret: data.createTenant.customerJwtSecret,
    ingestSecret: data.createTenant.ingestSecret,
  };
}

export async function createApiKey(
  gw: TestGateway,
  token: string,
  role: string,
  storeId?: string,
): Promise<{ id: string; secret: string }> {
  const data = await gqlOk<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
    gw,
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`,
    { input: { role, name: `${role} key`, storeId } },
    token,
  );
  return { id: data.createApiKey.apiKey.id, secret: data.createApiKey.secret };
}

export async function createStore(
  gw: TestGateway,
  token: string,
  code = `S${randomUUID().slice(0, 6)}`,
  region = 'north',
): Promise<{ id: string; code: string }> {
  const data = await gqlOk<{ createStore: { id: string; code: string } }>(
    gw,
    `mutation ($input: CreateStoreInput!) { createStore(input: $input) { id code } }`,
    { input: { name: `Store ${code}`, code, region } },
    token,
  );
  return data.createStore;
}

let phoneCounter = 0;

/** A unique, valid French mobile number per call. */
export function uniquePhone(): string {
  phoneCounter += 1;
  const digits = String((Date.now() % 1_000_000) * 100 + (phoneCounter % 100))
    .padStart(8, '0')
    .slice(-8);
  return `+336${digits}`;
}

export async function createCustomer(
  gw: TestGateway,
  token: string,
  input: { email?: string; phone?: string; displayName?: string } = {},
): Promise<{ id: string; email: string | null; phone: string | null; version: number }> {
  const data = await gqlOk<{
    createCustomer: { id: string; email: string | null; phone: string | null; version: number };
  }>(
    gw,
    `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id email phone version } }`,
    { input: { email: `c-${randomUUID().slice(0, 8)}@example.com`, ...input } },
    token,
  );
  return data.createCustomer;
}

export async function customerToken(gw: TestGateway, token: string, customerId: string): Promise<string> {
  const data = await gqlOk<{ issueCustomerToken: { token: string } }>(
    gw,
    `mutation ($id: ID!) { issueCustomerToken(customerId: $id) { token } }`,
    { id: customerId },
    token,
  );
  return data.issueCustomerToken.token;
}
