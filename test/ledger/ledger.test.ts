import { LedgerJobs } from '../../src/ledger/ledger.jobs';
import {
  AdjustPointsDocument,
  CustomerBalanceDocument,
  EarnPointsDocument,
  LedgerIntegrityDocument,
  PointsTransactionsPageDocument,
  RedeemPointsDocument,
  ReverseTransactionDocument,
  TransferHistoryDocument,
  TransferPointsDocument,
} from '../generated/graphql';
import {
  balance,
  createCustomer,
  createTenant,
  earn,
  expectLedgerClean,
  inDays,
  key,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', DB_POOL_MAX: '20' } });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());
describe('a balance read after a booking in the same request', () => {
  it('is the balance after it, though an earlier field of the request loaded the customer', async () => {
    const email = `fresh-${key()}@example.com`;
    const customer = await createCustomer(tenant.owner, { email });
    await earn(tenant.owner, customer.id, 10);
    const found = `resolveCustomer(input: { createIfMissing: false, identifiers: [{ kind: EMAIL, value: "${email}" }] })`;
    // The first field loads the customer (not its balance); the booking then changes the balance; the last field
    // reads it in the same request, so it must not come from anything loaded before the booking.
    const res = await tenant.owner.gql(
      `mutation ($c: ID!, $k: String!, $r: String!) {
        before: ${found} { customer { id } }
        earnPoints(input: { customerId: $c, points: 25, reason: "same request", idempotencyKey: $k }) { balance { available } }
        redeemPoints(input: { customerId: $c, points: 5, reason: "same request", idempotencyKey: $r }) { balance { available } }
        after: ${found} { customer { balance { available } } }
      }`,
      { c: customer.id, k: key(), r: key() },
    );
    expect(res.errors).toBeUndefined();
    expect((res.data as { after: { customer: { balance: { available: number } } } }).after.customer.balance).toEqual({
      available: 30,
    });
  });
});

describe('double entry', () => {
  it('books an earn as balanced entries and keeps the balance row in step', async () => {
    const customer = await createCustomer(tenant.owner);
    const result = await earn(tenant.owner, customer.id, 120);
    expect(result.transaction).toMatchObject({ kind: 'EARN', points: 120, channel: 'API' });
    expect(result.replayed).toBe(false);
    expect(result.transaction.entries).toEqual([
      { account: 'CUSTOMER_AVAILABLE', customerId: customer.id, amount: 120 },
      { account: 'PROGRAM_ISSUED', customerId: null, amount: -120 },
    ]);
    expect(result.balance).toEqual({ available: 120, pending: 0, balanceRevision: 1 });
    await tenant.owner.data(RedeemPointsDocument, {
      input: { customerId: customer.id, points: 20, reason: 'coffee', idempotencyKey: key() },
    });
    expect(await balance(tenant.owner, customer.id)).toMatchObject({
      available: 100,
      lifetimeEarned: 120,
      lifetimeRedeemed: 20,
      balanceRevision: 2,
    });
    await expectLedgerClean(tenant);
  });

  it('refuses a redemption the balance does not cover, with INSUFFICIENT_POINTS, booking nothing', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 30);
    const res = await tenant.owner.gql(RedeemPointsDocument, {
      input: { customerId: customer.id, points: 31, reason: 'too much', idempotencyKey: key() },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_POINTS', field: 'input.points' });
    expect(await balance(tenant.owner, customer.id)).toMatchObject({ available: 30, balanceRevision: 1 });
  });

  it('validates input, naming the field', async () => {
    const customer = await createCustomer(tenant.owner);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ points: 0 }, 'BAD_USER_INPUT', 'input.points'],
      [{ points: -5 }, 'BAD_USER_INPUT', 'input.points'],
      [{ reason: '  ' }, 'BAD_USER_INPUT', 'input.reason'],
      [{ idempotencyKey: '' }, 'BAD_USER_INPUT', 'input.idempotencyKey'],
      [{ expiresAt: inDays(-1).toISOString() }, 'BAD_USER_INPUT', 'input.expiresAt'],
      [{ customerId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.customerId'],
    ];
    for (const [override, code, field] of cases) {
      const res = await tenant.owner.gql(EarnPointsDocument, {
        input: { customerId: customer.id, points: 10, reason: 'x', idempotencyKey: key(), ...override },
      });
      expect([field, res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.field]).toEqual([
        field,
        code,
        field,
      ]);
    }
  });
});

