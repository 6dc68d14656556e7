import {
  CreateSurveyDocument,
  FeedbackSettingsDocument,
  SetFeedbackSettingsDocument,
  SurveysDocument,
  UpdateSurveyDocument,
} from '../generated/graphql';
import { createCustomer, createStore, createTenant, errorCode, key, startGateway, type TestGateway } from '../support';
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
      input: { idempotencyKey: key(), code: 'NPS-REL' },
    });
    expect(taken.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SURVEY_CODE_TAKEN',
      field: 'input.code',
    });
    const off = await tenant.owner.data(UpdateSurveyDocument, {
      id: ces.id,
      input: { idempotencyKey: key(), active: false, expectedVersion: 1 },
    });
    expect(off.updateSurvey).toMatchObject({ active: false, version: 2, kind: 'CES' });
    const stale = await tenant.owner.gql(UpdateSurveyDocument, {
      id: ces.id,
      input: { idempotencyKey: key(), name: 'x', expectedVersion: 1 },
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
    expect(
      errorCode(
        await analyst.gql(UpdateSurveyDocument, { id: nps.id, input: { idempotencyKey: key(), active: false } }),
      ),
    ).toBe('FORBIDDEN');
    const other = await createTenant(gw);
    expect((await other.owner.data(SurveysDocument, { activeOnly: false })).surveys).toEqual([]);
    const foreign = await other.owner.gql(UpdateSurveyDocument, {
      id: nps.id,
      input: { idempotencyKey: key(), active: false },
    });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SURVEY_NOT_FOUND' });
  });

  it('keep their kind once answered, since the scores are on its scale', async () => {
    const tenant = await createTenant(gw);
    const survey = await createSurvey(tenant.owner);
    expect(
      (await tenant.owner.data(UpdateSurveyDocument, { id: survey.id, input: { idempotencyKey: key(), kind: 'CSAT' } }))
        .updateSurvey.kind,
    ).toBe('CSAT');
    const customer = await createCustomer(tenant.owner);
    await submit(tenant.owner, answer(customer.id, survey.id, 5));
    const locked = await tenant.owner.gql(UpdateSurveyDocument, {
      id: survey.id,
      input: { idempotencyKey: key(), kind: 'NPS' },
    });
    expect(locked.errors?.[0]?.extensions).toMatchObject({ reason: 'SURVEY_KIND_LOCKED', field: 'input.kind' });
  });
});

describe('retries', () => {
  it('a retried survey create or update, or settings change, answers as it is now without a second change; the same key with other input is refused', async () => {
    const tenant = await createTenant(gw);
    const createKey = key();
    const survey = await createSurvey(tenant.owner, { code: 'CSAT-1', kind: 'CSAT', idempotencyKey: createKey });
    // Not SURVEY_CODE_TAKEN: the first answer, and one survey.
    expect(await createSurvey(tenant.owner, { code: 'CSAT-1', kind: 'CSAT', idempotencyKey: createKey })).toEqual(
      survey,
    );
    expect((await tenant.owner.data(SurveysDocument, { activeOnly: false })).surveys).toHaveLength(1);
    const reusedCreate = await tenant.owner.gql(CreateSurveyDocument, {
      input: {
        code: 'CSAT-2',
        name: 'x',
        kind: 'CSAT',
        trigger: 'RELATIONSHIP',
        question: 'q',
        idempotencyKey: createKey,
      },
    });
    expect(reusedCreate.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      field: 'input.idempotencyKey',
    });

    const rename = { name: 'Renamed', expectedVersion: 1, idempotencyKey: key() };
    const renamed = (await tenant.owner.data(UpdateSurveyDocument, { id: survey.id, input: rename })).updateSurvey;
    expect(renamed.version).toBe(2);
    // The version moves once, and the stale expectedVersion of the retry is not held against it.
    expect((await tenant.owner.data(UpdateSurveyDocument, { id: survey.id, input: rename })).updateSurvey).toEqual(
      renamed,
    );
    const reusedUpdate = await tenant.owner.gql(UpdateSurveyDocument, {
      id: survey.id,
      input: { ...rename, name: 'Other' },
    });
    expect(reusedUpdate.errors?.[0]?.extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED' });

    const change = { minDaysBetweenSurveys: 10, idempotencyKey: key() };
    const set = (await tenant.owner.data(SetFeedbackSettingsDocument, { input: change })).setFeedbackSettings;
    expect(set.version).toBe(1);
    expect((await tenant.owner.data(SetFeedbackSettingsDocument, { input: change })).setFeedbackSettings).toEqual(set);
    expect((await tenant.owner.data(FeedbackSettingsDocument)).feedbackSettings.version).toBe(1);
    const reusedSettings = await tenant.owner.gql(SetFeedbackSettingsDocument, {
      input: { ...change, minDaysBetweenSurveys: 11 },
    });
    expect(reusedSettings.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      field: 'input.idempotencyKey',
    });
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
      input: {
        idempotencyKey: key(),
        minDaysBetweenSurveys: 14,
        busyAction: 'SKIP',
        npsDetractorMax: 7,
        expectedVersion: 0,
      },
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
      const bad = await tenant.owner.gql(SetFeedbackSettingsDocument, {
        input: { idempotencyKey: key(), [field]: value },
      });
      expect(bad.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SETTINGS_INVALID',
        field: `input.${field}`,
      });
    }
    const stale = await tenant.owner.gql(SetFeedbackSettingsDocument, {
      input: { idempotencyKey: key(), busyInteractions: 0, expectedVersion: 0 },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_MISMATCH' });

    const supervisor = await tenant.key('SUPERVISOR');
    expect((await supervisor.data(FeedbackSettingsDocument)).feedbackSettings.version).toBe(1);
    expect(
      errorCode(
        await supervisor.gql(SetFeedbackSettingsDocument, { input: { idempotencyKey: key(), busyInteractions: 0 } }),
      ),
    ).toBe('FORBIDDEN');
    const other = await createTenant(gw);
    expect((await other.owner.data(FeedbackSettingsDocument)).feedbackSettings).toEqual(defaults);
  });
});
