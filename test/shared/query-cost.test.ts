import {
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

/** 30 aliases (the alias limit) of a page of customers, each with a page of its transactions. */
function aliasedPages(first: string): string {
  const page = `customers(first: ${first}) { edges { node { id pointsTransactions(first: ${first}) { edges { node { id points } } } } } }`;
  return Array.from({ length: 30 }, (_, i) => `a${i}: ${page}`).join(' ');
}

const AGENT_DESKTOP = `query AgentDesktop($id: ID!) {
  customer(id: $id) {
    id displayName email phone kind segments version createdAt
    balance { available pending lifetimeEarned lifetimeRedeemed expired }
    tier { current { code name } since expiresAt limitedTime }
    identifiers { kind value }
    pointsTransactions(first: 20) {
      edges { cursor node { id kind points reason channel actor createdAt } }
      pageInfo { hasNextPage endCursor }
    }
    timeline(first: 20) {
      edges { cursor node { id kind source channel summary occurredAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

describe('query cost with the variables applied', () => {
  it('page sizes sent as variables count as multipliers: refused before any resolver runs, with the cost', async () => {
    const viaVariables = await tenant.owner.gql(`query ($n: Int) { ${aliasedPages('$n')} }`, { n: 100 });
    expect(viaVariables.status).toBe(400);
    expect(viaVariables.data).toBeUndefined();
    expect(viaVariables.errors).toHaveLength(1);
    expect(viaVariables.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'QUERY_TOO_COSTLY',
      maxCost: 5000,
    });
    const cost = viaVariables.errors?.[0]?.extensions?.cost;
    expect(typeof cost === 'number' && cost > 5000).toBe(true);

    // The same operation with literal page sizes is refused the same way, with the same cost.
    const literal = await tenant.owner.gql(`{ ${aliasedPages('100')} }`);
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost });

    // Small pages through the same variable pass.
    const small = await tenant.owner.gql(`query ($n: Int) { ${aliasedPages('$n')} }`, { n: 2 });
    expect(small.errors).toBeUndefined();
  });

  it('a repeated operation is costed for the variables it is sent with: @include decides what counts', async () => {
    const query = `query ($n: Int, $on: Boolean!) { __typename ... @include(if: $on) { ${aliasedPages('$n')} } }`;
    for (const [on, refused] of [
      [false, false],
      [true, true],
      [false, false],
    ] as const) {
      const res = await tenant.owner.gql(query, { n: 100, on });
      expect(res.errors?.[0]?.extensions?.reason).toBe(refused ? 'QUERY_TOO_COSTLY' : undefined);
    }
  });

  it('over WebSocket, the same operation is refused with the same code', async () => {
    const client = tenant.owner.ws();
    try {
      const refused = collect(client, `query ($n: Int) { ${aliasedPages('$n')} }`, { n: 100 });
      await expect(refused.done).rejects.toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY' }),
        }),
      ]);
      const small = collect(client, `query ($n: Int) { ${aliasedPages('$n')} }`, { n: 2 });
      const [result] = await small.next(1);
      expect(result.errors).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });

  it('an agent-desktop customer view passes', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 100);
    const agent = await tenant.agent();
    const res = await agent.gql(AGENT_DESKTOP, { id: customer.id });
    expect(res.errors).toBeUndefined();
    expect(res.data?.customer.balance.available).toBe(100);
  });

  it('a page size over what the field serves keeps its precise error', async () => {
    const res = await tenant.owner.gql(`query ($n: Int) { customers(first: $n) { edges { node { id } } } }`, {
      n: 1000,
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('first');
  });
});
