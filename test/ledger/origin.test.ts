import { LOT_ORIGIN_BACKFILL } from '../../migrations/Migration20261203000000';
import { LedgerBookings } from '../../src/ledger/ledger.bookings';
import { fileHash, importBalances, ImportBookings, parseImportFile } from '../../src/ledger/ledger.import';
import { verifyLedger } from '../../src/ledger/ledger.verifier';
import {
  AdjustPointsDocument,
  MergeCustomersDocument,
  ReverseTransactionDocument,
  TransferPointsDocument,
  UnmergeCustomersDocument,
} from '../generated/graphql';
import {
  createCustomer,
  createTenant,
  earn,
  expectLedgerClean,
  inDays,
  key,
  program,
  purchase,
  record,
  redeem,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

interface LotRow {
  id: string;
  customer_id: string;
  transaction_id: string;
  points: number;
  remaining: number;
  origin: string;
  cohort: string;
  source_lot_id: string | null;
}

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0' } });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return gw.gateway.orm.em.fork().execute<T[]>(query, params);
}

/** The customer's lots, oldest first (lots made by one statement in any order); the cohort as text (YYYY-MM-DD). */
async function lotsOf(customerId: string): Promise<LotRow[]> {
  return sql<LotRow>(
    `select id, customer_id, transaction_id, points::int, remaining::int, origin, cohort::text, source_lot_id
       from points_lot where customer_id = ? order by created_at, id`,
    [customerId],
  );
}

/** This month in the tenant's time zone (every test tenant is Europe/Paris). */
async function thisCohort(): Promise<string> {
  const [row] = await sql<{ cohort: string }>(
    `select date_trunc('month', now() at time zone 'Europe/Paris')::date::text as cohort`,
  );
  return row.cohort;
}

/** Puts a lot in an older cohort, as if its points were earned then: the moves below must carry it. */
async function backdate(lotId: string, cohort: string): Promise<void> {
  await sql(`update points_lot set cohort = ?::date where id = ?`, [cohort, lotId]);
}

describe('each write path records where the points came from', () => {
  it('a direct earn is BONUS, grouped or under a daily limit, in this month of the tenant', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 100);
    await earn(await tenant.agent(), customer.id, 50);
    const cohort = await thisCohort();
    expect((await lotsOf(customer.id)).map(({ origin, cohort: c, points }) => ({ origin, cohort: c, points }))).toEqual(
      [
        { origin: 'BONUS', cohort, points: 100 },
        { origin: 'BONUS', cohort, points: 50 },
      ],
    );
  });

  it("a purchase's points are PURCHASE", async () => {
    const p = await program(gw);
    const customer = await createCustomer(p.tenant.owner);
    const bought = await record(p, purchase(customer.id, p.north.id, [{ sku: 'A', quantity: 1, unitPrice: 10_000 }]));
    expect(bought.totalPoints).toBeGreaterThan(0);
    expect((await lotsOf(customer.id)).map((lot) => [lot.origin, lot.points])).toEqual([
      ['PURCHASE', bought.totalPoints],
    ]);
    await expectLedgerClean(p.tenant);
  });

  it('an upward adjustment is ADJUSTMENT; a credit is GOODWILL or ADJUSTMENT by its reason code', async () => {
    const customer = await createCustomer(tenant.owner);
    await tenant.owner.data(AdjustPointsDocument, {
      input: { customerId: customer.id, points: 70, reasonCode: 'GOODWILL', reason: 'by hand', idempotencyKey: key() },
    });
    const bookings = new LedgerBookings();
    for (const [reasonCode, points] of [
      ['GOODWILL', 30],
      ['CORRECTION', 20],
    ] as const) {
      await gw.gateway.orm.em.fork().transactional((tx) =>
        bookings.creditWithin(tx, {
          tenantId: tenant.tenantId,
          customerId: customer.id,
          points,
          reason: 'credit',
          reasonCode,
          actor: 'test',
          key: `test:${key()}`,
        }),
      );
    }
    expect((await lotsOf(customer.id)).map((lot) => [lot.origin, lot.points])).toEqual([
      ['ADJUSTMENT', 70],
      ['GOODWILL', 30],
      ['ADJUSTMENT', 20],
    ]);
    await expectLedgerClean(tenant);
  });

  it('an imported balance is MIGRATION', async () => {
    const own = await createTenant(gw);
    const externalId = `legacy-${key()}`;
    const content = `external_customer_id,email,points,expiry_date,tier\n${externalId},,400,,\n`;
    const { rows, errors } = parseImportFile(content, new Date());
    expect(errors).toEqual([]);
    await importBalances(gw.gateway.orm.em.fork(), new ImportBookings(), own.tenantId, rows, {
      name: 'origin.csv',
      hash: fileHash(content),
    });
    const [{ id }] = await sql<{ id: string }>(`select id from customer where tenant_id = ? and external_id = ?`, [
      own.tenantId,
      externalId,
    ]);
    expect((await lotsOf(id)).map((lot) => [lot.origin, lot.points, lot.cohort])).toEqual([
      ['MIGRATION', 400, await thisCohort()],
    ]);
    await expectLedgerClean(own);
  });
});

