import { createHash } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import { type Caller, callerLabel } from './auth/caller';
import { defineErrors, PublicErrorCode } from './errors';

/**
 * Idempotency for every mutation that takes an `idempotencyKey`: claim or replay, by tenant, scope and key,
 * with a hash of the request.
 *
 * How a mutation uses it (one unit of work, rule 2 of the house style):
 * 1. Before any query, `idempotencyKeyOf(input.idempotencyKey)` validates the key and
 *    `requestHash('myMutation', input)` binds it to the whole input (the key itself left out). Values the
 *    caller implies (a POS key's store, the caller's channel) are made explicit in the hashed input, so a
 *    resend that names them replays.
 * 2. Inside the mutation's own transaction, first statement: `claimIdempotencyKey(tx, request)`.
 *    - `{ replayed: false, resultId }`: the key is this request's; create the record the mutation makes with
 *      `id = resultId`, do the work, and commit. If the transaction rolls back, the key is free again.
 *    - `{ replayed: true, resultId }`: the same request committed before (a concurrent retry waited on the
 *      key until it did): build the answer from the record `resultId` names, with `replayed: true`.
 *    - the same key with another request: `CONFLICT`, reason `IDEMPOTENCY_KEY_REUSED`, field
 *      `input.idempotencyKey` (thrown; nothing is applied).
 * 3. A mutation whose answer must replay even when its checks would now fail (the reward closed, the
 *    customer was merged since) calls `findIdempotentResult(ctx.em, request)` before those checks.
 * 4. A hot path that is a single statement folds the claim in as a CTE (`CLAIM_CTE`) and, when the statement
 *    returns nothing, asks `findIdempotentResult` whether the key was taken (see the ledger's earn).
 *
 * Scopes are the namespaces keys live in: one key can be used once per scope and tenant. Each key also
 * belongs to the principal that claimed it (`principalOf(caller)`: the API key, the customer of a customer
 * token, or the platform operator): another principal's reuse is a CONFLICT (`IDEMPOTENCY_KEY_REUSED`),
 * never a replay of someone else's answer. Keys claimed before principals were recorded, and not traced
 * back to the actor of their record, have none: any caller of the tenant may replay them, as before.
 */
export enum IdempotencyScope {
  /** Every direct ledger operation (earn, redeem, adjust, transfer, reverse) shares one namespace. */
  LEDGER = 'ledger',
  PURCHASE = 'purchase',
  PURCHASE_REFUND = 'purchase-refund',
  REWARD_REDEMPTION = 'reward-redemption',
  VOUCHER_CONSUME = 'voucher-consume',
  VOUCHER_CANCEL = 'voucher-cancel',
  CUSTOMER_MERGE = 'customer-merge',
  TIER_GRANT = 'tier-grant',
  TERMS_PUBLISH = 'terms-publish',
  RATE_LIMITS = 'rate-limits',
  CUSTOMER_TOKEN_SECRET_ROTATE = 'customer-token-secret-rotate',
  ROLE_LIMIT = 'role-limit',
  CONTACT_CHANGE = 'contact-change',
  CONSENT_CHANGE = 'consent-change',
  SURVEY_RESPONSE = 'survey-response',
  SUPPORT_CASE_OPEN = 'support-case-open',
  /** Every change to an existing case (acknowledge, start, resolve, reopen, close, note). */
  SUPPORT_CASE_CHANGE = 'support-case-change',
  GOODWILL_GRANT = 'goodwill-grant',
  /** Approving or rejecting a goodwill grant. */
  GOODWILL_DECISION = 'goodwill-decision',
  HEALTH_SETTINGS = 'health-settings',
  CHURN_THRESHOLDS = 'churn-thresholds',
  /** Creating, changing or retiring a playbook. */
  PLAYBOOK_CHANGE = 'playbook-change',
  /** Support teams, routing rules and support settings. */
  SUPPORT_CONFIG = 'support-config',
  /** The root-cause taxonomy and the reviews of closed cases' causes. */
  ROOT_CAUSE = 'root-cause',
  /** Surveys and feedback settings. */
  FEEDBACK_CONFIG = 'feedback-config',
  /** Expected redemption rates (setExpectedRedemptionRate) and the accrual report's bookings. */
  FINANCE_ESTIMATE = 'finance-estimate',
  /** Creating and changing partners and their terms. */
  PARTNER_CONFIG = 'partner-config',
  /** Tax thresholds. */
  TAX_CONFIG = 'tax-config',
  /** A customer's tax identity. */
  TAX_IDENTITY = 'tax-identity',
  /** Erasing a customer's personal data. */
  PRIVACY_ERASURE = 'privacy-erasure',
}

