import { UniqueConstraintViolationException } from '@mikro-orm/core';

import { requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { accessError, AccessErrorCode, limitError } from '../shared/errors';
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  principalOf,
  requestHash,
} from '../shared/idempotency';
import { normalizeEmail, normalizePhone } from './contact';
import type { ContactNotifier } from './contact-notifier';
import {
  contactCodeMatches,
  ContactKind,
  hashContactCode,
  newContactCode,
  normalizeContactCode,
} from './contact-verification.logic';
import type {
  ConfirmContactChangeInput,
  ContactChangeRequest,
  RequestContactChangeInput,
} from './contact-verification.types';
import type { CustomerRecord } from './customer.entity';
import { customerError, CustomerErrorCode } from './customer.errors';
import { customerOrNotFound } from './customer.lookup';
import type { CustomerService } from './customer.service';

export interface ContactVerificationOptions {
  readonly codeTtlMinutes: number;
  readonly maxAttempts: number;
  /** Codes a customer may ask for per kind in an hour: with `maxAttempts`, the guesses an hour allows. */
  readonly requestsPerHour: number;
}

interface VerificationRow {
  id: string;
  kind: ContactKind;
  value: string;
  code_hash: string;
  attempts: number;
  expires_at: Date;
  confirmed_at: Date | null;
  closed_at: Date | null;
}

/** What a confirmation decided in its transaction; errors are raised after it commits, so attempts count. */
type Confirmation =
  { ok: true } | { ok: false; reason: 'invalid'; attemptsLeft: number } | { ok: false; reason: 'expired' | 'taken' };

function contactValue(kind: ContactKind, raw: string): string {
  const result = kind === ContactKind.EMAIL ? normalizeEmail(raw) : normalizePhone(raw);
  if (!result.ok)
    throw customerError(
      kind === ContactKind.EMAIL ? CustomerErrorCode.EMAIL_INVALID : CustomerErrorCode.PHONE_INVALID,
      result.reason,
      'input.value',
    );
  return result.value;
}

/** The calling customer: these mutations change one's own profile, so only a customer token has one. */
function ownCustomerId(ctx: Context): string {
  const caller = requireCaller(ctx);
  if (caller.kind !== 'customer')
    throw accessError(AccessErrorCode.ROLE_FORBIDDEN, 'Only a customer token changes its own contacts this way');
  return caller.customerId;
}

/**
 * A customer's own email or phone changes in two steps: a request stores the new value as pending and sends a
 * one-time code to it; the code confirms it onto the profile. Until then it identifies nobody, and neither
 * step tells the caller whether another member has the value (only the holder of the code learns it).
 */
export class ContactVerificationService {
  constructor(
    private readonly customers: CustomerService,
    private readonly notifier: ContactNotifier,
    private readonly options: ContactVerificationOptions,
  ) {}

  async request(ctx: Context, input: RequestContactChangeInput): Promise<ContactChangeRequest> {
    const tenantId = requireTenant(ctx);
    const customer = await customerOrNotFound(ctx, ownCustomerId(ctx), 'input');
    const key = idempotencyKeyOf(input.idempotencyKey);
    const value = contactValue(input.kind, input.value);
    const request: IdempotentRequest = {
      tenantId,
      scope: IdempotencyScope.CONTACT_CHANGE,
      principal: principalOf(requireCaller(ctx)),
      key,
      hash: requestHash('requestContactChange', { kind: input.kind, value, customerId: customer.id }),
    };
    const code = newContactCode();
    const expiresAt = new Date(Date.now() + this.options.codeTtlMinutes * 60_000);
    // Nothing here reads who holds the value: the work, the answer and its timing are the same either way.
    const claim = await ctx.em.transactional(async (tx) => {
      const claimed = await claimIdempotencyKey(tx, request);
      if (claimed.replayed) return claimed;
      // Each code allows a few guesses, so the codes themselves are rationed: a new code every request would
      // let a customer guess on until a value they do not own verifies. The row lock (which earns do not
      // wait for) makes concurrent requests count one after another.
      await tx.execute(`select 1 from customer where id = ? for no key update`, [customer.id]);
      const [recent] = await tx.execute<{ count: string; oldest: Date | null }[]>(
        `select count(*) as count, min(created_at) as oldest from contact_verification
          where customer_id = ? and kind = ? and created_at > now() - interval '1 hour'`,
        [customer.id, input.kind],
      );
      if (Number(recent.count) >= this.options.requestsPerHour) {
        const freesAt = new Date(recent.oldest!).getTime() + 3_600_000;
        throw limitError.rateLimited(Math.max(1, Math.ceil((freesAt - Date.now()) / 1000)));
      }
      // One pending change per kind: a new request voids the code sent before.
      await tx.execute(
        `update contact_verification set closed_at = now()
          where customer_id = ? and kind = ? and confirmed_at is null and closed_at is null`,
        [customer.id, input.kind],
      );
      await tx.execute(
        `insert into contact_verification (id, tenant_id, customer_id, kind, value, code_hash, expires_at)
         values (?, ?, ?, ?, ?, ?, ?)`,
        [
          claimed.resultId,
          tenantId,
          customer.id,
          input.kind,
          value,
          hashContactCode(claimed.resultId, code),
          expiresAt,
        ],
      );
      return claimed;
    });
    if (claim.replayed) {
      const [row] = await ctx.em.execute<{ kind: ContactKind; expires_at: Date }[]>(
        `select kind, expires_at from contact_verification where id = ? and tenant_id = ?`,
        [claim.resultId, tenantId],
      );
      return { kind: row.kind, expiresAt: new Date(row.expires_at), replayed: true };
    }
    this.notifier.send({
      verificationId: claim.resultId,
      tenantId,
      customerId: customer.id,
      kind: input.kind,
      address: value,
      code,
      expiresAt,
    });
    return { kind: input.kind, expiresAt, replayed: false };
  }