describe('points that move keep their origin and cohort', () => {
  it('a transfer over two lots makes one lot per take on the receiver', async () => {
    const from = await createCustomer(tenant.owner);
    const to = await createCustomer(tenant.owner);
    // Taken first-to-expire first: the BONUS lot, then part of the ADJUSTMENT lot.
    await earn(tenant.owner, from.id, 60, { expiresAt: inDays(10).toISOString() });
    await tenant.owner.data(AdjustPointsDocument, {
      input: { customerId: from.id, points: 80, reasonCode: 'FIX', reason: 'fix', idempotencyKey: key() },
    });
    const [bonus, adjustment] = await lotsOf(from.id);
    await backdate(bonus.id, '2026-01-01');
    await tenant.owner.data(TransferPointsDocument, {
      input: { fromCustomerId: from.id, toCustomerId: to.id, points: 100, idempotencyKey: key() },
    });
    const received = await lotsOf(to.id);
    expect(received.map((lot) => [lot.origin, lot.cohort, lot.points]).sort()).toEqual([
      ['ADJUSTMENT', adjustment.cohort, 40],
      ['BONUS', '2026-01-01', 60],
    ]);
    await expectLedgerClean(tenant);
  });

  it('a merge moves each lot whole with its origin and cohort, and an unmerge brings them back', async () => {
    const survivor = await createCustomer(tenant.owner);
    const merged = await createCustomer(tenant.owner);
    await earn(tenant.owner, merged.id, 30);
    await tenant.owner.data(AdjustPointsDocument, {
      input: { customerId: merged.id, points: 20, reasonCode: 'FIX', reason: 'fix', idempotencyKey: key() },
    });
    const [first] = await lotsOf(merged.id);
    await backdate(first.id, '2025-11-01');
    const { mergeCustomers } = await tenant.owner.data(MergeCustomersDocument, {
      input: { survivorId: survivor.id, mergedId: merged.id, reason: 'same person', idempotencyKey: key() },
    });
    const moved = await lotsOf(survivor.id);
    expect(moved.map((lot) => [lot.origin, lot.cohort, lot.points])).toEqual(
      expect.arrayContaining([
        ['BONUS', '2025-11-01', 30],
        ['ADJUSTMENT', await thisCohort(), 20],
      ]),
    );
    await expectLedgerClean(tenant);
    await tenant.owner.data(UnmergeCustomersDocument, { input: { mergeId: mergeCustomers.merge.id } });
    const back = (await lotsOf(merged.id)).filter((lot) => lot.remaining > 0);
    expect(back.map((lot) => [lot.origin, lot.cohort, lot.points])).toEqual(
      expect.arrayContaining([
        ['BONUS', '2025-11-01', 30],
        ['ADJUSTMENT', await thisCohort(), 20],
      ]),
    );
    expect(back).toHaveLength(2);
    await expectLedgerClean(tenant);
  });

  it('a redemption refunded in parts gives back each lot it took, latest take first', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 100, { expiresAt: inDays(10).toISOString() });
    await tenant.owner.data(AdjustPointsDocument, {
      input: { customerId: customer.id, points: 100, reasonCode: 'FIX', reason: 'fix', idempotencyKey: key() },
    });
    const [bonus] = await lotsOf(customer.id);
    await backdate(bonus.id, '2026-02-01');
    const cohort = await thisCohort();
    const redemption = await redeem(tenant.owner, customer.id, 150);
    const refund = async (points: number) => {
      const { reverseTransaction } = await tenant.owner.data(ReverseTransactionDocument, {
        input: { transactionId: redemption.transaction.id, points, idempotencyKey: key() },
      });
      return (await lotsOf(customer.id))
        .filter((lot) => lot.transaction_id === reverseTransaction.transaction.id)
        .map((lot) => [lot.origin, lot.cohort, lot.points])
        .sort();
    };
    // Took 100 of BONUS, then 50 of ADJUSTMENT.
    expect(await refund(30)).toEqual([['ADJUSTMENT', cohort, 30]]);
    expect(await refund(40)).toEqual([
      ['ADJUSTMENT', cohort, 20],
      ['BONUS', '2026-02-01', 20],
    ]);
    expect(await refund(80)).toEqual([['BONUS', '2026-02-01', 80]]);
    await expectLedgerClean(tenant);
  });
});

describe('reversals book back against the original program leg', () => {
  it("a partner's earn is reversed against that partner's account, and the header names the partner", async () => {
    const customer = await createCustomer(tenant.owner);
    const earned = await earn(tenant.owner, customer.id, 90);
    const partnerId = key();
    // As a partner booking (chunk C) writes it: the program leg is the partner's.
    await sql(
      `update ledger_entry set account = 'PARTNER_ISSUED', partner_id = ? where transaction_id = ? and customer_id is null`,
      [partnerId, earned.transaction.id],
    );
    const { reverseTransaction } = await tenant.owner.data(ReverseTransactionDocument, {
      input: { transactionId: earned.transaction.id, points: 40, idempotencyKey: key() },
    });
    const reversal = reverseTransaction.transaction.id;
    expect(
      await sql(`select account, partner_id, amount::int from ledger_entry where transaction_id = ? order by id`, [
        reversal,
      ]),
    ).toEqual([
      { account: 'CUSTOMER_AVAILABLE', partner_id: null, amount: -40 },
      { account: 'PARTNER_ISSUED', partner_id: partnerId, amount: 40 },
    ]);
    expect(await sql(`select partner_id from ledger_transaction where id = ?`, [reversal])).toEqual([
      { partner_id: partnerId },
    ]);
    await expectLedgerClean(tenant);
  });
});

