import { randomUUID } from 'node:crypto';

import {
  AcknowledgeCaseDocument,
  CaseEscalatedDocument,
  SupportCaseDocument,
  UpdateSupportSettingsDocument,
} from '../generated/graphql';
import { collect, key, startGateway, type TestGateway } from '../support';
import { openCase, type SupportFixture, supportProgram } from './fixtures';

describe('the SLA job', () => {
  let gw: TestGateway;
  let p: SupportFixture;

  beforeAll(async () => {
    gw = await startGateway({
      env: { SLA_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', LEDGER_JOBS_INTERVAL_MS: '0' },
    });
    p = await supportProgram(gw);
    await p.tenant.owner.data(UpdateSupportSettingsDocument, {
      input: { idempotencyKey: randomUUID(), defaultTeamId: p.teams.front },
    });
  });
  afterAll(() => gw.close());

  const check = () => gw.gateway.services.slaJobs.check(gw.gateway.orm.em.fork(), new Date(), p.tenant.tenantId);
  const sql = (text: string, params: unknown[]) => gw.gateway.orm.em.fork().execute(text, params);
  const dueIn = (caseId: string, column: 'first_response_due_at' | 'resolution_due_at', minutes: number) =>
    sql(`update support_case set ${column} = now() + make_interval(mins => ?) where id = ?`, [minutes, caseId]);
  const signalsOf = async (caseId: string) =>
    (
      await sql(
        `select cause from customer_signal where type = 'SLA_BREACHED' and payload->>'caseId' = ? order by cause`,
        [caseId],
      )
    ).map((row) => (row as { cause: string }).cause);
  const caseOf = async (id: string) => (await p.tenant.owner.data(SupportCaseDocument, { id })).case!;

  it('escalates a missed deadline to the next level once, records the breach once and signals it once', async () => {
    const agent = await p.tenant.agent();
    const client = agent.ws();
    try {
      // From version 0 of a fresh stream: whatever arrives is either replayed or live, never lost.
      const level2 = collect(client, CaseEscalatedDocument, { teamId: p.teams.level2, since: 0 });
      const late = await openCase(p.tenant.owner);
      const answered = await openCase(p.tenant.owner);
      await agent.data(AcknowledgeCaseDocument, { input: { caseId: answered.id, idempotencyKey: key() } });
      await dueIn(late.id, 'first_response_due_at', -1);
      await dueIn(answered.id, 'first_response_due_at', -1);

      expect(await check()).toMatchObject({
        escalated: 1,
        firstResponseBreaches: 1,
        resolutionBreaches: 0,
        signals: 1,
      });
      const escalated = await caseOf(late.id);
      expect(escalated).toMatchObject({ team: { code: 'LEVEL2' }, escalationLevel: 1, status: 'OPEN' });
      expect(escalated.firstResponseBreachedAt).not.toBeNull();
      expect(escalated.history.at(-1)).toMatchObject({
        kind: 'SUPPORT_CASE',
        actor: 'job:check-slas',
        summary: 'Case escalated to level 1: SLA missed (first response)',
        data: expect.objectContaining({ action: 'ESCALATED', fromTeamId: p.teams.front, teamId: p.teams.level2 }),
      });
      // The acknowledged case met its first response: nothing to do for it.
      expect(await caseOf(answered.id)).toMatchObject({ escalationLevel: 0, firstResponseBreachedAt: null });
      expect(await signalsOf(late.id)).toEqual([`${late.id}:FIRST_RESPONSE`]);

      const [event] = await level2.next(1);
      expect(event.data?.caseEscalated).toMatchObject({
        version: 1,
        caseId: late.id,
        fromTeamId: p.teams.front,
        teamId: p.teams.level2,
        escalationLevel: 1,
        deadlines: ['FIRST_RESPONSE'],
        breached: ['FIRST_RESPONSE'],
        priority: 'P3',
      });

      // Again: the same breach is never escalated, recorded or signalled twice.
      expect(await check()).toMatchObject({
        escalated: 0,
        firstResponseBreaches: 0,
        resolutionBreaches: 0,
        signals: 0,
      });
      expect((await caseOf(late.id)).version).toBe(escalated.version);
      expect(await signalsOf(late.id)).toHaveLength(1);

      // The resolution deadline is a breach of its own: the next level up (the top), and its own signal.
      const managers = collect(client, CaseEscalatedDocument, { teamId: p.teams.managers, since: 0 });
      await dueIn(late.id, 'resolution_due_at', -1);
      expect(await check()).toMatchObject({ escalated: 1, resolutionBreaches: 1, signals: 1 });
      expect(await caseOf(late.id)).toMatchObject({ team: { code: 'MANAGERS' }, escalationLevel: 2 });
      expect(await signalsOf(late.id)).toEqual([`${late.id}:FIRST_RESPONSE`, `${late.id}:RESOLUTION`]);
      const [top] = await managers.next(1);
      expect(top.data?.caseEscalated).toMatchObject({ version: 1, fromTeamId: p.teams.level2, escalationLevel: 2 });
      expect(top.data?.caseEscalated.deadlines).toEqual(['RESOLUTION']);
      expect(level2.events).toHaveLength(1);
      level2.stop();
      managers.stop();

      // A desktop that reconnects catches up from its last version.
      const again = collect(client, CaseEscalatedDocument, { teamId: p.teams.level2, since: 0 });
      const [replayed] = await again.next(1);
      expect(replayed.data?.caseEscalated).toMatchObject({ version: 1, source: 'MISSED', caseId: late.id });
      again.stop();
    } finally {
      await client.dispose();
    }
  });

  it('stays at the top of the path, and with a lead time escalates before the breach, recording the breach later', async () => {
    await p.tenant.owner.data(UpdateSupportSettingsDocument, {
      input: { idempotencyKey: randomUUID(), escalationLeadMinutes: 30 },
    });
    try {
      const soon = await openCase(p.tenant.owner);
      await dueIn(soon.id, 'first_response_due_at', 10);
      expect(await check()).toMatchObject({ escalated: 1, firstResponseBreaches: 0, signals: 0 });
      const warned = await caseOf(soon.id);
      expect(warned).toMatchObject({ team: { code: 'LEVEL2' }, escalationLevel: 1, firstResponseBreachedAt: null });
      expect(warned.history.at(-1)?.summary).toBe('Case escalated to level 1: SLA about to be missed (first response)');

      // Missed after all: the breach is recorded and signalled, without a second escalation.
      await dueIn(soon.id, 'first_response_due_at', -1);
      expect(await check()).toMatchObject({ escalated: 0, firstResponseBreaches: 1, signals: 1 });
      const missed = await caseOf(soon.id);
      expect(missed).toMatchObject({ team: { code: 'LEVEL2' }, escalationLevel: 1 });
      expect(missed.firstResponseBreachedAt).not.toBeNull();
      expect(missed.history.at(-1)?.summary).toBe('SLA missed (first response)');

      // At the top of the path the case stays with its team; the level still counts the escalation.
      await sql(`update support_case set team_id = ? where id = ?`, [p.teams.managers, soon.id]);
      await dueIn(soon.id, 'resolution_due_at', -1);
      expect(await check()).toMatchObject({ escalated: 1, resolutionBreaches: 1 });
      expect(await caseOf(soon.id)).toMatchObject({ team: { code: 'MANAGERS' }, escalationLevel: 2 });
    } finally {
      await p.tenant.owner.data(UpdateSupportSettingsDocument, {
        input: { idempotencyKey: randomUUID(), escalationLeadMinutes: 0 },
      });
    }
  });
});
