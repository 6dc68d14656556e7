import { randomUUID } from 'node:crypto';

import {
  ApproveGoodwillDocument,
  CustomerTierDocument,
  GrantGoodwillDocument,
  PendingGoodwillDocument,
  RejectGoodwillDocument,
  SupportCaseDocument,
  UpdateSupportSettingsDocument,
} from '../generated/graphql';
import { balance, expectLedgerClean, inDays, key, type KeyClient, startGateway, type TestGateway } from '../support';
import { openCase, type SupportFixture, supportProgram } from './fixtures';

describe('goodwill from a case', () => {
  let gw: TestGateway;
  let p: SupportFixture;
  let agent: KeyClient;
  let supervisorA: KeyClient;
  let supervisorB: KeyClient;

  beforeAll(async () => {
    gw = await startGateway({
      env: { SLA_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', LEDGER_JOBS_INTERVAL_MS: '0' },
    });
    p = await supportProgram(gw);
    agent = await p.tenant.agent();
    supervisorA = await p.tenant.key('SUPERVISOR');
    supervisorB = await p.tenant.key('SUPERVISOR');
  });
  afterAll(() => gw.close());

  const ledgerRows = (grantId: string) =>
    gw.gateway.orm.em
      .fork()
      .execute<{ id: string; kind: string; points: string; reason_code: string; actor: string }[]>(
        `select id, kind, points, reason_code, actor from ledger_transaction where idempotency_key = ?`,
        [`goodwill:${grantId}`],
      );
  const points = (caseId: string, amount: number, idempotencyKey = key()) => ({
    input: { caseId, points: amount, reason: 'Sorry for the wait', idempotencyKey },
  });

  it('books points within the agent limit at once, through the ledger, linked to the case', async () => {
    const supportCase = await openCase(p.tenant.owner);
    const input = points(supportCase.id, 1000);
    const { grantGoodwill: grant } = await agent.data(GrantGoodwillDocument, input);
    expect(grant).toMatchObject({
      status: 'GRANTED',
      kind: 'POINTS',
      points: 1000,
      caseId: supportCase.id,
      customerId: supportCase.customerId,
      requestedBy: `key:${agent.id}`,
      requestedRole: 'AGENT',
      decidedBy: null,
      replayed: false,
    });
    const [booking] = await ledgerRows(grant.id);
    expect(booking).toMatchObject({
      id: grant.ledgerTransactionId,
      kind: 'ADJUST',
      points: '1000',
      reason_code: 'GOODWILL',
    });
    expect((await balance(p.tenant.owner, supportCase.customerId)).available).toBe(1000);

    // A retry replays: the same grant, nothing booked again.
    const retried = await agent.data(GrantGoodwillDocument, input);
    expect(retried.grantGoodwill).toMatchObject({ id: grant.id, replayed: true });
    expect(await ledgerRows(grant.id)).toHaveLength(1);
    expect((await balance(p.tenant.owner, supportCase.customerId)).available).toBe(1000);

    const { case: found } = await agent.data(SupportCaseDocument, { id: supportCase.id });
    expect(found?.goodwill.map((g) => g.id)).toEqual([grant.id]);
    expect(found?.history.at(-1)).toMatchObject({
      kind: 'GOODWILL',
      refType: 'goodwill_grant',
      refId: grant.id,
      data: expect.objectContaining({ caseId: supportCase.id, status: 'GRANTED', ledgerTransactionId: booking.id }),
    });
    await expectLedgerClean(p.tenant);
  });

  it('holds points over the limit for a supervisor, who books them exactly once', async () => {
    const supportCase = await openCase(p.tenant.owner);
    const { grantGoodwill: pending } = await agent.data(GrantGoodwillDocument, points(supportCase.id, 8000));
    expect(pending).toMatchObject({ status: 'PENDING_APPROVAL', ledgerTransactionId: null });
    expect(await ledgerRows(pending.id)).toHaveLength(0);
    expect((await balance(p.tenant.owner, supportCase.customerId)).available).toBe(0);
    const listed = await supervisorA.data(PendingGoodwillDocument, { first: 100 });
    expect(listed.pendingGoodwill.edges.map((edge) => edge.node.id)).toContain(pending.id);

    // An agent may not approve at all.
    const byAgent = await agent.gql(ApproveGoodwillDocument, { grantId: pending.id, idempotencyKey: key() });
    expect(byAgent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const approvalKey = key();
    const approved = await supervisorA.data(ApproveGoodwillDocument, {
      grantId: pending.id,
      idempotencyKey: approvalKey,
    });
    expect(approved.approveGoodwill).toMatchObject({ status: 'GRANTED', decidedBy: `key:${supervisorA.id}` });
    const [booking] = await ledgerRows(pending.id);
    expect(booking).toMatchObject({ id: approved.approveGoodwill.ledgerTransactionId, actor: `key:${supervisorA.id}` });

    // The retry replays; any other approval finds it decided. One booking, whatever happens.
    const retried = await supervisorA.data(ApproveGoodwillDocument, {
      grantId: pending.id,
      idempotencyKey: approvalKey,
    });
    expect(retried.approveGoodwill.replayed).toBe(true);
    const twice = await supervisorB.gql(ApproveGoodwillDocument, { grantId: pending.id, idempotencyKey: key() });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'GOODWILL_DECIDED' });
    expect(await ledgerRows(pending.id)).toHaveLength(1);
    expect((await balance(p.tenant.owner, supportCase.customerId)).available).toBe(8000);

    const { case: found } = await agent.data(SupportCaseDocument, { id: supportCase.id });
    expect(
      found?.history
        .filter((event) => event.kind === 'GOODWILL')
        .map((event) => (event.data as { status: string }).status),
    ).toEqual(['PENDING_APPROVAL', 'GRANTED']);
    const after = await supervisorA.data(PendingGoodwillDocument, { first: 100 });
    expect(after.pendingGoodwill.edges.map((edge) => edge.node.id)).not.toContain(pending.id);
    await expectLedgerClean(p.tenant);
  });

  it('never lets the requester decide, and keeps an approval within the approver’s own limit', async () => {
    const supportCase = await openCase(p.tenant.owner);
    // Over a supervisor's 50,000 per call: it waits too.
    const { grantGoodwill: pending } = await supervisorA.data(GrantGoodwillDocument, points(supportCase.id, 60_000));
    expect(pending.status).toBe('PENDING_APPROVAL');
    const own = await supervisorA.gql(ApproveGoodwillDocument, { grantId: pending.id, idempotencyKey: key() });
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GOODWILL_SAME_PERSON' });
    const ownReject = await supervisorA.gql(RejectGoodwillDocument, {
      grantId: pending.id,
      reason: 'no',
      idempotencyKey: key(),
    });
    expect(ownReject.errors?.[0]?.extensions?.reason).toBe('GOODWILL_SAME_PERSON');
    const peer = await supervisorB.gql(ApproveGoodwillDocument, { grantId: pending.id, idempotencyKey: key() });
    expect(peer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GOODWILL_OVER_APPROVER_LIMIT' });
    expect(await ledgerRows(pending.id)).toHaveLength(0);
    const byOwner = await p.tenant.owner.data(ApproveGoodwillDocument, { grantId: pending.id, idempotencyKey: key() });
    expect(byOwner.approveGoodwill.status).toBe('GRANTED');
    expect((await balance(p.tenant.owner, supportCase.customerId)).available).toBe(60_000);

    // A rejection books nothing.
    const { grantGoodwill: refused } = await agent.data(GrantGoodwillDocument, points(supportCase.id, 9000));
    const rejected = await supervisorB.data(RejectGoodwillDocument, {
      grantId: refused.id,
      reason: 'Too much',
      idempotencyKey: key(),
    });
    expect(rejected.rejectGoodwill).toMatchObject({
      status: 'REJECTED',
      decisionNote: 'Too much',
      ledgerTransactionId: null,
    });
    expect(await ledgerRows(refused.id)).toHaveLength(0);
  });

  it('gives limited-time status within the role’s days, and asks for approval beyond them', async () => {
    const supportCase = await openCase(p.tenant.owner);
    const status = (tierId: string, days: number) => ({
      input: {
        caseId: supportCase.id,
        tierId,
        until: inDays(days).toISOString(),
        reason: 'Status match',
        idempotencyKey: key(),
      },
    });
    const silver = await agent.data(GrantGoodwillDocument, status(p.tiers.SILVER, 10));
    expect(silver.grantGoodwill).toMatchObject({ status: 'GRANTED', kind: 'STATUS', tierId: p.tiers.SILVER });
    expect(silver.grantGoodwill.tierChangeId).not.toBeNull();
    const held = await p.tenant.owner.data(CustomerTierDocument, { id: supportCase.customerId });
    expect(held.customer?.tier).toMatchObject({ current: { code: 'SILVER' }, limitedTime: true });

    // An agent's bound is 30 days by default.
    const gold = await agent.data(GrantGoodwillDocument, status(p.tiers.GOLD, 60));
    expect(gold.grantGoodwill).toMatchObject({ status: 'PENDING_APPROVAL', tierChangeId: null });
    await supervisorA.data(ApproveGoodwillDocument, { grantId: gold.grantGoodwill.id, idempotencyKey: key() });
    const upgraded = await p.tenant.owner.data(CustomerTierDocument, { id: supportCase.customerId });
    expect(upgraded.customer?.tier?.current.code).toBe('GOLD');

    // The tenant can make every agent status grant wait for approval (a customer without status here).
    await p.tenant.owner.data(UpdateSupportSettingsDocument, {
      input: { idempotencyKey: randomUUID(), goodwillStatusLimits: [{ role: 'AGENT', maxStatusDays: 0 }] },
    });
    const fresh = await openCase(p.tenant.owner);
    expect(
      (await agent.data(GrantGoodwillDocument, { input: { ...status(p.tiers.SILVER, 1).input, caseId: fresh.id } }))
        .grantGoodwill.status,
    ).toBe('PENDING_APPROVAL');
    await p.tenant.owner.data(UpdateSupportSettingsDocument, {
      input: { idempotencyKey: randomUUID(), goodwillStatusLimits: [{ role: 'AGENT', maxStatusDays: 30 }] },
    });

    const both = await agent.gql(GrantGoodwillDocument, {
      input: {
        caseId: supportCase.id,
        points: 10,
        tierId: p.tiers.GOLD,
        until: inDays(5).toISOString(),
        reason: 'x',
        idempotencyKey: key(),
      },
    });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GOODWILL_INVALID' });
  });

  it('shows granted status to a later field of the same request', async () => {
    const supportCase = await openCase(p.tenant.owner);
    const tierOf = (name: string, label: string) =>
      `${label}: updateCustomer(input: { id: $c, displayName: "${name}" }) { tier { current { code } } }`;
    // The first field loads the customer's tier; the grant changes it; the last field must read it again.
    const res = await agent.gql(
      `mutation ($c: ID!, $case: ID!, $until: DateTimeISO!, $tier: ID!, $k: String!) {
        ${tierOf('Before', 'before')}
        grantGoodwill(input: { caseId: $case, tierId: $tier, until: $until, reason: "Status match", idempotencyKey: $k }) { status }
        ${tierOf('After', 'after')}
      }`,
      {
        c: supportCase.customerId,
        case: supportCase.id,
        until: inDays(10).toISOString(),
        tier: p.tiers.SILVER,
        k: key(),
      },
    );
    expect(res.errors).toBeUndefined();
    const data = res.data as Record<string, { tier: { current: { code: string } } | null; status?: string }>;
    expect([data.before.tier?.current.code, data.grantGoodwill.status, data.after.tier?.current.code]).toEqual([
      'BASE',
      'GRANTED',
      'SILVER',
    ]);
  });

  it('lifts status one tier at most without approval, and never lowers or cuts short the status held', async () => {
    const supportCase = await openCase(p.tenant.owner);
    const status = (tierId: string, days: number) => ({
      input: {
        caseId: supportCase.id,
        tierId,
        until: inDays(days).toISOString(),
        reason: 'Sorry about the lost parcel',
        idempotencyKey: key(),
      },
    });
    const grantedUntil = async () => {
      const [row] = await gw.gateway.orm.em
        .fork()
        .execute<{ granted_until: Date }[]>(`select granted_until from customer_tier where customer_id = ?`, [
          supportCase.customerId,
        ]);
      return new Date(row.granted_until).getTime();
    };
    const current = async () =>
      (await p.tenant.owner.data(CustomerTierDocument, { id: supportCase.customerId })).customer?.tier?.current.code;

    // From the base tier, GOLD is two tiers up: within the agent's days, but a supervisor's call.
    const gold = await agent.data(GrantGoodwillDocument, status(p.tiers.GOLD, 10));
    expect(gold.grantGoodwill).toMatchObject({ status: 'PENDING_APPROVAL', tierChangeId: null });
    expect(await current()).toBe('BASE');
    await supervisorA.data(ApproveGoodwillDocument, { grantId: gold.grantGoodwill.id, idempotencyKey: key() });
    expect(await current()).toBe('GOLD');
    const goldUntil = await grantedUntil();

    // A lower tier, or the same one ending sooner, would take GOLD away: refused, nothing changes.
    const lower = await agent.gql(GrantGoodwillDocument, status(p.tiers.SILVER, 20));
    expect(lower.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'GOODWILL_STATUS_HELD',
      field: 'input.tierId',
    });
    const shorter = await agent.gql(GrantGoodwillDocument, status(p.tiers.GOLD, 5));
    expect(shorter.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'GOODWILL_STATUS_HELD',
      field: 'input.until',
    });
    expect(await current()).toBe('GOLD');
    expect(await grantedUntil()).toBe(goldUntil);

    // The same tier for longer extends it, within the agent's bound.
    const longer = await agent.data(GrantGoodwillDocument, status(p.tiers.GOLD, 20));
    expect(longer.grantGoodwill.status).toBe('GRANTED');
    expect(await current()).toBe('GOLD');
    expect(await grantedUntil()).toBeGreaterThan(goldUntil + 9 * 86_400_000);
  });

  it('counts goodwill against the key’s day: past the daily cap it waits for approval', async () => {
    await p.tenant.owner.data(`mutation ($input: SetRoleLimitInput!) { setRoleLimit(input: $input) { replayed } }`, {
      input: { role: 'AGENT', maxPointsPerCall: 5000, maxPointsPerDay: 6000, idempotencyKey: key() },
    });
    const capped = await p.tenant.agent();
    const supportCase = await openCase(p.tenant.owner);
    expect((await capped.data(GrantGoodwillDocument, points(supportCase.id, 5000))).grantGoodwill.status).toBe(
      'GRANTED',
    );
    expect((await capped.data(GrantGoodwillDocument, points(supportCase.id, 2000))).grantGoodwill.status).toBe(
      'PENDING_APPROVAL',
    );
    expect((await capped.data(GrantGoodwillDocument, points(supportCase.id, 1000))).grantGoodwill.status).toBe(
      'GRANTED',
    );
    expect((await balance(p.tenant.owner, supportCase.customerId)).available).toBe(6000);
  });
});
