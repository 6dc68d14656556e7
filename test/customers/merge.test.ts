import { randomUUID } from 'node:crypto';

import {
  ActivateRewardDocument,
  CreateRewardDocument,
  CreateTierDocument,
  MergeCustomersDocument,
  MergedCustomerViewDocument,
  RecordPurchaseTierChangeDocument,
  RedeemRewardVoucherDocument,
  ResolveCustomerOutcomeDocument,
  type ResolveCustomerOutcomeMutationVariables,
  UnmergeCustomersDocument,
} from '../generated/graphql';
import {
  type ApiClient,
  createCustomer,
  createStore,
  createTenant,
  earn,
  expectLedgerClean,
  redeem,
  startGateway,
  type TenantFixture,
  type TestGateway,
  unique,
} from '../support';

let gw: TestGateway;
let tenant: TenantFixture;
let tiers: Record<string, string>;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' } });
  tenant = await createTenant(gw);
  tiers = {};
  for (const [code, rank, threshold] of [
    ['BASE', 0, 0],
    ['SILVER', 1, 10_000],
    ['GOLD', 2, 50_000],
  ] as const) {
    const created = await tenant.owner.data(CreateTierDocument, {
      input: { code, name: code, rank, metric: 'SPEND', threshold, window: 'CALENDAR_YEAR', graceDays: 30 },
    });
    tiers[code] = created.createTier.id;
  }
});
afterAll(() => gw.close());

async function grant(customerId: string, tier: string) {
  await tenant.owner.data(
    `mutation ($input: GrantTierStatusInput!) { grantTierStatus(input: $input) { current { code } } }`,
    {
      input: {
        customerId,
        tierId: tiers[tier],
        until: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        note: 'status match',
        idempotencyKey: randomUUID(),
      },
    },
  );
}

async function merge(
  survivorId: string,
  mergedId: string,
  idempotencyKey = randomUUID(),
  token: ApiClient = tenant.owner,
) {
  return token.gql(MergeCustomersDocument, {
    input: { survivorId, mergedId, reason: 'same person, two sign-ups', idempotencyKey },
  });
}

async function view(id: string) {
  return (await tenant.owner.data(MergedCustomerViewDocument, { id })).customer;
}

/** Open lots of a customer as (points, expiry) pairs, sorted, straight from the ledger tables. */
async function lotsOf(customerId: string) {
  const rows = await gw.gateway.orm.em
    .fork()
    .execute<{ remaining: string; expires_at: Date | null }[]>(
      `select remaining, expires_at from points_lot where customer_id = ? and remaining > 0 order by expires_at nulls last, remaining`,
      [customerId],
    );
  return rows.map((row) => [
    Number(row.remaining),
    row.expires_at ? new Date(row.expires_at).toISOString().slice(0, 10) : null,
  ]);
}

