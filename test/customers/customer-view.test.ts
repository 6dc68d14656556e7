import { AgentCustomer360Document } from '../../schema/operations/generated';
import { createCustomer, createKey, earn, type Program, program, startGateway, type TestGateway } from '../support';

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

/** The statements one operation makes, the caller's key already known (looked up by an earlier request). */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const knex = gw.gateway.orm.em.getConnection().getKnex();
  statements.length = 0;
  knex.on('query', onQuery);
  try {
    return { result: await run(), statements: [...statements] };
  } finally {
    knex.off('query', onQuery);
  }
}

describe("the agent desktop's customer view (AgentCustomer360)", () => {
  it('answers in four statements: the customer, its reads together, the tiers and the benefits', async () => {
    const agent = await createKey(p.tenant.owner, 'AGENT');
    const customer = await createCustomer(p.tenant.owner);
    for (const points of [10, 20, 30]) await earn(p.tenant.owner, customer.id, points);
    await agent.data(`{ __typename }`);
    const { result, statements } = await counted(() => agent.data(AgentCustomer360Document, { id: customer.id }));
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
    expect(statements).toHaveLength(4);
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
    // The customers; identifiers, expiring points, tier status, health, timelines and histories together; the tiers.
    expect(statements).toHaveLength(3);
  });
});
