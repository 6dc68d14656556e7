import { randomUUID } from 'node:crypto';

import {
  CloseCaseDocument,
  ConfirmRootCauseDocument,
  CreateSupportTeamDocument,
  ResolveCaseDocument,
  SetRootCauseTaxonomyDocument,
  SetRoutingRulesDocument,
  SupportCaseDocument,
  UpdateSupportSettingsDocument,
  UpdateSupportTeamDocument,
} from '../generated/graphql';
import { key, startGateway, type TestGateway } from '../support';
import { openCase, type SupportFixture, supportProgram } from './fixtures';

const reused = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }, field: string) =>
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', field });

describe('support configuration retries', () => {
  let gw: TestGateway;
  let p: SupportFixture;

  beforeAll(async () => {
    gw = await startGateway({
      env: { SLA_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', LEDGER_JOBS_INTERVAL_MS: '0' },
    });
    p = await supportProgram(gw);
  });
  afterAll(() => gw.close());

  const count = async (sql: string, params: unknown[]) =>
    (await gw.gateway.orm.em.fork().execute<{ n: number }[]>(sql, params))[0].n;

  it('a retried team create or update returns the team as it is now, once; the same key with other input is refused', async () => {
    const input = { code: `T${randomUUID().slice(0, 6)}`, name: 'Returns', idempotencyKey: randomUUID() };
    const created = (await p.tenant.owner.data(CreateSupportTeamDocument, { input })).createSupportTeam;
    // Not TEAM_TAKEN: the first answer, and one team.
    expect((await p.tenant.owner.data(CreateSupportTeamDocument, { input })).createSupportTeam).toEqual(created);
    expect(
      await count(`select count(*)::int as n from support_team where tenant_id = ? and code = ?`, [
        p.tenant.tenantId,
        input.code,
      ]),
    ).toBe(1);
    reused(
      await p.tenant.owner.gql(CreateSupportTeamDocument, {
        input: { ...input, code: `T${randomUUID().slice(0, 6)}` },
      }),
      'input.idempotencyKey',
    );

    const change = { supervisor: 'Ada', idempotencyKey: randomUUID() };
    const first = (await p.tenant.owner.data(UpdateSupportTeamDocument, { id: created.id, input: change }))
      .updateSupportTeam;
    expect(first.supervisor).toBe('Ada');
    await p.tenant.owner.data(UpdateSupportTeamDocument, {
      id: created.id,
      input: { supervisor: 'Grace', idempotencyKey: randomUUID() },
    });
    // The retry does not set Ada again: it answers with the team as it is now.
    const retried = (await p.tenant.owner.data(UpdateSupportTeamDocument, { id: created.id, input: change }))
      .updateSupportTeam;
    expect(retried).toMatchObject({ id: created.id, supervisor: 'Grace' });
    reused(
      await p.tenant.owner.gql(UpdateSupportTeamDocument, { id: created.id, input: { ...change, name: 'Other' } }),
      'input.idempotencyKey',
    );
  });

  it('retried routing rules, settings and taxonomy are applied once; the same key with other input is refused', async () => {
    const rulesKey = randomUUID();
    const rules = [{ teamId: p.teams.level2, topic: 'billing' }];
    const set = (await p.tenant.owner.data(SetRoutingRulesDocument, { rules, idempotencyKey: rulesKey }))
      .setRoutingRules;
    expect(set.map((rule) => rule.topic)).toEqual(['billing']);
    await p.tenant.owner.data(SetRoutingRulesDocument, {
      rules: [{ teamId: p.teams.front, topic: 'returns' }],
      idempotencyKey: randomUUID(),
    });
    // A late retry of the first list does not put it back over the newer one.
    const replayed = (await p.tenant.owner.data(SetRoutingRulesDocument, { rules, idempotencyKey: rulesKey }))
      .setRoutingRules;
    expect(replayed.map((rule) => rule.topic)).toEqual(['returns']);
    reused(
      await p.tenant.owner.gql(SetRoutingRulesDocument, { rules: [], idempotencyKey: rulesKey }),
      'idempotencyKey',
    );

    const settings = { escalationLeadMinutes: 15, idempotencyKey: randomUUID() };
    await p.tenant.owner.data(UpdateSupportSettingsDocument, { input: settings });
    await p.tenant.owner.data(UpdateSupportSettingsDocument, {
      input: { escalationLeadMinutes: 45, idempotencyKey: randomUUID() },
    });
    expect(
      (await p.tenant.owner.data(UpdateSupportSettingsDocument, { input: settings })).updateSupportSettings
        .escalationLeadMinutes,
    ).toBe(45);
    reused(
      await p.tenant.owner.gql(UpdateSupportSettingsDocument, { input: { ...settings, escalationLeadMinutes: 16 } }),
      'input.idempotencyKey',
    );

    const taxonomyKey = randomUUID();
    const causes = [
      { code: 'DELIVERY', label: 'Delivery' },
      { code: 'STAFF', label: 'Staff' },
    ];
    await p.tenant.owner.data(SetRootCauseTaxonomyDocument, { causes, idempotencyKey: taxonomyKey });
    await p.tenant.owner.data(SetRootCauseTaxonomyDocument, {
      causes: [{ code: 'DELIVERY', label: 'Delivery' }],
      idempotencyKey: randomUUID(),
    });
    // STAFF stays retired: the retry is not applied again.
    expect(
      (
        await p.tenant.owner.data(SetRootCauseTaxonomyDocument, { causes, idempotencyKey: taxonomyKey })
      ).setRootCauseTaxonomy.map((cause) => cause.code),
    ).toEqual(['DELIVERY']);
    reused(
      await p.tenant.owner.gql(SetRootCauseTaxonomyDocument, { causes: [], idempotencyKey: taxonomyKey }),
      'idempotencyKey',
    );
    // Another caller's key is never replayed for it.
    const admin = await p.tenant.key('ADMIN');
    reused(await admin.gql(SetRootCauseTaxonomyDocument, { causes, idempotencyKey: taxonomyKey }), 'idempotencyKey');
  });

  it('a retried root-cause review returns the review once; the same key for another answer is refused', async () => {
    await p.tenant.owner.data(SetRootCauseTaxonomyDocument, {
      causes: [
        { code: 'DELIVERY', label: 'Delivery' },
        { code: 'STAFF', label: 'Staff' },
      ],
      idempotencyKey: randomUUID(),
    });
    const supportCase = await openCase(p.tenant.owner);
    await p.tenant.owner.data(ResolveCaseDocument, {
      input: { caseId: supportCase.id, rootCause: 'STAFF', idempotencyKey: key() },
    });
    await p.tenant.owner.data(CloseCaseDocument, { input: { caseId: supportCase.id, idempotencyKey: key() } });
    const supervisor = await p.tenant.key('SUPERVISOR');
    const review = { caseId: supportCase.id, correctRootCause: 'DELIVERY', idempotencyKey: randomUUID() };
    const first = (await supervisor.data(ConfirmRootCauseDocument, review)).confirmRootCause;
    expect(first).toMatchObject({ agreed: false, confirmedCause: 'DELIVERY' });
    const version = (await supervisor.data(SupportCaseDocument, { id: supportCase.id })).case?.version;
    expect((await supervisor.data(ConfirmRootCauseDocument, review)).confirmRootCause).toEqual(first);
    // One correction: the case's version and history moved once.
    const after = (await supervisor.data(SupportCaseDocument, { id: supportCase.id })).case;
    expect(after?.version).toBe(version);
    expect(after?.history.filter((entry) => entry.summary.startsWith('Root cause'))).toHaveLength(1);
    reused(await supervisor.gql(ConfirmRootCauseDocument, { ...review, correctRootCause: null }), 'idempotencyKey');
  });
});
