import type { EntityManager } from '@mikro-orm/postgresql';

import { Channel } from '../shared/channel';
import { recordTimeline } from '../timeline/timeline';
import { TimelineKind } from '../timeline/timeline.entity';
import type { CaseRow } from './case.store';

const CHANNELS = new Set<string>(Object.values(Channel));

/** The timeline's channel is the Channel enum; a case may carry another word from its source. */
export function timelineChannel(channel: string | null): Channel | null {
  return channel && CHANNELS.has(channel) ? (channel as Channel) : null;
}

/**
 * Records a case event (SUPPORT_CASE) on the customer's timeline, linked to the case (`ref_type`
 * support_case): the case's history is read back from these.
 */
export async function recordCaseEvent(
  tx: EntityManager,
  row: CaseRow,
  actor: string,
  action: string,
  summary: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await recordTimeline(tx, {
    tenantId: row.tenant_id,
    customerId: row.customer_id,
    kind: TimelineKind.SUPPORT_CASE,
    actor,
    channel: timelineChannel(row.channel),
    summary,
    refType: 'support_case',
    refId: row.id,
    data: { caseId: row.id, action, status: row.status, priority: row.priority, teamId: row.team_id, ...data },
  });
}
