import { registerEnumType } from 'type-graphql';

/** The question's scale. */
export enum SurveyKind {
  NPS = 'NPS',
  CES = 'CES',
  CSAT = 'CSAT',
}

registerEnumType(SurveyKind, {
  name: 'SurveyKind',
  description: "The survey's question and scale.",
  valuesConfig: {
    NPS: { description: 'Net Promoter Score: how likely to recommend, 0 to 10.' },
    CES: { description: 'Customer Effort Score: how easy it was, 1 (very hard) to 7 (very easy).' },
    CSAT: { description: 'Customer satisfaction: 1 (very dissatisfied) to 5 (very satisfied).' },
  },
});

/** When a survey is sent. */
export enum SurveyTrigger {
  TRANSACTIONAL = 'TRANSACTIONAL',
  RELATIONSHIP = 'RELATIONSHIP',
}

registerEnumType(SurveyTrigger, {
  name: 'SurveyTrigger',
  description: 'When a survey is sent.',
  valuesConfig: {
    TRANSACTIONAL: { description: 'After a purchase, a support case or a call; a response names it in `context`.' },
    RELATIONSHIP: { description: 'Periodically, about the relationship as a whole.' },
  },
});

/** What a response is about. */
export enum SurveyContextType {
  PURCHASE = 'PURCHASE',
  CASE = 'CASE',
  CALL = 'CALL',
  RELATIONSHIP = 'RELATIONSHIP',
}

registerEnumType(SurveyContextType, {
  name: 'SurveyContextType',
  description: 'What a survey response is about.',
  valuesConfig: {
    PURCHASE: { description: "A purchase of the customer's (its id)." },
    CASE: { description: "A support case of the customer's (its id)." },
    CALL: { description: "A call, by the telephony system's id." },
    RELATIONSHIP: { description: 'The relationship as a whole (no id).' },
  },
});

/** The contexts that name one interaction, and so take an id; a transactional survey is about one of them. */
export const TRANSACTIONAL_CONTEXTS: ReadonlySet<SurveyContextType> = new Set([
  SurveyContextType.PURCHASE,
  SurveyContextType.CASE,
  SurveyContextType.CALL,
]);

/** Each kind's scale, inclusive. */
export const SCALES: Readonly<Record<SurveyKind, { min: number; max: number }>> = {
  NPS: { min: 0, max: 10 },
  CES: { min: 1, max: 7 },
  CSAT: { min: 1, max: 5 },
};

export function scoreInScale(kind: SurveyKind, score: number): boolean {
  const scale = SCALES[kind];
  return Number.isInteger(score) && score >= scale.min && score <= scale.max;
}

/** The highest score that still counts as a detractor, per kind. */
export type DetractorThresholds = Readonly<Record<SurveyKind, number>>;

/** NPS 0-6 are detractors by definition; CSAT 1-2 is dissatisfied; CES 1-3 is hard on a scale where 7 is very easy. */
export const DEFAULT_DETRACTOR_THRESHOLDS: DetractorThresholds = { NPS: 6, CES: 3, CSAT: 2 };

/** The thresholds a tenant may set: from the bottom of the scale to one below the top (some answer must not count). */
export function thresholdInScale(kind: SurveyKind, threshold: number): boolean {
  const scale = SCALES[kind];
  return Number.isInteger(threshold) && threshold >= scale.min && threshold < scale.max;
}

export function isDetractor(kind: SurveyKind, score: number, thresholds: DetractorThresholds): boolean {
  return score <= thresholds[kind];
}