describe('idempotency', () => {
  it('50 concurrent retries of one earn book one transaction and give 50 identical answers', async () => {
    const customer = await createCustomer(tenant.owner);
    const input = { customerId: customer.id, points: 75, reason: 'order 1001', idempotencyKey: key() };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => tenant.owner.data(EarnPointsDocument, { input })),
    );
    const transactions = new Set(answers.map((a) => a.earnPoints.transaction.id));
    expect(transactions.size).toBe(1);
    const stripped = answers.map(({ earnPoints }) => ({ ...earnPoints, replayed: undefined }));
    expect(new Set(stripped.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers.filter((a) => !a.earnPoints.replayed)).toHaveLength(1);
    expect(await balance(tenant.owner, customer.id)).toMatchObject({ available: 75, balanceRevision: 1 });
  });

  it('a retried redemption or transfer replays its first answer and books nothing more', async () => {
    const customer = await createCustomer(tenant.owner);
    const friend = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 100);
    const redeem = { customerId: customer.id, points: 30, reason: 'gift card', idempotencyKey: key() };
    const first = (await tenant.owner.data(RedeemPointsDocument, { input: redeem })).redeemPoints;
    const again = (await tenant.owner.data(RedeemPointsDocument, { input: redeem })).redeemPoints;
    expect({ ...again, replayed: false }).toEqual(first);
    expect(again.replayed).toBe(true);
    const transfer = { fromCustomerId: customer.id, toCustomerId: friend.id, points: 20, idempotencyKey: key() };
    const sent = await Promise.all([1, 2, 3].map(() => tenant.owner.data(TransferPointsDocument, { input: transfer })));
    expect(new Set(sent.map((s) => s.transferPoints.transaction.id)).size).toBe(1);
    expect(await balance(tenant.owner, customer.id)).toMatchObject({ available: 50, balanceRevision: 3 });
    expect((await balance(tenant.owner, friend.id)).available).toBe(20);
  });

  it('the same key with another input is a CONFLICT', async () => {
    const customer = await createCustomer(tenant.owner);
    const idempotencyKey = key();
    await tenant.owner.data(EarnPointsDocument, {
      input: { customerId: customer.id, points: 10, reason: 'a', idempotencyKey },
    });
    const res = await tenant.owner.gql(EarnPointsDocument, {
      input: { customerId: customer.id, points: 11, reason: 'a', idempotencyKey },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });
    const other = await tenant.owner.gql(RedeemPointsDocument, {
      input: { customerId: customer.id, points: 10, reason: 'a', idempotencyKey },
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await balance(tenant.owner, customer.id)).toMatchObject({ available: 10 });
  });
});

describe('concurrency', () => {
  it('100 concurrent redemptions of 10 against 100 points: exactly 10 succeed, the balance ends at 0', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 100);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        tenant.owner.gql(RedeemPointsDocument, {
          input: { customerId: customer.id, points: 10, reason: `r${i}`, idempotencyKey: key() },
        }),
      ),
    );
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'INSUFFICIENT_POINTS');
    expect([ok.length, refused.length]).toEqual([10, 90]);
    // Every successful answer saw a distinct balance revision and balance: no two spent the same points.
    expect(new Set(ok.map((r) => r.data!.redeemPoints.balance.available)).size).toBe(10);
    expect(await balance(tenant.owner, customer.id)).toMatchObject({
      available: 0,
      lifetimeRedeemed: 100,
      balanceRevision: 11,
    });
    await expectLedgerClean(tenant);
  });

  // Hundreds of transfers contend for 20 rows: the wall time follows the machine's load, so it gets a wider timeout.
  it('random concurrent transfers among 20 customers conserve every point, without deadlock', async () => {
    const own = await createTenant(gw);
    const customers = await Promise.all(Array.from({ length: 20 }, () => createCustomer(own.owner)));
    for (const c of customers) {
      await own.owner.data(EarnPointsDocument, {
        input: { customerId: c.id, points: 100, reason: 'seed', idempotencyKey: key() },
      });
    }
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const transfers = Array.from({ length: 200 }, () => {
      const from = customers[Math.floor(random() * 20)];
      let to = customers[Math.floor(random() * 20)];
      if (to.id === from.id) to = customers[(customers.indexOf(from) + 1) % 20]!;
      return {
        fromCustomerId: from.id,
        toCustomerId: to.id,
        points: 1 + Math.floor(random() * 40),
        idempotencyKey: key(),
      };
    });
    const results = await Promise.all(transfers.map((input) => own.owner.gql(TransferPointsDocument, { input })));
    const codes = new Set(results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK'));
    expect([...codes].every((c) => c === 'OK' || c === 'INSUFFICIENT_POINTS')).toBe(true);
    expect(results.filter((r) => !r.errors).length).toBeGreaterThan(100);
    const balances = await Promise.all(
      customers.map((c) => own.owner.data(CustomerBalanceDocument, { id: c.id, days: 1 })),
    );
    const total = balances.reduce((sum, b) => sum + b.customer.balance.available, 0);
    expect(total).toBe(2000);
    await expectLedgerClean(own);
  }, 90_000);
});

