import type { EntityManager } from '@mikro-orm/postgresql';

import { type Caller, callerLabel } from '../shared/auth/caller';
import {
  actingChannel,
  assertAtOwnStore,
  assertMayActOnCustomer,
  boundStore,
  requireCaller,
  requireTenant,
} from '../shared/auth/guards';
import { chargeGrant, checkGrant } from '../shared/auth/limits';
import type { Context } from '../shared/context';
import {
  claimIdempotencyKey,
  idempotencyError,
  IdempotencyErrorCode,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  principalOf,
  requestHash,
  resultOfClaim,
} from '../shared/idempotency';
import { isUuid, optionalText, requiredText } from '../shared/validation';
import type { EarnBatcher } from './earn.batcher';
import { earnStatement, findClaimedTransaction } from './earn.store';
import { Account, PointsOrigin, TransactionKind } from './ledger.entity';
import { ledgerError, LedgerErrorCode } from './ledger.errors';
import { forgetBalances } from './ledger.loaders';
import { toPointsResult } from './ledger.mapping';
import { type BalanceRow, type Header, points } from './ledger.model';
import { reverseWork } from './ledger.reversal';
import {
  assertNotMerged,
  consumeLots,
  copyTakes,
  createLot,
  credit,
  debit,
  entries,
  findTransaction,
  insertHeader,
  lockBalancePair,
  recordBalanceAfter,
} from './ledger.store';
import { onTimeline } from './ledger.timeline';
import type {
  AdjustPointsInput,
  EarnPointsInput,
  PointsResult,
  RedeemPointsInput,
  ReverseTransactionInput,
  TransferPointsInput,
} from './ledger.types';

/** Keys the gateway derives for bookings made inside other domains' records; a client may not take them first. */
const RESERVED_KEY = /^(purchase|voucher|voucher-cancel|refund|merge|unmerge):/;

/** A client's key for a direct ledger operation, in the ledger's one namespace. */
function ledgerRequest(tenantId: string, caller: Caller, rawKey: string, hash: string): IdempotentRequest {
  const key = idempotencyKeyOf(rawKey);
  if (RESERVED_KEY.test(key)) {
    throw idempotencyError(
      IdempotencyErrorCode.IDEMPOTENCY_KEY_INVALID,
      'Keys starting with purchase:, voucher:, voucher-cancel:, refund:, merge: or unmerge: are reserved',
      'input.idempotencyKey',
    );
  }
  return { tenantId, principal: principalOf(caller), scope: IdempotencyScope.LEDGER, key, hash };
}

/**
 * The ledger's public operations, and the only writer of points. Every operation is one database transaction that
 *   1. claims its idempotency key first (so a concurrent retry with the same key waits on it and then
 *      replays, before either holds a balance lock), then inserts its header,
 *   2. changes the customer's balance row with one conditional UPDATE (`available >= n`): the row lock it
 *      takes orders all writers of that customer until commit, so there is no read-then-write race and
 *      no lost update; transfers lock their two rows in id order, so they cannot deadlock,
 *   3. moves lots and writes the balanced entries, then records the balance after on the header.
 * Program accounts get entries but no balance row, so earns of different customers never wait on each other.
 * The SQL primitives are in ledger.store; bookings inside other domains' transactions in ledger.bookings.
 */
export class LedgerService {
  /** `earns`: group commit for the earns with a client's key and no daily limit. */
  constructor(private readonly earns: EarnBatcher) {}

  async earn(ctx: Context, input: EarnPointsInput): Promise<PointsResult> {
    const amount = points(input.points, 'input.points');
    const reason = requiredText(input.reason, 'input.reason', 500);
    const now = new Date();
    if (input.pendingUntil && Number.isNaN(input.pendingUntil.getTime())) {
      throw ledgerError(LedgerErrorCode.DATE_INVALID, 'input.pendingUntil is not a date', 'input.pendingUntil');
    }
    if (input.expiresAt && input.expiresAt <= now) {
      throw ledgerError(LedgerErrorCode.DATE_INVALID, 'input.expiresAt must be in the future', 'input.expiresAt');
    }
    if (input.expiresAt && input.pendingUntil && input.expiresAt <= input.pendingUntil) {
      throw ledgerError(
        LedgerErrorCode.DATE_INVALID,
        'input.expiresAt must be after input.pendingUntil',
        'input.expiresAt',
      );
    }
    const tenantId = requireTenant(ctx);
    assertMayActOnCustomer(ctx, input.customerId);
    if (!isUuid(input.customerId))
      throw ledgerError(LedgerErrorCode.CUSTOMER_NOT_FOUND, `No customer ${input.customerId}`, 'input.customerId');
    const caller = requireCaller(ctx);
    const request = ledgerRequest(tenantId, caller, input.idempotencyKey, requestHash('earnPoints', input));
    const channel = actingChannel(ctx, input.channel, 'input.channel');
    const grant = await checkGrant(ctx, caller, amount, 'input.points');
    const pending = input.pendingUntil !== undefined && input.pendingUntil !== null && input.pendingUntil > now;
    const booking = {
      tenantId,
      customerId: input.customerId,
      points: amount,
      reason,
      channel,
      storeId: boundStore(caller) ?? null,
      actor: callerLabel(caller),
      key: request.key,
      claim: request,
      pendingUntil: pending ? input.pendingUntil! : null,
      expiresAt: input.expiresAt ?? null,
      timeline: true,
      origin: PointsOrigin.BONUS,
    };
    // A daily limit counts the grant in the earn's transaction; unlimited callers' earns are grouped.
    const rows = grant
      ? await ctx.em.transactional(async (tx) => {
          const booked = await earnStatement(tx, booking);
          if (booked.length > 0) await chargeGrant(tx, grant);
          return booked;
        })
      : await this.earns.book(booking, () => earnStatement(ctx.em, booking));
    forgetBalances(ctx);
    if (rows.length > 0) return toPointsResult(rows[0], false);
    // Nothing booked: the key was taken (answered from the first booking), or the customer is unknown.
    const taken = await findClaimedTransaction(ctx.em, request);
    if (resultOfClaim(taken?.claim, request)) {
      if (!taken?.transaction)
        throw new Error(`idempotency key result ${taken?.claim.result_id} is no ledger transaction`);
      return toPointsResult(taken.transaction, true);
    }
    throw ledgerError(LedgerErrorCode.CUSTOMER_NOT_FOUND, `No customer ${input.customerId}`, 'input.customerId');
  }

