import { DeadlockException, LockWaitTimeoutException } from '@mikro-orm/core';

import type { PurchaseService } from '../earning/purchase.service';
import type { RewardService } from '../rewards/reward.service';
import { actingStore, requireTenant } from '../shared/auth/guards';
import { Channel } from '../shared/channel';
import type { Context } from '../shared/context';
import { AppError, inputError, InputErrorCode, PublicErrorCode } from '../shared/errors';
import { isUuid } from '../shared/validation';
import {
  type OfflineOperationInput,
  type OfflineOperationResult,
  OfflineOperationType,
  OfflineOutcome,
  type OfflineSyncResult,
  type OperationError,
} from './offline-sync.types';

export const MAX_OFFLINE_BATCH = 200;

/**
 * What the services call a field, in an operation's own terms: a voucher use's `code` is its `voucherCode`;
 * a redemption short of points is about the customer whose points they are; the store is the batch's.
 */
const FIELD_IN_OPERATION: Record<OfflineOperationType, Record<string, string>> = {
  PURCHASE: { points: 'customerId' },
  REDEEM_REWARD: { points: 'customerId', channel: 'type' },
  CONSUME_VOUCHER: { code: 'voucherCode' },
};

/** A domain error about `input.x` of one operation is reported as `operations.<i>.x`, in the operation's terms. */
export function operationError(error: unknown, index: number, type: OfflineOperationType): OperationError | null {
  const at = (field: string | undefined) => {
    if (!field) return `operations.${index}`;
    const name = field.replace(/^input\./, '');
    if (name === 'storeId') return 'storeId';
    return `operations.${index}.${FIELD_IN_OPERATION[type][name] ?? name}`;
  };
  if (error instanceof AppError) {
    return { code: String(error.publicCode), reason: error.reason, field: at(error.field), message: error.message };
  }
  if (error instanceof DeadlockException || error instanceof LockWaitTimeoutException) {
    return {
      code: PublicErrorCode.CONFLICT,
      reason: 'CONCURRENT_UPDATE',
      field: at(undefined),
      message: 'Another request held the same rows; nothing was applied: send the batch again',
    };
  }
  return null;
}

function missing(type: OfflineOperationType, field: string) {
  return inputError(InputErrorCode.INVALID, `A ${type} operation needs ${field}`, `input.${field}`);
}

/**
 * Replays what a till queued while offline, in order, each operation in its own transaction under its own
 * idempotency key: a resend of the batch (the till never saw the answer) books nothing twice, and each
 * operation gets its own result. This is the same write path as online, so offline is never a second way in.
 */
export class OfflineSyncService {
  constructor(
    private readonly purchases: PurchaseService,
    private readonly rewards: RewardService,
  ) {}

  async sync(ctx: Context, storeId: string, operations: OfflineOperationInput[]): Promise<OfflineSyncResult> {
    requireTenant(ctx);
    const atStore = actingStore(ctx, storeId, 'storeId')!;
    const store = isUuid(atStore) ? await ctx.loaders.storeById.load(atStore) : null;
    if (!store) throw inputError(InputErrorCode.NOT_FOUND, `No store ${atStore}`, 'storeId');
    if (operations.length === 0 || operations.length > MAX_OFFLINE_BATCH) {
      throw inputError(InputErrorCode.INVALID, `Send 1 to ${MAX_OFFLINE_BATCH} operations per batch`, 'operations');
    }
    const results: OfflineOperationResult[] = [];
    for (const [index, operation] of operations.entries()) {
      const base = { index, idempotencyKey: operation.idempotencyKey, type: operation.type };
      try {
        results.push({ ...base, ...(await this.apply(ctx, store.id, operation)) });
      } catch (error) {
        const reported = operationError(error, index, operation.type);
        if (!reported) {
          ctx.log.error({ err: error, index }, 'offline operation failed unexpectedly');
          results.push({
            ...base,
            outcome: OfflineOutcome.REJECTED,
            error: {
              code: PublicErrorCode.INTERNAL_SERVER_ERROR,
              field: `operations.${index}`,
              message: 'Unexpected error; send the batch again later',
            },
          });
          continue;
        }
        results.push({ ...base, outcome: OfflineOutcome.REJECTED, error: reported });
      }
    }
    const count = (outcome: OfflineOutcome) => results.filter((result) => result.outcome === outcome).length;
    return {
      applied: count(OfflineOutcome.APPLIED),
      alreadyApplied: count(OfflineOutcome.ALREADY_APPLIED),
      rejected: count(OfflineOutcome.REJECTED),
      results,
    };
  }

  private async apply(
    ctx: Context,
    storeId: string,
    operation: OfflineOperationInput,
  ): Promise<Pick<OfflineOperationResult, 'outcome' | 'purchase' | 'voucher'>> {
    const outcome = (replayed: boolean) => (replayed ? OfflineOutcome.ALREADY_APPLIED : OfflineOutcome.APPLIED);
    switch (operation.type) {
      case OfflineOperationType.PURCHASE: {
        if (!operation.customerId) throw missing(operation.type, 'customerId');
        if (!operation.orderId) throw missing(operation.type, 'orderId');
        if (!operation.lines?.length) throw missing(operation.type, 'lines');
        const purchase = await this.purchases.record(ctx, {
          customerId: operation.customerId,
          storeId,
          channel: Channel.POS,
          orderId: operation.orderId,
          lines: operation.lines,
          occurredAt: operation.occurredAt,
          idempotencyKey: operation.idempotencyKey,
        });
        return { outcome: outcome(purchase.replayed), purchase };
      }
      case OfflineOperationType.REDEEM_REWARD: {
        if (!operation.customerId) throw missing(operation.type, 'customerId');
        if (!operation.rewardId) throw missing(operation.type, 'rewardId');
        const redeemed = await this.rewards.redeem(ctx, {
          customerId: operation.customerId,
          rewardId: operation.rewardId,
          channel: Channel.POS,
          idempotencyKey: operation.idempotencyKey,
        });
        return { outcome: outcome(redeemed.replayed), voucher: redeemed.voucher };
      }
      case OfflineOperationType.CONSUME_VOUCHER: {
        if (!operation.voucherCode) throw missing(operation.type, 'voucherCode');
        const consumed = await this.rewards.consumeWithOutcome(ctx, {
          code: operation.voucherCode,
          storeId,
          idempotencyKey: operation.idempotencyKey,
        });
        return { outcome: outcome(consumed.replayed), voucher: consumed.voucher };
      }
    }
  }
}
