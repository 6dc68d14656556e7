import { randomUUID } from 'node:crypto';

import {
  AddCustomerIdentifierDocument,
  type IdentifierInput,
  ResolveCustomerDocument,
  type ResolveCustomerInput,
} from '../generated/graphql';
import {
  type ApiClient,
  createCustomer,
  createStore,
  createTenant,
  startGateway,
  type TenantFixture,
  type TestGateway,
  unique,
  uniquePhone,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' } });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

async function resolve(
  identifiers: IdentifierInput[],
  extra: Partial<ResolveCustomerInput> = {},
  token: ApiClient = tenant.owner,
) {
  return (await token.data(ResolveCustomerDocument, { input: { identifiers, ...extra } })).resolveCustomer;
}

describe('identifiers', () => {
  it("keeps a profile's email and phone as identifiers, normalised, and follows their changes", async () => {
    const email = `Ada.${unique()}@Example.com`;
    const customer = await createCustomer(tenant.owner, { email, phone: uniquePhone() });
    const read = async () =>
      (
        await tenant.owner.data(`query ($id: ID!) { customer(id: $id) { identifiers { kind value source } } }`, {
          id: customer.id,
        })
      ).customer.identifiers;
    expect(await read()).toEqual(
      expect.arrayContaining([
        { kind: 'EMAIL', value: email.toLowerCase(), source: 'profile' },
        { kind: 'PHONE', value: customer.phone, source: 'profile' },
      ]),
    );
    const newEmail = `ada.new.${unique()}@example.com`;
    await tenant.owner.data(`mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`, {
      input: { id: customer.id, email: newEmail },
    });
    const emails = (await read()).filter((identifier: { kind: string }) => identifier.kind === 'EMAIL');
    expect(emails).toEqual([{ kind: 'EMAIL', value: newEmail, source: 'profile' }]);
    // The old email is free again: it now resolves to nobody.
    expect((await resolve([{ kind: 'EMAIL', value: email }], { createIfMissing: false })).outcome).toBe('NOT_FOUND');
  });

  it('holds each identifier for one customer of the tenant only, whatever its spelling', async () => {
    const [a, b] = [await createCustomer(tenant.owner), await createCustomer(tenant.owner)];
    const card = `LG${unique().toUpperCase()}`;
    await tenant.owner.data(AddCustomerIdentifierDocument, {
      input: { customerId: a.id, kind: 'LOYALTY_CARD', value: card, source: 'pos' },
    });
    await tenant.owner.data(AddCustomerIdentifierDocument, {
      input: { customerId: a.id, kind: 'LOYALTY_CARD', value: card.toLowerCase() },
    });
    const taken = await tenant.owner.gql(AddCustomerIdentifierDocument, {
      input: { customerId: b.id, kind: 'LOYALTY_CARD', value: `${card.slice(0, 4)}-${card.slice(4).toLowerCase()}` },
    });
    expect(taken.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDENTIFIER_TAKEN',
      field: 'input.value',
    });
    const bad = await tenant.owner.gql(AddCustomerIdentifierDocument, {
      input: { customerId: b.id, kind: 'PHONE', value: '06 12' },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.0.value' });
    const emailOfA = await tenant.owner.gql(
      `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`,
      { input: { id: b.id, email: a.email } },
    );
    expect(emailOfA.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
  });
});

describe('resolveCustomer', () => {
  it('creates a customer for new identifiers, then finds it by any of them in any spelling, adding what it lacks', async () => {
    const email = `grace.${unique()}@example.com`;
    const crm = `CRM-${unique()}`;
    const created = await resolve(
      [
        { kind: 'EMAIL', value: email.toUpperCase() },
        { kind: 'CRM_ID', value: crm },
      ],
      { displayName: 'Grace', source: 'crm' },
    );
    expect(created).toMatchObject({ outcome: 'CREATED', customer: { email, anonymous: false, displayName: 'Grace' } });
    const again = await resolve([{ kind: 'CRM_ID', value: ` ${crm} ` }]);
    expect(again).toMatchObject({ outcome: 'MATCHED', customer: { id: created.customer!.id }, added: [] });
    const card = `${unique()}card`.toUpperCase();
    const linked = await resolve(
      [
        { kind: 'EMAIL', value: email },
        { kind: 'LOYALTY_CARD', value: card },
      ],
      { source: 'pos' },
    );
    expect(linked).toMatchObject({
      outcome: 'LINKED',
      customer: { id: created.customer!.id },
      added: [{ kind: 'LOYALTY_CARD', value: card }],
    });
    expect(linked.customer!.identifiers).toEqual(
      expect.arrayContaining([{ kind: 'LOYALTY_CARD', value: card, source: 'pos' }]),
    );
  });

  it('links an anonymous profile that signs in: same customer, same history, now known', async () => {
    const device = `device-${randomUUID()}`;
    const anonymous = await resolve([{ kind: 'DEVICE_ID', value: device }], { source: 'mobile' });
    expect(anonymous).toMatchObject({ outcome: 'CREATED', customer: { anonymous: true, email: null } });
    await tenant.owner.data(
      `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { balance { available } } }`,
      {
        input: {
          customerId: anonymous.customer!.id,
          points: 25,
          reason: 'app install bonus',
          idempotencyKey: randomUUID(),
        },
      },
    );
    const email = `signed.${unique()}@example.com`;
    const signedIn = await resolve([
      { kind: 'DEVICE_ID', value: device },
      { kind: 'EMAIL', value: email },
    ]);
    expect(signedIn).toMatchObject({
      outcome: 'LINKED',
      customer: { id: anonymous.customer!.id, anonymous: false, email },
    });
    const balance = (
      await tenant.owner.data(`query ($id: ID!) { customer(id: $id) { balance { available } } }`, {
        id: signedIn.customer!.id,
      })
    ).customer.balance;
    expect(balance.available).toBe(25);
  });

  it('says so when the identifiers belong to different customers, and changes nothing', async () => {
    const [a, b] = [await createCustomer(tenant.owner), await createCustomer(tenant.owner)];
    const device = `device-${randomUUID()}`;
    const result = await resolve([
      { kind: 'EMAIL', value: a.email! },
      { kind: 'EMAIL', value: b.email! },
      { kind: 'DEVICE_ID', value: device },
    ]);
    expect(result.outcome).toBe('AMBIGUOUS');
    expect(result.customer).toBeNull();
    expect(result.candidates.map((c: { id: string }) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect((await resolve([{ kind: 'DEVICE_ID', value: device }], { createIfMissing: false })).outcome).toBe(
      'NOT_FOUND',
    );
  });

  it('never matches an identifier of another tenant', async () => {
    const other = await createTenant(gw);
    const email = `shared.${unique()}@example.com`;
    const mine = await resolve([{ kind: 'EMAIL', value: email }]);
    const theirs = await resolve([{ kind: 'EMAIL', value: email }], {}, other.owner);
    expect(theirs.outcome).toBe('CREATED');
    expect(theirs.customer!.id).not.toBe(mine.customer!.id);
    const ambiguous = await other.owner.gql(AddCustomerIdentifierDocument, {
      input: { customerId: mine.customer!.id, kind: 'CRM_ID', value: 'x' },
    });
    expect(ambiguous.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('creates one customer when the same new identifiers arrive at once from several channels', async () => {
    const email = `burst.${unique()}@example.com`;
    const results = await Promise.all(Array.from({ length: 6 }, () => resolve([{ kind: 'EMAIL', value: email }])));
    expect(new Set(results.map((r) => r.customer!.id)).size).toBe(1);
    expect(results.filter((r) => r.outcome === 'CREATED')).toHaveLength(1);
  });

  it('lets a customer add their own device, but not an email, card or account number', async () => {
    const someone = await createCustomer(tenant.owner);
    const token = await tenant.customer(someone.id);
    const claim = await token.gql(AddCustomerIdentifierDocument, {
      input: { customerId: someone.id, kind: 'BILLING_ID', value: `ACME-${unique()}` },
    });
    expect(claim.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    const device = await token.data(AddCustomerIdentifierDocument, {
      input: { customerId: someone.id, kind: 'DEVICE_ID', value: `dev-${unique()}` },
    });
    expect(device.addCustomerIdentifier.identifiers.map((i: { kind: string }) => i.kind)).toContain('DEVICE_ID');
  });

  it('lets staff update a profile known only by a CRM id', async () => {
    const created = await resolve([{ kind: 'CRM_ID', value: `CRM-${unique()}` }], { displayName: 'Old' });
    const updated = await tenant.owner.data(
      `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { displayName } }`,
      { input: { id: created.customer!.id, displayName: 'New' } },
    );
    expect(updated.updateCustomer.displayName).toBe('New');
  });

  it('is for staff and integrations; a POS resolves at its till, a customer token cannot', async () => {
    const store = await createStore(tenant.owner);
    const pos = await tenant.pos(store.id);
    const card = `${unique()}pos`.toUpperCase();
    expect((await resolve([{ kind: 'LOYALTY_CARD', value: card }], {}, pos)).outcome).toBe('CREATED');
    const someone = await createCustomer(tenant.owner);
    const token = await tenant.customer(someone.id);
    const res = await token.gql(ResolveCustomerDocument, {
      input: { identifiers: [{ kind: 'LOYALTY_CARD', value: card }] },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