describe('lots, expiry and pending points', () => {
  it('redemption consumes the first-to-expire lot first, and expiry takes only what is due', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 50, { expiresAt: inDays(30).toISOString() });
    await earn(tenant.owner, customer.id, 40, { expiresAt: inDays(3).toISOString() });
    await earn(tenant.owner, customer.id, 10); // tenant policy NONE: never expires
    expect((await balance(tenant.owner, customer.id, 5)).expiringPoints).toBe(40);

    await tenant.owner.data(RedeemPointsDocument, {
      input: { customerId: customer.id, points: 30, reason: 'gift', idempotencyKey: key() },
    });
    // The 30 came out of the lot expiring in 3 days: 10 of it remain, and all 50 of the later lot.
    expect((await balance(tenant.owner, customer.id, 5)).expiringPoints).toBe(10);
    expect((await balance(tenant.owner, customer.id, 40)).expiringPoints).toBe(60);

    const jobs = new LedgerJobs();
    const run = await jobs.expireDue(gw.gateway.orm.em.fork(), inDays(10));
    expect(run.points).toBeGreaterThanOrEqual(10);
    expect(await balance(tenant.owner, customer.id, 40)).toMatchObject({
      available: 60,
      expired: 10,
      expiringPoints: 50,
    });
    // Running again books nothing more for this customer.
    await jobs.expireDue(gw.gateway.orm.em.fork(), inDays(10));
    expect(await balance(tenant.owner, customer.id)).toMatchObject({ available: 60, expired: 10 });
    await expectLedgerClean(tenant);
  });

  it('pending points are not spendable until their date, then settle into the available balance', async () => {
    const customer = await createCustomer(tenant.owner);
    const result = await earn(tenant.owner, customer.id, 80, { pendingUntil: inDays(14).toISOString() });
    expect(result.transaction.entries[0]).toEqual({ account: 'CUSTOMER_PENDING', customerId: customer.id, amount: 80 });
    expect(await balance(tenant.owner, customer.id)).toMatchObject({ available: 0, pending: 80 });
    const early = await tenant.owner.gql(RedeemPointsDocument, {
      input: { customerId: customer.id, points: 1, reason: 'x', idempotencyKey: key() },
    });
    expect(early.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_POINTS');

    const jobs = new LedgerJobs();
    await jobs.settlePending(gw.gateway.orm.em.fork(), inDays(13));
    expect(await balance(tenant.owner, customer.id)).toMatchObject({ available: 0, pending: 80 });
    await jobs.settlePending(gw.gateway.orm.em.fork(), inDays(15));
    expect(await balance(tenant.owner, customer.id)).toMatchObject({ available: 80, pending: 0, balanceRevision: 2 });
    await tenant.owner.data(RedeemPointsDocument, {
      input: { customerId: customer.id, points: 80, reason: 'x', idempotencyKey: key() },
    });
    await expectLedgerClean(tenant);
  });

  it('inactivity: any credit restarts the clock, and expiry books the program leg without a customer', async () => {
    const own = await createTenant(gw);
    await own.owner.data(
      `mutation { setPointsExpiryPolicy(policy: INACTIVITY_MONTHS, months: 1) { pointsExpiryPolicy } }`,
    );
    const customer = await createCustomer(own.owner);
    await own.owner.data(EarnPointsDocument, {
      input: { customerId: customer.id, points: 10, reason: 'x', idempotencyKey: key() },
    });
    const em = gw.gateway.orm.em.fork();
    await em.execute(`update points_balance set last_activity_at = now() - interval '40 days' where customer_id = ?`, [
      customer.id,
    ]);
    // A goodwill credit today is activity: nothing may expire now.
    await own.owner.data(AdjustPointsDocument, {
      input: { customerId: customer.id, points: 5, reasonCode: 'GOODWILL', reason: 'x', idempotencyKey: key() },
    });
    await new LedgerJobs().expireDue(gw.gateway.orm.em.fork(), new Date());
    expect(
      (await own.owner.data(CustomerBalanceDocument, { id: customer.id, days: 1 })).customer.balance,
    ).toMatchObject({
      available: 15,
      expired: 0,
    });
    await new LedgerJobs().expireDue(gw.gateway.orm.em.fork(), inDays(40));
    expect(
      (await own.owner.data(CustomerBalanceDocument, { id: customer.id, days: 1 })).customer.balance,
    ).toMatchObject({
      available: 0,
      expired: 15,
    });
    const legs = await em.execute(
      `select e.account, e.customer_id from ledger_entry e join ledger_transaction t on t.id = e.transaction_id where t.customer_id = ? and t.kind = 'EXPIRY' order by e.account`,
      [customer.id],
    );
    expect(legs).toEqual([
      { account: 'CUSTOMER_AVAILABLE', customer_id: customer.id },
      { account: 'PROGRAM_EXPIRED', customer_id: null },
    ]);
    await expectLedgerClean(own);
  });

  it('dates lots by the fixed-months policy when the earn gives no expiry', async () => {
    const own = await createTenant(gw);
    await own.owner.data(
      `mutation { setPointsExpiryPolicy(policy: FIXED_MONTHS, months: 12) { pointsExpiryPolicy pointsExpiryMonths } }`,
    );
    const customer = await createCustomer(own.owner);
    await own.owner.data(EarnPointsDocument, {
      input: { customerId: customer.id, points: 30, reason: 'x', idempotencyKey: key() },
    });
    await own.owner.data(AdjustPointsDocument, {
      input: { customerId: customer.id, points: 5, reasonCode: 'GOODWILL', reason: 'x', idempotencyKey: key() },
    });
    await own.owner.data(EarnPointsDocument, {
      input: {
        customerId: customer.id,
        points: 7,
        reason: 'x',
        expiresAt: inDays(20).toISOString(),
        idempotencyKey: key(),
      },
    });
    const within = async (days: number) =>
      (await own.owner.data(CustomerBalanceDocument, { id: customer.id, days })).customer.balance.expiringPoints;
    expect([await within(30), await within(360), await within(370)]).toEqual([7, 7, 42]);
  });

  it('inactivity expiry takes every lot of a customer idle for the policy months', async () => {
    const own = await createTenant(gw);
    await own.owner.data(
      `mutation { setPointsExpiryPolicy(policy: INACTIVITY_MONTHS, months: 12) { pointsExpiryPolicy } }`,
    );
    const idle = await createCustomer(own.owner);
    await own.owner.data(EarnPointsDocument, {
      input: { customerId: idle.id, points: 25, reason: 'x', idempotencyKey: key() },
    });
    const jobs = new LedgerJobs();
    await jobs.expireDue(gw.gateway.orm.em.fork(), inDays(200));
    expect((await own.owner.data(CustomerBalanceDocument, { id: idle.id, days: 1 })).customer.balance.available).toBe(
      25,
    );
    await jobs.expireDue(gw.gateway.orm.em.fork(), inDays(370));
    expect((await own.owner.data(CustomerBalanceDocument, { id: idle.id, days: 1 })).customer.balance).toMatchObject({
      available: 0,
      expired: 25,
    });
    await expectLedgerClean(own);
  });
});

