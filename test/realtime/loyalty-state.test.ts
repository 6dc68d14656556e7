import { randomUUID } from 'node:crypto';

import { TEST_REDIS_URL } from '../support/env';
import {
  createApiKey,
  createCustomer,
  createStore,
  createTenant,
  customerToken,
  type TenantFixture,
} from '../support/factories';
import {
  collect,
  gql,
  gqlOk,
  startGateway,
  type TestGateway,
  uniquePrefix,
  untilRedisListening,
  wsClient,
} from '../support/gateway';
import { TcpProxy } from '../support/tcp-proxy';

const STATE = `version source balance { available pending } tier { code limitedTime } benefits { code } activeVouchers { code }`;
const SUBSCRIBE = `subscription ($id: ID!, $since: Int) { loyaltyStateChanged(customerId: $id, sinceVersion: $since) { customerId ${STATE} } }`;

interface StateEvent {
  customerId: string;
  version: number;
  source: string;
  balance: { available: number; pending: number };
  tier: { code: string; limitedTime: boolean } | null;
  benefits: { code: string }[];
  activeVouchers: { code: string }[];
}

async function earn(gw: TestGateway, token: string, customerId: string, points: number) {
  return gql(
    gw,
    `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { balance { available } } }`,
    {
      input: { customerId, points, reason: 'visit', idempotencyKey: randomUUID() },
    },
    token,
  );
}

