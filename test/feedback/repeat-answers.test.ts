import {
  SetFeedbackSettingsDocument,
  SubmitSurveyResponseDocument,
  type SubmitSurveyResponseInput,
} from '../generated/graphql';
import { type ApiClient, createCustomer, createTenant, key, startGateway, type TestGateway } from '../support';
import { answer, createSurvey, rows, submit } from './fixtures';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0' } });
});
afterAll(() => gw.close());

const reasonOf = async (by: ApiClient, input: SubmitSurveyResponseInput) =>
  (await by.gql(SubmitSurveyResponseDocument, { input })).errors?.[0]?.extensions;

const countOf = async (customerId: string, table: 'survey_response' | 'customer_signal' | 'support_case') =>
  Number(
    (await rows<{ n: string }>(gw, `select count(*) as n from ${table} where customer_id = ?`, [customerId]))[0].n,
  );

describe("a customer's own answers without a purchase or case", () => {
  it('takes one answer to a relationship survey per the fatigue gap; a new idempotency key is refused', async () => {
    const tenant = await createTenant(gw);
    const survey = await createSurvey(tenant.owner);
    const customer = await createCustomer(tenant.owner);
    const self = await tenant.customer(customer.id);
    await submit(self, answer(customer.id, survey.id, 0));
    expect(await reasonOf(self, answer(customer.id, survey.id, 0))).toMatchObject({
      code: 'CONFLICT',
      reason: 'RECENTLY_ANSWERED',
      field: 'input.surveyId',
    });
    expect(
      await reasonOf(self, answer(customer.id, survey.id, 1, { context: { type: 'RELATIONSHIP' } })),
    ).toMatchObject({ reason: 'RECENTLY_ANSWERED' });
    // One response, one signal, one case.
    expect(await countOf(customer.id, 'survey_response')).toBe(1);
    expect(await countOf(customer.id, 'customer_signal')).toBe(1);
    expect(await countOf(customer.id, 'support_case')).toBe(1);
    // A gap of 0 days still holds a customer to one answer a day.
    await tenant.owner.data(SetFeedbackSettingsDocument, {
      input: { minDaysBetweenSurveys: 0, idempotencyKey: key() },
    });
    expect(await reasonOf(self, answer(customer.id, survey.id, 0))).toMatchObject({ reason: 'RECENTLY_ANSWERED' });
  });

  it('takes one answer to a call survey per the gap whatever call id is given; staff record answers as before', async () => {
    const tenant = await createTenant(gw);
    const survey = await createSurvey(tenant.owner, { code: 'CALL-CSAT', kind: 'CSAT', trigger: 'TRANSACTIONAL' });
    const customer = await createCustomer(tenant.owner);
    const self = await tenant.customer(customer.id);
    await submit(self, answer(customer.id, survey.id, 1, { context: { type: 'CALL', id: 'call-1' } }));
    expect(
      await reasonOf(self, answer(customer.id, survey.id, 1, { context: { type: 'CALL', id: 'call-2' } })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'RECENTLY_ANSWERED', field: 'input.surveyId' });

    // An agent records answers taken by phone: another call is fine, the same call stays once.
    const agent = await tenant.agent();
    await submit(agent, answer(customer.id, survey.id, 4, { context: { type: 'CALL', id: 'call-3' } }));
    expect(
      await reasonOf(agent, answer(customer.id, survey.id, 4, { context: { type: 'CALL', id: 'call-3' } })),
    ).toMatchObject({ reason: 'ALREADY_ANSWERED' });
    const relationship = await createSurvey(tenant.owner);
    await submit(agent, answer(customer.id, relationship.id, 9));
    await submit(agent, answer(customer.id, relationship.id, 8));
    expect(await countOf(customer.id, 'survey_response')).toBe(4);
  });
});
