import { runDesktop } from '../../examples/agent-desktop';
import { runApp } from '../../examples/mobile-app';
import { runTill } from '../../examples/pos-till';
import { startGateway, type TestGateway } from '../support';
import { type ClientsFixture, clientsFixture, printer } from './fixture';

// Each example's --smoke cycle, in-process, against a real gateway: a schema or behaviour change that breaks a
// client fails here.
describe('examples (smoke cycle)', () => {
  let gw: TestGateway;
  let f: ClientsFixture;

  beforeAll(async () => {
    gw = await startGateway();
    f = await clientsFixture(gw);
  });
  afterAll(() => gw.close());

  it('pos-till finds the customer, records a sale, hears its version, and syncs a queued sale once', async () => {
    const out = printer();
    const run = await runTill({
      gatewayUrl: gw.url,
      posKey: f.keys.pos,
      customer: { id: 'unused', email: f.customer.email },
      print: out.print,
      smoke: true,
    });
    expect(run.customerId).toBe(f.customer.id);
    expect(run.storeId).toBe(f.storeId);
    // The state read first, then one version per sale (online, then synced), consecutive.
    expect(run.versions).toEqual([run.versions[0], run.versions[0] + 1, run.versions[0] + 2]);
    expect(run.queue.size).toBe(0);
    expect(out.lines.join('\n')).toMatch(/Offline: sale queued \(1 waiting\)[\s\S]*Synced: 1 applied/);
  });

  it('agent-desktop searches, shows the 360 view, acknowledges the script, and hears its own note', async () => {
    const out = printer();
    const run = await runDesktop({
      gatewayUrl: gw.url,
      agentKey: f.keys.agent,
      search: f.customer.email,
      print: out.print,
      smoke: true,
      acknowledge: true,
    });
    expect(run.customerId).toBe(f.customer.id);
    expect(run.view.customer.balance.available).toBeGreaterThanOrEqual(1_000);
    expect(run.view.customer.tier?.current.code).toBe('BASE');
    expect(run.acknowledgedScriptVersion).toBe(1);
    expect(run.liveEvents).toHaveLength(1);
  });

  it('agent-desktop shows the script but leaves it unacknowledged unless the agent says it was read', async () => {
    const out = printer();
    const run = await runDesktop({
      gatewayUrl: gw.url,
      agentKey: f.keys.agent,
      customerId: f.customer.id,
      print: out.print,
      smoke: true,
      acknowledge: false,
    });
    expect(run.acknowledgedScriptVersion).toBeUndefined();
    expect(out.lines.join('\n')).toMatch(/Script v1[\s\S]*not acknowledged: run with --acknowledge/);
  });

  it('mobile-app signs in through its back end, redeems an affordable reward, and hears the new version', async () => {
    const out = printer();
    const run = await runApp({
      gatewayUrl: gw.url,
      backendKey: f.keys.owner,
      customerId: f.customer.id,
      print: out.print,
      smoke: true,
    });
    expect(run.voucherCode).toEqual(expect.any(String));
    expect(run.versions.slice(-1)[0]).toBe(run.versions[0] + 1);
    expect(out.lines.join('\n')).toContain('Redeemed Tote bag');
  });
});
