import type { EntityManager } from '@mikro-orm/postgresql';

import { Tier } from '../../src/program/tier.entity';
import { TENANT_FILTER } from '../../src/shared/db/tenant-filter';
import { type EarningRuleInput, RecordPurchaseBreakdownDocument } from '../generated/graphql';
import {
  createCustomer,
  createStore,
  expectLedgerClean,
  program,
  purchase,
  record,
  rule,
  startGateway,
  type TestGateway,
  unique,
  uniquePrefix,
  untilRedisListening,
} from '../support';

const LINES = [{ sku: 'A', quantity: 1, unitPrice: 2_000 }];
/** A stackable bonus under a per-customer cap and a budget: a purchase that earns it takes both. */
const CAPPED: EarningRuleInput = {
  code: 'CAPPED',
  name: 'Capped',
  priority: 1,
  stacking: 'STACKABLE',
  effect: 'FIXED_BONUS',
  value: 10,
  capPerCustomer: 1_000,
  customerCapPeriod: 'MONTH',
  budget: 1_000_000,
};
const UPDATE_RULE = `mutation ($id: ID!, $input: EarningRuleInput!) { updateEarningRule(id: $id, input: $input) { id } }`;

describe('program configuration cached per version, on two instances', () => {
  let gwA: TestGateway;
  let gwB: TestGateway;

  beforeAll(async () => {
    const prefix = uniquePrefix('config');
    const env = { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' };
    [gwA, gwB] = await Promise.all([
      startGateway({ redisPrefix: prefix, env }),
      startGateway({ redisPrefix: prefix, env }),
    ]);
    await Promise.all([gwA, gwB].map((gw) => untilRedisListening(gw, 'PROGRAM_CONFIG_CHANGED')));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await Promise.all([gwA.close(), gwB.close()]);
  });

  const em = (): EntityManager => gwA.gateway.orm.em.fork();
  const version = async (tenantId: string): Promise<number> => {
    const [row] = await em().execute<{ version: string | null }[]>(
      `select (select version from program_config_version where tenant_id = ?) as version`,
      [tenantId],
    );
    return Number(row.version ?? 0);
  };

  it('evaluates against a rule created on the other instance', async () => {
    const p = await program(gwA);
    const customer = await createCustomer(p.tenant.owner);
    const before = await record(p, purchase(customer.id, p.north.id, LINES), p.tenant.owner.on(gwB));
    await rule(p, {
      code: 'BONUS',
      name: 'Bonus',
      priority: 1,
      stacking: 'STACKABLE',
      effect: 'FIXED_BONUS',
      value: 500,
    });
    const after = await record(p, purchase(customer.id, p.north.id, LINES), p.tenant.owner.on(gwB));
    expect(after.totalPoints).toBe(before.totalPoints + 500);
  });

  it('books against the new configuration when the change event never arrives (the version check reloads)', async () => {
    const p = await program(gwA);
    const customer = await createCustomer(p.tenant.owner);
    const bonus = await rule(p, {
      code: 'BONUS',
      name: 'Bonus',
      priority: 1,
      stacking: 'STACKABLE',
      effect: 'FIXED_BONUS',
      value: 500,
    });
    const first = await record(p, purchase(customer.id, p.north.id, LINES), p.tenant.owner.on(gwB));
    // B hears of no change: only the booking's version check can tell it its copy is old.
    const changed = jest.spyOn(gwB.gateway.services.programConfig, 'changed').mockImplementation(() => undefined);
    const stale = jest.spyOn(gwB.gateway.services.programConfig, 'stale');
    try {
      await p.tenant.owner.on(gwA).data(UPDATE_RULE, {
        id: bonus.id,
        input: { code: 'BONUS', name: 'Bonus', priority: 1, stacking: 'STACKABLE', effect: 'FIXED_BONUS', value: 900 },
      });
      const second = await record(p, purchase(customer.id, p.north.id, LINES), p.tenant.owner.on(gwB));
      expect(second.totalPoints).toBe(first.totalPoints + 400);
      expect(stale).toHaveBeenCalledTimes(1);
    } finally {
      changed.mockRestore();
      stale.mockRestore();
    }
    await expectLedgerClean(p.tenant);
  });

  it('takes a purchase at a store created a moment ago on the other instance, before any event', async () => {
    const p = await program(gwA);
    const customer = await createCustomer(p.tenant.owner);
    await rule(p, {
      code: 'EAST',
      name: 'East',
      priority: 1,
      stacking: 'STACKABLE',
      effect: 'FIXED_BONUS',
      value: 300,
      regions: ['east'],
    });
    const first = await record(p, purchase(customer.id, p.north.id, LINES), p.tenant.owner.on(gwB));
    const changed = jest.spyOn(gwB.gateway.services.programConfig, 'changed').mockImplementation(() => undefined);
    try {
      const east = await createStore(p.tenant.owner.on(gwA), `E${unique()}`, 'east');
      const booked = await record(p, purchase(customer.id, east.id, LINES), p.tenant.owner.on(gwB));
      expect(booked.totalPoints).toBe(first.totalPoints + 300);
    } finally {
      changed.mockRestore();
    }
  });

  it('moves the version once per configuration change, and not for what a sale takes from a budget', async () => {
    const p = await program(gwA);
    const customer = await createCustomer(p.tenant.owner);
    const budgeted = await rule(p, {
      code: 'BUDGETED',
      name: 'Budgeted',
      priority: 1,
      stacking: 'STACKABLE',
      effect: 'FIXED_BONUS',
      value: 50,
      budget: 1_000,
    });
    // The first purchase creates the program's default settings, a configuration change of its own.
    await record(p, purchase(customer.id, p.north.id, LINES));
    const start = await version(p.tenant.tenantId);
    expect(start).toBeGreaterThan(0);
    await record(p, purchase(customer.id, p.south.id, LINES));
    const [{ budget_used }] = await em().execute<{ budget_used: string }[]>(
      `select budget_used from earning_rule where id = ?`,
      [budgeted.id],
    );
    expect(Number(budget_used)).toBe(100);
    expect(await version(p.tenant.tenantId)).toBe(start);
    await p.tenant.owner.data(UPDATE_RULE, {
      id: budgeted.id,
      input: {
        code: 'BUDGETED',
        name: 'Renamed',
        priority: 1,
        stacking: 'STACKABLE',
        effect: 'FIXED_BONUS',
        value: 50,
        budget: 1_000,
      },
    });
    expect(await version(p.tenant.tenantId)).toBe(start + 1);
  });

  it('stores a tier change in the breakdown exactly as the tier entity serialises', async () => {
    const p = await program(gwA);
    const customer = await createCustomer(p.tenant.owner);
    const booked = await record(p, purchase(customer.id, p.north.id, [{ sku: 'TV', quantity: 1, unitPrice: 12_000 }]));
    expect(booked.tierChange?.to.code).toBe('SILVER');
    const [row] = await em().execute<{ breakdown: string }[]>(
      `select breakdown::text as breakdown from purchase where id = ?`,
      [booked.purchaseId],
    );
    const stored = JSON.parse(row.breakdown) as { tierChange: { from: unknown; to: unknown } };
    const fresh = em();
    fresh.setFilterParams(TENANT_FILTER, { tenantId: p.tenant.tenantId });
    const [from, to] = await Promise.all([
      fresh.findOneOrFail(Tier, { id: p.tiers.BASE }),
      fresh.findOneOrFail(Tier, { id: p.tiers.SILVER }),
    ]);
    expect(stored.tierChange).toEqual(JSON.parse(JSON.stringify({ from, to })));
  });

  it('books a purchase in two statements once the configuration is cached, none of them through the ORM', async () => {
    const p = await program(gwA);
    await rule(p, CAPPED);
    const customer = await createCustomer(p.tenant.owner);
    // The first purchase creates the program's default settings, a new version: the second reads that one.
    await record(p, purchase(customer.id, p.north.id, LINES));
    await record(p, purchase(customer.id, p.north.id, LINES));
    const knex = gwA.gateway.orm.em.getConnection().getKnex();
    const orm: string[] = [];
    const pool: string[] = [];
    // The outbox relay shares the ORM's pool and wakes on the purchase's commit: its statements are not the
    // request's (nor are its BEGIN and COMMIT).
    const onQuery = (query: { sql: string }) => {
      if (!/outbox_event|^(begin|commit|rollback)/i.test(query.sql)) orm.push(query.sql);
    };
    knex.on('query', onQuery);
    const off = gwA.gateway.ledgerPool.onStatement((name) => pool.push(name));
    let booked;
    try {
      // A purchase that earns, takes a budget and a cap, and upgrades the customer.
      booked = await record(p, purchase(customer.id, p.north.id, [{ sku: 'TV', quantity: 1, unitPrice: 12_000 }]));
    } finally {
      knex.off('query', onQuery);
      off();
    }
    expect(booked.tierChange?.to.code).toBe('SILVER');
    expect(booked.contributions.find((c: { code: string }) => c.code === 'CAPPED')?.points).toBe(10);
    // Nothing of the program is read again, and nothing goes through the ORM.
    expect(orm).toEqual([]);
    // What is per customer in one read, then the booking in one autocommit statement.
    expect(pool).toEqual(['purchase_facts', 'purchase_book']);
    await expectLedgerClean(p.tenant);
  });

  describe('the last attempt, which locks before it books', () => {
    /** The cache answers a copy at a version the database is not at for the first `times` reads. */
    function staleFor(gw: TestGateway, times: number) {
      const cache = gw.gateway.services.programConfig;
      const real = cache.get.bind(cache);
      let calls = 0;
      return jest.spyOn(cache, 'get').mockImplementation(async (em, tenantId) => {
        const config = await real(em, tenantId);
        calls += 1;
        return calls <= times ? { ...config, version: '-1' } : config;
      });
    }

    it('books as the optimistic path does when the first three attempts met another version', async () => {
      const p = await program(gwA);
      await rule(p, CAPPED);
      const [first, second] = [await createCustomer(p.tenant.owner), await createCustomer(p.tenant.owner)];
      const lines = [{ sku: 'TV', quantity: 1, unitPrice: 12_000 }];
      const optimistic = await record(p, purchase(first.id, p.north.id, lines));
      const get = staleFor(gwA, 3);
      let locked;
      try {
        locked = await record(p, purchase(second.id, p.north.id, lines));
        expect(get).toHaveBeenCalledTimes(4);
      } finally {
        get.mockRestore();
      }
      const shape = (booked: typeof optimistic) => ({
        ...booked,
        purchaseId: undefined,
        orderId: undefined,
        customerId: undefined,
        transaction: { ...booked.transaction, id: undefined, customerId: undefined, createdAt: undefined },
      });
      expect(shape(locked)).toEqual(shape(optimistic));
      const stored = await em().execute<{ breakdown: Record<string, unknown> }[]>(
        `select breakdown from purchase where id in (?, ?) order by created_at`,
        [optimistic.purchaseId, locked.purchaseId],
      );
      // The same JSON but for what differs between two purchases: ids, order, customer, time.
      const keys = stored.map(({ breakdown }) => [
        Object.keys(breakdown).sort(),
        Object.keys(breakdown.transaction as object).sort(),
      ]);
      expect(keys[1]).toEqual(keys[0]);
      const own = stored.map(({ breakdown }) => {
        const transaction = breakdown.transaction as Record<string, unknown>;
        expect(transaction.idempotencyKey).toBe(`purchase:${String(breakdown.purchaseId)}`);
        expect(transaction.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        return {
          ...breakdown,
          purchaseId: null,
          orderId: null,
          customerId: null,
          transaction: {
            ...transaction,
            id: null,
            customerId: null,
            createdAt: null,
            idempotencyKey: null,
            reason: null,
          },
        };
      });
      expect(own[1]).toEqual(own[0]);
      await expectLedgerClean(p.tenant);
    });

    it('answers RULES_CHANGED and keeps nothing when the last attempt meets another version too', async () => {
      const p = await program(gwA);
      const customer = await createCustomer(p.tenant.owner);
      const input = purchase(customer.id, p.north.id, LINES);
      const get = staleFor(gwA, 4);
      try {
        const res = await p.tenant.owner.gql(RecordPurchaseBreakdownDocument, { input });
        expect(res.errors?.[0]?.extensions).toMatchObject({ reason: 'RULES_CHANGED', field: 'input' });
      } finally {
        get.mockRestore();
      }
      // Nothing was kept: the resend with the same key books.
      const booked = await record(p, input);
      expect(booked.replayed).toBe(false);
      await expectLedgerClean(p.tenant);
    });
  });
});