  /**
   * Confirms the latest pending change of a kind with its code. Wrong codes count (the count commits even
   * though the answer is an error); a code confirmed once confirms again without changing anything, so a
   * retry after a lost answer is harmless without an idempotency key.
   */
  async confirm(ctx: Context, input: ConfirmContactChangeInput): Promise<CustomerRecord> {
    const tenantId = requireTenant(ctx);
    const customer = await customerOrNotFound(ctx, ownCustomerId(ctx), 'input');
    const code = normalizeContactCode(input.code);
    if (!code) throw customerError(CustomerErrorCode.CONTACT_CODE_INVALID, 'The code is 6 digits', 'input.code');
    let outcome: Confirmation;
    try {
      outcome = await ctx.em.transactional((tx) => this.decide(tx, tenantId, customer.id, input.kind, code));
    } catch (error) {
      // Another member took the value between the check and the write.
      if (error instanceof UniqueConstraintViolationException) outcome = { ok: false, reason: 'taken' };
      else throw error;
    }
    if (!outcome.ok) {
      if (outcome.reason === 'invalid')
        throw customerError(
          CustomerErrorCode.CONTACT_CODE_INVALID,
          `That is not the code sent; ${outcome.attemptsLeft} attempt(s) left`,
          'input.code',
        );
      if (outcome.reason === 'taken')
        throw customerError(
          CustomerErrorCode.CONTACT_TAKEN,
          'Another member has this contact; it was not added to your profile',
          'input.code',
        );
      throw customerError(
        CustomerErrorCode.CONTACT_CODE_EXPIRED,
        'No pending change has this code any more (expired, used up or replaced); request a new one',
        'input.code',
      );
    }
    ctx.loaders.customerById.clear(customer.id);
    ctx.loaders.identifiersByCustomer.clear(customer.id);
    return (await ctx.loaders.customerById.load(customer.id))!;
  }

  private async decide(
    tx: Context['em'],
    tenantId: string,
    customerId: string,
    kind: ContactKind,
    code: string,
  ): Promise<Confirmation> {
    // Locked, so concurrent guesses are counted one after the other.
    const [row] = await tx.execute<VerificationRow[]>(
      `select id, kind, value, code_hash, attempts, expires_at, confirmed_at, closed_at from contact_verification
        where tenant_id = ? and customer_id = ? and kind = ? order by created_at desc limit 1 for update`,
      [tenantId, customerId, kind],
    );
    if (!row) return { ok: false, reason: 'expired' };
    const matches = contactCodeMatches(row.id, code, row.code_hash);
    if (row.confirmed_at) return matches ? { ok: true } : { ok: false, reason: 'expired' };
    if (row.closed_at || new Date(row.expires_at) <= new Date() || row.attempts >= this.options.maxAttempts)
      return { ok: false, reason: 'expired' };
    if (!matches) {
      await tx.execute(`update contact_verification set attempts = attempts + 1 where id = ?`, [row.id]);
      return { ok: false, reason: 'invalid', attemptsLeft: this.options.maxAttempts - row.attempts - 1 };
    }
    const column = kind === ContactKind.EMAIL ? 'email' : 'phone';
    const [holder] = await tx.execute<{ customer_id: string }[]>(
      `select customer_id from customer_identifier where tenant_id = ? and kind = ? and value = ? and customer_id <> ?
       union all
       select id from customer where tenant_id = ? and ${column} = ? and id <> ?
       limit 1`,
      [tenantId, kind, row.value, customerId, tenantId, row.value, customerId],
    );
    if (holder) {
      await tx.execute(`update contact_verification set closed_at = now() where id = ?`, [row.id]);
      return { ok: false, reason: 'taken' };
    }
    await tx.execute(`update contact_verification set confirmed_at = now() where id = ?`, [row.id]);
    await this.customers.applyVerifiedContact(tx, tenantId, customerId, { [column]: row.value });
    return { ok: true };
  }
}
