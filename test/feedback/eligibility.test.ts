import { randomUUID } from 'node:crypto';

import {
  RecordInteractionDocument,
  SetFeedbackSettingsDocument,
  type SetFeedbackSettingsInput,
  SurveyEligibilityDocument,
  type TimelineKind,
  UpdateSurveyDocument,
} from '../generated/graphql';
import {
  createCustomer,
  createTenant,
  DAY_MS,
  errorCode,
  key,
  startGateway,
  type TenantFixture,
  type TestGateway,
} from '../support';
import { answer, createSurvey, grantSurveys, rows, submit } from './fixtures';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0' } });
});
afterAll(() => gw.close());

/** A tenant with an active survey and a customer who consented to surveys. */
async function setUp() {
  const tenant = await createTenant(gw);
  const survey = await createSurvey(tenant.owner);
  const customer = await createCustomer(tenant.owner);
  await grantSurveys(tenant.owner, customer.id);
  const eligibility = async (customerId = customer.id) =>
    (await tenant.owner.data(SurveyEligibilityDocument, { customerId, surveyId: survey.id })).surveyEligibility;
  const settings = (input: Omit<SetFeedbackSettingsInput, 'idempotencyKey'>) =>
    tenant.owner.data(SetFeedbackSettingsDocument, { input: { ...input, idempotencyKey: key() } });
  return { tenant, survey, customer, eligibility, settings };
}

async function interact(
  tenant: TenantFixture,
  customerId: string,
  daysAgo: number,
  kind: TimelineKind = 'INTERACTION',
) {
  await tenant.owner.data(RecordInteractionDocument, {
    input: {
      customerId,
      kind,
      summary: 'Called about an order',
      occurredAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
      idempotencyKey: key(),
    },
  });
}

const ELIGIBLE = { eligible: true, reasons: [], nextEligibleAt: null };

