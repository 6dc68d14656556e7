import { randomUUID } from 'node:crypto';

import { collect, createCustomer, createTenant, startGateway, type TenantFixture, type TestGateway } from '../support';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' } });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id name } } }`;
const UPDATE = `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id displayName } }`;
const SEARCH = `query ($search: String) { customers(first: 5, search: $search) { edges { node { id } } } }`;
const RECORD = `mutation ($input: RecordInteractionInput!) { recordInteraction(input: $input) { id summary data } }`;

describe('strings with control characters', () => {
  it('are refused as BAD_USER_INPUT naming the field, in mutations and queries, from variables and literals', async () => {
    const customer = await createCustomer(tenant.owner);
    const refused = [
      await tenant.owner.gql(CREATE_KEY, { input: { role: 'AGENT', name: '\u0000\u0001' } }),
      await tenant.owner.gql(UPDATE, { input: { id: customer.id, displayName: 'Ada\u0007' } }),
      await tenant.owner.gql(SEARCH, { search: 'ada\u0000' }),
      await tenant.owner.gql(`{ customers(first: 5, search: "ada\\u0000") { edges { node { id } } } }`, {}),
      // A name is one line: a line feed is a control character there.
      await tenant.owner.gql(UPDATE, { input: { id: customer.id, displayName: 'Ada\nLovelace' } }),
      await tenant.owner.gql(
        `mutation { createStore(input: { name: "Nord", code: "N\\u0000", region: "north" }) { id } }`,
        {},
      ),
    ];
    expect(refused.map((res) => [res.status, res.errors?.[0]?.extensions])).toEqual([
      [400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.name' })],
      [400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.displayName' })],
      [400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'search' })],
      [400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'search' })],
      [400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.displayName' })],
      [400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.code' })],
    ]);
    // Nothing ran: the customer is unchanged.
    const read = await tenant.owner.data<{ customer: { displayName: string | null } }>(
      `query ($id: ID!) { customer(id: $id) { displayName } }`,
      { id: customer.id },
    );
    expect(read.customer.displayName).toBeNull();
  });

  it('allow tab and line breaks in free text, and refuse other control characters there and in JSON data', async () => {
    const customer = await createCustomer(tenant.owner);
    const input = { customerId: customer.id, kind: 'NOTE', summary: 'Called.\r\n\tParcel found.' };
    const stored = await tenant.owner.data<{ recordInteraction: { summary: string } }>(RECORD, {
      input: { ...input, idempotencyKey: randomUUID() },
    });
    expect(stored.recordInteraction.summary).toBe('Called.\r\n\tParcel found.');
    const nul = await tenant.owner.gql(RECORD, {
      input: { ...input, summary: 'bad \u0000', idempotencyKey: randomUUID() },
    });
    expect(nul.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.summary' });
    const data = await tenant.owner.gql(RECORD, {
      input: { ...input, data: { note: ['ok', 'bad \u0000'] }, idempotencyKey: randomUUID() },
    });
    expect(data.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.data.note.1' });
  });

  it('are refused over the WebSocket too', async () => {
    const client = tenant.owner.ws();
    try {
      const sub = collect(client, CREATE_KEY, { input: { role: 'AGENT', name: 'till\u0000' } });
      const [result] = await sub.next(1);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    } finally {
      await client.dispose();
    }
  });
});