  async redeem(ctx: Context, input: RedeemPointsInput): Promise<PointsResult> {
    const amount = points(input.points, 'input.points');
    const reason = requiredText(input.reason, 'input.reason', 500);
    const customerId = await this.customer(ctx, input.customerId, 'input.customerId');
    return this.book(
      ctx,
      input.idempotencyKey,
      requestHash('redeemPoints', input),
      {
        kind: TransactionKind.REDEEM,
        customerId,
        points: amount,
        reason,
        channel: actingChannel(ctx, input.channel, 'input.channel'),
      },
      async (tx, txnId, tenantId) => {
        const balance = await debit(tx, customerId, {
          available: amount,
          lifetimeRedeemed: amount,
          activity: new Date(),
        });
        await consumeLots(tx, customerId, txnId, amount);
        await entries(tx, tenantId, txnId, [
          [Account.CUSTOMER_AVAILABLE, customerId, -amount],
          [Account.PROGRAM_REDEEMED, null, amount],
        ]);
        return balance;
      },
    );
  }

  async adjust(ctx: Context, input: AdjustPointsInput): Promise<PointsResult> {
    const amount = points(input.points, 'input.points', true);
    const reasonCode = requiredText(input.reasonCode, 'input.reasonCode', 500).toUpperCase();
    const reason = requiredText(input.reason, 'input.reason', 500);
    const customerId = await this.customer(ctx, input.customerId, 'input.customerId');
    // Taking points away is not a grant: only upward adjustments count against the caller's limits.
    const grant = amount > 0 ? await checkGrant(ctx, requireCaller(ctx), amount, 'input.points') : null;
    return this.book(
      ctx,
      input.idempotencyKey,
      requestHash('adjustPoints', input),
      {
        kind: TransactionKind.ADJUST,
        customerId,
        points: Math.abs(amount),
        reason,
        reasonCode,
      },
      async (tx, txnId, tenantId) => {
        let balance: BalanceRow;
        if (amount > 0) {
          balance = await credit(tx, tenantId, customerId, { available: amount });
          await createLot(tx, tenantId, customerId, txnId, amount, null, 'policy', PointsOrigin.ADJUSTMENT);
          if (grant) await chargeGrant(tx, grant);
        } else {
          balance = await debit(tx, customerId, { available: -amount });
          await consumeLots(tx, customerId, txnId, -amount);
        }
        await entries(tx, tenantId, txnId, [
          [Account.CUSTOMER_AVAILABLE, customerId, amount],
          [Account.PROGRAM_ADJUSTMENTS, null, -amount],
        ]);
        return balance;
      },
    );
  }

  async transfer(ctx: Context, input: TransferPointsInput): Promise<PointsResult> {
    const amount = points(input.points, 'input.points');
    const from = await this.customer(ctx, input.fromCustomerId, 'input.fromCustomerId');
    const to = await this.customer(ctx, input.toCustomerId, 'input.toCustomerId', true);
    if (from === to)
      throw ledgerError(
        LedgerErrorCode.SAME_CUSTOMER,
        'A customer cannot transfer points to themself',
        'input.toCustomerId',
      );
    const reason = optionalText(input.reason, 'input.reason', 500) ?? 'transfer';
    return this.book(
      ctx,
      input.idempotencyKey,
      requestHash('transferPoints', input),
      {
        kind: TransactionKind.TRANSFER,
        customerId: from,
        counterpartyId: to,
        points: amount,
        reason,
      },
      async (tx, txnId, tenantId) => {
        await lockBalancePair(tx, tenantId, from, to);
        const balance = await debit(tx, from, { available: amount });
        const takes = await consumeLots(tx, from, txnId, amount);
        // The points keep their expiry dates, origins and cohorts on the receiving side.
        await copyTakes(tx, takes, to, txnId);
        await credit(tx, tenantId, to, { available: amount });
        await entries(tx, tenantId, txnId, [
          [Account.CUSTOMER_AVAILABLE, from, -amount],
          [Account.CUSTOMER_AVAILABLE, to, amount],
        ]);
        return balance;
      },
    );
  }

