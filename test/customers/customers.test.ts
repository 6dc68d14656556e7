import { CustomersDocument, SearchCustomersDocument } from '../generated/graphql';
import {
  createCustomer,
  createTenant,
  errorCode,
  startGateway,
  type TenantFixture,
  type TestGateway,
  uniquePhone,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway();
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

describe('createCustomer', () => {
  it('stores email lower-cased and phone in E.164, both unique within the tenant', async () => {
    const phone = uniquePhone();
    const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 4)} ${phone.slice(4, 6)} ${phone.slice(6)}`;
    const created = await createCustomer(tenant.owner, {
      email: '  Grace.Hopper@Navy.MIL ',
      phone: spaced,
      displayName: ' Grace ',
    });
    expect(created).toMatchObject({ email: 'grace.hopper@navy.mil', phone, profileRevision: 1 });
    const samePhone = await tenant.owner.gql(`mutation ($p: String) { createCustomer(input: { phone: $p }) { id } }`, {
      p: phone,
    });
    expect(samePhone.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.phone',
      reason: 'PHONE_TAKEN',
    });
  });
});

describe('customers connection', () => {
  it('pages newest first through every customer exactly once, stable while customers are added', async () => {
    const own = await createTenant(gw);
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) created.push((await createCustomer(own.owner, { displayName: `P${i}` })).id);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const { customers } = await own.owner.data(CustomersDocument, { first: 3, after });
      seen.push(...customers.edges.map((edge) => edge.node.id));
      pages += 1;
      // A customer created mid-walk is newer than every cursor, so it must not shift later pages.
      if (pages === 1) await createCustomer(own.owner, { displayName: 'Late' });
      if (!customers.pageInfo.hasNextPage) break;
      after = customers.pageInfo.endCursor ?? undefined;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
  });

  it('searches by email prefix, phone and part of the name', async () => {
    const own = await createTenant(gw);
    const phone = uniquePhone();
    const ada = await createCustomer(own.owner, {
      email: 'ada@analytical.org',
      displayName: 'Ada Lovelace',
      phone,
    });
    const alan = await createCustomer(own.owner, { email: 'alan@turing.org', displayName: 'Alan Turing' });
    await createCustomer(own.owner, { email: 'percent@example.com', displayName: '100% Real' });
    const ids = async (search: string) =>
      (await own.owner.data(SearchCustomersDocument, { search })).customers.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );

    expect(await ids('ADA@')).toEqual([ada.id]);
    expect(await ids('lovelace')).toEqual([ada.id]);
    expect(await ids(phone)).toEqual([ada.id]);
    expect(await ids('turing')).toEqual([alan.id]);
    expect(await ids('al')).toHaveLength(2); // alan@ by email prefix, "100% Real" by name
    expect(await ids('%')).toHaveLength(1); // a literal percent sign, not a wildcard
  });

  it('loads customers named twice in one request with one batched statement', async () => {
    const [one, two] = [await createCustomer(tenant.owner), await createCustomer(tenant.owner)];
    const knex = gw.gateway.orm.em.getConnection().getKnex();
    const seen: { sql: string; __knexTxId?: string }[] = [];
    const onQuery = (query: { sql: string; __knexTxId?: string }) => seen.push(query);
    knex.on('query', onQuery);
    try {
      const res = await tenant.owner.data(
        `query ($one: ID!, $two: ID!) { a: customer(id: $one) { id } b: customer(id: $two) { email } c: customer(id: $one) { displayName } }`,
        { one: one.id, two: two.id },
      );
      expect(res.a.id).toBe(one.id);
      expect(res.b.email).toBe(two.email);
    } finally {
      knex.off('query', onQuery);
    }
    // The outbox relay polls on the same pool in the background (in transactions of its own): not the request's.
    const relayTx = new Set(seen.filter((q) => /outbox_event/.test(q.sql)).map((q) => q.__knexTxId ?? q.sql));
    const statements = seen.filter((q) => !relayTx.has(q.__knexTxId ?? q.sql)).map((q) => q.sql);
    // All three customer fields in one batched statement; at most one more, to check the API key
    // (usually cached from the requests just before).
    const customerStatements = statements.filter((sql) => /from customer as k/.test(sql));
    expect(customerStatements).toHaveLength(1);
    expect(customerStatements[0]).toMatch(/k\.id in \('[^']+', '[^']+'\)/);
    expect(statements.length).toBeLessThanOrEqual(2);
  });
});

describe('issueCustomerToken', () => {
  it('refuses an out-of-range lifetime and an unknown customer, naming the argument', async () => {
    const customer = await createCustomer(tenant.owner);
    const ttl = await tenant.owner.gql(
      `mutation ($id: ID!) { issueCustomerToken(customerId: $id, ttlSeconds: 5) { token } }`,
      { id: customer.id },
    );
    expect(ttl.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ttlSeconds' });
    const unknown = await tenant.owner.gql(
      `mutation { issueCustomerToken(customerId: "00000000-0000-4000-8000-000000000000") { token } }`,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'customerId' });
    expect(
      errorCode(
        await gw.anonymous.gql(`mutation ($id: ID!) { issueCustomerToken(customerId: $id) { token } }`, {
          id: customer.id,
        }),
      ),
    ).toBe('UNAUTHENTICATED');
  });
});
