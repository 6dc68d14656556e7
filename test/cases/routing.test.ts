import { randomUUID } from 'node:crypto';

import { answer, createSurvey, submit } from '../feedback/fixtures';
import {
  CaseAssignedDocument,
  CasesDocument,
  SetRoutingRulesDocument,
  type SetRoutingRulesMutationVariables,
  SupportCaseDocument,
  UpdateSupportSettingsDocument,
} from '../generated/graphql';
import { collect, createCustomer, createTenant, startGateway, type TestGateway } from '../support';
import { createTeam, giveTier, openCase, raiseDetractor, type SupportFixture, supportProgram } from './fixtures';

const MINUTE = 60_000;

describe('detractor cases: routing, priority and SLAs', () => {
  let gw: TestGateway;
  let p: SupportFixture;

  beforeAll(async () => {
    gw = await startGateway({
      env: { SLA_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', LEDGER_JOBS_INTERVAL_MS: '0' },
    });
    p = await supportProgram(gw);
    await p.tenant.owner.data(UpdateSupportSettingsDocument, {
      input: {
        idempotencyKey: randomUUID(),
        defaultTeamId: p.teams.level2,
        slas: [{ priority: 'P1', firstResponseMinutes: 30, resolutionMinutes: 240 }],
        tierPriorities: [{ tierId: p.tiers.SILVER, priority: 'P4' }],
      },
    });
  });
  afterAll(() => gw.close());

  const rules = (order: 'region-first' | 'topic-first'): SetRoutingRulesMutationVariables['rules'] => {
    const region = { region: 'south', teamId: p.teams.managers };
    const topic = { topic: 'Delivery', teamId: p.teams.front };
    return [
      { tierId: p.tiers.GOLD, teamId: p.teams.vip },
      { storeId: p.north.id, channel: 'POS', teamId: p.teams.level2 },
      ...(order === 'region-first' ? [region, topic] : [topic, region]),
    ];
  };

  /** The case a detractor response of a new customer (in `tier`) opens. */
  const detractorCase = async (payload: Parameters<typeof raiseDetractor>[3], tier?: string) => {
    const customer = await createCustomer(p.tenant.owner);
    if (tier) await giveTier(p.tenant.owner, customer.id, tier);
    const { responseId } = await raiseDetractor(gw, p.tenant.tenantId, customer.id, payload);
    const { cases } = await p.tenant.owner.data(CasesDocument, { filter: { customerId: customer.id } });
    expect(cases.edges).toHaveLength(1);
    return { ...cases.edges[0].node, responseId, customerId: customer.id };
  };

  it('opens a case in the response transaction, routed by the first matching rule, with the SLA of the tier', async () => {
    const rulesSet = await p.tenant.owner.data(SetRoutingRulesDocument, {
      idempotencyKey: randomUUID(),
      rules: rules('region-first'),
    });
    expect(rulesSet.setRoutingRules.map((rule) => [rule.position, rule.topic ?? null])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, 'delivery'],
    ]);

    // Gold: the tier rule comes first, whatever the store and topic; the tenant's P1 SLA applies.
    const gold = await detractorCase({ storeId: p.south.id, topic: 'delivery' }, p.tiers.GOLD);
    expect(gold).toMatchObject({
      team: { code: 'VIP' },
      priority: 'P1',
      status: 'OPEN',
      sourceType: 'SURVEY_RESPONSE',
      sourceId: gold.responseId,
      channel: 'WEB',
      topic: 'delivery',
    });
    const opened = Date.parse(gold.openedAt);
    expect(Date.parse(gold.firstResponseDueAt) - opened).toBe(30 * MINUTE);
    expect(Date.parse(gold.resolutionDueAt) - opened).toBe(240 * MINUTE);

    // Base tier at the north store's till: rule 2, the default P3 SLA (8 h / 48 h).
    const till = await detractorCase({ storeId: p.north.id, channel: 'POS' });
    expect(till).toMatchObject({ team: { code: 'LEVEL2' }, priority: 'P3', storeId: p.north.id });
    expect(Date.parse(till.firstResponseDueAt) - Date.parse(till.openedAt)).toBe(8 * 60 * MINUTE);

    // The south store's region (rule 3) comes before the topic (rule 4)...
    expect((await detractorCase({ storeId: p.south.id, topic: 'DELIVERY' })).team?.code).toBe('MANAGERS');
    // ...the topic alone matches rule 4, and nothing matching goes to the default team.
    expect((await detractorCase({ topic: 'delivery' })).team?.code).toBe('FRONT');
    expect((await detractorCase({ topic: 'billing' })).team?.code).toBe('LEVEL2');

    // Silver has the tenant's own priority (P4, with its default 24 h first response) instead of the rank rule.
    const silver = await detractorCase({ topic: 'billing' }, p.tiers.SILVER);
    expect(silver.priority).toBe('P4');
    expect(Date.parse(silver.firstResponseDueAt) - Date.parse(silver.openedAt)).toBe(24 * 60 * MINUTE);

    // Order decides: with the topic rule first, the same facts go to FRONT.
    await p.tenant.owner.data(SetRoutingRulesDocument, { idempotencyKey: randomUUID(), rules: rules('topic-first') });
    expect((await detractorCase({ storeId: p.south.id, topic: 'delivery' })).team?.code).toBe('FRONT');
  });

  it('opens the case from a detractor survey response end to end, in the same transaction', async () => {
    await p.tenant.owner.data(SetRoutingRulesDocument, { idempotencyKey: randomUUID(), rules: rules('region-first') });
    const survey = await createSurvey(p.tenant.owner);
    const gold = await createCustomer(p.tenant.owner);
    await giveTier(p.tenant.owner, gold.id, p.tiers.GOLD);
    const till = await p.tenant.pos(p.south.id);
    const detractor = await submit(till, answer(gold.id, survey.id, 3, { topic: 'delivery' }));
    const { cases } = await p.tenant.owner.data(CasesDocument, { filter: { customerId: gold.id } });
    expect(cases.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        sourceType: 'SURVEY_RESPONSE',
        sourceId: detractor.response.id,
        channel: 'POS',
        storeId: p.south.id,
        topic: 'delivery',
        priority: 'P1',
        team: expect.objectContaining({ code: 'VIP' }),
      }),
    ]);
    // A promoter opens nothing.
    const promoter = await createCustomer(p.tenant.owner);
    await submit(till, answer(promoter.id, survey.id, 10));
    expect((await p.tenant.owner.data(CasesDocument, { filter: { customerId: promoter.id } })).cases.edges).toEqual([]);
  });

  it('records the opening on the timeline, and opens one case per response however often it is raised', async () => {
    const first = await detractorCase({ topic: 'delivery' });
    const { case: found } = await p.tenant.owner.data(SupportCaseDocument, { id: first.id });
    expect(found?.history).toEqual([
      expect.objectContaining({
        kind: 'SUPPORT_CASE',
        refType: 'support_case',
        refId: first.id,
        actor: 'signal:DETRACTOR_RESPONSE',
        data: expect.objectContaining({ action: 'OPEN', sourceId: first.responseId }),
      }),
    ]);
    // A playbook (or a retry) opening from the same response finds the same case.
    const again = await gw.gateway.orm.em.fork().transactional((tx) =>
      gw.gateway.services.cases.openWithin(tx, {
        tenantId: p.tenant.tenantId,
        customerId: first.customerId,
        subject: 'again',
        sourceType: 'SURVEY_RESPONSE',
        sourceId: first.responseId,
        actor: 'test',
      }),
    );
    expect(again).toEqual({ id: first.id, teamId: first.team!.id, priority: first.priority });
    const { cases } = await p.tenant.owner.data(CasesDocument, { filter: { customerId: first.customerId } });
    expect(cases.edges).toHaveLength(1);
  });

  it('lists cases by team and status, and refuses a bad routing rule naming the field', async () => {
    const { cases } = await p.tenant.owner.data(CasesDocument, { filter: { teamId: p.teams.vip, status: ['OPEN'] } });
    expect(cases.edges.length).toBeGreaterThan(0);
    expect(cases.edges.every((edge) => edge.node.team?.id === p.teams.vip && edge.node.status === 'OPEN')).toBe(true);

    const stranger = await createTenant(gw);
    const bad = await stranger.owner.gql(SetRoutingRulesDocument, {
      idempotencyKey: randomUUID(),
      rules: [{ teamId: p.teams.front }],
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rules.0.teamId' });
    const agent = await p.tenant.agent();
    const forbidden = await agent.gql(SetRoutingRulesDocument, { idempotencyKey: randomUUID(), rules: [] });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("feeds the team's caseAssigned queue: missed assignments after sinceVersion, then live ones", async () => {
    const queue = await createTeam(p.tenant.owner, 'QUEUE');
    await p.tenant.owner.data(SetRoutingRulesDocument, {
      idempotencyKey: randomUUID(),
      rules: [{ topic: 'queue', teamId: queue }],
    });
    const first = await openCase(p.tenant.owner, undefined, { topic: 'queue' });
    const second = await openCase(p.tenant.owner, undefined, { topic: 'queue' });
    const agent = await p.tenant.agent();
    const client = agent.ws();
    try {
      const { cases } = await p.tenant.owner.data(CasesDocument, { filter: { teamId: queue } });
      expect(cases.edges.map((edge) => edge.node.id)).toEqual([second.id, first.id]);
      const sub = collect(client, CaseAssignedDocument, { teamId: queue, since: 1 });
      const [missed] = await sub.next(1);
      expect(missed.data?.caseAssigned).toMatchObject({
        version: 2,
        source: 'MISSED',
        caseId: second.id,
        teamId: queue,
        priority: 'P3',
        topic: 'queue',
      });
      const third = await openCase(p.tenant.owner, undefined, { topic: 'queue' });
      const events = await sub.next(2);
      expect(events[1].data?.caseAssigned).toMatchObject({ version: 3, source: 'LIVE', caseId: third.id });
      sub.stop();

      // Another tenant's team is NOT_FOUND; a role that does not work cases is FORBIDDEN.
      const foreign = collect(client, CaseAssignedDocument, { teamId: (await supportProgram(gw)).teams.front });
      await foreign.done;
      expect(foreign.events[0]?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      await client.dispose();
    }
    const analyst = (await p.tenant.key('ANALYST')).ws();
    try {
      const denied = collect(analyst, CaseAssignedDocument, { teamId: queue });
      await denied.done;
      expect(denied.events[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await analyst.dispose();
    }
  });
});
