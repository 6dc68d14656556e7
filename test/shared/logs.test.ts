import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';

import {
  createCustomer,
  createTenant,
  earn,
  errorCode,
  startGateway,
  type TenantFixture,
  type TestGateway,
  uniquePhone,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;
const lines: string[] = [];

/** Refuses, inside PostgreSQL, the rows these tests mark: a statement that fails with its values as parameters. */
const REFUSE = [
  `create or replace function lg_test_refuse() returns trigger language plpgsql as $$
     begin raise exception 'refused by a test trigger' using errcode = '23514'; end $$`,
  `create or replace trigger lg_test_refuse before insert on tenant for each row
     when (new.name like 'refuse-me %') execute function lg_test_refuse()`,
  `create or replace trigger lg_test_refuse before insert on customer for each row
     when (new.display_name like 'Refuse Me %') execute function lg_test_refuse()`,
];

beforeAll(async () => {
  gw = await startGateway({
    env: { LOG_LEVEL: 'info', LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' },
    logTo: new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
  tenant = await createTenant(gw);
  for (const sql of REFUSE) await gw.gateway.orm.em.getConnection().execute(sql);
});
afterAll(async () => {
  await gw.gateway.orm.em.getConnection().execute(`drop function if exists lg_test_refuse() cascade`);
  await gw.close();
});

function failures(): Record<string, unknown>[] {
  return lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === 'operation failed');
}

describe('a failed statement in the logs', () => {
  it("names the statement and its SQLSTATE, never a new tenant's secrets", async () => {
    lines.length = 0;
    const name = `refuse-me ${randomUUID()}`;
    const res = await gw.platform.gql(
      `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { ingestSecret customerJwtSecret } }`,
      { input: { name, currency: 'EUR', timezone: 'Europe/Paris' } },
    );
    expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
    const text = lines.join('');
    expect(failures()).toHaveLength(1);
    // Both secrets are 32 random bytes in base64url: 43 such characters in a row.
    expect(text).not.toMatch(/[A-Za-z0-9_-]{43}/);
    expect(text).not.toContain(name);
    expect(text).not.toContain('values');
    expect(failures()[0].err).toMatchObject({ code: '23514', statement: 'insert' });
    // The child logger is made on first use; the line still carries the request's id.
    expect(failures()[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a customer's email, phone and name out, wherever they would be", async () => {
    lines.length = 0;
    const contact = {
      email: `secret.${randomUUID().slice(0, 8)}@example.com`,
      phone: uniquePhone(),
      displayName: `Refuse Me ${randomUUID().slice(0, 8)}`,
    };
    const res = await tenant.owner.gql(
      `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
      { input: contact },
    );
    expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
    expect(failures()).toHaveLength(1);
    const text = lines.join('');
    for (const value of [contact.email, contact.phone.slice(1), contact.displayName]) expect(text).not.toContain(value);
    expect(failures()[0].err).toMatchObject({
      code: '23514',
      statement: 'insert',
      type: 'CheckConstraintViolationException',
    });
  });
});

describe('the context of a request', () => {
  it('forks no EntityManager for an operation that reads no table or only plain rows', async () => {
    // The first request of a key looks the key up; the second finds it known.
    await tenant.owner.data(`{ __typename }`);
    // The outbox relay and the jobs fork their own EntityManagers: count only the request context's.
    const original = gw.gateway.orm.em.fork.bind(gw.gateway.orm.em);
    let forks = 0;
    const fork = jest.spyOn(gw.gateway.orm.em, 'fork').mockImplementation((options) => {
      if ((new Error().stack ?? '').includes('shared/context')) forks += 1;
      return original(options);
    });
    try {
      await tenant.owner.data(`{ __typename }`);
      expect(forks).toBe(0);
      // A customer and its balance are plain reads: no identity map, no fork.
      await tenant.owner.data(`query ($id: ID!) { customer(id: $id) { id } }`, { id: randomUUID() }).catch(() => null);
      expect(forks).toBe(0);
      // What goes through the ORM forks once, on first use.
      await tenant.owner.data(`{ customers(first: 1) { edges { node { id } } } }`);
      expect(forks).toBe(1);
    } finally {
      fork.mockRestore();
    }
  });

  it('forks no EntityManager and builds no loaders for an earn that books in a group', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 5);
    // The outbox relay forks its own EntityManager when the earn commits: count only the request context's.
    const original = gw.gateway.orm.em.fork.bind(gw.gateway.orm.em);
    const fromContext: string[] = [];
    const fork = jest.spyOn(gw.gateway.orm.em, 'fork').mockImplementation((options) => {
      const stack = new Error().stack ?? '';
      if (stack.includes('shared/context')) fromContext.push(stack);
      return original(options);
    });
    try {
      const booked = await tenant.owner.data<{ earnPoints: { balance: { available: number } } }>(
        `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { balance { available } } }`,
        { input: { customerId: customer.id, points: 7, reason: 'order', idempotencyKey: randomUUID() } },
      );
      expect(booked.earnPoints.balance.available).toBe(12);
      // Forgetting the balances a request loaded must not build every loader (and a fork) to clear one.
      expect(fromContext).toEqual([]);
    } finally {
      fork.mockRestore();
    }
  });
});
