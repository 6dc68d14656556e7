import { createHmac, randomUUID } from 'node:crypto';

import request from 'supertest';

import { SignalType } from '../../src/signals/signal.types';
import { answer, createSurvey, grantSurveys, submit } from '../feedback/fixtures';
import {
  CreatePlaybookDocument,
  PlaybookFiringsDocument,
  type PlaybookInput,
  PlaybooksDocument,
  RetirePlaybookDocument,
  TeamAlertDocument,
  UpdatePlaybookDocument,
} from '../generated/graphql';
import {
  collect,
  createCustomer,
  createTenant,
  errorCode,
  key,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';
import { createTeam, engineFor, raise, setMarketingConsent, signalRow } from './support';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({
    env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', PLAYBOOK_JOBS_INTERVAL_MS: '0' },
  });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

const code = () => `PB-${randomUUID().slice(0, 8)}`;

async function createPlaybook(
  by: TenantFixture,
  input: Partial<PlaybookInput> & Pick<PlaybookInput, 'signal' | 'actions'>,
) {
  return (
    await by.owner.data(CreatePlaybookDocument, {
      input: { code: code(), name: 'A playbook', idempotencyKey: randomUUID(), ...input },
    })
  ).createPlaybook;
}

const retire = (by: TenantFixture, id: string, idempotencyKey = randomUUID()) =>
  by.owner.data(RetirePlaybookDocument, { id, idempotencyKey });

async function firings(by: TenantFixture, filter: Record<string, unknown>) {
  return (await by.owner.data(PlaybookFiringsDocument, { filter, first: 50 })).playbookFirings.edges.map(
    (edge) => edge.node,
  );
}

async function playbookEvents(customerId: string) {
  const { customer } = await tenant.owner.data(
    `query ($id: ID!) { customer(id: $id) { timeline(first: 50, filter: { kinds: [PLAYBOOK_FIRED] }) { edges { node { kind actor summary data refType refId } } } } }`,
    { id: customerId },
  );
  return (customer.timeline.edges as { node: { actor: string; data: Record<string, unknown>; refId: string } }[]).map(
    (edge) => edge.node,
  );
}

describe('playbook definitions', () => {
  it('creates, lists, updates and retires a playbook; only OWNER and ADMIN manage them', async () => {
    const team = await createTeam(tenant.owner);
    const created = await createPlaybook(tenant, {
      name: 'Detractor callback',
      signal: 'DETRACTOR_RESPONSE',
      segments: ['vip'],
      minTierRank: 1,
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'Call them back' }],
    });
    expect(created).toMatchObject({ active: true, version: 1, segments: ['vip'], minTierRank: 1 });
    expect(created.actions).toEqual([expect.objectContaining({ type: 'ALERT_TEAM', teamId: team, points: null })]);

    const input: PlaybookInput = {
      code: created.code,
      name: 'Detractor callback v2',
      signal: 'DETRACTOR_RESPONSE',
      actions: [{ type: 'SEND_REMINDER', templateCode: 'sorry', channel: 'EMAIL' }],
      idempotencyKey: randomUUID(),
    };
    const updated = (await tenant.owner.data(UpdatePlaybookDocument, { id: created.id, input })).updatePlaybook;
    expect(updated).toMatchObject({ version: 2, name: 'Detractor callback v2', segments: [], minTierRank: null });

    const agent = await tenant.agent();
    expect(
      errorCode(await agent.gql(CreatePlaybookDocument, { input: { ...input, code: code(), idempotencyKey: 'a' } })),
    ).toBe('FORBIDDEN');
    expect(errorCode(await agent.gql(PlaybooksDocument, {}))).toBe('FORBIDDEN');

    const retired = (await retire(tenant, created.id)).retirePlaybook;
    expect(retired).toMatchObject({ active: false, version: 3 });
    expect(retired.retiredAt).not.toBeNull();
    // Retiring again changes nothing; a retired playbook cannot be changed.
    expect((await retire(tenant, created.id)).retirePlaybook).toEqual(retired);
    const again = await tenant.owner.gql(UpdatePlaybookDocument, {
      id: created.id,
      input: { ...input, idempotencyKey: randomUUID() },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLAYBOOK_RETIRED' });

    const listed = (await tenant.owner.data(PlaybooksDocument, {})).playbooks.map((p) => p.id);
    expect(listed).not.toContain(created.id);
    expect((await tenant.owner.data(PlaybooksDocument, { includeRetired: true })).playbooks.map((p) => p.id)).toContain(
      created.id,
    );
  });

  it('refuses invalid actions, naming the field, and teams of other tenants', async () => {
    const other = await createTenant(gw);
    const foreignTeam = await createTeam(other.owner);
    const refused = async (input: Partial<PlaybookInput>) =>
      (
        await tenant.owner.gql(CreatePlaybookDocument, {
          input: {
            code: code(),
            name: 'x',
            signal: 'CHURN_RISK_RAISED',
            actions: [],
            idempotencyKey: randomUUID(),
            ...input,
          },
        })
      ).errors?.[0]?.extensions;
    expect(await refused({ actions: [{ type: 'GRANT_GOODWILL', points: 0, reason: 'Sorry' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PLAYBOOK_INVALID',
      field: 'input.actions.0.points',
    });
    expect(
      await refused({
        actions: [
          { type: 'OPEN_CASE', subject: 'x' },
          { type: 'ALERT_TEAM', message: 'm', teamId: foreignTeam },
        ],
      }),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'TEAM_NOT_FOUND', field: 'input.actions.1.teamId' });
    expect(
      await refused({ signal: 'EVENT_INGESTED', actions: [{ type: 'OPEN_CASE', subject: 'Order cancelled' }] }),
    ).toMatchObject({ field: 'input.eventType' });

    const taken = await createPlaybook(tenant, {
      signal: 'CHURN_RISK_RAISED',
      actions: [{ type: 'SEND_REMINDER', templateCode: 'miss-you', channel: 'PUSH' }],
    });
    expect(
      await refused({
        code: taken.code,
        actions: [{ type: 'SEND_REMINDER', templateCode: 'miss-you', channel: 'PUSH' }],
      }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'PLAYBOOK_TAKEN', field: 'input.code' });
    await retire(tenant, taken.id);
  });
});

describe('idempotency', () => {
  it('a retried create, update or retire returns the playbook as it is now, without a second change; the same key with other input is refused', async () => {
    const input: PlaybookInput = {
      code: code(),
      name: 'Win back',
      signal: 'CHURN_RISK_RAISED',
      actions: [{ type: 'SEND_REMINDER', templateCode: 'miss-you', channel: 'PUSH' }],
      idempotencyKey: randomUUID(),
    };
    const created = (await tenant.owner.data(CreatePlaybookDocument, { input })).createPlaybook;
    // The retry answers the first create, not PLAYBOOK_TAKEN, and there is still one playbook with the code.
    expect((await tenant.owner.data(CreatePlaybookDocument, { input })).createPlaybook).toEqual(created);
    const all = (await tenant.owner.data(PlaybooksDocument, { includeRetired: true })).playbooks;
    expect(all.filter((p) => p.code === created.code)).toHaveLength(1);
    expect(
      (await tenant.owner.gql(CreatePlaybookDocument, { input: { ...input, code: code() } })).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', field: 'input.idempotencyKey' });

    const change = { ...input, name: 'Win back v2', idempotencyKey: randomUUID() };
    const updated = (await tenant.owner.data(UpdatePlaybookDocument, { id: created.id, input: change })).updatePlaybook;
    expect(updated).toMatchObject({ version: 2, name: 'Win back v2' });
    // The version is bumped once however often the update is retried.
    expect((await tenant.owner.data(UpdatePlaybookDocument, { id: created.id, input: change })).updatePlaybook).toEqual(
      updated,
    );
    expect(
      (await tenant.owner.gql(UpdatePlaybookDocument, { id: created.id, input: { ...change, name: 'Other' } }))
        .errors?.[0]?.extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', field: 'input.idempotencyKey' });

    const retireKey = randomUUID();
    const retired = (await retire(tenant, created.id, retireKey)).retirePlaybook;
    expect(retired).toMatchObject({ active: false, version: 3 });
    // A replay answers with the playbook as it is now, even once retired (which refuses a new update).
    expect((await retire(tenant, created.id, retireKey)).retirePlaybook).toEqual(retired);
    expect((await tenant.owner.data(UpdatePlaybookDocument, { id: created.id, input: change })).updatePlaybook).toEqual(
      retired,
    );
    const other = await createPlaybook(tenant, { ...input, code: code(), idempotencyKey: randomUUID() });
    expect(
      (await tenant.owner.gql(RetirePlaybookDocument, { id: other.id, idempotencyKey: retireKey })).errors?.[0]
        ?.extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    expect((await tenant.owner.data(PlaybooksDocument, {})).playbooks.map((p) => p.id)).toContain(other.id);
    // Later tests raise this signal in the same tenant.
    await retire(tenant, other.id);
  });
});

describe('firing', () => {
  it('fires once per cause, however often the cause is raised or the signals processed, and records the outcome on the timeline', async () => {
    const team = await createTeam(tenant.owner);
    const playbook = await createPlaybook(tenant, {
      signal: 'SLA_BREACHED',
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'A deadline passed' }],
    });
    const customer = await createCustomer(tenant.owner);
    const cause = `${randomUUID()}:RESOLUTION`;
    const signal = { tenantId: tenant.tenantId, customerId: customer.id, type: SignalType.SLA_BREACHED, cause };
    expect(await raise(gw, signal)).not.toBeNull();
    expect(await raise(gw, signal)).toBeNull();

    const { run } = engineFor(gw);
    expect(await run()).toMatchObject({ processed: 1, firings: 1, failed: 0 });
    expect(await run()).toMatchObject({ processed: 0, firings: 0 });
    // Even a signal processed again (as after a crash between commit and acknowledgement) fires nothing twice.
    await gw.gateway.orm.em
      .fork()
      .execute(`update customer_signal set processed_at = null where tenant_id = ? and cause = ?`, [
        tenant.tenantId,
        cause,
      ]);
    expect(await run()).toMatchObject({ processed: 1, firings: 0 });

    const fired = await firings(tenant, { playbookId: playbook.id });
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      customerId: customer.id,
      signal: 'SLA_BREACHED',
      cause,
      outcome: 'DONE',
      playbookVersion: 1,
      actions: [{ type: 'ALERT_TEAM', outcome: 'DONE', refType: 'team_alert', reason: null }],
    });
    expect((await signalRow(gw, tenant.tenantId, SignalType.SLA_BREACHED, cause)).processed_at).not.toBeNull();

    const events = await playbookEvents(customer.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: `playbook:${playbook.code}`,
      refId: fired[0].id,
      data: { outcome: 'DONE', playbookId: playbook.id, signal: 'SLA_BREACHED', cause },
    });
    expect(events[0].data.actions).toEqual([expect.objectContaining({ type: 'ALERT_TEAM', outcome: 'DONE' })]);
  });

  it('shares the work between instances running at once: each signal is processed by one of them, each fires once', async () => {
    const team = await createTeam(tenant.owner);
    const playbook = await createPlaybook(tenant, {
      signal: 'CHURN_RISK_RAISED',
      segments: ['concurrent'],
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'At risk' }],
    });
    const customers = await Promise.all(
      Array.from({ length: 8 }, () => createCustomer(tenant.owner, { segments: ['concurrent'] })),
    );
    for (const customer of customers)
      await raise(gw, {
        tenantId: tenant.tenantId,
        customerId: customer.id,
        type: SignalType.CHURN_RISK_RAISED,
        cause: `${customer.id}:c`,
      });
    const runs = await Promise.all([engineFor(gw).run(), engineFor(gw).run(), engineFor(gw).run()]);
    expect(runs.reduce((sum, run) => sum + run.firings, 0)).toBe(customers.length);
    const fired = await firings(tenant, { playbookId: playbook.id });
    expect(fired.map((f) => f.customerId).sort()).toEqual(customers.map((c) => c.id).sort());
    const [{ versions }] = await gw.gateway.orm.em
      .fork()
      .execute<{ versions: number[] }[]>(
        `select array_agg(version::int order by version) as versions from outbox_event where stream = ?`,
        [`team-alert:${team}`],
      );
    expect(versions).toEqual(customers.map((_, i) => i + 1));
  });

  it('does nothing for signals no playbook matches: another type, another segment, a lower tier', async () => {
    const team = await createTeam(tenant.owner);
    await createPlaybook(tenant, {
      signal: 'DOWNGRADE_AHEAD',
      segments: ['vip'],
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'VIP about to drop' }],
    });
    await createPlaybook(tenant, {
      signal: 'DOWNGRADE_AHEAD',
      minTierRank: 2,
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'Gold about to drop' }],
    });
    const regular = await createCustomer(tenant.owner, { segments: ['students'] });
    const vip = await createCustomer(tenant.owner, { segments: ['vip'] });
    const { run } = engineFor(gw);
    await raise(gw, {
      tenantId: tenant.tenantId,
      customerId: regular.id,
      type: SignalType.DOWNGRADE_AHEAD,
      cause: `${regular.id}:2026`,
    });
    await raise(gw, {
      tenantId: tenant.tenantId,
      customerId: regular.id,
      type: SignalType.POINTS_EXPIRING,
      cause: `${regular.id}:2026-12`,
    });
    await raise(gw, {
      tenantId: tenant.tenantId,
      customerId: vip.id,
      type: SignalType.DOWNGRADE_AHEAD,
      cause: `${vip.id}:2026`,
    });
    await run();
    expect(await firings(tenant, { customerId: regular.id })).toEqual([]);
    expect(await playbookEvents(regular.id)).toEqual([]);
    // The VIP matches the segment playbook only: the base tier ranks under 2.
    const vipFirings = await firings(tenant, { customerId: vip.id });
    expect(vipFirings).toHaveLength(1);
    for (const [type, cause] of [
      [SignalType.DOWNGRADE_AHEAD, `${regular.id}:2026`],
      [SignalType.POINTS_EXPIRING, `${regular.id}:2026-12`],
    ] as const) {
      expect((await signalRow(gw, tenant.tenantId, type, cause)).processed_at).not.toBeNull();
    }
  });

  it("never fires another tenant's playbooks", async () => {
    const other = await createTenant(gw);
    const otherTeam = await createTeam(other.owner);
    const theirs = await createPlaybook(other, {
      signal: 'CHURN_RISK_RAISED',
      actions: [{ type: 'ALERT_TEAM', teamId: otherTeam, message: 'At risk' }],
    });
    const team = await createTeam(tenant.owner);
    const ours = await createPlaybook(tenant, {
      signal: 'CHURN_RISK_RAISED',
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'At risk' }],
    });
    const customer = await createCustomer(tenant.owner);
    await raise(gw, {
      tenantId: tenant.tenantId,
      customerId: customer.id,
      type: SignalType.CHURN_RISK_RAISED,
      cause: `${customer.id}:2026-12-02`,
    });
    await engineFor(gw).run();
    expect((await firings(tenant, { customerId: customer.id })).map((f) => f.playbookId)).toEqual([ours.id]);
    expect(await firings(other, { playbookId: theirs.id })).toEqual([]);
    // A customer id of another tenant is not found there.
    expect(errorCode(await other.owner.gql(PlaybookFiringsDocument, { filter: { customerId: customer.id } }))).toBe(
      'NOT_FOUND',
    );
  });

  it('retries a signal whose processing failed, without holding up the others, and gives it up after the last attempt', async () => {
    const team = await createTeam(tenant.owner);
    const broken = await createPlaybook(tenant, {
      signal: 'POINTS_EXPIRING',
      segments: ['broken'],
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'x' }],
    });
    // Data no version of the code wrote: the firing's transaction fails outside any action.
    await gw.gateway.orm.em
      .fork()
      .execute(`update playbook set actions = '{"not": "a list"}' where id = ?`, [broken.id]);
    const fine = await createPlaybook(tenant, {
      signal: 'POINTS_EXPIRING',
      segments: ['fine'],
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'Points expire soon' }],
    });
    const a = await createCustomer(tenant.owner, { segments: ['broken'] });
    const b = await createCustomer(tenant.owner, { segments: ['fine'] });
    const causeA = `${a.id}:expiry`;
    await raise(gw, { tenantId: tenant.tenantId, customerId: a.id, type: SignalType.POINTS_EXPIRING, cause: causeA });
    await raise(gw, {
      tenantId: tenant.tenantId,
      customerId: b.id,
      type: SignalType.POINTS_EXPIRING,
      cause: `${b.id}:expiry`,
    });
    const { run } = engineFor(gw);
    expect(await run()).toMatchObject({ processed: 1, failed: 1, givenUp: 0 });
    expect((await firings(tenant, { playbookId: fine.id })).map((f) => f.customerId)).toEqual([b.id]);
    const failed = await signalRow(gw, tenant.tenantId, SignalType.POINTS_EXPIRING, causeA);
    expect(failed).toMatchObject({ processed_at: null, attempts: 1, last_error: 'TypeError' });
    // Not due again before its next attempt.
    expect(await run()).toMatchObject({ failed: 0 });
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await gw.gateway.orm.em
        .fork()
        .execute(`update customer_signal set next_attempt_at = now() where id = ?`, [failed.id]);
      expect(await run()).toMatchObject({ failed: 1, givenUp: attempt === 5 ? 1 : 0 });
    }
    const givenUp = await signalRow(gw, tenant.tenantId, SignalType.POINTS_EXPIRING, causeA);
    expect(givenUp).toMatchObject({ attempts: 5, last_error: 'TypeError' });
    expect(givenUp.processed_at).not.toBeNull();
    // Given up is final: later runs leave it alone.
    expect(await run()).toMatchObject({ processed: 0, failed: 0 });
    await gw.gateway.orm.em.fork().execute(`update playbook set active = false where id = ?`, [broken.id]);
    expect(await firings(tenant, { playbookId: broken.id })).toEqual([]);
  });
});

