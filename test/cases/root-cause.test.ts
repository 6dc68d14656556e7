import { randomUUID } from 'node:crypto';

import {
  CloseCaseDocument,
  ConfirmRootCauseDocument,
  ResolveCaseDocument,
  RootCauseAuditDocument,
  SupportCaseDocument,
} from '../generated/graphql';
import { key, type KeyClient, startGateway, type TestGateway } from '../support';
import { openCase, type SupportFixture, supportProgram } from './fixtures';

describe('root-cause audit', () => {
  let gw: TestGateway;
  let p: SupportFixture;
  let supervisor: KeyClient;

  beforeAll(async () => {
    gw = await startGateway({
      env: { SLA_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', LEDGER_JOBS_INTERVAL_MS: '0' },
    });
    p = await supportProgram(gw);
    supervisor = await p.tenant.key('SUPERVISOR');
  });
  afterAll(() => gw.close());

  const closed = async (rootCause: string) => {
    const supportCase = await openCase(p.tenant.owner);
    await p.tenant.owner.data(ResolveCaseDocument, {
      input: { caseId: supportCase.id, rootCause, idempotencyKey: key() },
    });
    await p.tenant.owner.data(CloseCaseDocument, { input: { caseId: supportCase.id, idempotencyKey: key() } });
    return supportCase.id;
  };

  it('samples closed, unreviewed cases at random and reports how often reviews agree', async () => {
    const ids = [];
    for (let i = 0; i < 6; i += 1) ids.push(await closed(i % 2 === 0 ? 'LATE-DELIVERY' : 'STAFF'));
    const stillOpen = (await openCase(p.tenant.owner)).id;
    const resolvedOnly = (await openCase(p.tenant.owner)).id;
    await p.tenant.owner.data(ResolveCaseDocument, {
      input: { caseId: resolvedOnly, rootCause: 'STAFF', idempotencyKey: key() },
    });
    // Closed long ago: not "recent", so not sampled without a period.
    const old = await closed('STAFF');
    await gw.gateway.orm.em
      .fork()
      .execute(`update support_case set closed_at = now() - interval '200 days' where id = ?`, [old]);

    const empty = await supervisor.data(RootCauseAuditDocument, { sampleSize: 100 });
    expect(empty.rootCauseAudit).toMatchObject({ reviewed: 0, agreed: 0, agreementRate: null });
    expect(empty.rootCauseAudit.sample.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(empty.rootCauseAudit.sample.every((c) => c.status === 'CLOSED')).toBe(true);

    // A small sample is a subset, drawn anew each time.
    const draws = new Set<string>();
    for (let i = 0; i < 10; i += 1) {
      const { rootCauseAudit } = await supervisor.data(RootCauseAuditDocument, { sampleSize: 2 });
      expect(rootCauseAudit.sample).toHaveLength(2);
      for (const c of rootCauseAudit.sample) expect(ids).toContain(c.id);
      draws.add(
        rootCauseAudit.sample
          .map((c) => c.id)
          .sort()
          .join(),
      );
    }
    expect(draws.size).toBeGreaterThan(1);

    // Three agree, one is corrected: the case takes the corrected cause and the review is on its history.
    for (const id of ids.slice(0, 3)) {
      const { confirmRootCause } = await supervisor.data(ConfirmRootCauseDocument, {
        idempotencyKey: randomUUID(),
        caseId: id,
      });
      expect(confirmRootCause).toMatchObject({ agreed: true, auditor: `key:${supervisor.id}` });
    }
    const corrected = await supervisor.data(ConfirmRootCauseDocument, {
      idempotencyKey: randomUUID(),
      caseId: ids[3],
      correctRootCause: 'late-delivery',
    });
    expect(corrected.confirmRootCause).toMatchObject({
      agreed: false,
      originalCause: 'STAFF',
      confirmedCause: 'LATE-DELIVERY',
    });
    const { case: fixed } = await supervisor.data(SupportCaseDocument, { id: ids[3] });
    expect(fixed?.rootCause).toBe('LATE-DELIVERY');
    expect(fixed?.history.at(-1)?.summary).toBe('Root cause corrected: STAFF to LATE-DELIVERY');

    // The same answer again returns the review; another answer is refused.
    expect(
      (await supervisor.data(ConfirmRootCauseDocument, { idempotencyKey: randomUUID(), caseId: ids[0] }))
        .confirmRootCause.agreed,
    ).toBe(true);
    const changed = await supervisor.gql(ConfirmRootCauseDocument, {
      idempotencyKey: randomUUID(),
      caseId: ids[0],
      correctRootCause: 'STAFF',
    });
    expect(changed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_AUDITED' });
    // Only closed cases are reviewed, with a current cause.
    for (const id of [stillOpen, resolvedOnly])
      expect(
        (await supervisor.gql(ConfirmRootCauseDocument, { idempotencyKey: randomUUID(), caseId: id })).errors?.[0]
          ?.extensions?.reason,
      ).toBe('CASE_TRANSITION_INVALID');
    const unknown = await supervisor.gql(ConfirmRootCauseDocument, {
      idempotencyKey: randomUUID(),
      caseId: ids[4],
      correctRootCause: 'WEATHER',
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ reason: 'ROOT_CAUSE_UNKNOWN', field: 'correctRootCause' });

    const after = await supervisor.data(RootCauseAuditDocument, { sampleSize: 100 });
    expect(after.rootCauseAudit).toMatchObject({ reviewed: 4, agreed: 3, agreementRate: 0.75 });
    expect(after.rootCauseAudit.sample.map((c) => c.id).sort()).toEqual(ids.slice(4).sort());

    // A period: the old case is sampled within it, and no review falls in it.
    const period = await supervisor.data(RootCauseAuditDocument, {
      sampleSize: 10,
      since: new Date(Date.now() - 365 * 86_400_000).toISOString(),
      until: new Date(Date.now() - 100 * 86_400_000).toISOString(),
    });
    expect(period.rootCauseAudit).toMatchObject({ reviewed: 0, agreementRate: null, sample: [{ id: old }] });

    // Agents do not audit.
    const agent = await p.tenant.agent();
    expect((await agent.gql(RootCauseAuditDocument, { sampleSize: 1 })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const tooMany = await supervisor.gql(RootCauseAuditDocument, { sampleSize: 0 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sampleSize' });
  });
});
