import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { pgArray } from '../shared/db/sql';
import type { KeysetCursor } from '../shared/graphql/connection';
import type { TimelineEventView } from '../timeline/timeline.types';
import type { CaseStatus } from './case.logic';
import { type CaseRow, toCase } from './case.store';
import type { SupportCase } from './case.types';
import { type GoodwillRow, toGoodwill } from './goodwill.store';
import type { GoodwillGrant } from './goodwill.types';
import { type TeamRow, toTeam } from './support.store';
import type { SupportTeam } from './support.types';

export interface CustomerCasePage {
  tenantId: string;
  limit: number;
  after?: KeysetCursor;
  statuses?: CaseStatus[];
}

const byKey = <R>(rows: R[], keyOf: (row: R) => string) => {
  const map = new Map<string, R[]>();
  for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
  return map;
};

/**
 * Teams by id, a page of cases per customer, each case's history and goodwill: one statement per edge
 * for every parent asked for in the same tick. Keys of the by-id loaders are `<tenantId>:<id>`.
 */
export function createCaseLoaders(em: () => EntityManager) {
  const pages = new Map<string, DataLoader<string, SupportCase[]>>();
  return {
    supportTeamById: new DataLoader<string, SupportTeam | null>(async (keys) => {
      const tenantId = keys[0].split(':')[0];
      const ids = keys.map((key) => key.split(':')[1]);
      const rows = await em().execute<TeamRow[]>(
        `select * from support_team where tenant_id = ? and id = any(?::uuid[])`,
        [tenantId, pgArray(ids)],
      );
      const found = new Map(rows.map((row) => [row.id, toTeam(row)]));
      return ids.map((id) => found.get(id) ?? null);
    }),

    /** Newest first, by (opened_at, id): one lateral keyset scan per customer. */
    customerCases(page: CustomerCasePage): DataLoader<string, SupportCase[]> {
      const shape = JSON.stringify(page);
      let loader = pages.get(shape);
      if (!loader) {
        loader = new DataLoader<string, SupportCase[]>(async (customerIds) => {
          const params: unknown[] = [pgArray(customerIds), page.tenantId];
          let conditions = '';
          if (page.statuses?.length) {
            conditions += ' and s.status = any(?::text[])';
            params.push(pgArray(page.statuses));
          }
          if (page.after) {
            conditions += ' and (s.opened_at, s.id) < (?, ?)';
            params.push(page.after.at, page.after.id);
          }
          const rows = await em().execute<(CaseRow & { for_customer: string })[]>(
            `select c.id as for_customer, s.* from unnest(?::uuid[]) as c(id)
             cross join lateral (
               select * from support_case s where s.tenant_id = ? and s.customer_id = c.id ${conditions}
                order by s.opened_at desc, s.id desc limit ?) s`,
            [...params, page.limit],
          );
          const grouped = byKey(rows, (row) => row.for_customer);
          return customerIds.map((id) => (grouped.get(id) ?? []).map(toCase));
        });
        pages.set(shape, loader);
      }
      return loader;
    },

    /** The case's events on the customer's timeline, oldest first: its own, and its goodwill grants'. */
    caseHistory: new DataLoader<string, TimelineEventView[]>(async (keys) => {
      const tenantId = keys[0].split(':')[0];
      const ids = keys.map((key) => key.split(':')[1]);
      const rows = await em().execute<
        {
          case_id: string;
          id: string;
          kind: TimelineEventView['kind'];
          source: string;
          channel: TimelineEventView['channel'] | null;
          actor: string;
          occurred_at: Date;
          summary: string;
          data: Record<string, unknown>;
          ref_type: string | null;
          ref_id: string | null;
        }[]
      >(
        `select c.id as case_id, t.id, t.kind, t.source, t.channel, t.actor, t.occurred_at, t.summary, t.data, t.ref_type, t.ref_id
           from support_case c
           join timeline_event t on t.tenant_id = c.tenant_id and t.customer_id = c.customer_id
            and ((t.ref_type = 'support_case' and t.ref_id = c.id::text)
              or (t.ref_type = 'goodwill_grant' and t.data->>'caseId' = c.id::text))
          where c.tenant_id = ? and c.id = any(?::uuid[])
          order by t.occurred_at, t.id`,
        [tenantId, pgArray(ids)],
      );
      const grouped = byKey(rows, (row) => row.case_id);
      return ids.map((id) =>
        (grouped.get(id) ?? []).map((row) => ({
          id: row.id,
          kind: row.kind,
          source: row.source,
          channel: row.channel ?? undefined,
          actor: row.actor,
          occurredAt: new Date(row.occurred_at),
          summary: row.summary,
          data: row.data,
          refType: row.ref_type ?? undefined,
          refId: row.ref_id ?? undefined,
        })),
      );
    }),

    goodwillByCase: new DataLoader<string, GoodwillGrant[]>(async (keys) => {
      const tenantId = keys[0].split(':')[0];
      const ids = keys.map((key) => key.split(':')[1]);
      const rows = await em().execute<GoodwillRow[]>(
        `select * from goodwill_grant where tenant_id = ? and case_id = any(?::uuid[]) order by requested_at, id`,
        [tenantId, pgArray(ids)],
      );
      const grouped = byKey(rows, (row) => row.case_id!);
      return ids.map((id) => (grouped.get(id) ?? []).map((row) => toGoodwill(row, false)));
    }),
  };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createCaseLoaders> {}
}