describe('DETRACTOR_RESPONSE', () => {
  it('a detractor answering a survey fires the playbook, with the response as its cause', async () => {
    const team = await createTeam(tenant.owner);
    const playbook = await createPlaybook(tenant, {
      signal: 'DETRACTOR_RESPONSE',
      segments: ['survey-detractors'],
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'A detractor answered' }],
    });
    const customer = await createCustomer(tenant.owner, { segments: ['survey-detractors'] });
    const survey = await createSurvey(tenant.owner);
    await grantSurveys(tenant.owner, customer.id);
    const { response } = await submit(tenant.owner, answer(customer.id, survey.id, 2));
    await engineFor(gw).run();
    expect(await firings(tenant, { playbookId: playbook.id })).toEqual([
      expect.objectContaining({
        customerId: customer.id,
        signal: 'DETRACTOR_RESPONSE',
        cause: response.id,
        outcome: 'DONE',
      }),
    ]);
  });
});

describe('ALERT_TEAM', () => {
  it('reaches the teamAlert subscription live, and a client resuming with sinceVersion gets what it missed', async () => {
    const team = await createTeam(tenant.owner);
    const playbook = await createPlaybook(tenant, {
      name: 'Churn watch',
      signal: 'CHURN_RISK_RAISED',
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'High churn risk' }],
    });
    const customer = await createCustomer(tenant.owner);
    const agent = await tenant.agent();
    const client = agent.ws();
    try {
      const { run } = engineFor(gw);
      const alert = async (day: string) => {
        await raise(gw, {
          tenantId: tenant.tenantId,
          customerId: customer.id,
          type: SignalType.CHURN_RISK_RAISED,
          cause: `${customer.id}:2026-12-${day}`,
        });
        await run();
      };
      await alert('01');
      // From version 0: the first alert is replayed (MISSED); once it arrived the subscription is live.
      const live = collect(client, TeamAlertDocument, { teamId: team, sinceVersion: 0 });
      await live.next(1);
      await alert('02');
      const received = (await live.next(2)).map((event) => event.data!.teamAlert);
      expect(received.map((item) => [item.version, item.source])).toEqual([
        [1, 'MISSED'],
        [2, 'LIVE'],
      ]);
      expect(received[0]).toMatchObject({
        teamId: team,
        customerId: customer.id,
        playbookId: playbook.id,
        playbookName: 'Churn watch',
        signal: 'CHURN_RISK_RAISED',
        message: 'High churn risk',
        caseId: null,
      });
      live.stop();

      const resumed = collect(client, TeamAlertDocument, { teamId: team, sinceVersion: 1 });
      const [missed] = await resumed.next(1);
      expect(missed.data!.teamAlert).toMatchObject({ version: 2, source: 'MISSED', firingId: received[1].firingId });
      resumed.stop();

      // Staff who do not work cases, and teams of other tenants, are refused.
      const analyst = await tenant.key('ANALYST');
      const refused = collect(analyst.ws(), TeamAlertDocument, { teamId: team });
      await expect(refused.done).resolves.toBeUndefined();
      expect(refused.events[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const other = await createTenant(gw);
      const foreign = collect(client, TeamAlertDocument, { teamId: await createTeam(other.owner) });
      await foreign.done;
      expect(foreign.events[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'TEAM_NOT_FOUND' });
    } finally {
      await client.dispose();
    }
  });
});

