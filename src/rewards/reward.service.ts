// Over 400 lines because the catalogue and the voucher lifecycle (redeem, use, cancel) share the reward's stock
// and lock order; the voucher lifecycle is the cut to make when it grows again.
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { pointsHolder } from '../accounts/points-holder';
import { customerOrNotFound } from '../customers/customer.lookup';
import type { LedgerBookings } from '../ledger/ledger.bookings';
import type { ProgramService } from '../program/program.service';
import { effectiveTier } from '../program/tier.service';
import { callerLabel, callerRole } from '../shared/auth/caller';
import {
  actingChannel,
  actingStore,
  assertMayActOnCustomer,
  assertRole,
  boundStore,
  requireCaller,
  requireTenant,
} from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import { defaultChannel } from '../shared/channel';
import type { Context } from '../shared/context';
import {
  claimIdempotencyKey,
  findIdempotentResult,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  principalOf,
  requestHash,
} from '../shared/idempotency';
import { isUuid, requiredText } from '../shared/validation';
import { recordTimeline, TIMELINE_COLUMNS } from '../timeline/timeline';
import { TimelineKind } from '../timeline/timeline.entity';
import { Reward, RewardGuardrailOverride, RewardStatus, VoucherStatus } from './reward.entity';
import { rewardError, RewardErrorCode } from './reward.errors';
import type {
  CancelVoucherInput,
  ConsumeVoucherInput,
  RedeemRewardInput,
  RedeemRewardResult,
  RewardInput,
  VoucherView,
} from './reward.types';
import { formatVoucherCode, newVoucherCode, normalizeVoucherCode } from './voucher-code';

interface VoucherRow {
  id: string;
  code: string;
  reward_id: string;
  customer_id: string;
  status: VoucherStatus;
  points_cost: number;
  expires_at: Date;
  redemption_transaction_id: string | null;
  consume_key: string | null;
  cancel_key: string | null;
  consumed_at: Date | null;
  consumed_store_id: string | null;
  cancelled_at: Date | null;
  created_at: Date;
}

function wholeNumber(value: number | undefined | null, field: string, min: number, max: number): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw rewardError(RewardErrorCode.REWARD_INVALID, `${field} must be a whole number from ${min} to ${max}`, field);
  return value;
}

/** What the business pays per 1,000 points a reward is redeemed for, rounded up (the guardrail is a ceiling). */
export function costPerThousandPoints(reward: Pick<Reward, 'costToBusiness' | 'pointsCost'>): number {
  return Math.ceil((reward.costToBusiness * 1000) / reward.pointsCost);
}

/** The reward catalogue, redemptions and the vouchers they issue. */
export class RewardService {
  constructor(
    private readonly ledger: LedgerBookings,
    private readonly program: ProgramService,
  ) {}