describe('surveyEligibility', () => {
  it('needs SURVEYS consent: none recorded, or withdrawn, is NO_CONSENT', async () => {
    const { tenant, survey, customer, eligibility } = await setUp();
    expect(await eligibility()).toMatchObject(ELIGIBLE);
    const silent = await createCustomer(tenant.owner);
    expect(
      (await tenant.owner.data(SurveyEligibilityDocument, { customerId: silent.id, surveyId: survey.id }))
        .surveyEligibility,
    ).toMatchObject({ eligible: false, reasons: ['NO_CONSENT'], nextEligibleAt: null });
    await grantSurveys(tenant.owner, customer.id, false);
    expect(await eligibility()).toMatchObject({ eligible: false, reasons: ['NO_CONSENT'] });
  });

  it('says SURVEY_INACTIVE while the survey is switched off', async () => {
    const { tenant, survey, eligibility } = await setUp();
    await tenant.owner.data(UpdateSurveyDocument, { id: survey.id, input: { idempotencyKey: key(), active: false } });
    expect(await eligibility()).toMatchObject({ eligible: false, reasons: ['SURVEY_INACTIVE'], nextEligibleAt: null });
    await tenant.owner.data(UpdateSurveyDocument, { id: survey.id, input: { idempotencyKey: key(), active: true } });
    expect(await eligibility()).toMatchObject(ELIGIBLE);
  });

  it('says OPEN_CASE while a case of theirs is open, acknowledged or in progress', async () => {
    const { tenant, customer, eligibility } = await setUp();
    const caseId = randomUUID();
    await rows(
      gw,
      `insert into support_case (id, tenant_id, customer_id, status, priority, source_type, subject, first_response_due_at, resolution_due_at)
       values (?, ?, ?, 'OPEN', 'P2', 'AGENT', 'Late delivery', now() + interval '1 hour', now() + interval '1 day')`,
      [caseId, tenant.tenantId, customer.id],
    );
    for (const status of ['OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS']) {
      await rows(gw, `update support_case set status = ? where id = ?`, [status, caseId]);
      expect(await eligibility()).toMatchObject({ eligible: false, reasons: ['OPEN_CASE'], nextEligibleAt: null });
    }
    await rows(gw, `update support_case set status = 'RESOLVED' where id = ?`, [caseId]);
    expect(await eligibility()).toMatchObject(ELIGIBLE);
  });

  it('keeps the minimum gap after any answer, recorded here or ingested, and says when it ends', async () => {
    const { tenant, survey, customer, eligibility, settings } = await setUp();
    const { response } = await submit(tenant.owner, answer(customer.id, survey.id, 9));
    const recent = await eligibility();
    expect(recent).toMatchObject({
      eligible: false,
      reasons: ['RECENTLY_SURVEYED'],
      lastSurveyedAt: response.respondedAt,
    });
    expect(new Date(recent.nextEligibleAt!).getTime()).toBe(new Date(response.respondedAt).getTime() + 30 * DAY_MS);

    await settings({ minDaysBetweenSurveys: 0 });
    expect(await eligibility()).toMatchObject(ELIGIBLE);
    await settings({ minDaysBetweenSurveys: 30 });
    // The answer was 31 days ago: the gap has passed.
    await rows(gw, `update timeline_event set occurred_at = occurred_at - interval '31 days' where customer_id = ?`, [
      customer.id,
    ]);
    expect(await eligibility()).toMatchObject(ELIGIBLE);
    // An answer a survey tool reported counts the same.
    await interact(tenant, customer.id, 2, 'SURVEY_RESPONSE');
    expect(await eligibility()).toMatchObject({ eligible: false, reasons: ['RECENTLY_SURVEYED'] });
  });

  it('skips a busy customer under SKIP until the interactions leave the window; notes do not count', async () => {
    const { tenant, customer, eligibility, settings } = await setUp();
    await settings({ busyInteractions: 3, busyWindowDays: 10, busyAction: 'SKIP' });
    for (const daysAgo of [1, 2]) await interact(tenant, customer.id, daysAgo);
    for (const daysAgo of [1, 2, 3]) await interact(tenant, customer.id, daysAgo, 'NOTE');
    await interact(tenant, customer.id, 12);
    expect(await eligibility()).toMatchObject(ELIGIBLE);

    await interact(tenant, customer.id, 4);
    const busy = await eligibility();
    expect(busy).toMatchObject({ eligible: false, reasons: ['TOO_MANY_INTERACTIONS'] });
    // The third newest (4 days ago) leaves the 10-day window in 6 days.
    expect(Math.abs(new Date(busy.nextEligibleAt!).getTime() - (Date.now() + 6 * DAY_MS))).toBeLessThan(60_000);

    await settings({ busyInteractions: 0 });
    expect(await eligibility()).toMatchObject(ELIGIBLE);
  });

  it('lengthens the gap of a busy customer under EXTEND_GAP', async () => {
    const { tenant, survey, customer, eligibility, settings } = await setUp();
    await settings({ busyInteractions: 2, busyWindowDays: 30, busyAction: 'EXTEND_GAP', busyGapMultiplier: 2 });
    await submit(tenant.owner, answer(customer.id, survey.id, 10));
    await rows(gw, `update timeline_event set occurred_at = occurred_at - interval '40 days' where customer_id = ?`, [
      customer.id,
    ]);
    expect(await eligibility()).toMatchObject(ELIGIBLE);
    for (const daysAgo of [1, 3]) await interact(tenant, customer.id, daysAgo);
    expect(await eligibility()).toMatchObject({ eligible: false, reasons: ['TOO_MANY_INTERACTIONS'] });
    await settings({ busyGapMultiplier: 1 });
    expect(await eligibility()).toMatchObject(ELIGIBLE);
  });

  it('is for callers who may submit: a customer for itself, not an analyst, not another tenant', async () => {
    const { tenant, survey, customer } = await setUp();
    const other = await createCustomer(tenant.owner);
    const self = await tenant.customer(customer.id);
    expect(
      (await self.data(SurveyEligibilityDocument, { customerId: customer.id, surveyId: survey.id })).surveyEligibility
        .eligible,
    ).toBe(true);
    const foreign = await self.gql(SurveyEligibilityDocument, { customerId: other.id, surveyId: survey.id });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_CUSTOMER' });
    const analyst = await tenant.key('ANALYST');
    expect(
      errorCode(await analyst.gql(SurveyEligibilityDocument, { customerId: customer.id, surveyId: survey.id })),
    ).toBe('FORBIDDEN');
    const elsewhere = await createTenant(gw);
    const theirSurvey = await createSurvey(elsewhere.owner);
    const crossed = await elsewhere.owner.gql(SurveyEligibilityDocument, {
      customerId: customer.id,
      surveyId: theirSurvey.id,
    });
    expect(crossed.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'customerId' });
    const noSurvey = await tenant.owner.gql(SurveyEligibilityDocument, {
      customerId: customer.id,
      surveyId: theirSurvey.id,
    });
    expect(noSurvey.errors?.[0]?.extensions).toMatchObject({ reason: 'SURVEY_NOT_FOUND', field: 'surveyId' });
  });
});
