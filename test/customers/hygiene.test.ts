import { randomUUID } from 'node:crypto';

import {
  CreateCustomerDocument,
  type CreateCustomerInput,
  DataQualityReportDocument,
  DuplicateCandidatesDocument,
  type DuplicateCandidatesQuery,
} from '../generated/graphql';
import { createCustomer, createTenant, startGateway, type TenantFixture, type TestGateway } from '../support';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' } });
});
afterAll(() => gw.close());

const sql = (text: string, params: unknown[]) => gw.gateway.orm.em.fork().execute(text, params);

async function person(tenant: TenantFixture, input: CreateCustomerInput) {
  return (await tenant.owner.data(CreateCustomerDocument, { input })).createCustomer.id;
}

const pairOf = (found: DuplicateCandidatesQuery['duplicateCandidates'], a: string, b: string) =>
  found.find(
    (candidate) =>
      candidate.customers
        .map((c) => c.id)
        .sort()
        .join() === [a, b].sort().join(),
  );

describe('duplicateCandidates', () => {
  it('finds the same mailbox, the same number under another country code, and close names at one address, with scores and reasons', async () => {
    const tenant = await createTenant(gw);
    const tag = randomUUID().slice(0, 6);
    const gmailA = await person(tenant, { email: `john.doe.${tag}+shop@gmail.com`, displayName: 'John Doe' });
    const gmailB = await person(tenant, { email: `johndoe${tag}@googlemail.com`, displayName: 'J. Doe' });
    const plusA = await person(tenant, { email: `mary.${tag}@example.com` });
    const plusB = await person(tenant, { email: `mary.${tag}+news@example.com` });
    // Dots matter outside Gmail: these are two mailboxes.
    const dotA = await person(tenant, { email: `a.b.${tag}@example.com` });
    const dotB = await person(tenant, { email: `ab.${tag}@example.com` });
    const phoneA = await person(tenant, { phone: '+33412345678' });
    const phoneB = await person(tenant, { phone: '+32412345678' });
    const home = { line: '12 High Street', postalCode: 'sw1a 1aa', city: 'London' };
    const nameA = await person(tenant, {
      email: `jonathan.${tag}@example.com`,
      displayName: 'Jonathan Smith',
      address: home,
    });
    const nameB = await person(tenant, {
      email: `jsmith.${tag}@example.org`,
      displayName: 'Jon Smith',
      address: { line: '12 High St.', postalCode: 'SW1A1AA' },
    });
    const elsewhere = await person(tenant, {
      email: `jonathan2.${tag}@example.com`,
      displayName: 'Jonathan Smith',
      address: { ...home, postalCode: 'E1 6AN' },
    });

    const found = (await tenant.owner.data(DuplicateCandidatesDocument, { min: 0 })).duplicateCandidates;
    expect(pairOf(found, gmailA, gmailB)).toMatchObject({ score: 90, reasons: [{ kind: 'SAME_EMAIL', weight: 90 }] });
    expect(pairOf(found, plusA, plusB)?.reasons[0]?.kind).toBe('SAME_EMAIL');
    expect(pairOf(found, phoneA, phoneB)).toMatchObject({ score: 60, reasons: [{ kind: 'SAME_PHONE_NUMBER' }] });
    expect(pairOf(found, phoneA, phoneB)?.reasons[0]?.detail.split(' and ').sort()).toEqual([
      '+32412345678',
      '+33412345678',
    ]);
    const names = pairOf(found, nameA, nameB);
    expect(names?.reasons).toEqual([
      {
        kind: 'SIMILAR_NAME_SAME_ADDRESS',
        detail: expect.stringMatching(
          /^(Jonathan|Jon) Smith and (Jon|Jonathan) Smith at 12 High St(reet|\.), SW1A1AA$/,
        ),
        weight: 68,
      },
    ]);
    expect(pairOf(found, dotA, dotB)).toBeUndefined();
    expect(pairOf(found, nameA, elsewhere)).toBeUndefined();
    expect(found.map((candidate: { score: number }) => candidate.score)).toEqual([90, 90, 68, 60]);
    // The default threshold (50) and `first` cut the list; oldest profile first in each pair.
    expect(pairOf(found, gmailA, gmailB)?.customers.map((c) => c.id)).toEqual([gmailA, gmailB]);

    // Once merged, a pair is no longer a candidate.
    await tenant.owner.data(
      `mutation ($input: MergeCustomersInput!) { mergeCustomers(input: $input) { merge { id } } }`,
      {
        input: { survivorId: gmailA, mergedId: gmailB, reason: 'duplicate sign-up', idempotencyKey: randomUUID() },
      },
    );
    const after = (await tenant.owner.data(DuplicateCandidatesDocument, { min: 0 })).duplicateCandidates;
    expect(pairOf(after, gmailA, gmailB)).toBeUndefined();
    expect(after).toHaveLength(3);
  });

  it('is for back-office roles, validates its arguments, and never pairs customers of two tenants', async () => {
    const [one, two] = [await createTenant(gw), await createTenant(gw)];
    const tag = randomUUID().slice(0, 6);
    await person(one, { email: `twin.${tag}@gmail.com` });
    await person(two, { email: `t.w.i.n.${tag}@gmail.com` });
    expect((await one.owner.data(DuplicateCandidatesDocument, { min: 0 })).duplicateCandidates).toEqual([]);
    const agent = await one.agent();
    expect((await agent.gql(DuplicateCandidatesDocument)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await one.owner.gql(DuplicateCandidatesDocument, { min: 101 })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'minScore',
    });
  });
});