describe('reversals, adjustments, transfers', () => {
  it('reverses a partly redeemed earn: the clawback takes the earn’s own lot first, then others', async () => {
    const customer = await createCustomer(tenant.owner);
    const purchase = await earn(tenant.owner, customer.id, 100, { expiresAt: inDays(300).toISOString() });
    await earn(tenant.owner, customer.id, 50, { expiresAt: inDays(10).toISOString() });
    await tenant.owner.data(RedeemPointsDocument, {
      input: { customerId: customer.id, points: 70, reason: 'x', idempotencyKey: key() },
    });
    // FEFO took 50 from the 10-day lot and 20 from the purchase: 80 of the purchase remain.
    const part = await tenant.owner.data(ReverseTransactionDocument, {
      input: { transactionId: purchase.transaction.id, points: 60, idempotencyKey: key() },
    });
    expect(part.reverseTransaction.transaction).toMatchObject({
      kind: 'REVERSAL',
      points: 60,
      reversesId: purchase.transaction.id,
    });
    expect(part.reverseTransaction.balance.available).toBe(20);
    const tooMuch = await tenant.owner.gql(ReverseTransactionDocument, {
      input: { transactionId: purchase.transaction.id, points: 41, idempotencyKey: key() },
    });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.points' });
    // 40 of the purchase are left to reverse, but only 20 points are left to take.
    const rest = await tenant.owner.gql(ReverseTransactionDocument, {
      input: { transactionId: purchase.transaction.id, idempotencyKey: key() },
    });
    expect(rest.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_POINTS');
    expect(await balance(tenant.owner, customer.id)).toMatchObject({ available: 20, lifetimeEarned: 90 });
    await expectLedgerClean(tenant);
  });

  it('reverses a redemption by giving the points back', async () => {
    const customer = await createCustomer(tenant.owner);
    await earn(tenant.owner, customer.id, 60);
    const redemption = await tenant.owner.data(RedeemPointsDocument, {
      input: { customerId: customer.id, points: 50, reason: 'x', idempotencyKey: key() },
    });
    const back = await tenant.owner.data(ReverseTransactionDocument, {
      input: { transactionId: redemption.redeemPoints.transaction.id, idempotencyKey: key() },
    });
    expect(back.reverseTransaction.transaction.entries).toEqual([
      { account: 'CUSTOMER_AVAILABLE', customerId: customer.id, amount: 50 },
      { account: 'PROGRAM_REDEEMED', customerId: null, amount: -50 },
    ]);
    expect(await balance(tenant.owner, customer.id)).toMatchObject({ available: 60, lifetimeRedeemed: 0 });
    await expectLedgerClean(tenant);
  });

  it('adjustments need a supervisor or admin and a reason code, and go both ways', async () => {
    const customer = await createCustomer(tenant.owner);
    const agent = await tenant.agent();
    const supervisor = await tenant.key('SUPERVISOR');
    const input = {
      customerId: customer.id,
      points: 15,
      reasonCode: 'goodwill',
      reason: 'late delivery',
      idempotencyKey: key(),
    };
    expect((await agent.gql(AdjustPointsDocument, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const up = await supervisor.data(AdjustPointsDocument, { input });
    expect(up.adjustPoints.transaction).toMatchObject({
      kind: 'ADJUST',
      actor: `key:${supervisor.id}`,
      channel: 'AGENT',
    });
    const down = await supervisor.data(AdjustPointsDocument, {
      input: { ...input, points: -5, idempotencyKey: key() },
    });
    expect(down.adjustPoints.balance.available).toBe(10);
    const noCode = await supervisor.gql(AdjustPointsDocument, {
      input: { ...input, reasonCode: ' ', idempotencyKey: key() },
    });
    expect(noCode.errors?.[0]?.extensions?.field).toBe('input.reasonCode');
    await expectLedgerClean(tenant);
  });

  it('a customer can spend and send only their own points', async () => {
    const me = await createCustomer(tenant.owner);
    const friend = await createCustomer(tenant.owner);
    await earn(tenant.owner, me.id, 40);
    await earn(tenant.owner, friend.id, 40);
    const token = await tenant.customer(me.id);
    const sent = await token.data(TransferPointsDocument, {
      input: { fromCustomerId: me.id, toCustomerId: friend.id, points: 15, idempotencyKey: key() },
    });
    expect(sent.transferPoints.transaction).toMatchObject({
      kind: 'TRANSFER',
      channel: 'WEB',
      actor: `customer:${me.id}`,
    });
    const steal = await token.gql(TransferPointsDocument, {
      input: { fromCustomerId: friend.id, toCustomerId: me.id, points: 15, idempotencyKey: key() },
    });
    expect(steal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const spendOther = await token.gql(RedeemPointsDocument, {
      input: { customerId: friend.id, points: 1, reason: 'x', idempotencyKey: key() },
    });
    expect(spendOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await balance(tenant.owner, friend.id)).available).toBe(55);
  });

  it('another tenant’s key cannot touch these points', async () => {
    const customer = await createCustomer(tenant.owner);
    const purchase = await earn(tenant.owner, customer.id, 10);
    const stranger = await createTenant(gw);
    const earnThere = await stranger.owner.gql(EarnPointsDocument, {
      input: { customerId: customer.id, points: 10, reason: 'x', idempotencyKey: key() },
    });
    expect(earnThere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const reverseThere = await stranger.owner.gql(ReverseTransactionDocument, {
      input: { transactionId: purchase.transaction.id, idempotencyKey: key() },
    });
    expect(reverseThere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('history and integrity', () => {
  it('pages a customer’s transactions newest first with their entries', async () => {
    const customer = await createCustomer(tenant.owner);
    for (const points of [1, 2, 3, 4, 5]) await earn(tenant.owner, customer.id, points);
    const seen: number[] = [];
    let after: string | undefined;
    do {
      const page = (await tenant.owner.data(PointsTransactionsPageDocument, { id: customer.id, after })).customer
        .pointsTransactions;
      for (const edge of page.edges) {
        seen.push(edge.node.points);
        expect(edge.node.entries.map((e) => e.amount).reduce((a, b) => a + b, 0)).toBe(0);
        expect(edge.node.idempotencyKey).toBeTruthy();
      }
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
  });

  it('shows transfers received in the receiver’s history, merged in time order', async () => {
    const sender = await createCustomer(tenant.owner);
    const receiver = await createCustomer(tenant.owner);
    await earn(tenant.owner, sender.id, 50);
    await earn(tenant.owner, receiver.id, 1);
    await tenant.owner.data(TransferPointsDocument, {
      input: { fromCustomerId: sender.id, toCustomerId: receiver.id, points: 20, idempotencyKey: key() },
    });
    await earn(tenant.owner, receiver.id, 2);
    const history = (
      await tenant.owner.data(TransferHistoryDocument, { id: receiver.id })
    ).customer.pointsTransactions.edges.map((e) => e.node);
    expect(history).toEqual([
      { kind: 'EARN', points: 2, counterpartyId: null },
      { kind: 'TRANSFER', points: 20, counterpartyId: receiver.id },
      { kind: 'EARN', points: 1, counterpartyId: null },
    ]);
  });

  it('ledgerIntegrity reports the first discrepancy when a row is tampered with', async () => {
    const own = await createTenant(gw);
    const customer = await createCustomer(own.owner);
    await own.owner.data(EarnPointsDocument, {
      input: { customerId: customer.id, points: 10, reason: 'x', idempotencyKey: key() },
    });
    expect((await own.owner.data(LedgerIntegrityDocument)).ledgerIntegrity).toEqual({
      ok: true,
      transactionsChecked: 1,
      balancesChecked: 1,
      discrepancies: [],
    });
    await gw.gateway.orm.em
      .fork()
      .execute(`update points_balance set available = available + 5 where customer_id = ?`, [customer.id]);
    const broken = (await own.owner.data(LedgerIntegrityDocument)).ledgerIntegrity;
    expect(broken.ok).toBe(false);
    expect(broken.discrepancies.map((d) => d.check)).toEqual([
      'balance equals the sum of its entries',
      'lots cover the balance',
    ]);
    expect(broken.discrepancies[0]?.detail).toContain(customer.id);
    // A lot changed behind the ledger's back is caught by its own check.
    await gw.gateway.orm.em
      .fork()
      .execute(`update points_balance set available = available - 5 where customer_id = ?`, [customer.id]);
    await gw.gateway.orm.em
      .fork()
      .execute(`update points_lot set remaining = remaining - 3 where customer_id = ?`, [customer.id]);
    const lot = (await own.owner.data(LedgerIntegrityDocument)).ledgerIntegrity;
    expect(lot.discrepancies.map((d) => d.check)).toEqual([
      'lots cover the balance',
      'every point taken from a lot is accounted for',
    ]);
    const agent = await own.agent();
    expect((await agent.gql(LedgerIntegrityDocument)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
