import { createHash } from 'node:crypto';

import { callerLabel } from '../shared/auth/caller';
import { actingChannel, requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import {
  canonicalJson,
  idempotencyError,
  IdempotencyErrorCode,
  idempotencyKeyOf,
  principalOf,
} from '../shared/idempotency';
import type { SignalService } from '../signals/signal.service';
import { ingestEvents } from './ingest.service';
import type { RecordInteractionInput, TimelineEventView } from './timeline.types';

/** What staff write on a timeline themselves; other systems' events arrive through /ingest. */
export class TimelineService {
  constructor(private readonly signals: SignalService) {}

  /**
   * Records through the ingest path (source `gateway`), so a retry with the same key returns the first event,
   * and playbooks can act on it as on any ingested event (EVENT_INGESTED, in the same transaction).
   * The event id is derived from the caller's principal and the key: a key belongs to whoever sent it, so
   * another caller's same key is another event (never someone else's answer), and the same caller's key
   * with another request is IDEMPOTENCY_KEY_REUSED.
   */
  async recordInteraction(ctx: Context, input: RecordInteractionInput): Promise<TimelineEventView> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    const channel = actingChannel(ctx, input.channel, 'input.channel');
    const eventId = callerEventId(principalOf(caller), idempotencyKeyOf(input.idempotencyKey));
    const [outcome] = await ctx.em.transactional((tx) =>
      ingestEvents(tx, this.signals, tenantId, 'gateway', [
        {
          id: eventId,
          customer: { id: input.customerId },
          kind: input.kind,
          channel,
          occurredAt: (input.occurredAt ?? new Date()).toISOString(),
          actor: callerLabel(caller),
          summary: input.summary,
          data: input.data ?? {},
        },
      ]),
    );
    if (outcome.status === 'REJECTED') {
      const field = outcome.error.field
        .replace(/^events\.0\./, 'input.')
        .replace('input.id', 'input.idempotencyKey')
        .replace('input.customer.id', 'input.customerId');
      throw outcome.error.code === 'CUSTOMER_NOT_FOUND'
        ? inputError(InputErrorCode.NOT_FOUND, outcome.error.message, field)
        : inputError(InputErrorCode.INVALID, outcome.error.message, field);
    }
    const [event] = await ctx.em.execute<Record<string, unknown>[]>(
      `select * from timeline_event where tenant_id = ? and source = 'gateway' and source_event_id = ?`,
      [tenantId, eventId],
    );
    const same =
      event.customer_id === input.customerId.toLowerCase() &&
      event.kind === input.kind &&
      (event.channel ?? null) === (channel ?? null) &&
      event.summary === input.summary.trim() &&
      canonicalJson(event.data) === canonicalJson(input.data ?? {}) &&
      (!input.occurredAt || new Date(event.occurred_at as string).getTime() === input.occurredAt.getTime());
    if (!same) {
      throw idempotencyError(
        IdempotencyErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This idempotency key was used for a different request',
        'input.idempotencyKey',
      );
    }
    return {
      id: event.id as string,
      kind: event.kind as TimelineEventView['kind'],
      source: 'gateway',
      sourceEventId: event.source_event_id as string,
      channel: (event.channel as TimelineEventView['channel']) ?? undefined,
      actor: event.actor as string,
      occurredAt: new Date(event.occurred_at as string),
      summary: event.summary as string,
      data: event.data as Record<string, unknown>,
    };
  }
}

/** The ingest id of a caller's interaction: its principal and key, hashed to fit the ingest id's 200 characters. */
function callerEventId(principal: string, key: string): string {
  return createHash('sha256').update(`${principal}\n${key}`).digest('hex');
}
