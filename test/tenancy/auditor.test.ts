import {
  CreateApiKeyDocument,
  LedgerIntegrityDocument,
  SearchCustomersDocument,
  ViewerRoleDocument,
} from '../generated/graphql';
import {
  createCustomer,
  createStore,
  createTenant,
  earn,
  errorCode,
  key,
  type KeyClient,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;
let auditor: KeyClient;

beforeAll(async () => {
  gw = await startGateway();
  tenant = await createTenant(gw);
  auditor = await tenant.key('AUDITOR');
});
afterAll(() => gw.close());

describe('an AUDITOR key', () => {
  it('is created by an OWNER key only', async () => {
    expect((await auditor.data(ViewerRoleDocument, {})).viewer.role).toBe('AUDITOR');
    const admin = await tenant.key('ADMIN');
    const res = await admin.gql(CreateApiKeyDocument, { input: { role: 'AUDITOR', name: 'own auditor' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_GRANTABLE' });
    // Nor can an auditor make keys, itself included.
    const own = await auditor.gql(CreateApiKeyDocument, { input: { role: 'AUDITOR', name: 'another' } });
    expect(errorCode(own)).toBe('FORBIDDEN');
  });

  it('reads the tenant, its stores and the ledger verification', async () => {
    const store = await createStore(tenant.owner);
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 10);
    const read = await auditor.data(`{ tenant { id } stores { id } }`);
    expect(read.tenant.id).toBe(tenant.tenantId);
    expect(read.stores.map((found: { id: string }) => found.id)).toContain(store.id);
    const { ledgerIntegrity } = await auditor.data(LedgerIntegrityDocument, {});
    expect(ledgerIntegrity).toMatchObject({ ok: true });
    expect(ledgerIntegrity.transactionsChecked).toBeGreaterThan(0);
  });

  it('cannot search or read customers, nor write anything', async () => {
    const customer = await createCustomer(tenant.owner);
    expect(errorCode(await auditor.gql(SearchCustomersDocument, { first: 10 }))).toBe('FORBIDDEN');
    expect(errorCode(await auditor.gql(`query ($id: ID!) { customer(id: $id) { id } }`, { id: customer.id }))).toBe(
      'FORBIDDEN',
    );
    const earned = await auditor.gql(
      `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { transaction { id } } }`,
      { input: { customerId: customer.id, points: 5, reason: 'audit', idempotencyKey: key() } },
    );
    expect(errorCode(earned)).toBe('FORBIDDEN');
    const created = await auditor.gql(`mutation { createCustomer(input: { email: "x@example.com" }) { id } }`);
    expect(errorCode(created)).toBe('FORBIDDEN');
    const store = await auditor.gql(`mutation { createStore(input: { name: "x", code: "x9", region: "r" }) { id } }`);
    expect(errorCode(store)).toBe('FORBIDDEN');
  });
});
