import { randomUUID } from 'node:crypto';

import { balance, createCustomer, createStore, createTenant, startGateway, type TestGateway } from '../support';

// Issue 13, item 6: how many points each role may grant, per call and per key and day, set by the tenant.

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', DB_POOL_MAX: '30' } });
});
afterAll(() => gw.close());

const EARN = `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { replayed balance { available } } }`;
const ADJUST = `mutation ($input: AdjustPointsInput!) { adjustPoints(input: $input) { balance { available } } }`;
const SET = `mutation ($input: SetRoleLimitInput!) {
  setRoleLimit(input: $input) { replayed limit { role maxPointsPerCall maxPointsPerDay isDefault setBy } } }`;
const LIMITS = `{ roleLimits { role maxPointsPerCall maxPointsPerDay isDefault } }`;

const grant = (customerId: string, points: number) => ({
  customerId,
  points,
  reason: 'goodwill',
  idempotencyKey: randomUUID(),
});

describe('points limits per role', () => {
  it('an agent cannot grant a billion points: above its per-call limit the earn is FORBIDDEN, naming the field', async () => {
    const tenant = await createTenant(gw);
    const customer = await createCustomer(tenant.owner);
    const agent = await tenant.agent();
    const huge = await agent.gql(EARN, { input: grant(customer.id, 1_000_000_000) });
    expect(huge.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'LIMIT_EXCEEDED',
      field: 'input.points',
    });
    expect((await agent.gql(EARN, { input: grant(customer.id, 5_001) })).errors?.[0]?.extensions?.reason).toBe(
      'LIMIT_EXCEEDED',
    );
    expect((await agent.data(EARN, { input: grant(customer.id, 5_000) })).earnPoints.balance.available).toBe(5_000);

    // A till grants nothing directly: its points come from purchases.
    const store = await createStore(tenant.owner);
    const till = await tenant.pos(store.id);
    expect((await till.gql(EARN, { input: grant(customer.id, 1) })).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'LIMIT_EXCEEDED',
    });
    // A supervisor's upward adjustment is a grant too; taking points away is not.
    const supervisor = await tenant.key('SUPERVISOR');
    const adjust = (points: number) => ({ ...grant(customer.id, points), reasonCode: 'GOODWILL' });
    expect((await supervisor.gql(ADJUST, { input: adjust(50_001) })).errors?.[0]?.extensions?.reason).toBe(
      'LIMIT_EXCEEDED',
    );
    expect((await supervisor.data(ADJUST, { input: adjust(-1_000) })).adjustPoints.balance.available).toBe(4_000);
    // The owner is never limited.
    expect((await tenant.owner.data(EARN, { input: grant(customer.id, 1_000_000) })).earnPoints.balance.available).toBe(
      1_004_000,
    );
  });

  it('N parallel grants of one key never pass its daily cap together', async () => {
    const tenant = await createTenant(gw);
    const customers = await Promise.all([1, 2, 3].map(() => createCustomer(tenant.owner)));
    const agent = await tenant.agent();
    await tenant.owner.data(SET, {
      input: { role: 'AGENT', maxPointsPerCall: 1_000, maxPointsPerDay: 5_000, idempotencyKey: randomUUID() },
    });
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => agent.gql(EARN, { input: grant(customers[i % 3].id, 1_000) })),
    );
    const granted = results.filter((res) => !res.errors);
    const refused = results.filter((res) => res.errors?.[0]?.extensions?.reason === 'LIMIT_EXCEEDED');
    expect([granted.length, refused.length]).toEqual([5, 11]);
    const total = (await Promise.all(customers.map((c) => balance(tenant.owner, c.id)))).reduce(
      (sum, b) => sum + b.available,
      0,
    );
    expect(total).toBe(5_000);
    // The cap is the key's own: another agent of the tenant still grants today.
    const other = await tenant.agent();
    expect((await other.gql(EARN, { input: grant(customers[0].id, 1_000) })).errors).toBeUndefined();
  });

  it('OWNER and ADMIN set the limits with an idempotency key; others may not', async () => {
    const tenant = await createTenant(gw);
    const admin = await tenant.key('ADMIN');
    const defaults = (await admin.data(LIMITS)).roleLimits as { role: string }[];
    expect(defaults.find((limit) => limit.role === 'AGENT')).toEqual({
      role: 'AGENT',
      maxPointsPerCall: 5_000,
      maxPointsPerDay: 50_000,
      isDefault: true,
    });
    expect(defaults.map((limit) => limit.role)).not.toContain('OWNER');
    const input = { role: 'SERVICE', maxPointsPerCall: 10_000, idempotencyKey: randomUUID() };
    const set = (await admin.data(SET, { input })).setRoleLimit;
    expect(set).toEqual({
      replayed: false,
      limit: {
        role: 'SERVICE',
        maxPointsPerCall: 10_000,
        maxPointsPerDay: null,
        isDefault: false,
        setBy: `key:${admin.id}`,
      },
    });
    expect((await admin.data(SET, { input })).setRoleLimit).toEqual({ ...set, replayed: true });
    expect((await admin.gql(SET, { input: { ...input, maxPointsPerCall: 1 } })).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    const service = await tenant.key('SERVICE');
    const customer = await createCustomer(tenant.owner);
    expect((await service.gql(EARN, { input: grant(customer.id, 10_001) })).errors?.[0]?.extensions?.reason).toBe(
      'LIMIT_EXCEEDED',
    );

    const owner = await tenant.owner.gql(SET, { input: { role: 'OWNER', idempotencyKey: randomUUID() } });
    expect(owner.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
    const negative = await tenant.owner.gql(SET, {
      input: { role: 'AGENT', maxPointsPerDay: -1, idempotencyKey: randomUUID() },
    });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.maxPointsPerDay' });
    const supervisor = await tenant.key('SUPERVISOR');
    expect(
      (await supervisor.gql(SET, { input: { role: 'AGENT', idempotencyKey: randomUUID() } })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });
});
