import { randomUUID } from 'node:crypto';

import { fileHash, importBalances, ImportBookings, parseImportFile } from '../../src/ledger/ledger.import';
import { verifyLedger } from '../../src/ledger/ledger.verifier';
import { createCustomer, createTenant, startGateway, type TenantFixture, type TestGateway } from '../support';

let gw: TestGateway;
let tenant: TenantFixture;
const ledger = new ImportBookings();

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0' } });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

const HEADER = 'external_customer_id,email,points,expiry_date,tier';
const future = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

async function run(content: string, tenantId = tenant.tenantId) {
  const { rows, errors } = parseImportFile(content, new Date());
  expect(errors).toEqual([]);
  return importBalances(gw.gateway.orm.em.fork(), ledger, tenantId, rows, {
    name: 'legacy.csv',
    hash: fileHash(content),
  });
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = await gw.gateway.orm.em.fork().execute(sql, params);
  return Number(row.n);
}

describe('balance import', () => {
  it('books a good file, matching customers by email, and reconciles to zero differences', async () => {
    const existing = await createCustomer(tenant.owner, {
      email: `known-${randomUUID().slice(0, 6)}@example.com`,
    });
    const tag = randomUUID().slice(0, 6);
    const content = [
      HEADER,
      `L-${tag}-1,${existing.email!.toUpperCase()},1200,${future},GOLD`,
      `L-${tag}-2,new-${tag}@example.com,300,,SILVER`,
      `L-${tag}-3,,0,,`,
    ].join('\n');
    const result = await run(content);
    expect(result).toMatchObject({
      alreadyImported: false,
      rowsRead: 3,
      pointsRead: 1500,
      pointsBooked: 1500,
      customersCreated: 2,
      differences: 0,
    });

    const known = await tenant.owner.data(
      `query ($id: ID!) { customer(id: $id) { externalId importedTier balance { available expiringPoints(withinDays: 100) } } }`,
      { id: existing.id },
    );
    expect(known.customer).toEqual({
      externalId: `L-${tag}-1`,
      importedTier: 'GOLD',
      balance: { available: 1200, expiringPoints: 1200 },
    });
    expect((await verifyLedger(gw.gateway.orm.em.fork(), tenant.tenantId)).ok).toBe(true);

    // A customer the import created is found by its email like any other.
    const resolved = await tenant.owner.data(
      `mutation ($input: ResolveCustomerInput!) { resolveCustomer(input: $input) { outcome customer { externalId } } }`,
      {
        input: { identifiers: [{ kind: 'EMAIL', value: `NEW-${tag}@example.com` }] },
      },
    );
    expect(resolved.resolveCustomer).toEqual({ outcome: 'MATCHED', customer: { externalId: `L-${tag}-2` } });

    // The same file again books nothing and reports the first run.
    const again = await run(content);
    expect(again).toMatchObject({
      alreadyImported: true,
      importId: result.importId,
      pointsBooked: 1500,
      differences: 0,
    });
    expect(await count(`select count(*) as n from ledger_transaction where import_id = ?`, [result.importId])).toBe(2);
  });

  it('rejects a file with one bad row, naming its line, and applies nothing of it', async () => {
    const tag = randomUUID().slice(0, 6);
    const content = [
      HEADER,
      `A-${tag},a-${tag}@example.com,10,,`,
      `B-${tag},not-an-email,20,,`,
      `C-${tag},,-5,,`,
      `A-${tag},,1,,`,
      `D-${tag},,1,2001-01-01,`,
    ].join('\n');
    const { rows, errors } = parseImportFile(content, new Date());
    expect(errors).toEqual([
      { line: 3, reason: '"not-an-email" is not an email address' },
      { line: 4, reason: 'points "-5" is not a whole number from 0 to 1000000000' },
      { line: 5, reason: `external_customer_id A-${tag} is also on line 2` },
      { line: 6, reason: 'expiry_date 2001-01-01 has already passed' },
    ]);
    expect(rows).toHaveLength(1);
    expect(parseImportFile('id,email\nx,y', new Date()).errors[0]).toMatchObject({ line: 1 });
    expect(await count(`select count(*) as n from customer where external_id like ?`, [`%-${tag}`])).toBe(0);
  });

  it('is all or nothing inside the database too', async () => {
    const own = await createTenant(gw);
    const tag = randomUUID().slice(0, 6);
    const content = [HEADER, `X-${tag},x-${tag}@example.com,10,,`, `Y-${tag},y-${tag}@example.com,20,,`].join('\n');
    const { rows } = parseImportFile(content, new Date());
    // The second booking fails after the first customer was created and booked: none of it may stay.
    let calls = 0;
    const flaky = {
      bookImport: async (...args: Parameters<ImportBookings['bookImport']>) => {
        calls += 1;
        if (calls === 2) throw new Error('booking failed');
        return ledger.bookImport(...args);
      },
    } as unknown as ImportBookings;
    await expect(
      importBalances(gw.gateway.orm.em.fork(), flaky, own.tenantId, rows, { name: 'x.csv', hash: fileHash(content) }),
    ).rejects.toThrow('booking failed');
    expect(calls).toBe(2);
    expect(await count(`select count(*) as n from customer where tenant_id = ?`, [own.tenantId])).toBe(0);
    expect(await count(`select count(*) as n from points_import where tenant_id = ?`, [own.tenantId])).toBe(0);
  });

  it('rolls back as reversals while the points are unspent, and refuses once any were spent', async () => {
    const own = await createTenant(gw);
    const tag = randomUUID().slice(0, 6);
    const first = await run(
      [HEADER, `R-${tag}-1,r1-${tag}@example.com,100,,`, `R-${tag}-2,r2-${tag}@example.com,50,,`].join('\n'),
      own.tenantId,
    );
    const undone = await ledger.rollbackImport(gw.gateway.orm.em.fork(), own.tenantId, first.importId);
    expect(undone).toEqual({ reversed: 2, points: 150 });
    expect(
      await count(`select coalesce(sum(available), 0) as n from points_balance where tenant_id = ?`, [own.tenantId]),
    ).toBe(0);
    await expect(ledger.rollbackImport(gw.gateway.orm.em.fork(), own.tenantId, first.importId)).rejects.toThrow(
      /already rolled back/,
    );
    expect((await verifyLedger(gw.gateway.orm.em.fork(), own.tenantId)).ok).toBe(true);

    const second = await run(
      [HEADER, `S-${tag}-1,s1-${tag}@example.com,100,,`, `S-${tag}-2,s2-${tag}@example.com,50,,`].join('\n'),
      own.tenantId,
    );
    const [spender] = await gw.gateway.orm.em
      .fork()
      .execute(`select id from customer where tenant_id = ? and external_id = ?`, [own.tenantId, `S-${tag}-2`]);
    await own.owner.data(
      `mutation ($input: RedeemPointsInput!) { redeemPoints(input: $input) { balance { available } } }`,
      { input: { customerId: spender.id, points: 1, reason: 'x', idempotencyKey: randomUUID() } },
    );
    await expect(ledger.rollbackImport(gw.gateway.orm.em.fork(), own.tenantId, second.importId)).rejects.toThrow(
      /1 imported balances have been spent from/,
    );
    expect(
      await count(`select coalesce(sum(available), 0) as n from points_balance where tenant_id = ?`, [own.tenantId]),
    ).toBe(149);
    expect((await verifyLedger(gw.gateway.orm.em.fork(), own.tenantId)).ok).toBe(true);
  });
});
