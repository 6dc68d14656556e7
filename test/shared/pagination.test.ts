import { randomUUID } from 'node:crypto';

import { createCustomer, createTenant, startGateway, type TenantFixture, type TestGateway } from '../support';

interface PageInfo {
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

interface Page {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: PageInfo;
}

/** What the queries below answer; each selects only its own connection. */
interface Data {
  customers: Page;
  customer: { pointsTransactions: Page; timeline: Page };
}

const PAGE = 'edges { cursor node { id } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor }';

// The three connections of the schema, each read the way a client pages through it.
const connections: Record<string, { query: string; pick: (data: Data) => Page }> = {
  customers: {
    query: `query ($first: Int, $after: String) { customers(first: $first, after: $after) { ${PAGE} } }`,
    pick: (data) => data.customers,
  },
  pointsTransactions: {
    query: `query ($id: ID!, $first: Int, $after: String) {
      customer(id: $id) { pointsTransactions(first: $first, after: $after) { ${PAGE} } } }`,
    pick: (data) => data.customer.pointsTransactions,
  },
  timeline: {
    query: `query ($id: ID!, $first: Int, $after: String) {
      customer(id: $id) { timeline(first: $first, after: $after, filter: { kinds: [POINTS_EARNED] }) { ${PAGE} } } }`,
    pick: (data) => data.customer.timeline,
  },
};

describe('Relay PageInfo', () => {
  let gw: TestGateway;
  let tenant: TenantFixture;
  let customerId: string;

  beforeAll(async () => {
    gw = await startGateway();
    tenant = await createTenant(gw);
    // Five of everything: pages of two are a first, a middle and a last page.
    customerId = (await createCustomer(tenant.owner)).id;
    for (let i = 0; i < 4; i += 1) await createCustomer(tenant.owner);
    for (let i = 0; i < 5; i += 1) {
      await tenant.owner.data(`mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { replayed } }`, {
        input: { customerId, points: 10 + i, reason: 'pagination test', idempotencyKey: randomUUID() },
      });
    }
  });

  afterAll(() => gw.close());

  describe.each(Object.keys(connections))('%s', (name) => {
    async function page(first: number, after?: string): Promise<Page> {
      const { query, pick } = connections[name];
      return pick(await tenant.owner.data<Data>(query, { id: customerId, first, after }));
    }

    it('first page: nothing before it, startCursor and endCursor are its first and last edges', async () => {
      const first = await page(2);
      expect(first.edges).toHaveLength(2);
      expect(first.pageInfo).toEqual({
        hasPreviousPage: false,
        hasNextPage: true,
        startCursor: first.edges[0].cursor,
        endCursor: first.edges[1].cursor,
      });
    });

    it('middle page: edges on both sides', async () => {
      const first = await page(2);
      const middle = await page(2, first.pageInfo.endCursor!);
      expect(middle.edges).toHaveLength(2);
      expect(middle.edges.map((e) => e.node.id)).not.toContain(first.edges[1].node.id);
      expect(middle.pageInfo).toEqual({
        hasPreviousPage: true,
        hasNextPage: true,
        startCursor: middle.edges[0].cursor,
        endCursor: middle.edges[1].cursor,
      });
    });

    it('last page, then an empty page after it: null cursors, nothing next', async () => {
      const first = await page(2);
      const middle = await page(2, first.pageInfo.endCursor!);
      const last = await page(2, middle.pageInfo.endCursor!);
      expect(last.edges).toHaveLength(1);
      expect(last.pageInfo).toEqual({
        hasPreviousPage: true,
        hasNextPage: false,
        startCursor: last.edges[0].cursor,
        endCursor: last.edges[0].cursor,
      });
      const empty = await page(2, last.pageInfo.endCursor!);
      expect(empty).toEqual({
        edges: [],
        pageInfo: { hasPreviousPage: true, hasNextPage: false, startCursor: null, endCursor: null },
      });
    });
  });

  it('an empty connection: no edges on either side and null cursors', async () => {
    const empty = await createTenant(gw);
    const data = await empty.owner.data<{ customers: Page }>(`{ customers { ${PAGE} } }`);
    expect(data.customers).toEqual({
      edges: [],
      pageInfo: { hasPreviousPage: false, hasNextPage: false, startCursor: null, endCursor: null },
    });
  });
});