describe('SEND_REMINDER', () => {
  it('goes through the notifier once, after commit, only with MARKETING consent', async () => {
    const playbook = await createPlaybook(tenant, {
      signal: 'POINTS_EXPIRING',
      segments: ['reminders'],
      actions: [{ type: 'SEND_REMINDER', templateCode: 'points.expiring', channel: 'EMAIL' }],
    });
    const consenting = await createCustomer(tenant.owner, { segments: ['reminders'] });
    const refusing = await createCustomer(tenant.owner, { segments: ['reminders'] });
    const silent = await createCustomer(tenant.owner, { segments: ['reminders'] });
    await setMarketingConsent(tenant.owner, consenting.id, true);
    await setMarketingConsent(tenant.owner, refusing.id, false);
    const { run, notifier } = engineFor(gw);
    for (const customer of [consenting, refusing, silent]) {
      await raise(gw, {
        tenantId: tenant.tenantId,
        customerId: customer.id,
        type: SignalType.POINTS_EXPIRING,
        cause: `${customer.id}:reminder`,
      });
    }
    await run();
    await run();
    expect(notifier.sent).toEqual([
      expect.objectContaining({
        customerId: consenting.id,
        tenantId: tenant.tenantId,
        templateCode: 'points.expiring',
        channel: 'EMAIL',
        address: consenting.email,
        playbookCode: playbook.code,
        signalType: 'POINTS_EXPIRING',
      }),
    ]);
    const byCustomer = new Map((await firings(tenant, { playbookId: playbook.id })).map((f) => [f.customerId, f]));
    expect(byCustomer.get(consenting.id)).toMatchObject({
      outcome: 'DONE',
      actions: [{ outcome: 'DONE', refType: 'reminder', refId: notifier.sent[0].reminderId, delivery: 'SENT' }],
    });
    for (const customer of [refusing, silent]) {
      expect(byCustomer.get(customer.id)).toMatchObject({
        outcome: 'SKIPPED_NO_CONSENT',
        actions: [{ outcome: 'SKIPPED_NO_CONSENT', refId: null, delivery: null }],
      });
      expect((await playbookEvents(customer.id))[0].data.outcome).toBe('SKIPPED_NO_CONSENT');
    }
    expect(
      (await firings(tenant, { playbookId: playbook.id, outcome: 'SKIPPED_NO_CONSENT' }))
        .map((f) => f.customerId)
        .sort(),
    ).toEqual([refusing.id, silent.id].sort());
  });

  it('a reminder a stopped process left unsent goes out on the next run, once, unless consent was withdrawn since', async () => {
    const playbook = await createPlaybook(tenant, {
      signal: 'POINTS_EXPIRING',
      segments: ['stranded'],
      actions: [{ type: 'SEND_REMINDER', templateCode: 'points.expiring', channel: 'PUSH' }],
    });
    const stays = await createCustomer(tenant.owner, { segments: ['stranded'] });
    const leaves = await createCustomer(tenant.owner, { segments: ['stranded'] });
    for (const customer of [stays, leaves]) {
      await setMarketingConsent(tenant.owner, customer.id, true);
      await raise(gw, {
        tenantId: tenant.tenantId,
        customerId: customer.id,
        type: SignalType.POINTS_EXPIRING,
        cause: `${customer.id}:s`,
      });
    }
    await engineFor(gw).run();
    // What a process that stopped between the firing's commit and the send leaves: reminders still PENDING.
    await gw.gateway.orm.em.fork().execute(
      `update playbook_reminder set status = 'PENDING', sent_at = null, created_at = now() - interval '2 minutes'
        where firing_id in (select id from playbook_firing where playbook_id = ?)`,
      [playbook.id],
    );
    await setMarketingConsent(tenant.owner, leaves.id, false);
    const next = engineFor(gw);
    await next.run();
    await next.run();
    expect(next.notifier.sent.map((message) => message.customerId)).toEqual([stays.id]);
    const byCustomer = new Map((await firings(tenant, { playbookId: playbook.id })).map((f) => [f.customerId, f]));
    expect(byCustomer.get(stays.id)?.actions[0].delivery).toBe('SENT');
    expect(byCustomer.get(leaves.id)?.actions[0].delivery).toBe('UNDELIVERED');
  });
});

