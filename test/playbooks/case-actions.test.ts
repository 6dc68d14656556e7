import { randomUUID } from 'node:crypto';

import type { CaseActions } from '../../src/playbooks/case-actions';
import { SignalType } from '../../src/signals/signal.types';
import { raiseDetractor, type SupportFixture, supportProgram } from '../cases/fixtures';
import {
  CreatePlaybookDocument,
  GrantTierStatusDocument,
  PendingGoodwillDocument,
  PlaybookFiringsDocument,
  type PlaybookInput,
  SetRoutingRulesDocument,
  SupportCaseDocument,
} from '../generated/graphql';
import { balance, createCustomer, inDays, key, startGateway, type TestGateway, tierOf } from '../support';
import { engineFor, raise } from './support';

let gw: TestGateway;
let s: SupportFixture;

beforeAll(async () => {
  gw = await startGateway({
    env: {
      LEDGER_JOBS_INTERVAL_MS: '0',
      TIER_JOBS_INTERVAL_MS: '0',
      SLA_JOBS_INTERVAL_MS: '0',
      PLAYBOOK_JOBS_INTERVAL_MS: '0',
    },
  });
  s = await supportProgram(gw);
  await s.tenant.owner.data(SetRoutingRulesDocument, {
    idempotencyKey: randomUUID(),
    rules: [{ teamId: s.teams.level2, topic: 'delivery' }],
  });
});
afterAll(() => gw.close());

async function createPlaybook(input: Omit<PlaybookInput, 'code' | 'name' | 'idempotencyKey'>) {
  return (
    await s.tenant.owner.data(CreatePlaybookDocument, {
      input: { code: `PB-${randomUUID().slice(0, 8)}`, name: 'Recover', idempotencyKey: randomUUID(), ...input },
    })
  ).createPlaybook;
}

async function firingsOf(playbookId: string) {
  return (await s.tenant.owner.data(PlaybookFiringsDocument, { filter: { playbookId } })).playbookFirings.edges.map(
    (edge) => edge.node,
  );
}

