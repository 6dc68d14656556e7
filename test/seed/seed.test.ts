import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { seedDemo, type SeedResult } from '../../scripts/seed/demo';
import { verifyLedger } from '../../src/ledger/ledger.verifier';
import { ApiClient, errorCode } from '../support/client';
import { startGateway, type TestGateway } from '../support/gateway';

const VIEWER = '{ viewer { role tenantId storeId } }';

describe('npm run seed (the demo tenant)', () => {
  let gw: TestGateway;
  let dataDir: string;
  let seeded: SeedResult;

  const rows = async <T extends object>(sql: string, params: unknown[] = [seeded.demo.tenantId]) =>
    gw.gateway.orm.em.fork().execute<T[]>(sql, params);
  const count = async (sql: string) => Number((await rows<{ n: string }>(sql))[0].n);

  beforeAll(async () => {
    gw = await startGateway();
    dataDir = await mkdtemp(join(tmpdir(), 'lg-seed-'));
    seeded = await seedDemo(gw.gateway.orm, gw.gateway.services, {
      customers: 30,
      months: 3,
      seed: 42,
      dataDir,
      gatewayUrl: 'http://localhost:4123',
    });
  });

  afterAll(async () => {
    await gw.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes demo.json in the agreed shape, readable by its owner only', async () => {
    const file = join(dataDir, 'demo.json');
    const demo = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(demo).sort()).toEqual(
      ['consoleUrl', 'customers', 'gatewayUrl', 'keys', 'storeCode', 'storeId', 'tenantId'].sort(),
    );
    expect(demo).toEqual(seeded.demo);
    expect(demo.gatewayUrl).toBe('http://localhost:4123');
    expect(demo.consoleUrl).toBe('http://localhost:4123/console');
    expect(Object.keys(seeded.demo.keys).sort()).toEqual(['agent', 'owner', 'pos', 'supervisor']);
    expect(seeded.demo.customers).toHaveLength(10);
    for (const customer of seeded.demo.customers)
      expect(Object.keys(customer).sort()).toEqual(['displayName', 'email', 'id']);
    expect(seeded.demo.storeCode).toBe('PAR-01');
    const { mode } = await import('node:fs').then((fs) => fs.statSync(file));
    expect(mode & 0o077).toBe(0);
  });

  it('gives keys that authenticate with their roles, the till bound to the first store', async () => {
    const { keys, tenantId, storeId } = seeded.demo;
    const expected = { owner: 'OWNER', supervisor: 'SUPERVISOR', agent: 'AGENT', pos: 'POS' } as const;
    for (const [name, role] of Object.entries(expected)) {
      const res = await new ApiClient(gw, keys[name as keyof typeof expected]).gql(VIEWER);
      expect(res.data?.viewer).toEqual({ role, tenantId, storeId: role === 'POS' ? storeId : null });
    }
    // Roles hold: an agent cannot list the tenant's keys.
    expect(errorCode(await new ApiClient(gw, keys.agent).gql('{ apiKeys { id } }'))).toBe('FORBIDDEN');
  });

  it('makes a program: three spend tiers with benefits, rules, active rewards, terms, an agent script', async () => {
    expect(
      await rows<{ code: string; metric: string }>(`select code, metric from tier where tenant_id = ? order by rank`),
    ).toEqual([
      { code: 'MEMBER', metric: 'SPEND' },
      { code: 'SILVER', metric: 'SPEND' },
      { code: 'GOLD', metric: 'SPEND' },
    ]);
    expect(await count(`select count(distinct tier_id) as n from benefit where tenant_id = ?`)).toBe(3);
    expect(await count(`select count(*) as n from earning_rule where tenant_id = ?`)).toBe(3);
    expect(await count(`select count(*) as n from reward where tenant_id = ? and status = 'ACTIVE'`)).toBe(5);
    expect(await count(`select count(*) as n from program_terms where tenant_id = ? and kind = 'AGENT_SCRIPT'`)).toBe(
      1,
    );
    expect(await count(`select count(*) as n from store where tenant_id = ? and region <> ''`)).toBe(3);
    expect(await count(`select count(*) as n from support_team where tenant_id = ?`)).toBe(2);
  });

  it('gives every customer purchases spread over the months, with points, redemptions and tiers', async () => {
    expect(await count(`select count(*) as n from customer where tenant_id = ?`)).toBe(30);
    expect(
      await count(
        `select count(*) as n from customer c where c.tenant_id = ? and not exists (select 1 from purchase p where p.customer_id = c.id)`,
      ),
    ).toBe(0);
    const [spread] = await rows<{ months: string; oldest_days: string; newest_days: string; total: string }>(
      `select count(distinct date_trunc('month', occurred_at)) as months,
              extract(day from now() - min(occurred_at)) as oldest_days,
              extract(day from now() - max(occurred_at)) as newest_days, count(*) as total
         from purchase where tenant_id = ?`,
    );
    expect(Number(spread.months)).toBeGreaterThanOrEqual(3);
    expect(Number(spread.oldest_days)).toBeGreaterThan(60);
    expect(Number(spread.newest_days)).toBeLessThan(30);
    expect(Number(spread.total)).toBe(seeded.counts.purchases);
    expect(await count(`select count(*) as n from voucher where tenant_id = ?`)).toBe(seeded.counts.redemptions);
    expect(seeded.counts.redemptions).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from customer_tier where tenant_id = ?`)).toBeGreaterThan(0);
  });

  it('records survey answers, and detractors who answered have a case opened from their answer', async () => {
    expect(await count(`select count(*) as n from survey_response where tenant_id = ?`)).toBe(
      seeded.counts.surveyResponses,
    );
    expect(seeded.counts.detractors).toBeGreaterThan(0);
    expect(
      await count(`select count(*) as n from support_case where tenant_id = ? and source_type = 'SURVEY_RESPONSE'`),
    ).toBe(seeded.counts.detractors);
  });

  it('scores health and churn for every customer, and the ledger verifies clean', async () => {
    expect(await count(`select count(*) as n from health_score where tenant_id = ?`)).toBe(30);
    const integrity = await verifyLedger(gw.gateway.orm.em.fork(), seeded.demo.tenantId);
    expect(integrity.discrepancies).toEqual([]);
    expect(integrity.ok).toBe(true);
    expect(integrity.transactionsChecked).toBeGreaterThan(seeded.counts.purchases / 2);
  });

  it('makes another demo tenant when run again, and keeps the rewritten keys file private', async () => {
    // A file left readable by others (copied, or chmod-ed by hand) is made private again when overwritten.
    await chmod(join(dataDir, 'demo.json'), 0o644);
    const again = await seedDemo(gw.gateway.orm, gw.gateway.services, {
      customers: 1,
      months: 1,
      seed: 42,
      dataDir,
      gatewayUrl: 'http://localhost:4123',
    });
    expect(again.demo.tenantId).not.toBe(seeded.demo.tenantId);
    expect(again.tenantName).not.toBe(seeded.tenantName);
    expect(JSON.parse(await readFile(join(dataDir, 'demo.json'), 'utf8'))).toEqual(again.demo);
    expect((await stat(join(dataDir, 'demo.json'))).mode & 0o077).toBe(0);
  });
});
