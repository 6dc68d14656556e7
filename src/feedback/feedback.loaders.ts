import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { pgArray } from '../shared/db/sql';
import {
  RESPONSE_COLUMNS,
  type ResponseRow,
  SURVEY_COLUMNS,
  type SurveyRow,
  toResponse,
  toSurvey,
} from './feedback.store';
import type { Survey } from './survey.types';
import type { SurveyResponse } from './survey-response.types';

export interface ResponsePage {
  tenantId: string;
  limit: number;
  after?: { at: Date; id: string };
}

/**
 * Survey responses of customers, newest first, one page per customer for every customer asked for in the same
 * tick, in one statement; a survivor's page includes the responses of the profiles merged into it.
 */
function responsePageLoader(em: () => EntityManager, page: ResponsePage) {
  return new DataLoader<string, SurveyResponse[]>(async (customerIds) => {
    const after = page.after ? 'and (r.responded_at, r.id) < (?, ?)' : '';
    const rows = await em().execute<(ResponseRow & { for_customer: string })[]>(
      `select c.id as for_customer, p.* from unnest(?::uuid[]) as c(id)
       cross join lateral (
         select ${RESPONSE_COLUMNS.split(', ')
           .map((column) => `r.${column}`)
           .join(', ')}
           from survey_response r
          where r.tenant_id = ? and r.customer_id in (select m.id from customer m where m.id = c.id or m.merged_into_id = c.id)
            ${after}
          order by r.responded_at desc, r.id desc limit ?
       ) p`,
      [pgArray(customerIds), page.tenantId, ...(page.after ? [page.after.at, page.after.id] : []), page.limit],
    );
    return customerIds.map((id) => rows.filter((row) => row.for_customer === id).map(toResponse));
  });
}

export function createFeedbackLoaders(em: () => EntityManager) {
  const pages = new Map<string, DataLoader<string, SurveyResponse[]>>();
  return {
    /** Per page shape: loaders are per request, and each shape batches its customers. */
    surveyResponsePage(page: ResponsePage): DataLoader<string, SurveyResponse[]> {
      const shape = JSON.stringify(page);
      let loader = pages.get(shape);
      if (!loader) {
        loader = responsePageLoader(em, page);
        pages.set(shape, loader);
      }
      return loader;
    },
    /** Keys are survey ids read from the tenant's own rows (responses). */
    surveyById: new DataLoader<string, Survey | null>(async (ids) => {
      const rows = await em().execute<SurveyRow[]>(`select ${SURVEY_COLUMNS} from survey where id in (?)`, [[...ids]]);
      return ids.map((id) => {
        const row = rows.find((candidate) => candidate.id === id);
        return row ? toSurvey(row) : null;
      });
    }),
  };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createFeedbackLoaders> {}
}
