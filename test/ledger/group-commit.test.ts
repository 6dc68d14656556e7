import { EarnBatcher } from '../../src/ledger/earn.batcher';
import { PointsOrigin } from '../../src/ledger/ledger.entity';
import type { EarnBooking, TransactionRow } from '../../src/ledger/ledger.model';
import { Channel } from '../../src/shared/channel';
import { IdempotencyScope } from '../../src/shared/idempotency';
import { MergeCustomersDocument } from '../generated/graphql';
import {
  createCustomer,
  createTenant,
  expectLedgerClean,
  key,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

// One connection in the ledger's pool: earns sent together queue behind the first and go out in groups.
let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', LEDGER_POOL_SIZE: '1' } });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

const EARN = `mutation ($input: EarnPointsInput!) {
  earnPoints(input: $input) { replayed transaction { id customerId points } balance { available } }
}`;

interface EarnAnswer {
  replayed: boolean;
  transaction: { id: string; customerId: string; points: number };
}

function earnRequest(customerId: string, points: number, idempotencyKey = key(), reason = 'order') {
  return tenant.owner.gql<{ earnPoints: EarnAnswer }>(EARN, {
    input: { customerId, points, reason, idempotencyKey },
  });
}

/** Statements run on the ledger's pool while `work` runs. */
async function ledgerStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const off = gw.gateway.ledgerPool.onStatement((name) => statements.push(name));
  try {
    return { result: await work(), statements };
  } finally {
    off();
  }
}

/** The loyalty-state versions of a customer on the outbox, in order. */
async function stateVersions(customerId: string): Promise<number[]> {
  const rows = await gw.gateway.orm.em
    .fork()
    .execute<{ version: string }[]>(
      `select version from outbox_event where topic = 'LOYALTY_STATE_CHANGED' and customer_id = ? order by id`,
      [customerId],
    );
  return rows.map((row) => Number(row.version));
}

async function fallbacks(): Promise<number> {
  return (await gw.gateway.metrics.ledgerBatchFallbacks.get()).values[0]?.value ?? 0;
}

