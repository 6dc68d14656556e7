import { randomUUID } from 'node:crypto';

import { AgentCustomer360Document } from '../../schema/operations/generated';
import { createLoaders } from '../../src/loaders';
import { ReadBatch } from '../../src/shared/db/read-batch';
import {
  createCustomer,
  createKey,
  createTenant,
  earn,
  type Program,
  program,
  startGateway,
  type TestGateway,
} from '../support';

let gw: TestGateway;
let p: Program;
const statements: string[] = [];
const onQuery = (query: { sql: string; __knexTxId?: string }) => {
  // The outbox relay shares the pool and wakes on the earns: its statements (in transactions, or pruning) are
  // not the request's, whose reads run outside any transaction.
  if (!query.__knexTxId && !/^(begin|commit|rollback)|^\s*delete from outbox_event/i.test(query.sql))
    statements.push(query.sql);
};

beforeAll(async () => {
  gw = await startGateway();
  p = await program(gw);
});
afterAll(async () => {
  await gw.close();
});

/**
 * The statements one operation makes, the caller's key already known (looked up by an earlier request), and the
 * EntityManager forks its context made (the outbox relay forks its own: not counted).
 */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[]; forks: number }> {
  const knex = gw.gateway.orm.em.getConnection().getKnex();
  const original = gw.gateway.orm.em.fork.bind(gw.gateway.orm.em);
  let forks = 0;
  const fork = jest.spyOn(gw.gateway.orm.em, 'fork').mockImplementation((options) => {
    if ((new Error().stack ?? '').includes('shared/context')) forks += 1;
    return original(options);
  });
  statements.length = 0;
  knex.on('query', onQuery);
  try {
    return { result: await run(), statements: [...statements], forks };
  } finally {
    knex.off('query', onQuery);
    fork.mockRestore();
  }
}

describe("the agent desktop's customer view (AgentCustomer360)", () => {
  it('answers in two statements and forks no EntityManager: the customer with its balance, then the rest together', async () => {
    const agent = await createKey(p.tenant.owner, 'AGENT');
    const customer = await createCustomer(p.tenant.owner);
    for (const points of [10, 20, 30]) await earn(p.tenant.owner, customer.id, points);
    await agent.data(`{ __typename }`);
    const { result, statements, forks } = await counted(() =>
      agent.data(AgentCustomer360Document, { id: customer.id }),
    );
    expect(result.customer).toMatchObject({
      id: customer.id,
      email: customer.email,
      identifiers: expect.arrayContaining([{ kind: 'EMAIL', value: customer.email }]),
      balance: { available: 60, balanceRevision: 3, lifetimeEarned: 60, expiringPoints: 0 },
      tier: { current: { code: 'BASE' }, limitedTime: false, progress: { remaining: 10_000 } },
    });
    expect(result.customer.pointsTransactions.edges.map((edge) => edge.node.points)).toEqual([30, 20, 10]);
    expect(result.customer.timeline.edges).toHaveLength(3);
    expect(result.loyaltyState).toMatchObject({ customerId: customer.id, balance: { available: 60 } });
    expect(result.benefits).toEqual([]);
    // The customer with its balance; identifiers, expiring points, tiers, tier status, benefits, health, both pages
    // and the loyalty state together. Each is a plain read: nothing to hydrate, no identity map.
    expect(statements).toHaveLength(2);
    expect(forks).toBe(0);
  });

  it('costs the same statements for two customers in one operation', async () => {
    const [one, two] = [await createCustomer(p.tenant.owner), await createCustomer(p.tenant.owner)];
    await earn(p.tenant.owner, one.id, 5);
    await earn(p.tenant.owner, two.id, 7);
    const fields = `id identifiers { value } balance { available expiringPoints(withinDays: 30) } tier { current { code } }
      health { score } timeline(first: 2) { edges { node { kind } } } pointsTransactions(first: 2) { edges { node { points } } }`;
    const { result, statements } = await counted(() =>
      p.tenant.owner.data(
        `query ($one: ID!, $two: ID!) { a: customer(id: $one) { ${fields} } b: customer(id: $two) { ${fields} } }`,
        {
          one: one.id,
          two: two.id,
        },
      ),
    );
    expect(result.a.balance.available).toBe(5);
    expect(result.b.pointsTransactions.edges).toEqual([{ node: { points: 7 } }]);
    expect(result.b.identifiers).toEqual(expect.arrayContaining([{ value: two.email }]));
    // The customers; identifiers, expiring points, tiers, tier status, health, timelines and histories together.
    expect(statements).toHaveLength(2);
  });
});

describe("the mobile app's balance read", () => {
  it('is one statement, the customer with its balance, and forks no EntityManager', async () => {
    const customer = await createCustomer(p.tenant.owner);
    await earn(p.tenant.owner, customer.id, 25);
    const { result, statements, forks } = await counted(() =>
      p.tenant.owner.data(`query ($id: ID!) { customer(id: $id) { balance { available pending version } } }`, {
        id: customer.id,
      }),
    );
    expect(result.customer.balance).toEqual({ available: 25, pending: 0, version: 1 });
    expect(statements).toHaveLength(1);
    expect(forks).toBe(0);
  });

  it("answers a merged profile's id with its survivor's balance, still in one statement", async () => {
    const [survivor, merged] = [await createCustomer(p.tenant.owner), await createCustomer(p.tenant.owner)];
    await earn(p.tenant.owner, survivor.id, 30);
    await earn(p.tenant.owner, merged.id, 12);
    await p.tenant.owner.data(
      `mutation ($input: MergeCustomersInput!) { mergeCustomers(input: $input) { survivor { id } } }`,
      { input: { survivorId: survivor.id, mergedId: merged.id, reason: 'duplicate', idempotencyKey: randomUUID() } },
    );
    const { result, statements } = await counted(() =>
      p.tenant.owner.data(`query ($id: ID!) { customer(id: $id) { id balance { available } } }`, { id: merged.id }),
    );
    expect(result.customer).toEqual({ id: survivor.id, balance: { available: 42 } });
    expect(statements).toHaveLength(1);
  });

  it("shares a statement with another tenant's request, yet answers each only with its own tenant's customers", async () => {
    const other = await createTenant(gw);
    const [mine, theirs] = [await createCustomer(p.tenant.owner), await createCustomer(other.owner)];
    await earn(p.tenant.owner, mine.id, 3);
    await earn(other.owner, theirs.id, 4);
    const reads = new ReadBatch(gw.gateway.orm.em.getDriver());
    const em = () => gw.gateway.orm.em.fork();
    const [a, b] = [p.tenant.tenantId, other.tenantId].map((tenantId) => createLoaders({ reads, em, tenantId }));
    const { result, statements } = await counted(() =>
      Promise.all([
        a.customerById.load(mine.id),
        b.customerById.load(theirs.id),
        // Another tenant's customer, asked for in the same turn: not found, as ever.
        a.customerById.load(theirs.id),
      ]),
    );
    expect(result.map((customer) => customer?.id ?? null)).toEqual([mine.id, theirs.id, null]);
    expect(await a.balanceByCustomerId.load(mine.id)).toMatchObject({ available: 3 });
    expect(await b.balanceByCustomerId.load(theirs.id)).toMatchObject({ available: 4 });
    expect(statements).toHaveLength(1);
  });
});
