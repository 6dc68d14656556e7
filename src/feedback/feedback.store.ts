import type { EntityManager } from '@mikro-orm/postgresql';

import { consentAllowsSql, ConsentPurpose } from '../customers/consent.logic';
import type { Channel } from '../shared/channel';
import { bind, pgArray } from '../shared/db/sql';
import { type EligibilityFacts, type FatigueRules, INTERACTION_KINDS } from './fatigue.logic';
import type { SurveyContextType, SurveyKind, SurveyTrigger } from './survey.logic';
import type { Survey } from './survey.types';
import type { SurveyResponse } from './survey-response.types';

export const SURVEY_COLUMNS = 'id, code, name, kind, trigger, question, active, version, created_at';

export interface SurveyRow {
  id: string;
  code: string;
  name: string;
  kind: SurveyKind;
  trigger: SurveyTrigger;
  question: string;
  active: boolean;
  version: number;
  created_at: Date | string;
}

export function toSurvey(row: SurveyRow): Survey {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    trigger: row.trigger,
    question: row.question,
    active: row.active,
    version: row.version,
    createdAt: new Date(row.created_at),
  };
}

/** A survey of the tenant by id, or null (ids that are not UUIDs are the caller's to refuse). */
export async function findSurvey(em: EntityManager, tenantId: string, id: string, lock = false) {
  const [row] = await em.execute<SurveyRow[]>(
    `select ${SURVEY_COLUMNS} from survey where tenant_id = ? and id = ?${lock ? ' for update' : ''}`,
    [tenantId, id],
  );
  return row ? toSurvey(row) : null;
}

export const RESPONSE_COLUMNS =
  'id, survey_id, kind, score, comment, channel, store_id, context_type, context_id, topic, detractor, responded_at';

export interface ResponseRow {
  id: string;
  survey_id: string;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  channel: Channel;
  store_id: string | null;
  context_type: SurveyContextType | null;
  context_id: string | null;
  topic: string | null;
  detractor: boolean;
  responded_at: Date | string;
}

export function toResponse(row: ResponseRow): SurveyResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    kind: row.kind,
    score: row.score,
    comment: row.comment ?? undefined,
    channel: row.channel,
    storeId: row.store_id ?? undefined,
    context: row.context_type ? { type: row.context_type, id: row.context_id ?? undefined } : undefined,
    topic: row.topic ?? undefined,
    detractor: row.detractor,
    respondedAt: new Date(row.responded_at),
  };
}

export async function findResponse(em: EntityManager, tenantId: string, id: string): Promise<SurveyResponse> {
  const [row] = await em.execute<ResponseRow[]>(
    `select ${RESPONSE_COLUMNS} from survey_response where tenant_id = ? and id = ?`,
    [tenantId, id],
  );
  return toResponse(row);
}

/** The customer and the profiles merged into them: their history is the customer's. */
const PROFILES = `select id from customer where tenant_id = :tenantId and (id = :customerId or merged_into_id = :customerId)`;

/** Whether the purchase or case belongs to the customer (or a profile merged into them). */
export async function contextBelongsTo(
  em: EntityManager,
  tenantId: string,
  customerId: string,
  table: 'purchase' | 'support_case',
  id: string,
): Promise<boolean> {
  const [sql, params] = bind(
    `select 1 from ${table} where tenant_id = :tenantId and id = :id and customer_id in (${PROFILES})`,
    { tenantId, customerId, id },
  );
  return (await em.execute(sql, params)).length > 0;
}

/**
 * Everything eligibility is decided from, in one statement: SURVEYS consent, the latest answer, open cases, and
 * the newest interactions in the busy window (at most as many as the rule counts). The latest answer is the
 * latest SURVEY_RESPONSE on the timeline: answers recorded here and those a survey tool sent to /ingest alike.
 */
export async function eligibilityFacts(
  em: EntityManager,
  input: { tenantId: string; customerId: string; surveyActive: boolean; rules: FatigueRules; now: Date },
): Promise<EligibilityFacts> {
  const { tenantId, customerId, rules, now } = input;
  const [sql, params] = bind(
    `select ${consentAllowsSql(':customerId', ConsentPurpose.SURVEYS)} as consent,
       (select max(t.occurred_at) from timeline_event t
         where t.tenant_id = :tenantId and t.customer_id in (${PROFILES}) and t.kind = 'SURVEY_RESPONSE'
           and t.occurred_at <= :now) as last_surveyed_at,
       (select count(*)::int from support_case s
         where s.tenant_id = :tenantId and s.customer_id in (${PROFILES})
           and s.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')) as open_cases,
       array(select t.occurred_at from timeline_event t
         where t.tenant_id = :tenantId and t.customer_id in (${PROFILES}) and t.kind = any(:kinds::timeline_kind[])
           and t.occurred_at > :windowStart and t.occurred_at <= :now
         order by t.occurred_at desc limit :busyInteractions) as interaction_times`,
    {
      tenantId,
      customerId,
      kinds: pgArray(INTERACTION_KINDS),
      windowStart: new Date(now.getTime() - rules.busyWindowDays * 86_400_000),
      now,
      busyInteractions: rules.busyInteractions,
    },
  );
  const [row] = await em.execute<
    { consent: boolean; last_surveyed_at: Date | null; open_cases: number; interaction_times: (Date | string)[] }[]
  >(sql, params);
  return {
    surveyActive: input.surveyActive,
    surveysConsent: row.consent,
    openCases: row.open_cases,
    lastSurveyedAt: row.last_surveyed_at ? new Date(row.last_surveyed_at) : null,
    interactionTimes: row.interaction_times.map((time) => new Date(time)),
  };
}
