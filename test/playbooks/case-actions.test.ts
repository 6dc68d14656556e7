import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import type { CaseActions, CaseOpener, GoodwillGranter } from '../../src/playbooks/case-actions';
import { SignalType } from '../../src/signals/signal.types';
import { CreatePlaybookDocument, GrantTierStatusDocument, PlaybookFiringsDocument } from '../generated/graphql';
import { createCustomer, inDays, key, type Program, program, startGateway, type TestGateway } from '../support';
import { createTeam, engineFor, raise, signalRow } from './support';

/**
 * The engine's side of the port to the cases part (src/playbooks/case-actions.ts): what it passes, how it
 * maps the answers, and that a failing action leaves nothing behind. The cases part's CaseService and
 * GoodwillService are not on this branch yet; until they are wired in src/app.ts, this stand-in writes the
 * contract table (support_case) the way openWithin does and answers grantWithin by the AGENT role's default
 * limit, so the assertions are about the engine, not about it.
 */
class CasesStandIn implements CaseActions {
  readonly grants: Parameters<GoodwillGranter['grantWithin']>[1][] = [];
  readonly opened: Parameters<CaseOpener['openWithin']>[1][] = [];

  constructor(private readonly teamId: string) {}

  readonly cases: CaseOpener = {
    openWithin: async (tx: EntityManager, input) => {
      this.opened.push(input);
      const [row] = await tx.execute<{ id: string }[]>(
        `insert into support_case (id, tenant_id, customer_id, priority, team_id, topic, source_type, source_id, subject,
                                   first_response_due_at, resolution_due_at)
         values (uuid_generate_v7(), ?, ?, 'P3', ?, ?, ?, ?, ?, now() + interval '1 day', now() + interval '3 days')
         returning id`,
        [
          input.tenantId,
          input.customerId,
          this.teamId,
          input.topic ?? null,
          input.sourceType,
          input.sourceId,
          input.subject,
        ],
      );
      // A failure after the case was written: the firing's savepoint must take the case away with it.
      if (input.subject === 'boom') throw new Error('routing failed');
      return { id: row.id, teamId: this.teamId, priority: 'P3' };
    },
  };

  readonly goodwill: GoodwillGranter = {
    grantWithin: (_tx: EntityManager, input) => {
      this.grants.push(input);
      const status = (input.points ?? 0) > 5_000 ? 'PENDING_APPROVAL' : 'GRANTED';
      return Promise.resolve({ id: randomUUID(), status });
    },
  };
}

let gw: TestGateway;
let p: Program;

beforeAll(async () => {
  gw = await startGateway({
    env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', PLAYBOOK_JOBS_INTERVAL_MS: '0' },
  });
  p = await program(gw);
});
afterAll(() => gw.close());

