import { SupportCaseDocument } from '../generated/graphql';
import { createCustomer, startGateway, type TestGateway } from '../support';
import { raiseDetractor, type SupportFixture, supportProgram } from './fixtures';

describe('repeated detractor responses of one customer', () => {
  let gw: TestGateway;
  let p: SupportFixture;

  beforeAll(async () => {
    gw = await startGateway({
      env: { SLA_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', LEDGER_JOBS_INTERVAL_MS: '0' },
    });
    p = await supportProgram(gw);
  });
  afterAll(() => gw.close());

  const casesOf = (customerId: string) =>
    gw.gateway.orm.em
      .fork()
      .execute<{ id: string; source_id: string; status: string }[]>(
        `select id, source_id, status from support_case where customer_id = ? order by opened_at, id`,
        [customerId],
      );

  it('notes a new detractor response on the open detractor case instead of opening another', async () => {
    const customer = await createCustomer(p.tenant.owner);
    const first = await raiseDetractor(gw, p.tenant.tenantId, customer.id, { score: 2 });
    const second = await raiseDetractor(gw, p.tenant.tenantId, customer.id, { score: 0 });
    const third = await raiseDetractor(gw, p.tenant.tenantId, customer.id, { score: 1 });
    const cases = await casesOf(customer.id);
    expect(cases).toEqual([expect.objectContaining({ source_id: first.responseId, status: 'OPEN' })]);

    const { case: found } = await p.tenant.owner.data(SupportCaseDocument, { id: cases[0].id });
    expect(found!.history.map((entry) => [entry.actor, (entry.data as { action: string }).action])).toEqual([
      ['signal:DETRACTOR_RESPONSE', 'OPEN'],
      ['signal:DETRACTOR_RESPONSE', 'NOTE'],
      ['signal:DETRACTOR_RESPONSE', 'NOTE'],
    ]);
    expect(found!.history.slice(1).map((entry) => (entry.data as { responseId: string }).responseId)).toEqual(
      expect.arrayContaining([second.responseId, third.responseId]),
    );
    // Playbooks act on that case: the signals name it.
    const signals = await gw.gateway.orm.em
      .fork()
      .execute<{ case_id: string }[]>(
        `select payload->>'caseId' as case_id from customer_signal where customer_id = ? and type = 'DETRACTOR_RESPONSE'`,
        [customer.id],
      );
    expect(signals.map((signal) => signal.case_id)).toEqual([cases[0].id, cases[0].id, cases[0].id]);
  });

  it('opens a new case once the earlier detractor case is resolved', async () => {
    const customer = await createCustomer(p.tenant.owner);
    await raiseDetractor(gw, p.tenant.tenantId, customer.id);
    const [earlier] = await casesOf(customer.id);
    await gw.gateway.orm.em.fork().execute(`update support_case set status = 'RESOLVED' where id = ?`, [earlier.id]);
    const later = await raiseDetractor(gw, p.tenant.tenantId, customer.id);
    expect((await casesOf(customer.id)).map((c) => c.source_id)).toEqual([earlier.source_id, later.responseId]);
  });
});