describe('EVENT_INGESTED', () => {
  function postBilling(events: unknown[]) {
    const raw = JSON.stringify({ events });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const deliveryId = randomUUID();
    const signature = createHmac('sha256', tenant.ingestSecret)
      .update(`${timestamp}.billing.${deliveryId}.${raw}`)
      .digest('hex');
    return request(gw.url)
      .post('/ingest/billing')
      .set({
        'content-type': 'application/json',
        'x-loyalty-tenant': tenant.tenantId,
        'x-loyalty-timestamp': timestamp,
        'x-loyalty-delivery': deliveryId,
        'x-loyalty-signature': `sha256=${signature}`,
      })
      .send(raw);
  }

  it('fires the playbook of an ingested order.cancelled, once, and not for other event types', async () => {
    const team = await createTeam(tenant.owner);
    const playbook = await createPlaybook(tenant, {
      signal: 'EVENT_INGESTED',
      eventType: 'order.cancelled',
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'An order was cancelled' }],
    });
    const customer = await createCustomer(tenant.owner);
    const cancelled = `ORD-${randomUUID().slice(0, 8)}`;
    const event = (id: string, type: string) => ({
      id,
      customer: { id: customer.id },
      kind: 'BILLING',
      occurredAt: new Date().toISOString(),
      summary: `Order ${id}`,
      data: { type },
    });
    const batch = [event(cancelled, 'order.cancelled'), event(`ORD-${randomUUID().slice(0, 8)}`, 'order.created')];
    expect((await postBilling(batch)).body).toMatchObject({ stored: 2 });
    // The same events again, under a new delivery: stored nothing, raised nothing.
    expect((await postBilling(batch)).body).toMatchObject({ stored: 0, duplicates: 2 });
    expect(
      (await signalRow(gw, tenant.tenantId, SignalType.EVENT_INGESTED, `billing:${cancelled}`)).payload,
    ).toMatchObject({
      eventType: 'order.cancelled',
      kind: 'BILLING',
      source: 'billing',
      sourceEventId: cancelled,
    });

    await engineFor(gw).run();
    const fired = await firings(tenant, { customerId: customer.id });
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      playbookId: playbook.id,
      signal: 'EVENT_INGESTED',
      cause: `billing:${cancelled}`,
    });
  });

  it('is raised for interactions staff record too, in the same transaction', async () => {
    const customer = await createCustomer(tenant.owner);
    const idempotencyKey = key();
    const recorded = await tenant.owner.data<{ recordInteraction: { sourceEventId: string } }>(
      `mutation ($input: RecordInteractionInput!) { recordInteraction(input: $input) { id sourceEventId } }`,
      {
        input: {
          customerId: customer.id,
          kind: 'INTERACTION',
          summary: 'Complained at the desk',
          data: { type: 'complaint' },
          idempotencyKey,
        },
      },
    );
    // The event id is the caller's own (derived from its key and the idempotency key), so the cause is too.
    const cause = `gateway:${recorded.recordInteraction.sourceEventId}`;
    expect((await signalRow(gw, tenant.tenantId, SignalType.EVENT_INGESTED, cause)).payload).toMatchObject({
      eventType: 'complaint',
      kind: 'INTERACTION',
    });
    // The tenant's EVENT_INGESTED playbook is for order.cancelled: a complaint fires nothing.
    await engineFor(gw).run();
    expect(await firings(tenant, { customerId: customer.id })).toEqual([]);
    expect((await signalRow(gw, tenant.tenantId, SignalType.EVENT_INGESTED, cause)).processed_at).not.toBeNull();
  });
});