describe('mergeCustomers', () => {
  it('moves identifiers, points with their expiry dates, the timeline and the higher tier; the merged id then resolves to the survivor', async () => {
    const survivor = await createCustomer(tenant.owner);
    const duplicate = await createCustomer(tenant.owner, { email: `dup.${unique()}@example.com` });
    const card = `CARD${unique()}`.toUpperCase();
    await tenant.owner.data(`mutation ($input: AddIdentifierInput!) { addCustomerIdentifier(input: $input) { id } }`, {
      input: { customerId: duplicate.id, kind: 'LOYALTY_CARD', value: card },
    });
    await earn(tenant.owner, survivor.id, 100);
    await earn(tenant.owner, duplicate.id, 40, { expiresAt: '2031-06-30T00:00:00Z' });
    await earn(tenant.owner, duplicate.id, 60);
    await grant(duplicate.id, 'GOLD');

    const res = await merge(survivor.id, duplicate.id);
    expect(res.errors).toBeUndefined();
    const { merge: made, survivor: after } = res.data!.mergeCustomers;
    expect(made).toMatchObject({
      survivorId: survivor.id,
      mergedId: duplicate.id,
      status: 'ACTIVE',
      pointsMoved: 100,
      reason: 'same person, two sign-ups',
    });
    expect(made.actor).toMatch(/^key:/);
    expect(after.id).toBe(survivor.id);

    // The old id, the old email and the old card all answer with the survivor now.
    const viaOldId = await view(duplicate.id);
    expect(viaOldId.id).toBe(survivor.id);
    expect(viaOldId.balance).toEqual({ available: 200, pending: 0 });
    expect(viaOldId.tier?.current.code).toBe('GOLD');
    expect(viaOldId.identifiers).toEqual(
      expect.arrayContaining([
        { kind: 'EMAIL', value: duplicate.email },
        { kind: 'LOYALTY_CARD', value: card },
      ]),
    );
    const resolved = await tenant.owner.data(
      `mutation ($input: ResolveCustomerInput!) { resolveCustomer(input: $input) { outcome customer { id } } }`,
      {
        input: { identifiers: [{ kind: 'LOYALTY_CARD', value: card }], createIfMissing: false },
      },
    );
    expect(resolved.resolveCustomer).toEqual({ outcome: 'MATCHED', customer: { id: survivor.id } });
    // The duplicate's history shows on the survivor's timeline, next to the merge itself.
    const kinds = viaOldId.timeline.edges.map((edge: { node: { kind: string } }) => edge.node.kind);
    expect(kinds.slice(0, 2)).toEqual(['CUSTOMER_MERGED', 'TIER_CHANGED']);
    expect(viaOldId.timeline.edges[1].node.summary).toBe('Tier merged: BASE to GOLD');
    expect(kinds).toEqual(expect.arrayContaining(['CUSTOMER_MERGED', 'POINTS_EARNED']));
    expect(kinds.filter((kind: string) => kind === 'POINTS_EARNED')).toHaveLength(3);
    // Points keep their dates on the survivor; a write to the old id lands on the survivor.
    expect(await lotsOf(survivor.id)).toEqual([
      [40, '2031-06-30'],
      [60, null],
      [100, null],
    ]);
    expect(await lotsOf(duplicate.id)).toEqual([]);
    await earn(tenant.owner, duplicate.id, 5);
    expect((await view(survivor.id)).balance.available).toBe(205);
    await expectLedgerClean(tenant);

    // Read back, from either side.
    const merges = await tenant.owner.data(
      `query ($id: ID!, $m: ID!) { customer(id: $id) { merges { id } } customerMerge(id: $m) { id mergedId } }`,
      { id: survivor.id, m: made.id },
    );
    expect(merges.customer.merges).toEqual([{ id: made.id }]);
    expect(merges.customerMerge).toEqual({ id: made.id, mergedId: duplicate.id });
  });

  it('replays a retry with the same key, refuses the key for another merge, and takes one merge under concurrent retries', async () => {
    const [a, b, c] = [
      await createCustomer(tenant.owner),
      await createCustomer(tenant.owner),
      await createCustomer(tenant.owner),
    ];
    await earn(tenant.owner, b.id, 30);
    const key = randomUUID();
    const results = await Promise.all([merge(a.id, b.id, key), merge(a.id, b.id, key), merge(a.id, b.id, key)]);
    const merges = results.map((res) => res.data!.mergeCustomers);
    expect(new Set(merges.map((m) => m.merge.id)).size).toBe(1);
    expect(merges.filter((m) => !m.replayed)).toHaveLength(1);
    expect((await view(a.id)).balance.available).toBe(30);
    const reused = await merge(a.id, c.id, key);
    expect(reused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      field: 'input.idempotencyKey',
    });
    await expectLedgerClean(tenant);
  });

  it('refuses what cannot be merged, naming the field, with nothing applied', async () => {
    const [a, b, c] = [
      await createCustomer(tenant.owner),
      await createCustomer(tenant.owner),
      await createCustomer(tenant.owner),
    ];
    expect((await merge(a.id, a.id)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SAME_CUSTOMER',
      field: 'input.mergedId',
    });
    expect((await merge(a.id, randomUUID())).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.mergedId',
    });
    const other = await createTenant(gw);
    const foreign = await createCustomer(other.owner);
    expect((await merge(a.id, foreign.id)).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.mergedId',
    });
    const agent = await tenant.agent();
    expect((await merge(a.id, b.id, randomUUID(), agent)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await merge(a.id, b.id)).errors).toBeUndefined();
    expect((await merge(c.id, b.id)).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CUSTOMER_MERGED',
      field: 'input.mergedId',
    });
    expect((await merge(b.id, c.id)).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CUSTOMER_MERGED',
      field: 'input.survivorId',
    });
    expect((await view(c.id)).id).toBe(c.id);
  });

  it('lets an anonymous app profile that turns out to be a known customer be merged into them', async () => {
    const known = await createCustomer(tenant.owner, { email: `known.${unique()}@example.com` });
    const device = `device-${randomUUID()}`;
    const anonymous = (
      await tenant.owner.data(ResolveCustomerOutcomeDocument, {
        input: { identifiers: [{ kind: 'DEVICE_ID', value: device }] },
      })
    ).resolveCustomer;
    await earn(tenant.owner, anonymous.customer!.id, 15);
    const signIn: ResolveCustomerOutcomeMutationVariables = {
      input: {
        identifiers: [
          { kind: 'DEVICE_ID', value: device },
          { kind: 'EMAIL', value: known.email! },
        ],
      },
    };
    const ambiguous = (await tenant.owner.data(ResolveCustomerOutcomeDocument, signIn)).resolveCustomer;
    expect(ambiguous.outcome).toBe('AMBIGUOUS');
    expect((await merge(known.id, anonymous.customer!.id)).errors).toBeUndefined();
    const after = (await tenant.owner.data(ResolveCustomerOutcomeDocument, signIn)).resolveCustomer;
    expect(after).toMatchObject({ outcome: 'MATCHED', customer: { id: known.id, anonymous: false } });
    expect((await view(known.id)).balance.available).toBe(15);
  });

  it('answers with pointsMoved past 2^31 (issue 13, item 15), and the unmerge reports them back the same way', async () => {
    const survivor = await createCustomer(tenant.owner);
    const duplicate = await createCustomer(tenant.owner);
    for (let i = 0; i < 3; i += 1) await earn(tenant.owner, duplicate.id, 1_000_000_000);
    const res = await merge(survivor.id, duplicate.id);
    expect(res.errors).toBeUndefined();
    expect(res.data!.mergeCustomers.merge.pointsMoved).toBe(3_000_000_000);
    expect((await view(survivor.id)).balance).toEqual({ available: 3_000_000_000, pending: 0 });
    const undone = await tenant.owner.data(UnmergeCustomersDocument, {
      input: { mergeId: res.data!.mergeCustomers.merge.id },
    });
    expect(undone.unmergeCustomers.merge.unmergeReport).toMatchObject({ pointsReturned: 3_000_000_000 });
  });
});

