import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import { Migration20261202020000 } from '../../migrations/Migration20261202020000';
import { Migration20261202030200 } from '../../migrations/Migration20261202030200';
import { AppError } from '../../src/shared/errors';
import {
  claimIdempotencyKey,
  findIdempotentResult,
  type IdempotencyClaim,
  IdempotencyScope,
  type IdempotentRequest,
  requestHash,
} from '../../src/shared/idempotency';
import {
  activeReward,
  createCustomer,
  createStore,
  createTenant,
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

afterAll(async () => {
  await gw.close();
});

const em = (): EntityManager => gw.gateway.orm.em.fork();

function request(key: string, input: object = { points: 10 }): IdempotentRequest {
  return {
    tenantId: tenant.tenantId,
    scope: IdempotencyScope.LEDGER,
    key,
    principal: 'key:test',
    hash: requestHash('testOperation', input),
  };
}

/** A mutation's unit of work: claim, then (unless replayed) `work`, all in one transaction. */
function claimAndWork(req: IdempotentRequest, work: () => Promise<unknown> = () => Promise.resolve()) {
  return em().transactional(async (tx) => {
    const claim = await claimIdempotencyKey(tx, req);
    if (!claim.replayed) await work();
    return claim;
  });
}

async function reason(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.extensions : error;
  }
  return 'no error';
}

