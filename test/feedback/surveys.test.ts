import {
  FeedbackSettingsDocument,
  SetFeedbackSettingsDocument,
  SurveysDocument,
  UpdateSurveyDocument,
} from '../generated/graphql';
import { createCustomer, createStore, createTenant, errorCode, startGateway, type TestGateway } from '../support';
import { answer, createSurvey, submit } from './fixtures';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0' } });
});
afterAll(() => gw.close());

describe('surveys', () => {
  it('are created and changed by the back office, listed to every channel while active', async () => {
    const tenant = await createTenant(gw);
    const nps = await createSurvey(tenant.owner, { code: 'NPS-REL' });
    expect(nps).toMatchObject({ code: 'NPS-REL', kind: 'NPS', trigger: 'RELATIONSHIP', active: true, version: 1 });
    const ces = await createSurvey(tenant.owner, { code: 'CES-CASE', kind: 'CES', trigger: 'TRANSACTIONAL' });

    const taken = await tenant.owner.gql(UpdateSurveyDocument, {
      id: ces.id,
      input: { code: 'NPS-REL' },
    });
    expect(taken.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SURVEY_CODE_TAKEN',
      field: 'input.code',
    });
    const off = await tenant.owner.data(UpdateSurveyDocument, {
      id: ces.id,
      input: { active: false, expectedVersion: 1 },
    });
    expect(off.updateSurvey).toMatchObject({ active: false, version: 2, kind: 'CES' });
    const stale = await tenant.owner.gql(UpdateSurveyDocument, {
      id: ces.id,
      input: { name: 'x', expectedVersion: 1 },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ reason: 'VERSION_MISMATCH', field: 'input.expectedVersion' });

    const customer = await createCustomer(tenant.owner);
    const self = await tenant.customer(customer.id);
    const pos = await tenant.pos((await createStore(tenant.owner)).id);
    for (const caller of [self, pos]) {
      expect((await caller.data(SurveysDocument, {})).surveys.map((survey) => survey.code)).toEqual(['NPS-REL']);
      expect(errorCode(await caller.gql(SurveysDocument, { activeOnly: false }))).toBe('FORBIDDEN');
    }
    const analyst = await tenant.key('ANALYST');
    expect((await analyst.data(SurveysDocument, { activeOnly: false })).surveys.map((s) => s.code)).toEqual([
      'CES-CASE',
      'NPS-REL',
    ]);
    expect(errorCode(await analyst.gql(UpdateSurveyDocument, { id: nps.id, input: { active: false } }))).toBe(
      'FORBIDDEN',
    );
    const other = await createTenant(gw);
    expect((await other.owner.data(SurveysDocument, { activeOnly: false })).surveys).toEqual([]);
    const foreign = await other.owner.gql(UpdateSurveyDocument, { id: nps.id, input: { active: false } });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SURVEY_NOT_FOUND' });
  });

  it('keep their kind once answered, since the scores are on its scale', async () => {
    const tenant = await createTenant(gw);
    const survey = await createSurvey(tenant.owner);
    expect(
      (await tenant.owner.data(UpdateSurveyDocument, { id: survey.id, input: { kind: 'CSAT' } })).updateSurvey.kind,
    ).toBe('CSAT');
    const customer = await createCustomer(tenant.owner);
    await submit(tenant.owner, answer(customer.id, survey.id, 5));
    const locked = await tenant.owner.gql(UpdateSurveyDocument, { id: survey.id, input: { kind: 'NPS' } });
    expect(locked.errors?.[0]?.extensions).toMatchObject({ reason: 'SURVEY_KIND_LOCKED', field: 'input.kind' });
  });
});

describe('feedback settings', () => {
  it('start from the defaults, change only what is given, and are validated per field', async () => {
    const tenant = await createTenant(gw);
    const defaults = {
      minDaysBetweenSurveys: 30,
      busyInteractions: 5,
      busyWindowDays: 30,
      busyAction: 'EXTEND_GAP',
      busyGapMultiplier: 2,
      npsDetractorMax: 6,
      cesDetractorMax: 3,
      csatDetractorMax: 2,
      version: 0,
    };
    expect((await tenant.owner.data(FeedbackSettingsDocument)).feedbackSettings).toEqual(defaults);
    const set = await tenant.owner.data(SetFeedbackSettingsDocument, {
      input: { minDaysBetweenSurveys: 14, busyAction: 'SKIP', npsDetractorMax: 7, expectedVersion: 0 },
    });
    expect(set.setFeedbackSettings).toEqual({
      ...defaults,
      minDaysBetweenSurveys: 14,
      busyAction: 'SKIP',
      npsDetractorMax: 7,
      version: 1,
    });
    expect((await tenant.owner.data(FeedbackSettingsDocument)).feedbackSettings).toEqual(set.setFeedbackSettings);

    for (const [field, value] of [
      ['npsDetractorMax', 10],
      ['cesDetractorMax', 7],
      ['csatDetractorMax', 0],
      ['minDaysBetweenSurveys', -1],
      ['busyWindowDays', 0],
      ['busyGapMultiplier', 13],
    ] as const) {
      const bad = await tenant.owner.gql(SetFeedbackSettingsDocument, { input: { [field]: value } });
      expect(bad.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SETTINGS_INVALID',
        field: `input.${field}`,
      });
    }
    const stale = await tenant.owner.gql(SetFeedbackSettingsDocument, {
      input: { busyInteractions: 0, expectedVersion: 0 },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_MISMATCH' });

    const supervisor = await tenant.key('SUPERVISOR');
    expect((await supervisor.data(FeedbackSettingsDocument)).feedbackSettings.version).toBe(1);
    expect(errorCode(await supervisor.gql(SetFeedbackSettingsDocument, { input: { busyInteractions: 0 } }))).toBe(
      'FORBIDDEN',
    );
    const other = await createTenant(gw);
    expect((await other.owner.data(FeedbackSettingsDocument)).feedbackSettings).toEqual(defaults);
  });
});