describe('after a merge', () => {
  async function buy(storeId: string, customerId: string, amount: number) {
    const orderId = `O-${randomUUID().slice(0, 8)}`;
    const booked = (
      await tenant.owner.data(RecordPurchaseTierChangeDocument, {
        input: {
          customerId,
          storeId,
          channel: 'POS',
          orderId,
          lines: [{ sku: 'BAG', quantity: 1, unitPrice: amount }],
          idempotencyKey: randomUUID(),
        },
      })
    ).recordPurchase;
    return { ...booked, orderId };
  }

  it("counts the merged profile's purchases for status, and refunds them from the survivor's points", async () => {
    const store = await createStore(tenant.owner);
    const survivor = await createCustomer(tenant.owner);
    const duplicate = await createCustomer(tenant.owner);
    const old = await buy(store.id, duplicate.id, 8_000);
    await buy(store.id, survivor.id, 3_000);
    await merge(survivor.id, duplicate.id);
    expect((await view(survivor.id)).tier?.current.code).toBe('BASE');
    // 8,000 + 3,000 + 500 crosses Silver's 10,000 only if the duplicate's spend counts.
    expect((await buy(store.id, survivor.id, 500)).tierChange).toEqual({ to: { code: 'SILVER' } });
    expect((await view(survivor.id)).balance.available).toBe(115);
    const refund = (
      await tenant.owner.data(
        `mutation ($input: RefundPurchaseInput!) { refundPurchase(input: $input) { pointsClawedBack pointsUncollected } }`,
        {
          input: { orderId: old.orderId, lines: [{ sku: 'BAG', quantity: 1 }], idempotencyKey: randomUUID() },
        },
      )
    ).refundPurchase;
    expect(refund).toEqual({ pointsClawedBack: 80, pointsUncollected: 0 });
    expect((await view(survivor.id)).balance.available).toBe(35);
    await expectLedgerClean(tenant);
  });

  it("shows the duplicate's unused vouchers among the survivor's, still valid at the till", async () => {
    const survivor = await createCustomer(tenant.owner);
    const duplicate = await createCustomer(tenant.owner);
    await earn(tenant.owner, duplicate.id, 100);
    const reward = (
      await tenant.owner.data(CreateRewardDocument, {
        input: {
          code: `PEN${randomUUID().slice(0, 4)}`,
          name: 'Pen',
          pointsCost: 40,
          costToBusiness: 10,
          retailValue: 300,
        },
      })
    ).createReward;
    await tenant.owner.data(ActivateRewardDocument, { id: reward.id });
    const code = (
      await tenant.owner.data(RedeemRewardVoucherDocument, {
        input: { customerId: duplicate.id, rewardId: reward.id, idempotencyKey: randomUUID() },
      })
    ).redeemReward.voucher.code;
    await merge(survivor.id, duplicate.id);
    const state = (
      await tenant.owner.data(
        `query ($id: ID!) { loyaltyState(customerId: $id) { balance { available } activeVouchers { code } } }`,
        { id: survivor.id },
      )
    ).loyaltyState;
    expect(state).toEqual({ balance: { available: 60 }, activeVouchers: [{ code }] });
  });

  it("keeps the keys the gateway derives (merge:, unmerge:, purchase: ...) out of clients' reach", async () => {
    const customer = await createCustomer(tenant.owner);
    const res = await tenant.owner.gql(
      `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { balance { available } } }`,
      {
        input: { customerId: customer.id, points: 5, reason: 'x', idempotencyKey: `unmerge:${randomUUID()}` },
      },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'IDEMPOTENCY_KEY_INVALID',
      field: 'input.idempotencyKey',
    });
  });
});