  async create(ctx: Context, input: RewardInput): Promise<Reward> {
    const tenantId = requireTenant(ctx);
    const fields = this.fields(input);
    try {
      return await ctx.em.transactional(async (tx) => {
        const reward = tx.create(Reward, { tenant: tenantId, ...fields, stockRemaining: fields.stock });
        await tx.flush();
        return reward;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw rewardError(RewardErrorCode.REWARD_TAKEN, `Another reward has code ${fields.code}`, 'input.code');
      throw error;
    }
  }

  /** Only while not active: a live reward's cost cannot move under the guardrail's feet. */
  async update(ctx: Context, id: string, input: RewardInput): Promise<Reward> {
    requireTenant(ctx);
    const fields = this.fields(input);
    return ctx.em.transactional(async (tx) => {
      const reward = await this.find(tx, id, 'id', true);
      if (reward.status === RewardStatus.ACTIVE)
        throw rewardError(RewardErrorCode.REWARD_ACTIVE, 'Deactivate the reward before changing it', 'id');
      const [{ issued }] = await tx.execute<
        {
          issued: number;
        }[]
      >(`select count(*)::int as issued from voucher where reward_id = ? and status <> 'CANCELLED'`, [reward.id]);
      if (fields.stock !== null && fields.stock < issued)
        throw rewardError(RewardErrorCode.REWARD_INVALID, `${issued} vouchers are already out`, 'input.stock');
      Object.assign(reward, fields, {
        stockRemaining: fields.stock === null ? null : fields.stock - issued,
        version: reward.version + 1,
      });
      reward.guardrailOverrideId = null;
      return reward;
    });
  }

  /**
   * Puts a reward live. Over the margin guardrail it needs the OWNER and a reason, recorded with the
   * figures it was let through at; anyone else gets GUARDRAIL_EXCEEDED.
   */
  async activate(ctx: Context, id: string, overrideReason: string | undefined): Promise<Reward> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    const settings = await this.program.settings(ctx.em, tenantId);
    return ctx.em.transactional(async (tx) => {
      const reward = await this.find(tx, id, 'id', true);
      const cost = costPerThousandPoints(reward);
      const limit = settings.maxRewardCostPerThousand;
      if (limit !== null && limit !== undefined && cost > limit && !reward.guardrailOverrideId) {
        if (!overrideReason?.trim()) {
          throw rewardError(
            RewardErrorCode.GUARDRAIL_EXCEEDED,
            `The reward costs ${cost} per 1,000 points, over the guardrail of ${limit}; the owner can override it with a reason`,
            'overrideReason',
          );
        }
        if (!Access.overrideGuardrail.includes(callerRole(caller))) {
          throw rewardError(
            RewardErrorCode.GUARDRAIL_OVERRIDE_FORBIDDEN,
            'Only the OWNER may let a reward over the margin guardrail go live',
            'overrideReason',
          );
        }
        const override = tx.create(RewardGuardrailOverride, {
          tenantId,
          rewardId: reward.id,
          actor: callerLabel(caller),
          reason: requiredText(overrideReason, 'overrideReason', 500),
          costPerThousand: cost,
          limitPerThousand: limit,
        });
        reward.guardrailOverrideId = override.id;
      }
      reward.status = RewardStatus.ACTIVE;
      reward.version += 1;
      return reward;
    });
  }

  async deactivate(ctx: Context, id: string): Promise<Reward> {
    requireTenant(ctx);
    return ctx.em.transactional(async (tx) => {
      const reward = await this.find(tx, id, 'id', true);
      reward.status = RewardStatus.INACTIVE;
      reward.version += 1;
      return reward;
    });
  }

  list(ctx: Context, activeOnly: boolean): Promise<Reward[]> {
    requireTenant(ctx);
    // Drafts and withdrawn rewards are the business's workbench, not its catalogue.
    if (!activeOnly) assertRole(ctx, Access.readProgramInternals);
    return ctx.em.find(Reward, activeOnly ? { status: RewardStatus.ACTIVE } : {}, {
      orderBy: { pointsCost: 'asc', code: 'asc' },
    });
  }

  async guardrailOverride(ctx: Context, reward: Reward): Promise<RewardGuardrailOverride | null> {
    if (!reward.guardrailOverrideId) return null;
    return ctx.em.findOne(RewardGuardrailOverride, { id: reward.guardrailOverrideId, tenantId: requireTenant(ctx) });
  }

  /**
   * Points, stock and voucher in one transaction: the idempotency claim and the voucher row first, then the stock
   * (a conditional UPDATE, so concurrent redemptions queue on the reward row and never oversell), then the
   * ledger debit (which locks the member's balance row), then the per-customer limit, read under that lock.
   */
  async redeem(ctx: Context, input: RedeemRewardInput): Promise<RedeemRewardResult> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    assertMayActOnCustomer(ctx, input.customerId);
    const idempotencyKey = idempotencyKeyOf(input.idempotencyKey);
    const channel = actingChannel(ctx, input.channel, 'input.channel');
    const request: IdempotentRequest = {
      tenantId,
      principal: principalOf(caller),
      scope: IdempotencyScope.REWARD_REDEMPTION,
      key: idempotencyKey,
      // The channel a caller implies made explicit, so an offline resend (which names it) replays an online redemption.
      hash: requestHash('redeemReward', { ...input, channel }),
    };
    // A retry of a redemption that went through answers as it did, even if the reward has closed since.
    const earlier = await findIdempotentResult(ctx.em, request);
    if (earlier) return this.replayRedemption(ctx, earlier);
    const customer = await customerOrNotFound(ctx, input.customerId, 'input.customerId');
    const reward = await this.find(ctx.em, input.rewardId, 'input.rewardId');
    const now = new Date();
    const unavailable = (why: string) => rewardError(RewardErrorCode.REWARD_NOT_AVAILABLE, why, 'input.rewardId');
    if (reward.status !== RewardStatus.ACTIVE) throw unavailable('The reward is not active');
    if ((reward.validFrom && reward.validFrom > now) || (reward.validUntil && reward.validUntil <= now))
      throw unavailable('The reward is outside its validity window');
    if (reward.channels.length > 0 && !reward.channels.includes(channel))
      throw rewardError(
        RewardErrorCode.REWARD_NOT_AVAILABLE,
        `The reward is not offered on ${channel}`,
        'input.channel',
      );
    if (reward.eligibleTierIds.length > 0) {
      const tiers = await ctx.loaders.tiersByTenant.load(tenantId);
      const held = effectiveTier(tiers, await ctx.loaders.tierStatusByCustomer.load(`${tenantId}:${customer.id}`));
      if (!held || !reward.eligibleTierIds.includes(held.current.id))
        throw unavailable(`The reward is for other tiers than ${held?.current.code ?? 'none'}`);
    }
    const settings = await this.program.settings(ctx.em, tenantId);
    const validity = now.getTime() + settings.voucherValidityDays * 86_400_000;
    const expiresAt = new Date(reward.validUntil ? Math.min(validity, reward.validUntil.getTime()) : validity);
    const actor = callerLabel(caller);

    const issued = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) return claim;
      const [voucher] = await tx.execute<VoucherRow[]>(
        `insert into voucher (id, tenant_id, code, reward_id, customer_id, status, points_cost, channel, expires_at, idempotency_key, request_hash, actor, created_at)
         values (?, ?, ?, ?, ?, 'ISSUED', ?, ?, ?, ?, ?, ?, now())
         returning *`,
        [
          claim.resultId,
          tenantId,
          newVoucherCode(),
          reward.id,
          customer.id,
          reward.pointsCost,
          channel,
          expiresAt,
          idempotencyKey,
          request.hash,
          actor,
        ],
      );
      // The reward as read above must still be live, at that price, when the points go: limited stock is
      // taken by one conditional update (concurrent redemptions queue on it, none oversells); unlimited
      // stock takes a share lock, which an edit or deactivation (an exclusive lock) waits behind.
      const changed = () =>
        rewardError(
          RewardErrorCode.REWARD_NOT_AVAILABLE,
          'The reward changed or closed just now; look it up again',
          'input.rewardId',
        );
      if (reward.stock !== null && reward.stock !== undefined) {
        const taken = await tx.execute(
          `update reward set stock_remaining = stock_remaining - 1
            where id = ? and status = 'ACTIVE' and points_cost = ? and stock_remaining > 0 returning stock_remaining`,
          [reward.id, reward.pointsCost],
        );
        if (taken.length === 0) {
          const [now] = await tx.execute<
            {
              status: RewardStatus;
              points_cost: number;
              stock_remaining: number | null;
            }[]
          >(`select status, points_cost, stock_remaining from reward where id = ?`, [reward.id]);
          if (
            now.status === RewardStatus.ACTIVE &&
            now.points_cost === reward.pointsCost &&
            now.stock_remaining === 0
          ) {
            throw rewardError(RewardErrorCode.OUT_OF_STOCK, `${reward.name} is out of stock`, 'input.rewardId');
          }
          throw changed();
        }
      } else {
        const [now] = await tx.execute<
          {
            status: RewardStatus;
            points_cost: number;
            stock_remaining: number | null;
          }[]
        >(`select status, points_cost, stock_remaining from reward where id = ? for share`, [reward.id]);
        if (now.status !== RewardStatus.ACTIVE || now.points_cost !== reward.pointsCost || now.stock_remaining !== null)
          throw changed();
      }
      // A member of a pooling business account spends from the pool.
      const booked = await this.ledger.redeemWithin(tx, {
        tenantId,
        customerId: await pointsHolder(tx, customer),
        points: reward.pointsCost,
        reason: `reward ${reward.code}`,
        channel,
        storeId: boundStore(caller) ?? null,
        actor,
        key: `voucher:${voucher.id}`,
      });
      if (reward.perCustomerLimit !== null && reward.perCustomerLimit !== undefined) {
        const [{ held }] = await tx.execute<{ held: number }[]>(
          `select count(*)::int as held from voucher where reward_id = ? and customer_id = ? and status <> 'CANCELLED' and id <> ?`,
          [reward.id, customer.id, voucher.id],
        );
        if (held >= reward.perCustomerLimit) {
          throw rewardError(
            RewardErrorCode.CUSTOMER_LIMIT_REACHED,
            `At most ${reward.perCustomerLimit} per customer`,
            'input.rewardId',
          );
        }
      }
      await tx.execute(`update voucher set redemption_transaction_id = ? where id = ?`, [
        booked.transaction.id,
        voucher.id,
      ]);
      await recordTimeline(tx, {
        tenantId,
        customerId: customer.id,
        kind: TimelineKind.REWARD_REDEEMED,
        channel,
        actor,
        summary: `${reward.name} for ${reward.pointsCost} points`,
        refType: 'voucher',
        refId: voucher.id,
        data: {
          rewardId: reward.id,
          reward: reward.code,
          points: reward.pointsCost,
          voucher: formatVoucherCode(voucher.code),
        },
      });
      return {
        replayed: false as const,
        voucher: { ...voucher, redemption_transaction_id: booked.transaction.id },
        transaction: booked.transaction,
      };
    });
    // A concurrent request with this key committed first.
    if (issued.replayed) return this.replayRedemption(ctx, issued.resultId);
    ctx.loaders.balanceByCustomerId.clear(customer.id);
    return { voucher: this.view(issued.voucher, reward), transaction: issued.transaction, replayed: false };
  }

  private async replayRedemption(ctx: Context, voucherId: string): Promise<RedeemRewardResult> {
    const [first] = await ctx.em.execute<VoucherRow[]>(`select * from voucher where id = ?`, [voucherId]);
    const transaction = await ctx.loaders.transactionById.load(first.redemption_transaction_id!);
    return {
      voucher: this.view(first, await this.find(ctx.em, first.reward_id, 'input.rewardId')),
      transaction: transaction!,
      replayed: true,
    };
  }

  async voucher(ctx: Context, code: string): Promise<VoucherView | null> {
    const tenantId = requireTenant(ctx);
    const row = await this.findVoucher(ctx.em, tenantId, code);
    if (!row) return null;
    return this.view(row, await this.find(ctx.em, row.reward_id, 'code'));
  }

  /** Single use: one conditional UPDATE decides, so two tills scanning the same code cannot both accept it. */
  async consume(ctx: Context, input: ConsumeVoucherInput): Promise<VoucherView> {
    return (await this.consumeWithOutcome(ctx, input)).voucher;
  }

  /** `consume`, also saying whether this was a retry of a consumption already made (offline sync reports it). */
  async consumeWithOutcome(
    ctx: Context,
    input: ConsumeVoucherInput,
  ): Promise<{ voucher: VoucherView; replayed: boolean }> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    const consumeKey = idempotencyKeyOf(input.idempotencyKey);
    const storeId = actingStore(ctx, input.storeId, 'input.storeId')!;
    const store = isUuid(storeId) ? await ctx.loaders.storeById.load(storeId) : null;
    if (!store) throw rewardError(RewardErrorCode.STORE_NOT_FOUND, `No store ${storeId}`, 'input.storeId');
    const code = normalizeVoucherCode(input.code);
    const found = await this.findVoucher(ctx.em, tenantId, code);
    if (!found) throw rewardError(RewardErrorCode.VOUCHER_NOT_FOUND, `No voucher ${input.code}`, 'input.code');
    const request: IdempotentRequest = {
      tenantId,
      principal: principalOf(caller),
      scope: IdempotencyScope.VOUCHER_CONSUME,
      key: consumeKey,
      hash: requestHash('consumeVoucher', { code, storeId: store.id }),
    };
    const outcome = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request, found.id);
      if (claim.replayed) return { row: (await this.findVoucher(tx, tenantId, code))!, replayed: true };
      // The voucher is used and the customer's timeline shows it, or neither.
      const [consumed] = await tx.execute<VoucherRow[]>(
        `with consumed as (
           update voucher set status = 'CONSUMED', consumed_at = now(), consumed_store_id = ?, consume_key = ?
            where id = ? and status = 'ISSUED' and expires_at > now() returning *
         ), timeline as (
           insert into timeline_event ${TIMELINE_COLUMNS}
           select uuid_generate_v7(), c.tenant_id, c.customer_id, 'VOUCHER_CONSUMED', 'gateway', null, ?, ?, date_trunc('milliseconds', now()),
                  'Voucher used at ' || ?, jsonb_build_object('storeId', c.consumed_store_id, 'rewardId', c.reward_id), 'voucher', c.id::text, now()
             from consumed c
         )
         select * from consumed`,
        [store.id, consumeKey, found.id, defaultChannel(caller), callerLabel(caller), store.name],
      );
      if (!consumed) throw this.notUsable((await this.findVoucher(tx, tenantId, code))!, 'input.code');
      return { row: consumed, replayed: false };
    });
    return {
      voucher: this.view(outcome.row, await this.find(ctx.em, outcome.row.reward_id, 'input.code')),
      replayed: outcome.replayed,
    };
  }

  /** An unused, unexpired voucher can be handed back: the points return (keeping their expiry) and so does the stock. */
  async cancel(ctx: Context, input: CancelVoucherInput): Promise<VoucherView> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    const actor = callerLabel(caller);
    const cancelKey = idempotencyKeyOf(input.idempotencyKey);
    const found = await this.findVoucher(ctx.em, tenantId, input.code);
    if (!found) throw rewardError(RewardErrorCode.VOUCHER_NOT_FOUND, `No voucher ${input.code}`, 'input.code');
    assertMayActOnCustomer(ctx, found.customer_id);
    const request: IdempotentRequest = {
      tenantId,
      principal: principalOf(caller),
      scope: IdempotencyScope.VOUCHER_CANCEL,
      key: cancelKey,
      hash: requestHash('cancelVoucher', { code: found.code }),
    };
    const outcome = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request, found.id);
      if (claim.replayed) return { row: (await this.findVoucher(tx, tenantId, found.code))!, replayed: true };
      const [cancelled] = await tx.execute<VoucherRow[]>(
        `update voucher set status = 'CANCELLED', cancelled_at = now(), cancel_key = ? where id = ? and status = 'ISSUED' and expires_at > now() returning *`,
        [cancelKey, found.id],
      );
      if (!cancelled) throw this.notUsable((await this.findVoucher(tx, tenantId, found.code))!, 'input.code');
      // Stock before points: voucher, reward, balance is the order a redemption locks them in.
      await tx.execute(
        `update reward set stock_remaining = stock_remaining + 1 where id = ? and stock_remaining is not null`,
        [cancelled.reward_id],
      );
      const refund = await this.ledger.reverseWithin(tx, {
        tenantId,
        transactionId: cancelled.redemption_transaction_id!,
        points: cancelled.points_cost,
        reason: `voucher ${formatVoucherCode(cancelled.code)} cancelled`,
        storeId: boundStore(caller) ?? null,
        actor,
        key: `voucher-cancel:${cancelled.id}`,
      });
      await tx.execute(`update voucher set refund_transaction_id = ? where id = ?`, [
        refund.transaction.id,
        cancelled.id,
      ]);
      await recordTimeline(tx, {
        tenantId,
        customerId: cancelled.customer_id,
        kind: TimelineKind.VOUCHER_CANCELLED,
        actor,
        summary: `Voucher cancelled: ${cancelled.points_cost} points returned`,
        refType: 'voucher',
        refId: cancelled.id,
        data: { points: cancelled.points_cost, rewardId: cancelled.reward_id },
      });
      return { row: cancelled, replayed: false };
    });
    if (!outcome.replayed) ctx.loaders.balanceByCustomerId.clear(outcome.row.customer_id);
    return this.view(outcome.row, await this.find(ctx.em, outcome.row.reward_id, 'input.code'));
  }

  private notUsable(row: VoucherRow, field: string) {
    const code = formatVoucherCode(row.code);
    if (row.status === VoucherStatus.CONSUMED)
      return rewardError(
        RewardErrorCode.VOUCHER_ALREADY_USED,
        `Voucher ${code} was used at ${new Date(row.consumed_at!).toISOString()}`,
        field,
      );
    if (row.status === VoucherStatus.CANCELLED)
      return rewardError(RewardErrorCode.VOUCHER_CANCELLED, `Voucher ${code} was cancelled`, field);
    return rewardError(
      RewardErrorCode.VOUCHER_EXPIRED,
      `Voucher ${code} expired at ${new Date(row.expires_at).toISOString()}`,
      field,
    );
  }

  private async findVoucher(em: EntityManager, tenantId: string, code: string): Promise<VoucherRow | undefined> {
    const rows = await em.execute<VoucherRow[]>(`select * from voucher where tenant_id = ? and code = ?`, [
      tenantId,
      normalizeVoucherCode(code),
    ]);
    return rows[0];
  }

  private async find(em: EntityManager, id: string, field: string, lock = false): Promise<Reward> {
    const reward = isUuid(id)
      ? await em.findOne(Reward, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {})
      : null;
    if (!reward) throw rewardError(RewardErrorCode.REWARD_NOT_FOUND, `No reward ${id}`, field);
    return reward;
  }

  private view(row: VoucherRow, reward: Reward): VoucherView {
    const expiresAt = new Date(row.expires_at);
    const expired = expiresAt <= new Date();
    const valid = row.status === VoucherStatus.ISSUED && !expired;
    return {
      code: formatVoucherCode(row.code),
      status: row.status,
      reward,
      customerId: row.customer_id,
      pointsCost: row.points_cost,
      expiresAt,
      valid,
      invalidReason: valid ? undefined : row.status !== VoucherStatus.ISSUED ? row.status : 'EXPIRED',
      issuedAt: new Date(row.created_at),
      consumedAt: row.consumed_at ? new Date(row.consumed_at) : undefined,
      consumedStoreId: row.consumed_store_id ?? undefined,
      cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : undefined,
    };
  }

  private fields(input: RewardInput) {
    const code = requiredText(input.code, 'input.code', 50).toUpperCase();
    if (!/^[A-Z0-9_-]+$/.test(code))
      throw rewardError(
        RewardErrorCode.REWARD_INVALID,
        'input.code may hold letters, digits, - and _ only',
        'input.code',
      );
    if (input.validFrom && input.validUntil && input.validUntil <= input.validFrom) {
      throw rewardError(
        RewardErrorCode.REWARD_INVALID,
        'input.validUntil must be after input.validFrom',
        'input.validUntil',
      );
    }
    const tierIds = [...new Set(input.eligibleTierIds ?? [])];
    if (tierIds.some((id) => !isUuid(id)))
      throw rewardError(
        RewardErrorCode.REWARD_INVALID,
        'input.eligibleTierIds must be tier ids',
        'input.eligibleTierIds',
      );
    return {
      code,
      name: requiredText(input.name, 'input.name', 200),
      pointsCost: wholeNumber(input.pointsCost, 'input.pointsCost', 1, 100_000_000)!,
      costToBusiness: wholeNumber(input.costToBusiness, 'input.costToBusiness', 0, 1_000_000_000)!,
      retailValue: wholeNumber(input.retailValue, 'input.retailValue', 0, 1_000_000_000)!,
      stock: wholeNumber(input.stock, 'input.stock', 0, 100_000_000),
      perCustomerLimit: wholeNumber(input.perCustomerLimit, 'input.perCustomerLimit', 1, 1000),
      eligibleTierIds: tierIds,
      channels: [...new Set(input.channels ?? [])],
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
    };
  }
}