describe('OPEN_CASE, ALERT_TEAM to the owning team, GRANT_GOODWILL', () => {
  it('runs each action in its own savepoint: a failing one is FAILED and undone, the others stand and link to the case', async () => {
    const team = await createTeam(gw, p.tenant.tenantId);
    const cases = new CasesStandIn(team);
    const { createPlaybook: playbook } = await p.tenant.owner.data(CreatePlaybookDocument, {
      input: {
        code: `RECOVER-${randomUUID().slice(0, 6)}`,
        name: 'Recover a detractor',
        signal: 'DETRACTOR_RESPONSE',
        actions: [
          { type: 'OPEN_CASE', subject: 'boom' },
          { type: 'OPEN_CASE', subject: 'Call the customer back', topic: 'delivery' },
          { type: 'ALERT_TEAM', message: 'A detractor to call back' },
          { type: 'GRANT_GOODWILL', points: 8_000, reason: 'Sorry for the delay' },
          { type: 'GRANT_GOODWILL', points: 500, reason: 'A small thank you' },
        ],
      },
    });
    const customer = await createCustomer(p.tenant.owner);
    const responseId = randomUUID();
    await raise(gw, {
      tenantId: p.tenant.tenantId,
      customerId: customer.id,
      type: SignalType.DETRACTOR_RESPONSE,
      cause: responseId,
      payload: { responseId, score: 2, channel: 'WEB', storeId: p.north.id },
    });
    const { run } = engineFor(gw, cases);
    expect(await run()).toMatchObject({ processed: 1, firings: 1, failed: 0 });

    const [firing] = (
      await p.tenant.owner.data(PlaybookFiringsDocument, { filter: { playbookId: playbook.id } })
    ).playbookFirings.edges.map((edge) => edge.node);
    expect(firing.outcome).toBe('FAILED');
    expect(firing.actions.map((action) => [action.type, action.outcome, action.refType])).toEqual([
      ['OPEN_CASE', 'FAILED', null],
      ['OPEN_CASE', 'DONE', 'support_case'],
      ['ALERT_TEAM', 'DONE', 'team_alert'],
      ['GRANT_GOODWILL', 'PENDING_APPROVAL', 'goodwill'],
      ['GRANT_GOODWILL', 'DONE', 'goodwill'],
    ]);
    expect(firing.actions[0].reason).toBe('Error');
    const caseId = firing.actions[1].refId!;
    // Only the second case exists: the first one's savepoint was rolled back with its failure.
    const stored = await gw.gateway.orm.em
      .fork()
      .execute<{ id: string; source_type: string; source_id: string }[]>(
        `select id, source_type, source_id from support_case where tenant_id = ? and customer_id = ?`,
        [p.tenant.tenantId, customer.id],
      );
    expect(stored).toEqual([{ id: caseId, source_type: 'PLAYBOOK', source_id: firing.id }]);
    expect(cases.opened[1]).toMatchObject({
      topic: 'delivery',
      channel: 'WEB',
      storeId: p.north.id,
      actor: `playbook:${playbook.code}`,
    });
    // The alert went to the team the case was routed to, and said which case.
    const [alert] = await gw.gateway.orm.em
      .fork()
      .execute<{ payload: Record<string, unknown> }[]>(`select payload from outbox_event where stream = ?`, [
        `team-alert:${team}`,
      ]);
    expect(alert.payload).toMatchObject({
      teamId: team,
      caseId,
      firingId: firing.id,
      message: 'A detractor to call back',
    });
    // Goodwill is bounded like an agent's, linked to the case, and keyed per firing and action.
    expect(cases.grants).toEqual([
      expect.objectContaining({
        points: 8_000,
        caseId,
        role: 'AGENT',
        tierId: null,
        until: null,
        requestKey: `playbook:${firing.id}:3`,
      }),
      expect.objectContaining({ points: 500, caseId, role: 'AGENT', requestKey: `playbook:${firing.id}:4` }),
    ]);
  });

  it("extends the customer's current tier status by the playbook's days, from when it would end", async () => {
    const cases = new CasesStandIn(await createTeam(gw, p.tenant.tenantId));
    await p.tenant.owner.data(CreatePlaybookDocument, {
      input: {
        code: `EXTEND-${randomUUID().slice(0, 6)}`,
        name: 'Keep them gold',
        signal: 'DOWNGRADE_AHEAD',
        minTierRank: 1,
        actions: [{ type: 'GRANT_GOODWILL', statusDays: 30, reason: 'Loyal customer' }],
      },
    });
    const gold = await createCustomer(p.tenant.owner);
    const until = inDays(10);
    await p.tenant.owner.data(GrantTierStatusDocument, {
      input: {
        customerId: gold.id,
        tierId: p.tiers.GOLD,
        until: until.toISOString(),
        note: 'Status match',
        idempotencyKey: key(),
      },
    });
    const base = await createCustomer(p.tenant.owner);
    for (const customer of [gold, base]) {
      await raise(gw, {
        tenantId: p.tenant.tenantId,
        customerId: customer.id,
        type: SignalType.DOWNGRADE_AHEAD,
        cause: `${customer.id}:2026`,
      });
    }
    await engineFor(gw, cases).run();
    expect(cases.grants).toHaveLength(1);
    expect(cases.grants[0]).toMatchObject({ customerId: gold.id, tierId: p.tiers.GOLD, points: null });
    const extended = cases.grants[0].until!.getTime() - until.getTime();
    expect(Math.abs(extended - 30 * 86_400_000)).toBeLessThan(1_000);
    // The base-tier customer is below the playbook's minimum rank: nothing fired.
    expect(
      (await signalRow(gw, p.tenant.tenantId, SignalType.DOWNGRADE_AHEAD, `${base.id}:2026`)).processed_at,
    ).not.toBeNull();
  });
});
