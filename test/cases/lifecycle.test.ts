import { randomUUID } from 'node:crypto';

import {
  AcknowledgeCaseDocument,
  AddCaseNoteDocument,
  CloseCaseDocument,
  CustomerCasesDocument,
  OpenCaseDocument,
  ReopenCaseDocument,
  ResolveCaseDocument,
  RootCausesDocument,
  SetRootCauseTaxonomyDocument,
  StartCaseDocument,
  SupportCaseDocument,
  UpdateSupportSettingsDocument,
  UpdateSupportTeamDocument,
} from '../generated/graphql';
import { createCustomer, createTenant, key, type KeyClient, startGateway, type TestGateway } from '../support';
import { createTeam, openCase, type SupportFixture, supportProgram } from './fixtures';

describe('the case lifecycle', () => {
  let gw: TestGateway;
  let p: SupportFixture;
  let agent: KeyClient;

  beforeAll(async () => {
    gw = await startGateway({
      env: { SLA_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', LEDGER_JOBS_INTERVAL_MS: '0' },
    });
    p = await supportProgram(gw);
    await p.tenant.owner.data(UpdateSupportSettingsDocument, {
      input: { idempotencyKey: randomUUID(), defaultTeamId: p.teams.front },
    });
    agent = await p.tenant.agent();
  });
  afterAll(() => gw.close());

  const open = async () => {
    const customer = await createCustomer(p.tenant.owner);
    const input = { customerId: customer.id, subject: 'Parcel never came', topic: 'delivery', idempotencyKey: key() };
    return { input, opened: (await agent.data(OpenCaseDocument, { input })).openCase };
  };

  it('goes open, acknowledged, in progress, resolved (with a root cause), reopened, resolved, closed', async () => {
    const { input, opened } = await open();
    expect(opened).toMatchObject({ status: 'OPEN', sourceType: 'AGENT', channel: 'AGENT', team: { code: 'FRONT' } });
    // The same key and input replays the case; the same key for something else is a CONFLICT.
    expect((await agent.data(OpenCaseDocument, { input })).openCase.id).toBe(opened.id);
    const reused = await agent.gql(OpenCaseDocument, { input: { ...input, subject: 'other' } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });

    const ackKey = key();
    const acked = (await agent.data(AcknowledgeCaseDocument, { input: { caseId: opened.id, idempotencyKey: ackKey } }))
      .acknowledgeCase;
    expect(acked).toMatchObject({ status: 'ACKNOWLEDGED', version: 2, firstResponseBreachedAt: null });
    expect(acked.acknowledgedAt).not.toBeNull();
    // A retry changes nothing (same version); another caller cannot replay this key.
    const retried = await agent.data(AcknowledgeCaseDocument, { input: { caseId: opened.id, idempotencyKey: ackKey } });
    expect(retried.acknowledgeCase.version).toBe(2);
    const other = await p.tenant.agent();
    const foreignKey = await other.gql(AcknowledgeCaseDocument, {
      input: { caseId: opened.id, idempotencyKey: ackKey },
    });
    expect(foreignKey.errors?.[0]?.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');

    const early = await agent.gql(CloseCaseDocument, { input: { caseId: opened.id, idempotencyKey: key() } });
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CASE_TRANSITION_INVALID',
      field: 'input.caseId',
    });
    expect(early.errors?.[0]?.message).toContain('allowed from RESOLVED');

    await agent.data(StartCaseDocument, { input: { caseId: opened.id, idempotencyKey: key() } });
    const unknown = await agent.gql(ResolveCaseDocument, {
      input: { caseId: opened.id, rootCause: 'WEATHER', idempotencyKey: key() },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ reason: 'ROOT_CAUSE_UNKNOWN', field: 'input.rootCause' });
    const resolved = await agent.data(ResolveCaseDocument, {
      input: { caseId: opened.id, rootCause: 'late-delivery', note: 'Reshipped', idempotencyKey: key() },
    });
    expect(resolved.resolveCase).toMatchObject({ status: 'RESOLVED', rootCause: 'LATE-DELIVERY' });

    const reopened = await agent.data(ReopenCaseDocument, {
      input: { caseId: opened.id, reason: 'Still not there', idempotencyKey: key() },
    });
    expect(reopened.reopenCase).toMatchObject({ status: 'IN_PROGRESS', rootCause: null, resolvedAt: null });
    await agent.data(ResolveCaseDocument, {
      input: { caseId: opened.id, rootCause: 'DELIVERY', idempotencyKey: key() },
    });
    const closed = await agent.data(CloseCaseDocument, { input: { caseId: opened.id, idempotencyKey: key() } });
    expect(closed.closeCase).toMatchObject({ status: 'CLOSED', rootCause: 'DELIVERY' });
    expect(closed.closeCase.closedAt).not.toBeNull();

    for (const refused of [
      await agent.gql(ReopenCaseDocument, { input: { caseId: opened.id, reason: 'again', idempotencyKey: key() } }),
      await agent.gql(AcknowledgeCaseDocument, { input: { caseId: opened.id, idempotencyKey: key() } }),
    ])
      expect(refused.errors?.[0]?.extensions?.reason).toBe('CASE_TRANSITION_INVALID');

    // A note goes on any case, and the history reads back every step in order.
    await agent.data(AddCaseNoteDocument, { input: { caseId: opened.id, text: 'Called back', idempotencyKey: key() } });
    const { case: found } = await agent.data(SupportCaseDocument, { id: opened.id });
    expect(found?.history.map((event) => (event.data as { action: string }).action)).toEqual([
      'OPEN',
      'ACKNOWLEDGE',
      'START',
      'RESOLVE',
      'REOPEN',
      'RESOLVE',
      'CLOSE',
      'NOTE',
    ]);
    expect(found?.history.every((event) => event.refId === opened.id && event.actor === `key:${agent.id}`)).toBe(true);
    expect(found?.history.at(-1)?.summary).toBe('Case note: Called back');

    const { customer } = await agent.data(CustomerCasesDocument, { id: opened.customerId, status: ['CLOSED'] });
    expect(customer?.cases.edges.map((edge) => edge.node.id)).toEqual([opened.id]);
  });

  it('records a late first response as a breach and signals it once', async () => {
    const { opened } = await open();
    await gw.gateway.orm.em
      .fork()
      .execute(`update support_case set first_response_due_at = now() - interval '5 minutes' where id = ?`, [
        opened.id,
      ]);
    const late = await agent.data(StartCaseDocument, { input: { caseId: opened.id, idempotencyKey: key() } });
    expect(late.startCase.firstResponseBreachedAt).not.toBeNull();
    expect(late.startCase.resolutionBreachedAt).toBeNull();
    const signals = await gw.gateway.orm.em
      .fork()
      .execute<{ cause: string }[]>(
        `select cause from customer_signal where type = 'SLA_BREACHED' and customer_id = ?`,
        [opened.customerId],
      );
    expect(signals.map((signal) => signal.cause)).toEqual([`${opened.id}:FIRST_RESPONSE`]);
  });

  it("keeps cases, teams and taxonomies to their tenant, and the taxonomy's tree whole", async () => {
    const { opened } = await open();
    const stranger = await createTenant(gw);
    const strangerAgent = await stranger.agent();
    expect((await strangerAgent.data(SupportCaseDocument, { id: opened.id })).case).toBeNull();
    const foreign = await strangerAgent.gql(AcknowledgeCaseDocument, {
      input: { caseId: opened.id, idempotencyKey: key() },
    });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' });

    // Escalation paths never loop.
    const loop = await p.tenant.owner.gql(UpdateSupportTeamDocument, {
      id: p.teams.managers,
      input: { idempotencyKey: randomUUID(), escalationTeamId: p.teams.front },
    });
    expect(loop.errors?.[0]?.extensions).toMatchObject({ reason: 'ESCALATION_CYCLE', field: 'input.escalationTeamId' });
    const top = await createTeam(p.tenant.owner, 'BOARD');
    const moved = await p.tenant.owner.data(UpdateSupportTeamDocument, {
      id: p.teams.managers,
      input: { idempotencyKey: randomUUID(), escalationTeamId: top, supervisor: 'Ada' },
    });
    expect(moved.updateSupportTeam).toMatchObject({ escalationTeam: { code: 'BOARD' }, supervisor: 'Ada' });

    const missingParent = await p.tenant.owner.gql(SetRootCauseTaxonomyDocument, {
      idempotencyKey: randomUUID(),
      causes: [{ code: 'A', label: 'A', parentCode: 'Z' }],
    });
    expect(missingParent.errors?.[0]?.extensions).toMatchObject({
      reason: 'ROOT_CAUSE_INVALID',
      field: 'causes.0.parentCode',
    });
    const cycle = await p.tenant.owner.gql(SetRootCauseTaxonomyDocument, {
      idempotencyKey: randomUUID(),
      causes: [
        { code: 'A', label: 'A', parentCode: 'B' },
        { code: 'B', label: 'B', parentCode: 'A' },
      ],
    });
    expect(cycle.errors?.[0]?.extensions?.reason).toBe('ROOT_CAUSE_INVALID');

    // A cause left out is retired: kept for the record, refused for new resolutions.
    const stranger2 = await createTenant(gw);
    await stranger2.owner.data(SetRootCauseTaxonomyDocument, {
      idempotencyKey: randomUUID(),
      causes: [
        { code: 'STAFF', label: 'Staff' },
        { code: 'PRICE', label: 'Price' },
      ],
    });
    const current = await stranger2.owner.data(SetRootCauseTaxonomyDocument, {
      idempotencyKey: randomUUID(),
      causes: [{ code: 'PRICE', label: 'Pricing' }],
    });
    expect(current.setRootCauseTaxonomy).toEqual([
      { code: 'PRICE', label: 'Pricing', parentCode: null, retiredAt: null },
    ]);
    const all = await stranger2.owner.data(RootCausesDocument, { includeRetired: true });
    expect(all.rootCauses.map((cause) => [cause.code, cause.retiredAt !== null])).toEqual([
      ['PRICE', false],
      ['STAFF', true],
    ]);
    const reinstated = await stranger2.owner.data(SetRootCauseTaxonomyDocument, {
      idempotencyKey: randomUUID(),
      causes: [
        { code: 'PRICE', label: 'Pricing' },
        { code: 'STAFF', label: 'Staff' },
      ],
    });
    expect(reinstated.setRootCauseTaxonomy.every((cause) => cause.retiredAt === null)).toBe(true);
  });

  it('reads a page of cases with their teams, customers, history and goodwill in a fixed number of statements', async () => {
    const tenant = await supportProgram(gw);
    const teams = [tenant.teams.front, tenant.teams.level2, tenant.teams.vip];
    const customers: string[] = [];
    for (let i = 0; i < 9; i += 1) {
      await tenant.tenant.owner.data(UpdateSupportSettingsDocument, {
        input: { idempotencyKey: randomUUID(), defaultTeamId: teams[i % 3] },
      });
      customers.push((await openCase(tenant.tenant.owner)).customerId);
    }
    const knex = gw.gateway.orm.em.getConnection().getKnex();
    const statements: string[] = [];
    // The outbox relay shares the pool and wakes on the cases above: its statements are not the request's.
    const onQuery = (query: { sql: string }) => {
      if (!/outbox_event|^(begin|commit|rollback)/i.test(query.sql)) statements.push(query.sql);
    };
    const cases = `cases(first: 20) { edges { node { id team { code escalationTeam { code } } customer { id }
      history { kind } goodwill { id } } } }`;
    const perCustomer = customers.map((id, i) => `c${i}: customer(id: "${id}") { cases { edges { node { id } } } }`);
    knex.on('query', onQuery);
    let res;
    try {
      res = await tenant.tenant.owner.data(`query { ${cases} ${perCustomer.join(' ')} }`);
    } finally {
      knex.off('query', onQuery);
    }
    expect(res.cases.edges).toHaveLength(9);
    expect(new Set(res.cases.edges.map((edge: { node: { team: { code: string } } }) => edge.node.team.code))).toEqual(
      new Set(['FRONT', 'LEVEL2', 'VIP']),
    );
    expect(res.c0.cases.edges).toHaveLength(1);
    // One statement per edge: teams, then their escalation teams; history; goodwill; the customers' cases.
    expect(statements.filter((sql) => sql.includes('from support_team'))).toHaveLength(2);
    expect(statements.filter((sql) => sql.includes('join timeline_event'))).toHaveLength(1);
    expect(statements.filter((sql) => sql.includes('from goodwill_grant'))).toHaveLength(1);
    expect(statements.filter((sql) => sql.includes('from support_case'))).toHaveLength(3);
    expect(statements.length).toBeLessThanOrEqual(8);
  });
});