describe('erased customers', () => {
  it('are refused by the earn (grouped or not) and by the other bookings as unknown', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 10);
    await sql(`update customer set erased_at = now() where id = ?`, [customer.id]);
    const input = (idempotencyKey: string) => ({
      input: { customerId: customer.id, points: 5, reason: 'after', idempotencyKey },
    });
    for (const caller of [tenant.owner, await tenant.agent()]) {
      const res = await caller.gql(
        `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { transaction { id } } }`,
        input(key()),
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ reason: 'CUSTOMER_NOT_FOUND' });
    }
    const redeemed = await tenant.owner.gql(
      `mutation ($input: RedeemPointsInput!) { redeemPoints(input: $input) { transaction { id } } }`,
      input(key()),
    );
    expect(redeemed.errors?.[0]?.extensions).toMatchObject({ reason: 'CUSTOMER_NOT_FOUND' });
  });
});

describe('verify-ledger', () => {
  it('finds a lot that moves unlike its customer legs, and a relocated lot that lost its origin', async () => {
    const own = await createTenant(gw);
    const survivor = await createCustomer(own.owner);
    const merged = await createCustomer(own.owner);
    await earn(own.owner, merged.id, 40);
    await own.owner.data(MergeCustomersDocument, {
      input: { survivorId: survivor.id, mergedId: merged.id, reason: 'same person', idempotencyKey: key() },
    });
    await expectLedgerClean(own);
    const rollback = new Error('rollback');
    await expect(
      gw.gateway.orm.em.fork().transactional(async (tx) => {
        await tx.execute(
          `update points_lot set origin = 'GOODWILL' where customer_id = ? and source_lot_id is not null`,
          [survivor.id],
        );
        await tx.execute(`update points_lot set points = points + 1, remaining = remaining + 1 where customer_id = ?`, [
          survivor.id,
        ]);
        const integrity = await verifyLedger(tx, own.tenantId);
        expect(integrity.discrepancies.map((found) => found.check)).toEqual(
          expect.arrayContaining([
            'a relocated lot keeps its source lot origin and cohort',
            'lots created minus consumed equal the customer legs',
          ]),
        );
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });
});

describe('the backfill of existing lots', () => {
  it('gives every lot the origin and cohort the write paths give, and verify-ledger passes after it', async () => {
    const own = await createTenant(gw);
    const a = await createCustomer(own.owner);
    const b = await createCustomer(own.owner);
    await earn(own.owner, a.id, 100, { expiresAt: inDays(10).toISOString() });
    await own.owner.data(AdjustPointsDocument, {
      input: { customerId: a.id, points: 50, reasonCode: 'FIX', reason: 'fix', idempotencyKey: key() },
    });
    const redemption = await redeem(own.owner, a.id, 20);
    await own.owner.data(ReverseTransactionDocument, {
      input: { transactionId: redemption.transaction.id, points: 5, idempotencyKey: key() },
    });
    await own.owner.data(TransferPointsDocument, {
      input: { fromCustomerId: a.id, toCustomerId: b.id, points: 30, idempotencyKey: key() },
    });
    const c = await createCustomer(own.owner);
    await own.owner.data(MergeCustomersDocument, {
      input: { survivorId: c.id, mergedId: b.id, reason: 'same person', idempotencyKey: key() },
    });
    const read = `select l.id, l.origin, l.cohort::text from points_lot l where l.tenant_id = ? order by l.id`;
    const written = await sql<{ id: string; origin: string; cohort: string }>(read, [own.tenantId]);
    expect(written).toHaveLength(5);

    // DDL is transactional: blank the tenant's lots, backfill, check, and roll it all back.
    const rollback = new Error('rollback');
    await expect(
      gw.gateway.orm.em.fork().transactional(async (tx) => {
        await tx.execute(`alter table points_lot alter column origin drop not null, alter column cohort drop not null`);
        await tx.execute(`update points_lot set origin = null, cohort = null where tenant_id = ?`, [own.tenantId]);
        for (const statement of LOT_ORIGIN_BACKFILL) await tx.execute(statement);
        // Here each transfer and refund took only lots of one origin, so the backfill finds what was written.
        expect(await tx.execute(read, [own.tenantId])).toEqual(written);
        const integrity = await verifyLedger(tx, own.tenantId);
        expect(integrity.discrepancies).toEqual([]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await sql(read, [own.tenantId])).toEqual(written);
  });
});