describe('dataQualityReport', () => {
  it('counts missing and invalid contact data, invalid identifiers and inactive profiles, with the first examples', async () => {
    const tenant = await createTenant(gw);
    const tag = randomUUID().slice(0, 6);
    const unnamed = await createCustomer(tenant.owner);
    const named = await person(tenant, { email: `fine.${tag}@example.com`, displayName: 'Fine' });
    // Known by a CRM id only: a customer nobody can contact. An anonymous app profile is not counted.
    const crmOnly = (
      await tenant.owner.data(
        `mutation ($input: ResolveCustomerInput!) { resolveCustomer(input: $input) { customer { id } } }`,
        {
          input: { identifiers: [{ kind: 'CRM_ID', value: `CRM-${tag}` }], displayName: 'Crm Only' },
        },
      )
    ).resolveCustomer.customer.id;
    await tenant.owner.data(
      `mutation ($input: ResolveCustomerInput!) { resolveCustomer(input: $input) { customer { id } } }`,
      {
        input: { identifiers: [{ kind: 'DEVICE_ID', value: `dev-${tag}` }] },
      },
    );
    // Legacy rows written before validation (as an old import would have): the report must catch them.
    const legacyEmail = await person(tenant, { email: `legacy.${tag}@example.com`, displayName: 'Legacy' });
    await sql(`update customer set email = 'legacy at example dot com', phone = '0612' where id = ?`, [legacyEmail]);
    await sql(
      `insert into customer_identifier (id, tenant_id, customer_id, kind, value, created_at) values (gen_random_uuid(), ?, ?, 'LOYALTY_CARD', ?, now())`,
      [tenant.tenantId, named, ` lg ${tag} `],
    );
    // Created two years ago with no activity since; another as old but earning last week is active.
    await sql(`update customer set created_at = now() - interval '2 years' where id in (?, ?)`, [unnamed.id, named]);
    await tenant.owner.data(
      `mutation ($input: EarnPointsInput!) { earnPoints(input: $input) { balance { available } } }`,
      {
        input: { customerId: named, points: 10, reason: 'visit', idempotencyKey: randomUUID() },
      },
    );

    const report = (await tenant.owner.data(DataQualityReportDocument, { months: 12, examples: 5 })).dataQualityReport;
    const check = (issue: string) => report.checks.find((entry: { issue: string }) => entry.issue === issue);
    expect(report.customers).toBe(5);
    expect(check('NO_CONTACT')).toMatchObject({
      count: 1,
      examples: [{ customerId: crmOnly, detail: 'no email or phone' }],
    });
    expect(check('MISSING_NAME')).toMatchObject({ count: 1, examples: [{ customerId: unnamed.id }] });
    expect(check('INVALID_EMAIL')).toMatchObject({ count: 1, examples: [{ customerId: legacyEmail }] });
    expect(check('INVALID_PHONE')).toMatchObject({ count: 1, examples: [{ customerId: legacyEmail }] });
    expect(check('INVALID_IDENTIFIER')?.count).toBe(1);
    expect(check('INVALID_IDENTIFIER')?.examples[0]?.detail).toContain('LOYALTY_CARD');
    expect(check('INACTIVE')).toMatchObject({ count: 1, examples: [{ customerId: unnamed.id }] });
    expect(check('INACTIVE')?.examples[0]?.detail).toBe('last activity never');

    const noExamples = (await tenant.owner.data(DataQualityReportDocument, { months: 12, examples: 0 }))
      .dataQualityReport;
    expect(noExamples.checks.every((entry) => entry.examples.length === 0)).toBe(true);
    expect(noExamples.checks.find((entry) => entry.issue === 'NO_CONTACT')?.count).toBe(1);
    expect((await tenant.owner.gql(DataQualityReportDocument, { months: 0 })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'inactiveMonths',
    });
  });
});