describe('earns booked in groups', () => {
  it('gives each request its own answer, replays and CONFLICTs, and one version per earn per customer, in order', async () => {
    const customers = await Promise.all(Array.from({ length: 30 }, () => createCustomer(tenant.owner)));
    const ids = customers.map((c) => c.id);
    const keys = ids.map(() => key());
    const requests: { customerId: string; points: number; key: string; kind: 'fresh' | 'replay' | 'reused' }[] = [
      ...ids.map((customerId, i) => ({ customerId, points: 100 + i, key: keys[i], kind: 'fresh' as const })),
      // Five customers earn twice, three requests are resent as they were, two keys are reused for another customer.
      ...ids.slice(0, 5).map((customerId, i) => ({ customerId, points: 200 + i, key: key(), kind: 'fresh' as const })),
      ...[5, 6, 7].map((i) => ({ customerId: ids[i], points: 100 + i, key: keys[i], kind: 'replay' as const })),
      ...[8, 9].map((i) => ({ customerId: ids[12 + i], points: 300 + i, key: keys[i], kind: 'reused' as const })),
    ];
    const fallbacksBefore = await fallbacks();
    const { result: answers, statements } = await ledgerStatements(() =>
      Promise.all(requests.map((r) => earnRequest(r.customerId, r.points, r.key))),
    );
    // Grouped (fewer statements than earns), and no group needed its earns booked one by one.
    expect(statements.length).toBeLessThan(requests.length);
    expect(await fallbacks()).toBe(fallbacksBefore);

    for (const i of [5, 6, 7]) {
      const pair = [answers[i], answers[35 + i - 5]].map((res) => res.data!.earnPoints);
      expect(pair.map((a) => a.transaction.id)[0]).toBe(pair[1].transaction.id);
      expect(pair.map((a) => a.replayed).sort()).toEqual([false, true]);
    }
    for (const i of [8, 9]) {
      // Whichever came first booked; the other is a CONFLICT.
      const pair = [answers[i], answers[38 + i - 8]];
      const ok = pair.filter((res) => !res.errors);
      const refused = pair.filter((res) => res.errors);
      expect(ok).toHaveLength(1);
      expect(refused[0].errors![0].extensions!.code).toBe('CONFLICT');
      expect(refused[0].errors![0].extensions!.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    }
    // Every other request got its own booking.
    requests.forEach((r, i) => {
      if (r.kind !== 'fresh' || i === 8 || i === 9) return;
      expect(answers[i].errors).toBeUndefined();
      expect(answers[i].data!.earnPoints.transaction).toMatchObject({ customerId: r.customerId, points: r.points });
    });
    const transactionIds = answers.filter((res) => !res.errors).map((res) => res.data!.earnPoints.transaction.id);
    expect(new Set(transactionIds).size).toBe(35);

    // Each customer's state moved once per earn booked for it, numbered without a gap.
    const booked = answers.filter((res) => !res.errors && !res.data!.earnPoints.replayed);
    for (const [i, id] of ids.entries()) {
      const earns = booked.filter((res) => res.data!.earnPoints.transaction.customerId === id).length;
      // A reused key's customer, or its first user's, has the earn that came first.
      if (![8, 9, 20, 21].includes(i)) expect(earns).toBe(i < 5 ? 2 : 1);
      expect(await stateVersions(id)).toEqual(Array.from({ length: earns }, (_, v) => v + 1));
    }
    await expectLedgerClean(tenant);
  });

  it('books the others when one earn of the group fails, and that one gets its own error', async () => {
    const em = gw.gateway.orm.em.fork();
    await em.execute(`create or replace function test_group_boom() returns trigger language plpgsql as $$
      begin if new.reason = 'boom' then raise exception 'boom'; end if; return new; end $$`);
    await em.execute(`create trigger test_group_boom before insert on ledger_transaction
      for each row execute function test_group_boom()`);
    try {
      const customers = await Promise.all(Array.from({ length: 8 }, () => createCustomer(tenant.owner)));
      const before = await fallbacks();
      const answers = await Promise.all(
        customers.map((c, i) => earnRequest(c.id, 10 + i, key(), i === 6 ? 'boom' : 'order')),
      );
      expect(answers[6].errors![0].extensions!.code).toBe('INTERNAL_SERVER_ERROR');
      answers.forEach((res, i) => {
        if (i !== 6) expect(res.data!.earnPoints.transaction.points).toBe(10 + i);
      });
      expect(await fallbacks()).toBeGreaterThan(before);
      expect(await stateVersions(customers[6].id)).toEqual([]);
    } finally {
      await em.execute(`drop trigger test_group_boom on ledger_transaction`);
      await em.execute(`drop function test_group_boom()`);
    }
    await expectLedgerClean(tenant);
  });

  it('books a merged id and its survivor sent together as two earns and two versions of the survivor', async () => {
    const [survivor, merged, other] = await Promise.all([1, 2, 3].map(() => createCustomer(tenant.owner)));
    await tenant.owner.data(MergeCustomersDocument, {
      input: { survivorId: survivor.id, mergedId: merged.id, reason: 'same person', idempotencyKey: key() },
    });
    const versionsBefore = await stateVersions(survivor.id);
    const fallbacksBefore = await fallbacks();
    const answers = await Promise.all([
      earnRequest(other.id, 1),
      earnRequest(merged.id, 20),
      earnRequest(survivor.id, 30),
      earnRequest(merged.id, 40),
    ]);
    expect(answers.map((res) => res.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(answers.slice(1).map((res) => res.data!.earnPoints.transaction.customerId)).toEqual([
      survivor.id,
      survivor.id,
      survivor.id,
    ]);
    expect(await fallbacks()).toBe(fallbacksBefore);
    const after = await stateVersions(survivor.id);
    const last = versionsBefore.at(-1) ?? 0;
    expect(after.slice(versionsBefore.length)).toEqual([last + 1, last + 2, last + 3]);
    await expectLedgerClean(tenant);
  });

  it('books an earn sent alone in one statement and no other', async () => {
    const customer = await createCustomer(tenant.owner);
    await earnRequest(customer.id, 5);
    const knex = gw.gateway.orm.em.getConnection().getKnex();
    const orm: string[] = [];
    // The outbox relay shares the ORM pool and wakes on the earn: its statements are not the request's.
    const onQuery = (query: { sql: string }) => {
      if (!/outbox_event|^(begin|commit|rollback)/i.test(query.sql)) orm.push(query.sql);
    };
    knex.on('query', onQuery);
    try {
      const { result, statements } = await ledgerStatements(() => earnRequest(customer.id, 7));
      expect(result.data!.earnPoints.transaction.points).toBe(7);
      expect(statements).toEqual(['ledger_earn_batch']);
      expect(orm).toEqual([]);
    } finally {
      knex.off('query', onQuery);
    }
  });

  it('answers a replayed earn with one read after its statement, and a reused key with CONFLICT', async () => {
    const customer = await createCustomer(tenant.owner);
    const idempotencyKey = key();
    const first = await earnRequest(customer.id, 9, idempotencyKey);
    const knex = gw.gateway.orm.em.getConnection().getKnex();
    const orm: string[] = [];
    const onQuery = (query: { sql: string }) => {
      if (!/outbox_event|^(begin|commit|rollback)/i.test(query.sql)) orm.push(query.sql);
    };
    knex.on('query', onQuery);
    try {
      const { result, statements } = await ledgerStatements(() => earnRequest(customer.id, 9, idempotencyKey));
      expect(result.data!.earnPoints).toMatchObject({
        replayed: true,
        transaction: first.data!.earnPoints.transaction,
      });
      expect(statements).toEqual(['ledger_earn_batch']);
      expect(orm).toHaveLength(1);
    } finally {
      knex.off('query', onQuery);
    }
    const reused = await earnRequest(customer.id, 10, idempotencyKey);
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  describe('a group formed from one burst', () => {
    /** A batcher of its own on the gateway's ledger pool, one statement at a time: a burst is one group after its first. */
    function batcher() {
      const counts = { fallbacks: 0, alone: 0 };
      const earns = new EarnBatcher(gw.gateway.ledgerPool, {
        inflight: 1,
        max: 64,
        onFallback: () => (counts.fallbacks += 1),
      });
      const book = (customerId: string, points: number, idempotencyKey = key()) => {
        const claim = {
          tenantId: tenant.tenantId,
          principal: 'test',
          scope: IdempotencyScope.LEDGER,
          key: idempotencyKey,
          hash: `${points}`.padStart(64, '0'),
        };
        const earn: EarnBooking = {
          tenantId: tenant.tenantId,
          customerId,
          points,
          reason: 'burst',
          channel: Channel.API,
          storeId: null,
          actor: 'test',
          key: idempotencyKey,
          claim,
          pendingUntil: null,
          expiresAt: null,
          timeline: true,
          origin: PointsOrigin.BONUS,
        };
        return earns.book(earn, (): Promise<TransactionRow[]> => {
          counts.alone += 1;
          return Promise.resolve([]);
        });
      };
      return { book, counts, close: () => earns.close() };
    }

    it('books one earn of a key sent twice for two customers; the other finds the key taken', async () => {
      const [first, a, b] = await Promise.all([1, 2, 3].map(() => createCustomer(tenant.owner)));
      const { book, counts, close } = batcher();
      const shared = key();
      const [, withA, withB] = await Promise.all([book(first.id, 1), book(a.id, 10, shared), book(b.id, 20, shared)]);
      await close();
      expect(counts).toEqual({ fallbacks: 0, alone: 0 });
      expect(withA.map((row) => row.customer_id)).toEqual([a.id]);
      expect(withB).toEqual([]);
    });

    it('books two earns of one customer, and of a merged id and its survivor, as consecutive versions', async () => {
      const [first, customer, survivor, merged] = await Promise.all(
        [1, 2, 3, 4].map(() => createCustomer(tenant.owner)),
      );
      await tenant.owner.data(MergeCustomersDocument, {
        input: { survivorId: survivor.id, mergedId: merged.id, reason: 'same person', idempotencyKey: key() },
      });
      const { book, counts, close } = batcher();
      const rows = await Promise.all([
        book(first.id, 1),
        book(customer.id, 10),
        book(customer.id, 20),
        book(merged.id, 30),
        book(survivor.id, 40),
      ]);
      await close();
      expect(counts).toEqual({ fallbacks: 0, alone: 0 });
      expect(rows.map((r) => [r[0].customer_id, Number(r[0].points)])).toEqual([
        [first.id, 1],
        [customer.id, 10],
        [customer.id, 20],
        [survivor.id, 30],
        [survivor.id, 40],
      ]);
      expect([rows[1], rows[2]].map((r) => r[0].version_after)).toEqual([1, 2]);
      // The merged id came first: it books in this group, its survivor's earn in the next.
      expect(rows[4][0].version_after).toBe(rows[3][0].version_after! + 1);
      expect(await stateVersions(customer.id)).toEqual([1, 2]);
      await expectLedgerClean(tenant);
    });
  });
});
