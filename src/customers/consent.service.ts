import type { EntityManager } from '@mikro-orm/postgresql';

import { callerLabel } from '../shared/auth/caller';
import { actingChannel, assertMayActOnCustomer, requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  requestHash,
} from '../shared/idempotency';
import { requiredText } from '../shared/validation';
import { recordTimeline } from '../timeline/timeline';
import { TimelineKind } from '../timeline/timeline.entity';
import { consentAllows, ConsentPurpose } from './consent.logic';
import type { Consent, SetConsentInput, SetConsentResult } from './consent.types';
import { customerOrNotFound } from './customer.lookup';

/** A `customer_consent` row as read. */
export interface ConsentRow {
  purpose: ConsentPurpose;
  granted: boolean;
  source: string;
  recorded_at: Date | string;
}

/** The consent for a purpose from its recorded row, or the purpose's default when there is none. */
export function consentOf(purpose: ConsentPurpose, row: ConsentRow | undefined): Consent {
  return {
    purpose,
    granted: consentAllows(purpose, row?.granted),
    source: row?.source,
    recordedAt: row ? new Date(row.recorded_at) : undefined,
  };
}

/**
 * Whether the customer allows `purpose` now (MARKETING and SURVEYS opt-in, PROFILING opt-out), in the caller's
 * transaction or request. For one customer at a time; set-based queries use `consentAllowsSql` (consent.logic.ts).
 * `customerId` must be a customer of `tenantId` the caller already looked up.
 */
export async function consentGranted(
  em: EntityManager,
  tenantId: string,
  customerId: string,
  purpose: ConsentPurpose,
): Promise<boolean> {
  const [row] = await em.execute<{ granted: boolean }[]>(
    `select granted from customer_consent where tenant_id = ? and customer_id = ? and purpose = ?`,
    [tenantId, customerId, purpose],
  );
  return consentAllows(purpose, row?.granted);
}

/**
 * The customer's choices per purpose. Only a change is recorded: the same choice again keeps the time and
 * source of the first, and adds nothing to the timeline.
 */
export class ConsentService {
  async set(ctx: Context, input: SetConsentInput): Promise<SetConsentResult> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const request: IdempotentRequest = {
      tenantId,
      scope: IdempotencyScope.CONSENT_CHANGE,
      principal: actor,
      key: idempotencyKeyOf(input.idempotencyKey),
      hash: requestHash('setConsent', input),
    };
    assertMayActOnCustomer(ctx, input.customerId);
    const source = requiredText(input.source, 'input.source', 100);
    const channel = actingChannel(ctx, undefined, 'input');
    const customer = await customerOrNotFound(ctx, input.customerId, 'input.customerId');
    return ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      let changed: boolean;
      if (claim.replayed) {
        // The change, when there was one, is the timeline entry that names the claimed result.
        const [entry] = await tx.execute<{ id: string }[]>(
          `select id from timeline_event where tenant_id = ? and customer_id = ? and ref_type = 'customer_consent' and ref_id = ?`,
          [tenantId, customer.id, claim.resultId],
        );
        changed = entry !== undefined;
      } else {
        const written = await tx.execute<{ granted: boolean }[]>(
          `insert into customer_consent (customer_id, purpose, tenant_id, granted, source, actor, recorded_at)
           values (?, ?, ?, ?, ?, ?, date_trunc('milliseconds', now()))
           on conflict (customer_id, purpose) do update
             set granted = excluded.granted, source = excluded.source, actor = excluded.actor, recorded_at = excluded.recorded_at
             where customer_consent.granted is distinct from excluded.granted
           returning granted`,
          [customer.id, input.purpose, tenantId, input.granted, source, actor],
        );
        changed = written.length > 0;
        if (changed) {
          await recordTimeline(tx, {
            tenantId,
            customerId: customer.id,
            kind: TimelineKind.CONSENT_CHANGED,
            channel,
            actor,
            summary: `Consent to ${input.purpose} ${input.granted ? 'given' : 'refused'} (${source})`,
            data: { purpose: input.purpose, granted: input.granted, source },
            refType: 'customer_consent',
            refId: claim.resultId,
          });
        }
      }
      const [row] = await tx.execute<ConsentRow[]>(
        `select purpose, granted, source, recorded_at from customer_consent where customer_id = ? and purpose = ?`,
        [customer.id, input.purpose],
      );
      ctx.loaders.consentsByCustomer.clear(customer.id);
      return { consent: consentOf(input.purpose, row), changed, replayed: claim.replayed };
    });
  }
}
