import type { EntityManager } from '@mikro-orm/postgresql';

import type { TimelineKind } from './timeline.entity';

export interface NewTimelineEvent {
  tenantId: string;
  customerId: string;
  kind: TimelineKind;
  source?: string;
  sourceEventId?: string | null;
  channel?: string | null;
  actor: string;
  occurredAt?: Date;
  summary: string;
  data?: Record<string, unknown>;
  refType?: string;
  refId?: string;
}

/**
 * Columns and values of a timeline row, for domains that insert it inside their own SQL (a CTE next to the
 * change it records). `occurred_at` defaults to the statement's time, to the millisecond like the cursors.
 */
export const TIMELINE_COLUMNS = `(id, tenant_id, customer_id, kind, source, source_event_id, channel, actor, occurred_at, summary, data, ref_type, ref_id, created_at)`;

/** Records one event in the caller's transaction, so it exists exactly when the change it records does. */
export async function recordTimeline(em: EntityManager, event: NewTimelineEvent): Promise<void> {
  await em.execute(
    `insert into timeline_event ${TIMELINE_COLUMNS}
     values (uuid_generate_v7(), ?, ?, ?, ?, ?, ?, ?, coalesce(?::timestamptz, date_trunc('milliseconds', now())), ?, ?, ?, ?, now())`,
    [
      event.tenantId,
      event.customerId,
      event.kind,
      event.source ?? 'gateway',
      event.sourceEventId ?? null,
      event.channel ?? null,
      event.actor,
      event.occurredAt ?? null,
      event.summary,
      JSON.stringify(event.data ?? {}),
      event.refType ?? null,
      event.refId ?? null,
    ],
  );
}
