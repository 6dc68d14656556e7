import DataLoader from 'dataloader';

import type { Channel } from '../shared/channel';
import type { Reads } from '../shared/db/read-batch';
import { pgArray } from '../shared/db/sql';
import type { TimelineKind } from './timeline.entity';
import type { TimelineEventView } from './timeline.types';

export interface TimelinePage {
  tenantId: string;
  limit: number;
  after?: { at: Date; id: string };
  kinds?: TimelineKind[];
  channels?: Channel[];
  since?: Date;
  until?: Date;
}

interface TimelineRow {
  for_customer: string;
  id: string;
  customer_id: string;
  kind: TimelineKind;
  source: string;
  source_event_id: string | null;
  channel: Channel | null;
  actor: string;
  occurred_at: string;
  summary: string;
  data: Record<string, unknown>;
  ref_type: string | null;
  ref_id: string | null;
}

/**
 * One page of timeline per customer, for every customer asked for in the same tick, in one statement
 * (a lateral keyset scan per customer on (tenant, customer, occurred_at, id)): twenty customers with their
 * timelines cost what one does. Loaders are per request and per page shape. Events keep the customer they
 * were recorded for (the timeline is append-only); a survivor's page also reads the profiles merged into it,
 * one keyset scan each, so an unmerge gives a profile its history back by changing nothing here.
 */
export function createTimelineLoaders(reads: Reads) {
  const byShape = new Map<string, DataLoader<string, TimelineEventView[]>>();
  return {
    timelinePage(page: TimelinePage): DataLoader<string, TimelineEventView[]> {
      const shape = JSON.stringify(page);
      let loader = byShape.get(shape);
      if (!loader) {
        loader = new DataLoader<string, TimelineEventView[]>(async (customerIds) => {
          const conditions: string[] = [];
          const params: unknown[] = [pgArray(customerIds), page.tenantId];
          if (page.after) {
            conditions.push('and (t.occurred_at, t.id) < (?, ?)');
            params.push(page.after.at, page.after.id);
          }
          if (page.kinds?.length) {
            conditions.push('and t.kind = any(?::timeline_kind[])');
            params.push(pgArray(page.kinds));
          }
          if (page.channels?.length) {
            conditions.push('and t.channel = any(?::text[])');
            params.push(pgArray(page.channels));
          }
          if (page.since) {
            conditions.push('and t.occurred_at >= ?');
            params.push(page.since);
          }
          if (page.until) {
            conditions.push('and t.occurred_at < ?');
            params.push(page.until);
          }
          params.push(page.limit);
          const rows = await reads.rows<TimelineRow>(
            `select c.id as for_customer, e.* from unnest(?::uuid[]) as c(id)
             cross join lateral (
               select t.* from customer m
               cross join lateral (
                 select * from timeline_event t
                  where t.tenant_id = ? and t.customer_id = m.id ${conditions.join(' ')}
                  order by t.occurred_at desc, t.id desc limit ?
               ) t
               where m.id = c.id or m.merged_into_id = c.id
               order by t.occurred_at desc, t.id desc limit ?
             ) e`,
            [...params, page.limit],
          );
          const byCustomer = new Map<string, TimelineEventView[]>();
          for (const row of rows) {
            const list = byCustomer.get(row.for_customer) ?? [];
            list.push({
              id: row.id,
              kind: row.kind,
              source: row.source,
              sourceEventId: row.source_event_id ?? undefined,
              channel: row.channel ?? undefined,
              actor: row.actor,
              occurredAt: new Date(row.occurred_at),
              summary: row.summary,
              data: row.data,
              refType: row.ref_type ?? undefined,
              refId: row.ref_id ?? undefined,
            });
            byCustomer.set(row.for_customer, list);
          }
          return customerIds.map((id) => byCustomer.get(id) ?? []);
        });
        byShape.set(shape, loader);
      }
      return loader;
    },
  };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createTimelineLoaders> {}
}