describe('claimIdempotencyKey against PostgreSQL', () => {
  it('claims a free key once, then replays the same request with the same result', async () => {
    const key = randomUUID();
    const first = await claimAndWork(request(key));
    expect(first.replayed).toBe(false);
    expect(first.resultId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await claimAndWork(request(key))).toEqual({ replayed: true, resultId: first.resultId });
    expect(await findIdempotentResult(em(), request(key))).toBe(first.resultId);
    expect(await findIdempotentResult(em(), request(randomUUID()))).toBeNull();
  });

  it('takes the id of a record that exists already when given one', async () => {
    const recordId = randomUUID();
    const key = randomUUID();
    const claimed = await em().transactional((tx) => claimIdempotencyKey(tx, request(key), recordId));
    expect(claimed).toEqual({ replayed: false, resultId: recordId });
    const again = await em().transactional((tx) => claimIdempotencyKey(tx, request(key), randomUUID()));
    expect(again).toEqual({ replayed: true, resultId: recordId });
  });

  it('the same key with another request is a CONFLICT naming the key, and nothing is claimed again', async () => {
    const key = randomUUID();
    await claimAndWork(request(key, { points: 10 }));
    let worked = false;
    const conflict = {
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      field: 'input.idempotencyKey',
    };
    expect(
      await reason(
        claimAndWork(request(key, { points: 11 }), () => {
          worked = true;
          return Promise.resolve();
        }),
      ),
    ).toEqual(conflict);
    expect(worked).toBe(false);
    expect(await reason(findIdempotentResult(em(), request(key, { points: 11 })))).toEqual(conflict);
    // The same key in another scope is another key.
    const elsewhere = { ...request(key, { points: 11 }), scope: IdempotencyScope.PURCHASE };
    expect((await claimAndWork(elsewhere)).replayed).toBe(false);
    // And a field other than input.idempotencyKey is named when the API calls the key otherwise.
    expect(
      await reason(claimAndWork({ ...request(key, { points: 12 }), field: 'operations.3.idempotencyKey' })),
    ).toMatchObject({ field: 'operations.3.idempotencyKey' });
  });

  it('concurrent claims of one key: exactly one does the work, the others wait and replay its result', async () => {
    const key = randomUUID();
    let works = 0;
    const claims = await Promise.all(
      Array.from({ length: 6 }, () =>
        claimAndWork(request(key), async () => {
          works += 1;
          // Hold the claim a while, so the others arrive while it is uncommitted.
          await gw.gateway.orm.em.fork().execute(`select pg_sleep(0.2)`);
        }),
      ),
    );
    expect(works).toBe(1);
    const done = claims.filter((claim: IdempotencyClaim) => !claim.replayed);
    expect(done).toHaveLength(1);
    expect(claims.filter((claim) => claim.replayed).map((claim) => claim.resultId)).toEqual(
      Array.from({ length: 5 }, () => done[0].resultId),
    );
  });

  it('a claim rolled back frees the key: a waiting retry, and a later one, do the work', async () => {
    const key = randomUUID();
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let claimedFirst!: () => void;
    const firstClaimed = new Promise<void>((resolve) => {
      claimedFirst = resolve;
    });
    const failing = em().transactional(async (tx) => {
      await claimIdempotencyKey(tx, request(key));
      claimedFirst();
      await firstHolds;
      throw new Error('the work failed');
    });
    await firstClaimed;
    // This retry blocks on the uncommitted claim, then takes the key when the first rolls back.
    const retry = claimAndWork(request(key));
    await new Promise((resolve) => setTimeout(resolve, 150));
    releaseFirst();
    await expect(failing).rejects.toThrow('the work failed');
    expect((await retry).replayed).toBe(false);
    // Rolled back with no one waiting: the key is free for the next request, even another one.
    const other = randomUUID();
    await expect(
      em().transactional(async (tx) => {
        await claimIdempotencyKey(tx, request(other, { points: 1 }));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await findIdempotentResult(em(), request(other, { points: 2 }))).toBeNull();
    expect((await claimAndWork(request(other, { points: 2 }))).replayed).toBe(false);
  });

  it("the migration's backfill rebuilds voucher hashes exactly as requestHash computes them", async () => {
    const storeId = randomUUID();
    const [row] = await em().execute<{ consume: string; cancel: string }[]>(
      `select encode(sha256(convert_to('consumeVoucher:{"code":"' || ? || '","storeId":"' || ?::uuid || '"}', 'UTF8')), 'hex') as consume,
              encode(sha256(convert_to('cancelVoucher:{"code":"' || ? || '"}', 'UTF8')), 'hex') as cancel`,
      ['ABCD1234EFGH', storeId, 'ABCD1234EFGH'],
    );
    expect(row.consume).toBe(requestHash('consumeVoucher', { code: 'ABCD1234EFGH', storeId }));
    expect(row.cancel).toBe(requestHash('cancelVoucher', { code: 'ABCD1234EFGH' }));
  });
});

describe("keys used before the upgrade (the migration's backfill)", () => {
  const EARN = `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { replayed transaction { id } } }`;
  const REDEEM = `mutation ($input: RedeemRewardInput!) { redeemReward(input: $input) { replayed voucher { code } } }`;
  const CONSUME = `mutation ($input: ConsumeVoucherInput!) { consumeVoucher(input: $input) { status consumedStoreId } }`;
  const CANCEL = `mutation ($input: CancelVoucherInput!) { cancelVoucher(input: $input) { status } }`;
  const MERGE = `mutation ($input: MergeCustomersInput!) { mergeCustomers(input: $input) { replayed merge { id } } }`;

  interface Redeemed {
    redeemReward: { voucher: { code: string } };
  }

  /** Runs the migration's backfill statements again (they skip keys already there). */
  async function backfill(): Promise<void> {
    const orm = gw.gateway.orm;
    const migration = new Migration20261202020000(orm.em.getDriver(), orm.config);
    await migration.up();
    for (const query of migration.getQueries()) {
      if (typeof query === 'string' && query.startsWith('insert into "idempotency_key"')) await em().execute(query);
    }
  }

  it('replay and conflict as they did once the keys are read from the tables that held them', async () => {
    const own = await createTenant(gw);
    const owner = own.owner;
    const store = await createStore(owner);
    const customer = await createCustomer(owner);
    const duplicate = await createCustomer(owner);
    const earn = { customerId: customer.id, points: 1000, reason: 'welcome', idempotencyKey: randomUUID() };
    const earned = (await owner.data<{ earnPoints: object }>(EARN, { input: earn })).earnPoints;
    const rewardId = await activeReward(owner, {
      name: 'Mug',
      pointsCost: 100,
      costToBusiness: 50,
      retailValue: 300,
    });
    const redeem = (idempotencyKey: string) => ({ customerId: customer.id, rewardId, idempotencyKey });
    const used = redeem(randomUUID());
    const usedCode = (await owner.data<Redeemed>(REDEEM, { input: used })).redeemReward.voucher.code;
    const handedBack = redeem(randomUUID());
    const handedBackCode = (await owner.data<Redeemed>(REDEEM, { input: handedBack })).redeemReward.voucher.code;
    const consume = { code: usedCode, storeId: store.id, idempotencyKey: randomUUID() };
    await owner.data(CONSUME, { input: consume });
    const cancel = { code: handedBackCode, idempotencyKey: randomUUID() };
    await owner.data(CANCEL, { input: cancel });
    const merge = {
      survivorId: customer.id,
      mergedId: duplicate.id,
      reason: 'same person',
      idempotencyKey: randomUUID(),
    };
    const merged = (await owner.data<{ mergeCustomers: object }>(MERGE, { input: merge })).mergeCustomers;

    // As before the upgrade: the keys are only in the tables of their records.
    await em().execute(`delete from idempotency_key where tenant_id = ?`, [own.tenantId]);
    await backfill();
    const scopes = await em().execute<{ scope: string }[]>(
      `select scope from idempotency_key where tenant_id = ? order by scope`,
      [own.tenantId],
    );
    expect(scopes.map((row) => row.scope)).toEqual([
      'customer-merge',
      'ledger',
      'reward-redemption',
      'reward-redemption',
      'voucher-cancel',
      'voucher-consume',
    ]);

    expect((await owner.data(EARN, { input: earn })).earnPoints).toEqual({ ...earned, replayed: true });
    const reused = await owner.gql(EARN, { input: { ...earn, points: 999 } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      field: 'input.idempotencyKey',
    });
    expect((await owner.data(REDEEM, { input: used })).redeemReward).toEqual({
      replayed: true,
      voucher: { code: usedCode },
    });
    expect((await owner.data(CONSUME, { input: consume })).consumeVoucher).toEqual({
      status: 'CONSUMED',
      consumedStoreId: store.id,
    });
    expect((await owner.data(CANCEL, { input: cancel })).cancelVoucher).toEqual({ status: 'CANCELLED' });
    expect((await owner.data(MERGE, { input: merge })).mergeCustomers).toEqual({ ...merged, replayed: true });
    // Nothing was booked twice: 1000 earned, two vouchers of 100, one handed back.
    const [balance] = await em().execute<{ available: string }[]>(
      `select available from points_balance where customer_id = ?`,
      [customer.id],
    );
    expect(Number(balance.available)).toBe(900);
  });
});

describe('keys belong to the caller that claimed them (issue 13, item 9)', () => {
  const EARN = `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { replayed transaction { id actor } } }`;
  const REDEEM = `mutation ($input: RedeemRewardInput!) { redeemReward(input: $input) { replayed voucher { code } } }`;

  it("another caller reusing a key gets a CONFLICT, never the first caller's answer", async () => {
    const own = await createTenant(gw);
    const customer = await createCustomer(own.owner);
    const agent = await own.agent();
    const other = await own.agent();
    const earn = { customerId: customer.id, points: 50, reason: 'goodwill', idempotencyKey: randomUUID() };
    const first = (await agent.data<{ earnPoints: { transaction: { id: string } } }>(EARN, { input: earn })).earnPoints;
    // The same request from another key, and from the owner: refused, with nothing booked.
    for (const caller of [other, own.owner]) {
      const reused = await caller.gql(EARN, { input: earn });
      expect(reused.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'IDEMPOTENCY_KEY_REUSED',
        field: 'input.idempotencyKey',
      });
      expect(reused.data?.earnPoints ?? null).toBeNull();
    }
    // The caller that claimed it still replays.
    expect((await agent.data(EARN, { input: earn })).earnPoints).toEqual({ ...first, replayed: true });
    const [balance] = await em().execute<{ available: string }[]>(
      `select available from points_balance where customer_id = ?`,
      [customer.id],
    );
    expect(Number(balance.available)).toBe(50);

    // A customer token is its own principal too: staff cannot replay what the customer redeemed.
    await own.owner.data(EARN, {
      input: { customerId: customer.id, points: 500, reason: 'welcome', idempotencyKey: randomUUID() },
    });
    const rewardId = await activeReward(own.owner, { pointsCost: 100, costToBusiness: 50, retailValue: 300 });
    const me = await own.customer(customer.id);
    const redeem = { customerId: customer.id, rewardId, idempotencyKey: randomUUID() };
    const mine = await me.data<{ redeemReward: object }>(REDEEM, { input: redeem });
    expect((await agent.gql(REDEEM, { input: redeem })).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect((await me.data(REDEEM, { input: redeem })).redeemReward).toEqual({
      ...mine.redeemReward,
      replayed: true,
    });
  });

  it('at the mechanism: a claim by another principal conflicts before the hash is compared', async () => {
    const key = randomUUID();
    await claimAndWork(request(key));
    const stranger = { ...request(key), principal: 'key:someone-else' };
    expect(await reason(claimAndWork(stranger))).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await reason(findIdempotentResult(em(), { ...stranger, hash: requestHash('other', {}) }))).toMatchObject({
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('keys from before principals were recorded take the actor of their record, else stay the tenant’s', async () => {
    const own = await createTenant(gw);
    const customer = await createCustomer(own.owner);
    const agent = await own.agent();
    const earn = { customerId: customer.id, points: 20, reason: 'goodwill', idempotencyKey: randomUUID() };
    await agent.data(EARN, { input: earn });
    // As the upgrade finds them: no principal recorded.
    await em().execute(`update idempotency_key set principal = null where tenant_id = ?`, [own.tenantId]);
    const orm = gw.gateway.orm;
    const migration = new Migration20261202030200(orm.em.getDriver(), orm.config);
    await migration.up();
    for (const query of migration.getQueries()) {
      if (typeof query === 'string' && query.startsWith('update "idempotency_key"')) await em().execute(query);
    }
    const [row] = await em().execute<{ principal: string | null }[]>(
      `select principal from idempotency_key where tenant_id = ? and key = ?`,
      [own.tenantId, earn.idempotencyKey],
    );
    expect(row.principal).toBe(`key:${agent.id}`);
    expect((await agent.data(EARN, { input: earn })).earnPoints).toMatchObject({ replayed: true });
    expect((await own.owner.gql(EARN, { input: earn })).errors?.[0]?.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');

    // A key no record traces to a caller stays usable by the tenant's callers, as before the upgrade.
    await em().execute(`update idempotency_key set principal = null where tenant_id = ?`, [own.tenantId]);
    expect((await own.owner.data(EARN, { input: earn })).earnPoints).toMatchObject({ replayed: true });
  });
});