describe('unmergeCustomers', () => {
  it('gives back identifiers, timeline, tier and the unspent points with their lots, and reports what stays spent', async () => {
    const survivor = await createCustomer(tenant.owner);
    const duplicate = await createCustomer(tenant.owner, { email: `back.${unique()}@example.com` });
    await earn(tenant.owner, duplicate.id, 50, { expiresAt: '2030-01-31T00:00:00Z' });
    await earn(tenant.owner, duplicate.id, 70);
    await grant(duplicate.id, 'SILVER');
    const made = (await merge(survivor.id, duplicate.id)).data!.mergeCustomers.merge;
    expect((await view(survivor.id)).tier?.current.code).toBe('SILVER');
    // The survivor spends 30: first to expire first, so from the 50 that came over expiring in January 2030.
    await redeem(tenant.owner, survivor.id, 30);

    const res = await tenant.owner.data(UnmergeCustomersDocument, {
      input: { mergeId: made.id, reason: 'different people' },
    });
    const { merge: undone, restored } = res.unmergeCustomers;
    expect(undone.status).toBe('UNDONE');
    expect(undone.unmergeReport).toMatchObject({
      pointsReturned: 90,
      pointsNotReturned: 30,
      identifiersReturned: 1,
      identifiersNotReturned: 0,
      tierRestored: true,
    });
    expect(undone.unmergeReport?.notes.join(' ')).toContain('30 of the 120 points');
    expect(restored).toEqual({ id: duplicate.id, email: duplicate.email });

    const back = await view(duplicate.id);
    expect(back.id).toBe(duplicate.id);
    expect(back.balance.available).toBe(90);
    expect(back.identifiers).toEqual([{ kind: 'EMAIL', value: duplicate.email }]);
    expect(back.tier?.current.code).toBe('SILVER');
    expect(await lotsOf(duplicate.id)).toEqual([
      [20, '2030-01-31'],
      [70, null],
    ]);
    const kept = await view(survivor.id);
    expect(kept.tier?.current.code).toBe('BASE');
    expect(kept.balance.available).toBe(0);
    expect(kept.identifiers.map((identifier: { value: string }) => identifier.value)).not.toContain(duplicate.email);
    // Each profile sees its own history again; the survivor keeps its own record of the merge.
    const survivorKinds = kept.timeline.edges.map((edge: { node: { kind: string } }) => edge.node.kind);
    expect(survivorKinds).not.toContain('POINTS_EARNED');
    expect(survivorKinds).toEqual(expect.arrayContaining(['CUSTOMER_MERGED', 'CUSTOMER_UNMERGED', 'POINTS_REDEEMED']));
    expect(
      back.timeline.edges.filter((edge: { node: { kind: string } }) => edge.node.kind === 'POINTS_EARNED'),
    ).toHaveLength(2);
    await expectLedgerClean(tenant);

    const again = await tenant.owner.data(UnmergeCustomersDocument, { input: { mergeId: made.id } });
    expect(again.unmergeCustomers.replayed).toBe(true);
    expect((await view(duplicate.id)).balance.available).toBe(90);
  });

  it('keeps chains one hop deep and undoes them latest first', async () => {
    const [a, b, c] = [
      await createCustomer(tenant.owner),
      await createCustomer(tenant.owner),
      await createCustomer(tenant.owner),
    ];
    await earn(tenant.owner, a.id, 10);
    const first = (await merge(b.id, a.id)).data!.mergeCustomers.merge;
    const second = (await merge(c.id, b.id)).data!.mergeCustomers.merge;
    expect((await view(a.id)).id).toBe(c.id);
    expect((await view(c.id)).balance.available).toBe(10);
    const early = await tenant.owner.gql(UnmergeCustomersDocument, { input: { mergeId: first.id } });
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MERGE_NOT_LATEST',
      field: 'input.mergeId',
    });
    expect(early.errors?.[0]?.message).toContain(second.id);
    await tenant.owner.data(UnmergeCustomersDocument, { input: { mergeId: second.id } });
    expect((await view(a.id)).id).toBe(b.id);
    expect((await view(b.id)).balance.available).toBe(10);
    await tenant.owner.data(UnmergeCustomersDocument, { input: { mergeId: first.id } });
    expect((await view(a.id)).id).toBe(a.id);
    expect((await view(a.id)).balance.available).toBe(10);
    await expectLedgerClean(tenant);
  });
});