  async reverse(ctx: Context, input: ReverseTransactionInput): Promise<PointsResult> {
    const tenantId = requireTenant(ctx);
    if (input.points !== undefined && input.points !== null) points(input.points, 'input.points');
    const original = isUuid(input.transactionId)
      ? await findTransaction(ctx.em, tenantId, input.transactionId)
      : undefined;
    if (!original)
      throw ledgerError(
        LedgerErrorCode.TRANSACTION_NOT_FOUND,
        `No transaction ${input.transactionId}`,
        'input.transactionId',
      );
    if (original.kind !== TransactionKind.EARN && original.kind !== TransactionKind.REDEEM) {
      throw ledgerError(
        LedgerErrorCode.NOT_REVERSIBLE,
        `A ${original.kind} transaction is corrected with an adjustment, not reversed`,
        'input.transactionId',
      );
    }
    // Points booked for a purchase or a voucher are undone with it, so the purchase or voucher stays in step.
    if (original.idempotency_key?.startsWith('purchase:')) {
      throw ledgerError(
        LedgerErrorCode.NOT_REVERSIBLE,
        'The points of a recorded purchase come back with refundPurchase',
        'input.transactionId',
      );
    }
    if (original.idempotency_key?.startsWith('voucher:')) {
      throw ledgerError(
        LedgerErrorCode.NOT_REVERSIBLE,
        "A reward redemption's points come back with cancelVoucher",
        'input.transactionId',
      );
    }
    assertMayActOnCustomer(ctx, original.customer_id!);
    assertAtOwnStore(ctx, original.store_id, 'input.transactionId');
    // A profile merged since has its points with the survivor: the reversal is booked there.
    const customerId = (await ctx.loaders.customerById.load(original.customer_id!))?.id ?? original.customer_id!;
    const reason =
      optionalText(input.reason, 'input.reason', 500) ?? `reversal of ${original.kind.toLowerCase()} ${original.id}`;
    return this.book(
      ctx,
      input.idempotencyKey,
      requestHash('reverseTransaction', input),
      {
        kind: TransactionKind.REVERSAL,
        customerId,
        points: input.points ?? 0,
        reason,
        reversesId: original.id,
      },
      (tx, txnId, tenantIdInTx) => reverseWork(tx, tenantIdInTx, original, txnId, input.points ?? undefined),
    );
  }

  /**
   * Checks the customer belongs to the caller's tenant (and is the caller, for a customer token) and was not
   * erased. The request's customer loader is tenant-scoped and answers a merged profile's id with its survivor.
   */
  private async customer(ctx: Context, id: string, field: string, receiving = false): Promise<string> {
    requireTenant(ctx);
    // A customer may send points to anyone of the tenant, but act only on their own account.
    if (!receiving) assertMayActOnCustomer(ctx, id);
    const customer = isUuid(id) ? await ctx.loaders.customerById.load(id) : null;
    if (!customer || customer.erasedAt)
      throw ledgerError(LedgerErrorCode.CUSTOMER_NOT_FOUND, `No customer ${id}`, field);
    return customer.id;
  }

  private async book(
    ctx: Context,
    rawKey: string,
    hash: string,
    header: Header,
    work: (tx: EntityManager, txnId: string, tenantId: string) => Promise<BalanceRow>,
  ): Promise<PointsResult> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    const request = ledgerRequest(tenantId, caller, rawKey, hash);
    const result = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) return this.replay(tx, tenantId, claim.resultId);
      const [row] = await insertHeader(tx, tenantId, header, {
        id: claim.resultId,
        actor: callerLabel(caller),
        channel: actingChannel(ctx, header.channel, 'input.channel'),
        storeId: boundStore(caller) ?? null,
        idempotencyKey: request.key,
        requestHash: request.hash,
      });
      if (!row) throw new Error(`ledger key ${request.key} is on another transaction`);
      await assertNotMerged(tx, [header.customerId, header.counterpartyId]);
      const balance = await work(tx, row.id, tenantId);
      const booked = await recordBalanceAfter(tx, row.id, balance);
      await onTimeline(tx, booked);
      return toPointsResult(booked, false);
    });
    forgetBalances(ctx);
    return result;
  }

  /** The answer of the booking an earlier request with the same key made. */
  private async replay(em: EntityManager, tenantId: string, transactionId: string): Promise<PointsResult> {
    const row = await findTransaction(em, tenantId, transactionId);
    if (!row) throw new Error(`idempotency key result ${transactionId} is no ledger transaction`);
    return toPointsResult(row, true);
  }
}
