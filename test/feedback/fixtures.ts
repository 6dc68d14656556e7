import { randomUUID } from 'node:crypto';

import {
  CreateSurveyDocument,
  type CreateSurveyInput,
  SetConsentDocument,
  SubmitSurveyResponseDocument,
  type SubmitSurveyResponseInput,
} from '../generated/graphql';
import { type ApiClient, key, type TestGateway } from '../support';

/** A survey created by `by` (active, relationship NPS unless said otherwise). */
export async function createSurvey(by: ApiClient, input: Partial<CreateSurveyInput> = {}) {
  const { createSurvey: created } = await by.data(CreateSurveyDocument, {
    input: {
      code: `NPS-${randomUUID().slice(0, 6)}`,
      name: 'Relationship NPS',
      kind: 'NPS',
      trigger: 'RELATIONSHIP',
      question: 'How likely are you to recommend us to a friend?',
      ...input,
      idempotencyKey: input.idempotencyKey ?? key(),
    },
  });
  return created;
}

export async function grantSurveys(by: ApiClient, customerId: string, granted = true) {
  return (
    await by.data(SetConsentDocument, {
      input: { customerId, purpose: 'SURVEYS', granted, source: 'test', idempotencyKey: key() },
    })
  ).setConsent;
}

export function answer(
  customerId: string,
  surveyId: string,
  score: number,
  extra: Partial<SubmitSurveyResponseInput> = {},
): SubmitSurveyResponseInput {
  return { customerId, surveyId, score, idempotencyKey: key(), ...extra };
}

export async function submit(by: ApiClient, input: SubmitSurveyResponseInput) {
  return (await by.data(SubmitSurveyResponseDocument, { input })).submitSurveyResponse;
}

/** Rows as stored, read outside any request (tests check what the API does not show: signals, timeline data). */
export async function rows<T>(gw: TestGateway, sql: string, params: unknown[] = []): Promise<T[]> {
  return gw.gateway.orm.em.fork().execute<T[]>(sql, params);
}
