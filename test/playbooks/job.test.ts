import { randomUUID } from 'node:crypto';

import { SignalType } from '../../src/signals/signal.types';
import { CreatePlaybookDocument, PlaybookFiringsDocument } from '../generated/graphql';
import { createCustomer, createTenant, startGateway, type TestGateway } from '../support';
import { createTeam, raise } from './support';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { PLAYBOOK_JOBS_INTERVAL_MS: '100' } });
});
afterAll(() => gw.close());

it("the gateway's own job acts on a committed signal within moments, with nobody calling the engine", async () => {
  const tenant = await createTenant(gw);
  const team = await createTeam(tenant.owner);
  const { createPlaybook: playbook } = await tenant.owner.data(CreatePlaybookDocument, {
    input: {
      code: `JOB-${randomUUID().slice(0, 6)}`,
      name: 'Expiry watch',
      idempotencyKey: randomUUID(),
      signal: 'POINTS_EXPIRING',
      actions: [{ type: 'ALERT_TEAM', teamId: team, message: 'Points expire soon' }],
    },
  });
  const customer = await createCustomer(tenant.owner);
  await raise(gw, {
    tenantId: tenant.tenantId,
    customerId: customer.id,
    type: SignalType.POINTS_EXPIRING,
    cause: `${customer.id}:2026-12`,
  });
  const deadline = Date.now() + 10_000;
  let fired: { customerId: string; outcome: string }[] = [];
  while (fired.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    fired = (
      await tenant.owner.data(PlaybookFiringsDocument, { filter: { playbookId: playbook.id } })
    ).playbookFirings.edges.map((edge) => edge.node);
  }
  expect(fired).toEqual([expect.objectContaining({ customerId: customer.id, outcome: 'DONE' })]);
});