export enum IdempotencyErrorCode {
  IDEMPOTENCY_KEY_INVALID = 'IDEMPOTENCY_KEY_INVALID',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

/** The errors of the mechanism; every domain raises these, so `extensions.reason` is the same everywhere. */
export const idempotencyError = defineErrors<IdempotencyErrorCode>({
  IDEMPOTENCY_KEY_INVALID: PublicErrorCode.BAD_USER_INPUT,
  IDEMPOTENCY_KEY_REUSED: PublicErrorCode.CONFLICT,
});

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** An idempotency key as every write stores it: trimmed, 1 to 200 characters; IDEMPOTENCY_KEY_INVALID otherwise. */
export function idempotencyKeyOf(value: string, field = 'input.idempotencyKey'): string {
  const key = value.trim();
  if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    throw idempotencyError(
      IdempotencyErrorCode.IDEMPOTENCY_KEY_INVALID,
      `${field} must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
      field,
    );
  return key;
}

/** Stable JSON: object keys sorted, dates as ISO strings, undefined and null dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What an idempotency key is bound to: the operation and its whole input except the key itself, as
 * SHA-256 hex of `<operation>:<canonical JSON>`. Stored hashes are compared with it, so it never changes.
 */
export function requestHash(operation: string, input: object): string {
  const rest: Record<string, unknown> = { ...input };
  delete rest.idempotencyKey;
  return createHash('sha256')
    .update(`${operation}:${canonicalJson(rest)}`)
    .digest('hex');
}

/** Who owns the keys a caller claims: the same label the records' `actor` columns hold. */
export function principalOf(caller: Caller): string {
  return callerLabel(caller);
}

/** One keyed request: whose key, in which namespace, bound to which request. */
export interface IdempotentRequest {
  tenantId: string;
  /** `principalOf(caller)`: only this principal may replay the key. */
  principal: string;
  scope: IdempotencyScope;
  /** Validated by `idempotencyKeyOf`. */
  key: string;
  /** `requestHash` of the request. */
  hash: string;
  /** The field named by a CONFLICT; `input.idempotencyKey` unless the API calls it otherwise. */
  field?: string;
}

/** The key is this request's (do the work, as `resultId`), or the same request committed it before (replay). */
export type IdempotencyClaim = { replayed: false; resultId: string } | { replayed: true; resultId: string };

/**
 * Claims the key in the caller's transaction, as its first statement. A concurrent claim of the same key
 * waits on the row until this transaction ends: it then replays (commit) or claims it itself (rollback).
 * The result id is chosen here (time-ordered), so the record the mutation creates can take it as its id;
 * a mutation that changes a record which exists already (a voucher being used) passes that record's id.
 */
export async function claimIdempotencyKey(
  tx: EntityManager,
  request: IdempotentRequest,
  existingRecordId?: string,
): Promise<IdempotencyClaim> {
  const [claimed] = await tx.execute<{ result_id: string }[]>(
    `insert into idempotency_key (tenant_id, scope, key, principal, request_hash, result_id, created_at)
     values (?, ?, ?, ?, ?, coalesce(?::uuid, uuid_generate_v7()), now())
     on conflict do nothing returning result_id`,
    [request.tenantId, request.scope, request.key, request.principal, request.hash, existingRecordId ?? null],
  );
  if (claimed) return { replayed: false, resultId: claimed.result_id };
  const stored = await findIdempotentResult(tx, request);
  // The row that stopped the insert committed (it was waited for), so the next statement sees it.
  if (!stored) throw new Error(`idempotency key ${request.scope}/${request.key} taken but not readable`);
  return { replayed: true, resultId: stored };
}

/** What idempotency_key holds for a taken key. */
export interface StoredClaim {
  principal: string | null;
  request_hash: string;
  result_id: string;
}

/**
 * The result an earlier request with this key committed, or null if the key is free. CONFLICT
 * (IDEMPOTENCY_KEY_REUSED) when another principal claimed it, or when that request was another one.
 * Reads only: claim in the transaction.
 */
export async function findIdempotentResult(em: EntityManager, request: IdempotentRequest): Promise<string | null> {
  const [stored] = await em.execute<StoredClaim[]>(
    `select principal, request_hash, result_id from idempotency_key where tenant_id = ? and scope = ? and key = ?`,
    [request.tenantId, request.scope, request.key],
  );
  return resultOfClaim(stored, request);
}

/**
 * findIdempotentResult's answer for a claim read by a store's own statement (one that reads the result's row in
 * the same round trip): the one place that decides replay or CONFLICT.
 */
export function resultOfClaim(stored: StoredClaim | undefined, request: IdempotentRequest): string | null {
  if (!stored) return null;
  // Before the hash: another caller learns nothing about the request the key was used for.
  if (stored.principal !== null && stored.principal !== request.principal) {
    throw idempotencyError(
      IdempotencyErrorCode.IDEMPOTENCY_KEY_REUSED,
      'This idempotency key was used by another caller; choose a new one',
      request.field ?? 'input.idempotencyKey',
    );
  }
  if (stored.request_hash !== request.hash) {
    throw idempotencyError(
      IdempotencyErrorCode.IDEMPOTENCY_KEY_REUSED,
      'This idempotency key was used for a different request',
      request.field ?? 'input.idempotencyKey',
    );
  }
  return stored.result_id;
}

/**
 * The claim as a CTE named `claim` for a single-statement write: it returns `result_id` only when the key
 * was free, so the statement's other parts select from `claim` and do nothing otherwise. Its parameters,
 * `claimParams(request)`, come where the CTE is placed. An empty answer is then settled by
 * `findIdempotentResult` (replay, CONFLICT, or null: the key was free and the write found nothing to do).
 * `source` is a FROM clause the claim depends on (e.g. the row the write needs), or `(select 1) one`.
 */
export function claimCte(source: string): string {
  return `claim as (
    insert into idempotency_key (tenant_id, scope, key, principal, request_hash, result_id, created_at)
    select ?::uuid, ?, ?, ?, ?, uuid_generate_v7(), now() from ${source}
    on conflict do nothing returning result_id
  )`;
}

/**
 * `claimCte` for a statement that books several requests at once (the ledger's grouped earns): one claim per
 * row of `source`, a FROM clause whose rows hold `tenant_id, scope, key, principal, request_hash` (at most one
 * row per key), claimed in the order it gives. Returns `tenant_id, scope, key, result_id` of the keys that
 * were free; a row without its key in `claim` is settled by `findIdempotentResult`, like an empty `claimCte`.
 */
export function claimBatchCte(source: string): string {
  return `claim as (
    insert into idempotency_key (tenant_id, scope, key, principal, request_hash, result_id, created_at)
    select tenant_id, scope, key, principal, request_hash, uuid_generate_v7(), now() from ${source}
    on conflict do nothing returning tenant_id, scope, key, result_id
  )`;
}

export function claimParams(request: IdempotentRequest): unknown[] {
  return [request.tenantId, request.scope, request.key, request.principal, request.hash];
}