async function redeem(gw: TestGateway, token: string, customerId: string, points: number) {
  return gql(
    gw,
    `mutation ($input: RedeemPointsInput!) { redeemPoints(input: $input) { balance { available } } }`,
    {
      input: { customerId, points, reason: 'gift', idempotencyKey: randomUUID() },
    },
    token,
  );
}

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
      const tier = await gqlOk(
        gwA,
        `mutation ($input: TierInput!) { createTier(input: $input) { id } }`,
        {
          input: { code, name: code, rank, metric: 'SPEND', threshold, window: 'CALENDAR_YEAR', graceDays: 30 },
        },
        tenant.ownerKey,
      );
      if (code === 'SILVER') {
        await gqlOk(
          gwA,
          `mutation ($input: BenefitInput!) { upsertBenefit(input: $input) { id } }`,
          {
            input: {
              code: 'FREE-COFFEE',
              tierId: tier.createTier.id,
              kind: 'OTHER',
              title: 'Free coffee',
              channels: ['POS', 'MOBILE'],
            },
          },
          tenant.ownerKey,
        );
      }
    }
  });
  afterAll(async () => {
    await Promise.all([gwA.close(), gwB.close()]);
  });

  it('starts from the current state, then delivers a change made on the other instance with the next version', async () => {
    const customer = await createCustomer(gwA, tenant.ownerKey);
    await earn(gwA, tenant.ownerKey, customer.id, 100);
    const client = wsClient(gwB, tenant.ownerKey);
    try {
      const sub = collect<{ loyaltyStateChanged: StateEvent }>(client, SUBSCRIBE, { id: customer.id });
      const [first] = await sub.next(1);
      expect(first.data!.loyaltyStateChanged).toMatchObject({
        customerId: customer.id,
        version: 1,
        source: 'CURRENT',
        balance: { available: 100, pending: 0 },
        tier: { code: 'BASE' },
      });
      await untilRedisListening(gwB, 'LOYALTY_STATE_CHANGED');
      expect((await redeem(gwA, tenant.ownerKey, customer.id, 30)).errors).toBeUndefined();
      const [, second] = await sub.next(2);
      expect(second.data!.loyaltyStateChanged).toMatchObject({
        version: 2,
        source: 'LIVE',
        balance: { available: 70 },
      });
      // A reward redeemed on A: B's subscriber sees the points go and the voucher appear, in one version.
      const reward = (
        await gqlOk(
          gwA,
          `mutation ($input: RewardInput!) { createReward(input: $input) { id } }`,
          {
            input: {
              code: `CUP${randomUUID().slice(0, 4)}`,
              name: 'Cup',
              pointsCost: 50,
              costToBusiness: 20,
              retailValue: 500,
            },
          },
          tenant.ownerKey,
        )
      ).createReward;
      await gqlOk(
        gwA,
        `mutation ($id: ID!) { activateReward(id: $id) { status } }`,
        { id: reward.id },
        tenant.ownerKey,
      );
      const voucher = (
        await gqlOk(
          gwA,
          `mutation ($input: RedeemRewardInput!) { redeemReward(input: $input) { voucher { code } } }`,
          {
            input: { customerId: customer.id, rewardId: reward.id, idempotencyKey: randomUUID() },
          },
          tenant.ownerKey,
        )
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
    const customer = await createCustomer(gwA, tenant.ownerKey);
    await earn(gwA, tenant.ownerKey, customer.id, 10);
    // Offline: five changes the client never saw (versions 2 to 6).
    for (const points of [1, 2, 3, 4, 5])
      expect((await earn(gwA, tenant.ownerKey, customer.id, points)).errors).toBeUndefined();
    const client = wsClient(gwB, tenant.ownerKey);
    try {
      const sub = collect<{ loyaltyStateChanged: StateEvent }>(client, SUBSCRIBE, { id: customer.id, since: 1 });
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
      await earn(gwA, tenant.ownerKey, customer.id, 6);
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
    const customer = await createCustomer(gwA, tenant.ownerKey);
    for (const points of [1, 2, 3]) await earn(gwA, tenant.ownerKey, customer.id, points);
    const em = gwA.gateway.orm.em.fork();
    // Versions 1 and 2 aged out of the outbox (retention); the client had version 1.
    await em.execute(`delete from outbox_event where customer_id = ? and version <= 2`, [customer.id]);
    const client = wsClient(gwB, tenant.ownerKey);
    try {
      for (const since of [1, 9]) {
        const sub = collect<{ loyaltyStateChanged: StateEvent }>(client, SUBSCRIBE, { id: customer.id, since });
        const [first] = await sub.next(1);
        expect(first.data!.loyaltyStateChanged).toMatchObject({
          version: 3,
          source: 'CURRENT',
          balance: { available: 6 },
        });
        sub.stop();
      }
      const upToDate = collect<{ loyaltyStateChanged: StateEvent }>(client, SUBSCRIBE, { id: customer.id, since: 3 });
      await new Promise((r) => setTimeout(r, 300));
      expect(upToDate.events).toEqual([]);
      upToDate.stop();
    } finally {
      await client.dispose();
    }
  });

  it('makes one version of a purchase that earns and upgrades, and none of a change that rolled back', async () => {
    const store = await createStore(gwA, tenant.ownerKey);
    const customer = await createCustomer(gwA, tenant.ownerKey);
    const client = wsClient(gwB, tenant.ownerKey);
    try {
      const sub = collect<{ loyaltyStateChanged: StateEvent }>(client, SUBSCRIBE, { id: customer.id });
      await sub.next(1);
      await untilRedisListening(gwB, 'LOYALTY_STATE_CHANGED');
      const refused = await redeem(gwA, tenant.ownerKey, customer.id, 5);
      expect(refused.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_POINTS');
      await gqlOk(
        gwA,
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
        tenant.ownerKey,
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
      const read = await gqlOk(
        gwB,
        `query ($id: ID!) { loyaltyState(customerId: $id) { ${STATE} } }`,
        { id: customer.id },
        tenant.ownerKey,
      );
      expect(read.loyaltyState).toMatchObject({ version: 1, source: 'CURRENT', balance: { available: 120 } });
      sub.stop();
    } finally {
      await client.dispose();
    }
  });

  it('feeds agent desktops every timeline event as it is committed, on any instance', async () => {
    const customer = await createCustomer(gwA, tenant.ownerKey);
    const agent = await createApiKey(gwA, tenant.ownerKey, 'AGENT');
    const client = wsClient(gwB, agent.secret);
    try {
      const sub = collect(
        client,
        `subscription ($id: ID!) { timelineEventAdded(customerId: $id) { kind summary channel } }`,
        { id: customer.id },
      );
      await untilRedisListening(gwB, 'TIMELINE_EVENT_ADDED');
      await earn(gwA, tenant.ownerKey, customer.id, 40);
      await gqlOk(
        gwA,
        `mutation ($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }`,
        {
          input: {
            customerId: customer.id,
            kind: 'INTERACTION',
            channel: 'AGENT',
            summary: 'Called about expiry',
            idempotencyKey: randomUUID(),
          },
        },
        agent.secret,
      );
      const events = await sub.next(2);
      expect(events.map((event) => event.data?.timelineEventAdded)).toEqual([
        { kind: 'POINTS_EARNED', summary: '40 points earned: visit', channel: 'API' },
        { kind: 'INTERACTION', summary: 'Called about expiry', channel: 'AGENT' },
      ]);
      sub.stop();
    } finally {
      await client.dispose();
    }
    const token = await customerToken(gwA, tenant.ownerKey, customer.id);
    const own = wsClient(gwB, token);
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
    const north = await createStore(gwA, tenant.ownerKey, `N${randomUUID().slice(0, 5)}`, 'north');
    const south = await createStore(gwA, tenant.ownerKey, `S${randomUUID().slice(0, 5)}`, 'south');
    const till = await createApiKey(gwA, tenant.ownerKey, 'POS', north.id);
    const client = wsClient(gwB, till.secret);
    const rule = (input: Record<string, unknown>) =>
      gqlOk(
        gwA,
        `mutation ($input: EarningRuleInput!) { createEarningRule(input: $input) { id } }`,
        {
          input: { name: 'Promo', priority: 10, stacking: 'STACKABLE', effect: 'MULTIPLIER', value: 200, ...input },
        },
        tenant.ownerKey,
      );
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
      await gqlOk(
        gwA,
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
        tenant.ownerKey,
      );
      await gqlOk(
        gwA,
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
        tenant.ownerKey,
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
    const me = await createCustomer(gwA, tenant.ownerKey);
    const other = await createCustomer(gwA, tenant.ownerKey);
    const token = await customerToken(gwA, tenant.ownerKey, me.id);
    const stranger = await createTenant(gwA);
    const foreignAgent = await createApiKey(gwA, stranger.ownerKey, 'AGENT');
    const firstOf = async (authToken: string, customerId: string) => {
      const client = wsClient(gwB, authToken);
      try {
        const sub = collect<{ loyaltyStateChanged: StateEvent }>(client, SUBSCRIBE, { id: customerId });
        await sub.next(1);
        return sub.events[0];
      } finally {
        await client.dispose();
      }
    };
    expect((await firstOf(token, me.id)).data?.loyaltyStateChanged.customerId).toBe(me.id);
    expect((await firstOf(token, other.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await firstOf(foreignAgent.secret, me.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
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
    const client = wsClient(gwB, undefined);
    try {
      const tenant = await createTenant(gwA);
      const customer = await createCustomer(gwA, tenant.ownerKey);
      const subscriber = wsClient(gwB, tenant.ownerKey);
      const sub = collect<{ loyaltyStateChanged: StateEvent }>(subscriber, SUBSCRIBE, { id: customer.id });
      await sub.next(1);
      await untilRedisListening(gwB, 'LOYALTY_STATE_CHANGED');
      await earn(gwA, tenant.ownerKey, customer.id, 1);
      await sub.next(2);

      await proxy.stop();
      for (const points of [2, 3, 4])
        expect((await earn(gwA, tenant.ownerKey, customer.id, points)).errors).toBeUndefined();
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