describe('OPEN_CASE, ALERT_TEAM to the owning team, GRANT_GOODWILL, through the cases part', () => {
  it('opens a routed case, alerts the team it went to, and grants goodwill linked to it: within an agent’s limit at once, above it for a supervisor', async () => {
    const playbook = await createPlaybook({
      signal: 'CHURN_RISK_RAISED',
      actions: [
        { type: 'OPEN_CASE', subject: 'At risk: call the customer', topic: 'delivery' },
        { type: 'ALERT_TEAM', message: 'A customer at risk to call back' },
        { type: 'GRANT_GOODWILL', points: 500, reason: 'A thank you' },
        { type: 'GRANT_GOODWILL', points: 8_000, reason: 'Sorry for everything' },
        { type: 'GRANT_GOODWILL', statusDays: 10, reason: 'Keep your status' },
      ],
    });
    const customer = await createCustomer(s.tenant.owner);
    const signal = {
      tenantId: s.tenant.tenantId,
      customerId: customer.id,
      type: SignalType.CHURN_RISK_RAISED,
      cause: `${customer.id}:2026-12-02`,
    };
    await raise(gw, signal);
    const { run } = engineFor(gw);
    expect(await run()).toMatchObject({ failed: 0 });
    await raise(gw, signal);
    await run();

    const fired = await firingsOf(playbook.id);
    expect(fired).toHaveLength(1);
    const [firing] = fired;
    expect(firing.actions.map((action) => [action.type, action.outcome, action.refType])).toEqual([
      ['OPEN_CASE', 'DONE', 'support_case'],
      ['ALERT_TEAM', 'DONE', 'team_alert'],
      ['GRANT_GOODWILL', 'DONE', 'goodwill'],
      ['GRANT_GOODWILL', 'PENDING_APPROVAL', 'goodwill'],
      // The customer holds the base tier: no status to extend.
      ['GRANT_GOODWILL', 'FAILED', null],
    ]);
    expect(firing.outcome).toBe('FAILED');

    const caseId = firing.actions[0].refId!;
    const { case: opened } = await s.tenant.owner.data(SupportCaseDocument, { id: caseId });
    expect(opened).toMatchObject({
      customerId: customer.id,
      sourceType: 'PLAYBOOK',
      sourceId: firing.id,
      topic: 'delivery',
      team: { id: s.teams.level2 },
    });
    // The grants stay linked to the case; the one within the agent's limit is booked through the ledger.
    expect(opened!.goodwill.map((grant) => [grant.points, grant.status, grant.requestedRole])).toEqual(
      expect.arrayContaining([
        [500, 'GRANTED', 'AGENT'],
        [8_000, 'PENDING_APPROVAL', 'AGENT'],
      ]),
    );
    expect((await balance(s.tenant.owner, customer.id)).available).toBe(500);
    const pending = (await s.tenant.owner.data(PendingGoodwillDocument, {})).pendingGoodwill.edges.map((e) => e.node);
    expect(pending).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: firing.actions[3].refId, points: 8_000 })]),
    );

    // The alert went to the team the case was routed to, naming the case.
    const [alert] = await gw.gateway.orm.em
      .fork()
      .execute<{ payload: Record<string, unknown> }[]>(`select payload from outbox_event where stream = ?`, [
        `team-alert:${s.teams.level2}`,
      ]);
    expect(alert.payload).toMatchObject({ teamId: s.teams.level2, caseId, firingId: firing.id });
  });

  it("acts on a detractor response's own case: one case, the alert to its team, goodwill linked to it, counted per customer", async () => {
    const playbook = await createPlaybook({
      signal: 'DETRACTOR_RESPONSE',
      segments: ['detractor-recovery'],
      actions: [
        { type: 'OPEN_CASE', subject: 'Call the detractor back' },
        { type: 'ALERT_TEAM', message: 'A detractor to call back' },
        { type: 'GRANT_GOODWILL', points: 300, reason: 'Sorry' },
      ],
    });
    const customer = await createCustomer(s.tenant.owner, { segments: ['detractor-recovery'] });
    const { responseId } = await raiseDetractor(gw, s.tenant.tenantId, customer.id, { topic: 'delivery' });
    await engineFor(gw).run();

    const [firing] = await firingsOf(playbook.id);
    expect(firing.actions.map((action) => [action.type, action.outcome])).toEqual([
      ['OPEN_CASE', 'DONE'],
      ['ALERT_TEAM', 'DONE'],
      ['GRANT_GOODWILL', 'DONE'],
    ]);
    const cases = await gw.gateway.orm.em
      .fork()
      .execute<{ id: string; source_type: string; source_id: string; team_id: string }[]>(
        `select id, source_type, source_id, team_id from support_case where customer_id = ?`,
        [customer.id],
      );
    expect(cases).toEqual([
      { id: firing.actions[0].refId, source_type: 'SURVEY_RESPONSE', source_id: responseId, team_id: s.teams.level2 },
    ]);
    const [alert] = await gw.gateway.orm.em
      .fork()
      .execute<{ payload: Record<string, unknown> }[]>(
        `select payload from outbox_event where stream = ? and payload->>'firingId' = ?`,
        [`team-alert:${s.teams.level2}`, firing.id],
      );
    expect(alert.payload).toMatchObject({ teamId: s.teams.level2, caseId: cases[0].id });
    const { case: found } = await s.tenant.owner.data(SupportCaseDocument, { id: cases[0].id });
    expect(found!.goodwill.map((grant) => [grant.id, grant.points])).toEqual([[firing.actions[2].refId, 300]]);
    // The day's cap is charged to the playbook for this customer, not to one total shared by all customers.
    const charged = await gw.gateway.orm.em
      .fork()
      .execute<{ principal: string; points: string }[]>(
        `select principal, points from points_grant_day where tenant_id = ? and principal like ?`,
        [s.tenant.tenantId, `playbook:${playbook.code}%`],
      );
    expect(charged.map((row) => [row.principal, Number(row.points)])).toEqual([
      [`playbook:${playbook.code}:${customer.id}`, 300],
    ]);
  });

  it("extends the customer's tier status by the playbook's days, from when it would end, within an agent's days", async () => {
    const within = await createPlaybook({
      signal: 'DOWNGRADE_AHEAD',
      segments: ['extend-10'],
      minTierRank: 1,
      actions: [{ type: 'GRANT_GOODWILL', statusDays: 10, reason: 'Loyal customer' }],
    });
    const above = await createPlaybook({
      signal: 'DOWNGRADE_AHEAD',
      segments: ['extend-60'],
      minTierRank: 1,
      actions: [{ type: 'GRANT_GOODWILL', statusDays: 60, reason: 'Very loyal customer' }],
    });
    const until = inDays(10);
    const gold = async (segment: string) => {
      const customer = await createCustomer(s.tenant.owner, { segments: [segment] });
      await s.tenant.owner.data(GrantTierStatusDocument, {
        input: {
          customerId: customer.id,
          tierId: s.tiers.GOLD,
          until: until.toISOString(),
          note: 'Match',
          idempotencyKey: key(),
        },
      });
      await raise(gw, {
        tenantId: s.tenant.tenantId,
        customerId: customer.id,
        type: SignalType.DOWNGRADE_AHEAD,
        cause: `${customer.id}:2026`,
      });
      return customer;
    };
    const a = await gold('extend-10');
    const b = await gold('extend-60');
    await engineFor(gw).run();

    expect((await firingsOf(within.id))[0]).toMatchObject({ customerId: a.id, outcome: 'DONE' });
    const extended = new Date((await tierOf(s, a.id)).tier.expiresAt as string).getTime();
    expect(Math.abs(extended - (until.getTime() + 10 * 86_400_000))).toBeLessThan(2_000);
    // 70 days from now is over an agent's 30: it waits for a supervisor, and the status is unchanged meanwhile.
    expect((await firingsOf(above.id))[0]).toMatchObject({ customerId: b.id, outcome: 'PENDING_APPROVAL' });
    expect(
      Math.abs(new Date((await tierOf(s, b.id)).tier.expiresAt as string).getTime() - until.getTime()),
    ).toBeLessThan(2_000);
  });

  it('undoes an action that failed after it wrote, and keeps the others', async () => {
    // The cases part's own service, failing after the case was written (as a routing or timeline error would).
    const { cases, goodwill } = gw.gateway.services;
    const failing: CaseActions = {
      goodwill,
      cases: {
        openWithin: async (tx, input) => {
          await cases.openWithin(tx, input);
          throw new Error('failed after writing');
        },
      },
    };
    const playbook = await createPlaybook({
      signal: 'SLA_BREACHED',
      actions: [
        { type: 'OPEN_CASE', subject: 'Breached: call back' },
        { type: 'GRANT_GOODWILL', points: 100, reason: 'Sorry for the wait' },
      ],
    });
    const customer = await createCustomer(s.tenant.owner);
    await raise(gw, {
      tenantId: s.tenant.tenantId,
      customerId: customer.id,
      type: SignalType.SLA_BREACHED,
      cause: `${randomUUID()}:RESOLUTION`,
    });
    await engineFor(gw, failing).run();
    const [firing] = await firingsOf(playbook.id);
    expect(firing.actions.map((action) => [action.type, action.outcome])).toEqual([
      ['OPEN_CASE', 'FAILED'],
      ['GRANT_GOODWILL', 'DONE'],
    ]);
    const opened = await gw.gateway.orm.em
      .fork()
      .execute(`select id from support_case where tenant_id = ? and customer_id = ?`, [s.tenant.tenantId, customer.id]);
    expect(opened).toEqual([]);
    expect((await balance(s.tenant.owner, customer.id)).available).toBe(100);
  });
});
