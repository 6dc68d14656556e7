import { randomUUID } from 'node:crypto';

import {
  ActivateRewardDocument,
  CreateRewardDocument,
  CreateTierDocument,
  LoyaltyStateChangedDocument,
  RedeemPointsDocument,
  RedeemRewardVoucherDocument,
} from '../generated/graphql';
import {
  type ApiClient,
  collect,
  createCustomer,
  createStore,
  createTenant,
  earn,
  key,
  redeem,
  startGateway,
  TcpProxy,
  type TenantFixture,
  TEST_REDIS_URL,
  type TestGateway,
  uniquePrefix,
  untilRedisListening,
} from '../support';

const STATE = `version source balance { available pending } tier { code limitedTime } benefits { code } activeVouchers { code }`;

describe('loyaltyStateChanged across two instances', () => {
  let gwA: TestGateway;
  let gwB: TestGateway;
  let tenant: TenantFixture;

  beforeAll(async () => {
    const prefix = uniquePrefix('state');
    const env = { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' };
    [gwA, gwB] = await Promise.all([
      startGateway({ redisPrefix: prefix, env }),
      startGateway({ redisPrefix: prefix, env }),
    ]);
    tenant = await createTenant(gwA);
    for (const [code, rank, threshold] of [
      ['BASE', 0, 0],
      ['SILVER', 1, 10_000],
    ] as const) {
      const tier = await tenant.owner.data(CreateTierDocument, {
        input: { code, name: code, rank, metric: 'SPEND', threshold, window: 'CALENDAR_YEAR', graceDays: 30 },
      });
      if (code === 'SILVER') {
        await tenant.owner.data(`mutation ($input: BenefitInput!) { upsertBenefit(input: $input) { id } }`, {
          input: {
            code: 'FREE-COFFEE',
            tierId: tier.createTier.id,
            kind: 'OTHER',
            title: 'Free coffee',
            channels: ['POS', 'MOBILE'],
          },
        });
      }
    }
  });
  afterAll(async () => {
    await Promise.all([gwA.close(), gwB.close()]);
  });

  it('starts from the current state, then delivers a change made on the other instance with the next version', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner.on(gwA), customer.id, 100, { reason: 'visit' });
    const client = tenant.owner.on(gwB).ws();
    try {
      const sub = collect(client, LoyaltyStateChangedDocument, {
        id: customer.id,
      });
      const [first] = await sub.next(1);
      expect(first.data!.loyaltyStateChanged).toMatchObject({
        customerId: customer.id,
        version: 1,
        source: 'CURRENT',
        balance: { available: 100, pending: 0 },
        tier: { code: 'BASE' },
      });
      await untilRedisListening(gwB, 'LOYALTY_STATE_CHANGED');
      await redeem(tenant.owner.on(gwA), customer.id, 30);
      const [, second] = await sub.next(2);
      expect(second.data!.loyaltyStateChanged).toMatchObject({
        version: 2,
        source: 'LIVE',
        balance: { available: 70 },
      });
      // A reward redeemed on A: B's subscriber sees the points go and the voucher appear, in one version.
      const reward = (
        await tenant.owner.data(CreateRewardDocument, {
          input: {
            code: `CUP${randomUUID().slice(0, 4)}`,
            name: 'Cup',
            pointsCost: 50,
            costToBusiness: 20,
            retailValue: 500,
          },
        })
      ).createReward;
      await tenant.owner.data(ActivateRewardDocument, { id: reward.id });
      const voucher = (
        await tenant.owner.data(RedeemRewardVoucherDocument, {
          input: { customerId: customer.id, rewardId: reward.id, idempotencyKey: randomUUID() },
        })
      ).redeemReward.voucher.code;
      const [, , third] = await sub.next(3);
      expect(third.data!.loyaltyStateChanged).toMatchObject({
        version: 3,
        source: 'LIVE',
        balance: { available: 20 },
        activeVouchers: [{ code: voucher }],
      });
      sub.stop();
    } finally {
      await client.dispose();
    }
  });

  it('replays exactly the versions a reconnecting client missed, in order, then goes live', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner.on(gwA), customer.id, 10, { reason: 'visit' });
    // Offline: five changes the client never saw (versions 2 to 6).
    for (const points of [1, 2, 3, 4, 5]) await earn(tenant.owner.on(gwA), customer.id, points, { reason: 'visit' });
    const client = tenant.owner.on(gwB).ws();
    try {
      const sub = collect(client, LoyaltyStateChangedDocument, {
        id: customer.id,
        since: 1,
      });
      const missed = await sub.next(5);
      expect(
        missed.map((event) => [
          event.data!.loyaltyStateChanged.version,
          event.data!.loyaltyStateChanged.source,
          event.data!.loyaltyStateChanged.balance.available,
        ]),
      ).toEqual([
        [2, 'MISSED', 11],
        [3, 'MISSED', 13],
        [4, 'MISSED', 16],
        [5, 'MISSED', 20],
        [6, 'MISSED', 25],
      ]);
      await untilRedisListening(gwB, 'LOYALTY_STATE_CHANGED');
      await earn(tenant.owner.on(gwA), customer.id, 6, { reason: 'visit' });
      const all = await sub.next(6);
      expect(all[5].data!.loyaltyStateChanged).toMatchObject({
        version: 7,
        source: 'LIVE',
        balance: { available: 31 },
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(sub.events).toHaveLength(6);
      sub.stop();
    } finally {
      await client.dispose();
    }
  });

  it('sends the current state when the versions a client missed are no longer kept, or when it claims one never made', async () => {
    const customer = await createCustomer(tenant.owner);
    for (const points of [1, 2, 3]) await earn(tenant.owner.on(gwA), customer.id, points, { reason: 'visit' });
    const em = gwA.gateway.orm.em.fork();
    // Versions 1 and 2 aged out of the outbox (retention); the client had version 1.
    await em.execute(`delete from outbox_event where customer_id = ? and version <= 2`, [customer.id]);
    const client = tenant.owner.on(gwB).ws();
    try {
      for (const since of [1, 9]) {
        const sub = collect(client, LoyaltyStateChangedDocument, {
          id: customer.id,
          since,
        });
        const [first] = await sub.next(1);
        expect(first.data!.loyaltyStateChanged).toMatchObject({
          version: 3,
          source: 'CURRENT',
          balance: { available: 6 },
        });
        sub.stop();
      }
      const upToDate = collect(client, LoyaltyStateChangedDocument, {
        id: customer.id,
        since: 3,
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(upToDate.events).toEqual([]);
      upToDate.stop();
    } finally {
      await client.dispose();
    }
  });

  it('makes one version of a purchase that earns and upgrades, and none of a change that rolled back', async () => {
    const store = await createStore(tenant.owner);
    const customer = await createCustomer(tenant.owner);
    const client = tenant.owner.on(gwB).ws();
    try {
      const sub = collect(client, LoyaltyStateChangedDocument, {
        id: customer.id,
      });
      await sub.next(1);
      await untilRedisListening(gwB, 'LOYALTY_STATE_CHANGED');
      const refused = await tenant.owner.on(gwA).gql(RedeemPointsDocument, {
        input: { customerId: customer.id, points: 5, reason: 'gift', idempotencyKey: key() },
      });
      expect(refused.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_POINTS');
      await tenant.owner.data(
        `mutation ($input: RecordPurchaseInput!) { recordPurchase(input: $input) { totalPoints } }`,
        {
          input: {
            customerId: customer.id,
            storeId: store.id,
            channel: 'POS',
            orderId: `O-${randomUUID()}`,
            lines: [{ sku: 'TV', quantity: 1, unitPrice: 12_000 }],
            idempotencyKey: randomUUID(),
          },
        },
      );
      const [, change] = await sub.next(2);
      expect(change.data!.loyaltyStateChanged).toMatchObject({
        version: 1,
        source: 'LIVE',
        balance: { available: 120 },
        tier: { code: 'SILVER', limitedTime: false },
        benefits: [{ code: 'FREE-COFFEE' }],
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(sub.events).toHaveLength(2);
      const read = await tenant.owner
        .on(gwB)
        .data(`query ($id: ID!) { loyaltyState(customerId: $id) { ${STATE} } }`, { id: customer.id });
      expect(read.loyaltyState).toMatchObject({ version: 1, source: 'CURRENT', balance: { available: 120 } });
      sub.stop();
    } finally {
      await client.dispose();
    }
  });

  it('feeds agent desktops every timeline event as it is committed, on any instance', async () => {
    const customer = await createCustomer(tenant.owner);
    const agent = await tenant.agent();
    const client = agent.on(gwB).ws();
    try {
      const sub = collect(
        client,
        `subscription ($id: ID!) { timelineEventAdded(customerId: $id) { kind summary channel } }`,
        { id: customer.id },
      );
      await untilRedisListening(gwB, 'TIMELINE_EVENT_ADDED');
      await earn(tenant.owner.on(gwA), customer.id, 40, { reason: 'visit' });
      await agent.data(`mutation ($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }`, {
        input: {
          customerId: customer.id,
          kind: 'INTERACTION',
          channel: 'AGENT',
          summary: 'Called about expiry',
          idempotencyKey: randomUUID(),
        },
      });
      const events = await sub.next(2);
      expect(events.map((event) => event.data?.timelineEventAdded)).toEqual([
        { kind: 'POINTS_EARNED', summary: '40 points earned: visit', channel: 'API' },
        { kind: 'INTERACTION', summary: 'Called about expiry', channel: 'AGENT' },
      ]);
      sub.stop();
    } finally {
      await client.dispose();
    }
    const token = await tenant.customer(customer.id);
    const own = token.on(gwB).ws();
    try {
      const denied = collect(own, `subscription ($id: ID!) { timelineEventAdded(customerId: $id) { kind } }`, {
        id: customer.id,
      });
      await denied.done;
      expect(denied.events[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await own.dispose();
    }
  });

  it("tells a store's tills when what applies there changes, and nothing about other stores' promotions", async () => {
    const north = await createStore(tenant.owner, `N${randomUUID().slice(0, 5)}`, 'north');
    const south = await createStore(tenant.owner, `S${randomUUID().slice(0, 5)}`, 'south');
    const till = await tenant.pos(north.id);
    const client = till.on(gwB).ws();
    const rule = (input: Record<string, unknown>) =>
      tenant.owner.data(`mutation ($input: EarningRuleInput!) { createEarningRule(input: $input) { id } }`, {
        input: { name: 'Promo', priority: 10, stacking: 'STACKABLE', effect: 'MULTIPLIER', value: 200, ...input },
      });
    try {
      const sub = collect(
        client,
        `subscription ($store: ID!) { benefitsChanged(storeId: $store) { kind code operation } }`,
        { store: north.id },
      );
      await untilRedisListening(gwB, 'PROGRAM_CHANGED');
      await rule({ code: `SOUTH-${randomUUID().slice(0, 4)}`, regions: ['south'] });
      await rule({ code: `SSTORE-${randomUUID().slice(0, 4)}`, storeIds: [south.id] });
      const northCode = `NORTH-${randomUUID().slice(0, 4)}`;
      await rule({ code: northCode, regions: ['north'] });
      const [change] = await sub.next(1);
      expect(change.data?.benefitsChanged).toEqual({
        kind: 'PROMOTION',
        code: northCode.toUpperCase(),
        operation: 'INSERT',
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(sub.events).toHaveLength(1);
      // A south promotion moved to the north: the north's tills must hear of it (and would of a move away).
      const moved = await rule({ code: `MOVE-${randomUUID().slice(0, 4)}`, regions: ['south'] });
      await tenant.owner.data(
        `mutation ($id: ID!, $input: EarningRuleInput!) { updateEarningRule(id: $id, input: $input) { id } }`,
        {
          id: moved.createEarningRule.id,
          input: {
            code: 'MOVED',
            name: 'Promo',
            priority: 10,
            stacking: 'STACKABLE',
            effect: 'MULTIPLIER',
            value: 200,
            regions: ['north'],
          },
        },
      );
      await tenant.owner.data(
        `mutation ($id: ID!, $input: EarningRuleInput!) { updateEarningRule(id: $id, input: $input) { id } }`,
        {
          id: moved.createEarningRule.id,
          input: {
            code: 'MOVED2',
            name: 'Promo',
            priority: 10,
            stacking: 'STACKABLE',
            effect: 'MULTIPLIER',
            value: 200,
            regions: ['south'],
          },
        },
      );
      const updates = await sub.next(3);
      expect(updates.slice(1).map((event) => event.data?.benefitsChanged.operation)).toEqual(['UPDATE', 'UPDATE']);
      sub.stop();
      const other = collect(client, `subscription ($store: ID!) { benefitsChanged(storeId: $store) { kind } }`, {
        store: south.id,
      });
      await other.done;
      expect(other.events[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await client.dispose();
    }
  });

  it('lets a customer follow only itself, and no key follow another tenant', async () => {
    const me = await createCustomer(tenant.owner);
    const other = await createCustomer(tenant.owner);
    const token = await tenant.customer(me.id);
    const stranger = await createTenant(gwA);
    const foreignAgent = await stranger.agent();
    const firstOf = async (caller: ApiClient, customerId: string) => {
      const client = caller.on(gwB).ws();
      try {
        const sub = collect(client, LoyaltyStateChangedDocument, {
          id: customerId,
        });
        await sub.next(1);
        return sub.events[0];
      } finally {
        await client.dispose();
      }
    };
    expect((await firstOf(token, me.id)).data?.loyaltyStateChanged.customerId).toBe(me.id);
    expect((await firstOf(token, other.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await firstOf(foreignAgent, me.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('a Redis outage', () => {
  it('keeps writes succeeding and delivers every version once Redis is back', async () => {
    const target = new URL(TEST_REDIS_URL);
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    await proxy.start();
    const prefix = uniquePrefix('outage');
    // Both instances reach Redis only through the proxy, so cutting it is an outage for the whole deployment.
    const env = {
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      LEDGER_JOBS_INTERVAL_MS: '0',
      TIER_JOBS_INTERVAL_MS: '0',
    };
    const [gwA, gwB] = await Promise.all([
      startGateway({ redisPrefix: prefix, env }),
      startGateway({ redisPrefix: prefix, env }),
    ]);
    const client = gwB.anonymous.ws();
    try {
      const tenant = await createTenant(gwA);
      const customer = await createCustomer(tenant.owner);
      const subscriber = tenant.owner.on(gwB).ws();
      const sub = collect(subscriber, LoyaltyStateChangedDocument, {
        id: customer.id,
      });
      await sub.next(1);
      await untilRedisListening(gwB, 'LOYALTY_STATE_CHANGED');
      await earn(tenant.owner.on(gwA), customer.id, 1, { reason: 'visit' });
      await sub.next(2);

      await proxy.stop();
      for (const points of [2, 3, 4]) await earn(tenant.owner.on(gwA), customer.id, points, { reason: 'visit' });
      await new Promise((r) => setTimeout(r, 300));
      await proxy.start();

      const events = await sub.next(5, 15_000);
      expect(
        events.map((event) => [
          event.data!.loyaltyStateChanged.version,
          event.data!.loyaltyStateChanged.balance.available,
        ]),
      ).toEqual([
        [0, 0],
        [1, 1],
        [2, 3],
        [3, 6],
        [4, 10],
      ]);
      await new Promise((r) => setTimeout(r, 300));
      expect(sub.events).toHaveLength(5);
      sub.stop();
      await subscriber.dispose();
    } finally {
      await client.dispose();
      await Promise.all([gwA.close(), gwB.close()]);
      await proxy.stop();
    }
  });
});

describe('loyalty state past 2^31 points (issue 13, item 15)', () => {
  let gw: TestGateway;
  let tenant: TenantFixture;

  beforeAll(async () => {
    gw = await startGateway({
      redisPrefix: uniquePrefix('state-big'),
      env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' },
    });
    tenant = await createTenant(gw);
  });
  afterAll(() => gw.close());

  it('three earns of 10^9 read as 3,000,000,000 through loyaltyState and a loyaltyStateChanged push', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 1_000_000_000);
    await earn(tenant.owner, customer.id, 1_000_000_000);
    const client = tenant.owner.ws();
    try {
      const sub = collect(client, LoyaltyStateChangedDocument, { id: customer.id });
      await sub.next(1);
      await untilRedisListening(gw, 'LOYALTY_STATE_CHANGED');
      await earn(tenant.owner, customer.id, 1_000_000_000);
      const [, live] = await sub.next(2);
      expect(live.errors).toBeUndefined();
      expect(live.data!.loyaltyStateChanged).toMatchObject({
        version: 3,
        source: 'LIVE',
        balance: { available: 3_000_000_000, pending: 0 },
      });
      sub.stop();
    } finally {
      await client.dispose();
    }
    const read = await tenant.owner.gql(
      `query ($id: ID!) { loyaltyState(customerId: $id) { version balance { available pending } } }`,
      { id: customer.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.loyaltyState).toEqual({ version: 3, balance: { available: 3_000_000_000, pending: 0 } });
  });
});
