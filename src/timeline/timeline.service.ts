import { callerLabel } from '../shared/auth/caller';
import { actingChannel, requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import type { SignalService } from '../signals/signal.service';
import { ingestEvents } from './ingest.service';
import type { RecordInteractionInput, TimelineEventView } from './timeline.types';

/** What staff write on a timeline themselves; other systems' events arrive through /ingest. */
export class TimelineService {
  constructor(private readonly signals: SignalService) {}

  /**
   * Records through the ingest path (source `gateway`), so a retry with the same key returns the first event,
   * and playbooks can act on it as on any ingested event (EVENT_INGESTED, in the same transaction).
   */
  async recordInteraction(ctx: Context, input: RecordInteractionInput): Promise<TimelineEventView> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    const channel = actingChannel(ctx, input.channel, 'input.channel');
    const [outcome] = await ctx.em.transactional((tx) =>
      ingestEvents(tx, this.signals, tenantId, 'gateway', [
        {
          id: input.idempotencyKey,
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
      [tenantId, input.idempotencyKey.trim()],
    );
    if (event.customer_id !== input.customerId.toLowerCase()) {
      throw inputError(
        InputErrorCode.TAKEN,
        'This idempotency key was used for another customer',
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
