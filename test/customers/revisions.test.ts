import { CustomerUpdatedDocument } from '../generated/graphql';
import {
  balance,
  collect,
  createCustomer,
  createTenant,
  earn,
  errorCode,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway();
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

const UPDATE = `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { displayName profileRevision } }`;

interface IntrospectedField {
  name: string;
  isDeprecated: boolean;
  deprecationReason: string | null;
  description: string | null;
}

async function fieldsOf(type: string): Promise<Map<string, IntrospectedField>> {
  const { __type } = await tenant.owner.data(
    `query ($type: String!) {
      __type(name: $type) {
        fields(includeDeprecated: true) { name isDeprecated deprecationReason description }
        inputFields(includeDeprecated: true) { name isDeprecated deprecationReason description }
      }
    }`,
    { type },
  );
  const fields = ((__type.fields ?? __type.inputFields) as IntrospectedField[]) ?? [];
  return new Map(fields.map((field) => [field.name, field]));
}

describe('the counters are named for what they count', () => {
  it('answers profileRevision and balanceRevision, and the deprecated version with the same numbers', async () => {
    const customer = await createCustomer(tenant.owner);
    await tenant.owner.data(UPDATE, { input: { id: customer.id, displayName: 'Ada' } });
    const booked = await earn(tenant.owner, customer.id, 50);
    await earn(tenant.owner, customer.id, 20);
    expect(booked.balance.balanceRevision).toBe(1);

    const { customer: read } = await tenant.owner.data(
      `query ($id: ID!) {
        customer(id: $id) { profileRevision version balance { balanceRevision version } }
      }`,
      { id: customer.id },
    );
    expect(read).toEqual({ profileRevision: 2, version: 2, balance: { balanceRevision: 2, version: 2 } });
    expect((await balance(tenant.owner, customer.id)).balanceRevision).toBe(2);

    const { earnPoints } = await tenant.owner.data(
      `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { balance { balanceRevision version } } }`,
      { input: { customerId: customer.id, points: 5, reason: 'x', idempotencyKey: crypto.randomUUID() } },
    );
    expect(earnPoints.balance).toEqual({ balanceRevision: 3, version: 3 });
  });

  it('pushes profileRevision (and the deprecated version) with customerUpdated', async () => {
    const customer = await createCustomer(tenant.owner);
    const client = tenant.owner.ws();
    try {
      const sub = collect(client, CustomerUpdatedDocument, { id: customer.id });
      const old = collect(client, `subscription ($id: ID!) { customerUpdated(customerId: $id) { version } }`, {
        id: customer.id,
      });
      await new Promise((r) => setTimeout(r, 100));
      await tenant.owner.data(UPDATE, { input: { id: customer.id, displayName: 'Bo' } });
      const [event] = await sub.next(1);
      const [oldEvent] = await old.next(1);
      expect(event.data?.customerUpdated.profileRevision).toBe(2);
      expect(oldEvent.data?.customerUpdated).toEqual({ version: 2 });
    } finally {
      await client.dispose();
    }
  });

  it('marks the old names deprecated in introspection, pointing to the new ones and to LoyaltyState.version', async () => {
    const cases: [string, string, string][] = [
      ['Customer', 'version', 'profileRevision'],
      ['CustomerUpdate', 'version', 'profileRevision'],
      ['Balance', 'version', 'balanceRevision'],
      ['BalanceAfter', 'version', 'balanceRevision'],
    ];
    for (const [type, old, renamed] of cases) {
      const fields = await fieldsOf(type);
      expect(fields.get(old)).toMatchObject({ isDeprecated: true });
      expect(fields.get(old)?.deprecationReason).toContain(`Use ${renamed}`);
      expect(fields.get(old)?.deprecationReason).toContain('LoyaltyState.version');
      expect(fields.get(renamed)).toMatchObject({ isDeprecated: false });
      expect(fields.get(renamed)?.description).toMatch(/^(Counts|The profile's revision)/);
      expect(fields.get(renamed)?.description).toContain('LoyaltyState.version');
    }
    const input = await fieldsOf('UpdateCustomerInput');
    expect(input.get('expectedVersion')).toMatchObject({
      isDeprecated: true,
      deprecationReason: 'Use expectedProfileRevision.',
    });
    expect(input.get('expectedProfileRevision')).toMatchObject({ isDeprecated: false });
    const state = await fieldsOf('LoyaltyState');
    expect(state.get('version')).toMatchObject({ isDeprecated: false });
  });
});

describe('optimistic concurrency with expectedProfileRevision', () => {
  it('applies an update at the expected revision and refuses a stale one with CONFLICT, changing nothing', async () => {
    const customer = await createCustomer(tenant.owner, { displayName: 'R1' });
    const ok = await tenant.owner.data(UPDATE, {
      input: { id: customer.id, displayName: 'R2', expectedProfileRevision: 1 },
    });
    expect(ok.updateCustomer).toEqual({ displayName: 'R2', profileRevision: 2 });

    const stale = await tenant.owner.gql(UPDATE, {
      input: { id: customer.id, displayName: 'R3', expectedProfileRevision: 1 },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VERSION_MISMATCH',
      field: 'input.expectedProfileRevision',
    });
    expect(stale.errors?.[0]?.message).toContain('profileRevision 2');

    const { customer: now } = await tenant.owner.data(
      `query ($id: ID!) { customer(id: $id) { displayName profileRevision } }`,
      { id: customer.id },
    );
    expect(now).toEqual({ displayName: 'R2', profileRevision: 2 });
  });

  it('still honours the deprecated expectedVersion, and refuses the two when they disagree', async () => {
    const customer = await createCustomer(tenant.owner);
    const stale = await tenant.owner.gql(UPDATE, { input: { id: customer.id, displayName: 'x', expectedVersion: 5 } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion' });

    const both = await tenant.owner.gql(UPDATE, {
      input: { id: customer.id, displayName: 'x', expectedVersion: 1, expectedProfileRevision: 2 },
    });
    expect(errorCode(both)).toBe('BAD_USER_INPUT');

    const agreeing = await tenant.owner.data(UPDATE, {
      input: { id: customer.id, displayName: 'y', expectedVersion: 1, expectedProfileRevision: 1 },
    });
    expect(agreeing.updateCustomer).toEqual({ displayName: 'y', profileRevision: 2 });
  });
});
