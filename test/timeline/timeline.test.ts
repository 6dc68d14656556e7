import {
  ActivateRewardDocument,
  CreateRewardDocument,
  CreateTierDocument,
  CustomerTimelineDocument,
  type CustomerTimelineQueryVariables,
  RedeemRewardVoucherDocument,
} from '../generated/graphql';
import {
  type ApiClient,
  createCustomer,
  createStore,
  createTenant,
  earn,
  key,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', DB_POOL_MAX: '20' } });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

async function timeline(
  customerId: string,
  variables: Omit<CustomerTimelineQueryVariables, 'id'> = {},
  token: ApiClient = tenant.owner,
) {
  return (await token.data(CustomerTimelineDocument, { id: customerId, ...variables })).customer.timeline;
}

describe('unified timeline', () => {
  it('shows points, purchases, tier changes and redemptions as they happen, newest first, each with its source and reference', async () => {
    const store = await createStore(tenant.owner);
    for (const [code, rank, threshold] of [
      ['MEMBER', 0, 0],
      ['GOLD', 1, 5_000],
    ] as const) {
      await tenant.owner.data(CreateTierDocument, {
        input: { code, name: code, rank, metric: 'SPEND', threshold, window: 'CALENDAR_YEAR' },
      });
    }
    const customer = await createCustomer(tenant.owner);
    const earnId = (await earn(tenant.owner, customer.id, 200)).transaction.id;
    const pos = await tenant.pos(store.id);
    await pos.data(`mutation ($input: RecordPurchaseInput!) { recordPurchase(input: $input) { totalPoints } }`, {
      input: {
        customerId: customer.id,
        orderId: `O-${key()}`,
        idempotencyKey: key(),
        lines: [{ sku: 'COAT', quantity: 1, unitPrice: 6_000 }],
      },
    });
    const reward = (
      await tenant.owner.data(CreateRewardDocument, {
        input: {
          code: `R${key().slice(0, 6)}`,
          name: 'Scarf',
          pointsCost: 100,
          costToBusiness: 90,
          retailValue: 2_000,
        },
      })
    ).createReward;
    await tenant.owner.data(ActivateRewardDocument, { id: reward.id });
    const { voucher } = (
      await tenant.owner.data(RedeemRewardVoucherDocument, {
        input: { customerId: customer.id, rewardId: reward.id, channel: 'WEB', idempotencyKey: key() },
      })
    ).redeemReward;
    await pos.data(`mutation ($input: ConsumeVoucherInput!) { consumeVoucher(input: $input) { status } }`, {
      input: { code: voucher.code, storeId: store.id, idempotencyKey: key() },
    });

    const events = (await timeline(customer.id)).edges.map((edge) => edge.node);
    expect(events.map((event) => event.kind)).toEqual([
      'VOUCHER_CONSUMED',
      'REWARD_REDEEMED',
      'TIER_CHANGED',
      'PURCHASE',
      'POINTS_EARNED',
    ]);
    expect(events.every((event) => event.source === 'gateway')).toBe(true);
    expect(events[4]).toMatchObject({
      kind: 'POINTS_EARNED',
      refType: 'ledger_transaction',
      refId: earnId,
      data: { points: 200 },
      channel: 'API',
    });
    expect(events[3]).toMatchObject({
      kind: 'PURCHASE',
      channel: 'POS',
      actor: `key:${pos.id}`,
      data: { amount: 6_000, points: 60 },
    });
    expect(events[2]).toMatchObject({
      kind: 'TIER_CHANGED',
      data: { from: 'MEMBER', to: 'GOLD', reason: 'QUALIFIED' },
    });
    expect(events[1]).toMatchObject({ kind: 'REWARD_REDEEMED', channel: 'WEB', data: { points: 100 } });
    expect(events[0]).toMatchObject({ kind: 'VOUCHER_CONSUMED', channel: 'POS' });

    const filtered = await timeline(customer.id, { filter: { kinds: ['PURCHASE', 'POINTS_EARNED'] } });
    expect(filtered.edges.map((edge: { node: { kind: string } }) => edge.node.kind)).toEqual([
      'PURCHASE',
      'POINTS_EARNED',
    ]);
    const posOnly = await timeline(customer.id, { filter: { channels: ['POS'] } });
    expect(posOnly.edges).toHaveLength(2);
    const none = await timeline(customer.id, { filter: { until: new Date(Date.now() - 60_000).toISOString() } });
    expect(none.edges).toEqual([]);
  });

  it('pages through every event exactly once while new ones keep arriving', async () => {
    const customer = await createCustomer(tenant.owner);
    for (let i = 0; i < 23; i += 1) await earn(tenant.owner, customer.id, i + 1);
    const before = new Set<string>();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result = await timeline(customer.id, { first: 5, after });
      for (const edge of result.edges) seen.push(edge.node.id);
      // New events land at the head of the timeline while the client pages on.
      await Promise.all([earn(tenant.owner, customer.id, 1000), earn(tenant.owner, customer.id, 1001)]);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    const points = [] as number[];
    for (const id of seen) before.add(id);
    expect(before.size).toBe(seen.length);
    const firstPageFresh = await timeline(customer.id, { first: 100 });
    const oldest23 = firstPageFresh.edges.slice(-23).map((edge) => {
      points.push(edge.node.data.points as number);
      return edge.node.id;
    });
    // The first page was taken before any new event: every one of the 23 original events was seen once, in order.
    expect(seen.filter((id) => oldest23.includes(id))).toEqual(oldest23);
    expect(points).toEqual(Array.from({ length: 23 }, (_, i) => 23 - i));
  });

  it('loads twenty customers with their timelines in a fixed number of statements', async () => {
    const customers = [] as string[];
    for (let i = 0; i < 20; i += 1) {
      const customer = await createCustomer(tenant.owner);
      await earn(tenant.owner, customer.id, 10 + i);
      customers.push(customer.id);
    }
    const knex = gw.gateway.orm.em.getConnection().getKnex();
    const statements: string[] = [];
    // The outbox relay shares the connection pool and wakes on the earns above: its statements are not the request's.
    const onQuery = (query: { sql: string }) => {
      if (!/outbox_event|^(begin|commit|rollback)/i.test(query.sql)) statements.push(query.sql);
    };
    const query = `query { ${customers.map((id, i) => `c${i}: customer(id: "${id}") { id timeline(first: 3) { edges { node { kind data } } } }`).join(' ')} }`;
    knex.on('query', onQuery);
    let res;
    try {
      res = await tenant.owner.data(query);
    } finally {
      knex.off('query', onQuery);
    }
    expect(res.c19.timeline.edges[0].node.data.points).toBe(29);
    expect(statements.filter((sql) => /timeline_event/.test(sql))).toHaveLength(1);
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it('records the direction of an adjustment and whether this earn is pending', async () => {
    const customer = await createCustomer(tenant.owner);
    await tenant.owner.data(
      `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { transaction { id } } }`,
      {
        input: {
          customerId: customer.id,
          points: 40,
          reason: 'order',
          pendingUntil: new Date(Date.now() + 86_400_000).toISOString(),
          idempotencyKey: key(),
        },
      },
    );
    await earn(tenant.owner, customer.id, 50);
    await tenant.owner.data(
      `mutation ($input: AdjustPointsInput!) { adjustPoints(input: $input) { transaction { id } } }`,
      {
        input: {
          customerId: customer.id,
          points: -20,
          reasonCode: 'CORRECTION',
          reason: 'double booking',
          idempotencyKey: key(),
        },
      },
    );
    const events = (await timeline(customer.id)).edges.map(
      (edge: { node: { kind: string; data: Record<string, unknown>; summary: string } }) => edge.node,
    );
    expect(
      events.map((event: { kind: string; data: Record<string, unknown> }) => [
        event.kind,
        event.data.points,
        event.data.pending,
      ]),
    ).toEqual([
      ['POINTS_ADJUSTED', -20, undefined],
      ['POINTS_EARNED', 50, false],
      ['POINTS_EARNED', 40, true],
    ]);
    expect(events[0].summary).toBe('-20 points (CORRECTION): double booking');
  });

  it('refuses a cursor it did not hand out, naming the argument', async () => {
    const customer = await createCustomer(tenant.owner);
    const forged = Buffer.from(JSON.stringify([new Date().toISOString(), 'not-a-uuid'])).toString('base64url');
    const res = await tenant.owner.gql(CustomerTimelineDocument, { id: customer.id, after: forged });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('is for staff: a customer token cannot read it, bad arguments name the field', async () => {
    const customer = await createCustomer(tenant.owner);
    const token = await tenant.customer(customer.id);
    expect((await token.gql(CustomerTimelineDocument, { id: customer.id })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const bad = await tenant.owner.gql(CustomerTimelineDocument, { id: customer.id, first: 1000 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
