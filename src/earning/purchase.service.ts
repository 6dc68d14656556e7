// Over 400 lines because preview, record and refund share one evaluation, one lock order and one booking path;
// the refund side (with refund.logic) is the cut to make when it grows again.
import { DeadlockException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { customerError, CustomerErrorCode } from '../customers/customer.errors';
import type { LedgerBookings } from '../ledger/ledger.bookings';
import { TransactionKind } from '../ledger/ledger.entity';
import { toTransactionView } from '../ledger/ledger.mapping';
import type { TransactionRow } from '../ledger/ledger.model';
import type { Economics } from '../program/program.service';
import { effectiveTier, heldBenefits, pointsMultiplier, type TierService } from '../program/tier.service';
import { callerLabel } from '../shared/auth/caller';
import {
  actingChannel,
  actingStore,
  assertAtOwnStore,
  assertMayActOnCustomer,
  requireCaller,
  requireTenant,
} from '../shared/auth/guards';
import type { Channel } from '../shared/channel';
import type { Context } from '../shared/context';
import type { StatementPool } from '../shared/db/statements';
import {
  claimIdempotencyKey,
  findIdempotentResult,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  principalOf,
  requestHash,
} from '../shared/idempotency';
import { isUuid, optionalText, requiredText } from '../shared/validation';
import { recordTimeline } from '../timeline/timeline';
import { TimelineKind } from '../timeline/timeline.entity';
import { earningError, EarningErrorCode } from './earning.errors';
import type {
  PreviewPurchaseInput,
  PurchaseEvaluation,
  PurchaseResult,
  RecordPurchaseInput,
  RefundPurchaseInput,
  RefundResult,
} from './earning.types';
import { type EarningRuleService, reservations } from './earning-rule.service';
import type { ProgramConfig, ProgramConfigCache } from './program-config';
import {
  bookPurchase,
  CAPS_TAKEN,
  type CustomerFacts,
  customerFacts,
  lockForBooking,
  ORDER_RECORDED,
  OVERTAKEN,
} from './purchase.store';
import { allocateRefund } from './refund.logic';
import {
  evaluatePurchase,
  type Evaluation,
  type LineFacts,
  type PurchaseFacts,
  type RuleForEvaluation,
} from './rules.logic';

const MAX_LINES = 200;
const MAX_QUANTITY = 10_000;
const MAX_UNIT_PRICE = 100_000_000;
const FUTURE_SKEW_MS = 5 * 60_000;
const MAX_AGE_MS = 366 * 86_400_000;
/** Optimistic bookings before the last, pessimistic one (see `record`). */
const MAX_ATTEMPTS = 4;
const LAST_ATTEMPT_REPEATS = 2;

/** Another purchase took cap or budget points this booking had counted on. */
class CapsTaken extends Error {}

/** The program configuration moved since the evaluation read it: evaluate again on the new one. */
class ConfigStale extends Error {}

/** Another purchase of the same holder committed while this booking waited for it: evaluate and qualify again. */
class Overtaken extends Error {}

/**
 * What the statement pool reports that is worth another attempt: a deadlock (the ORM's is a DeadlockException),
 * and a lock waited for longer than the pool's lock_timeout (a purchase queued behind a long transaction is
 * evaluated again, and the last attempt, in the ORM's transaction, waits as long as it takes).
 */
const RETRIED_SQLSTATES = new Set<unknown>(['40P01', '55P03']);

interface Booking {
  orderId: string;
  request: IdempotentRequest;
  actor: string;
}

function invalid(message: string, field: string): never {
  throw earningError(EarningErrorCode.PURCHASE_INVALID, message, field);
}

function lines(input: PreviewPurchaseInput['lines']): LineFacts[] {
  if (input.length === 0 || input.length > MAX_LINES) invalid(`A purchase has 1 to ${MAX_LINES} lines`, 'input.lines');
  return input.map((line, index) => {
    const field = `input.lines.${index}`;
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY)
      invalid(`quantity must be from 1 to ${MAX_QUANTITY}`, `${field}.quantity`);
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0 || line.unitPrice > MAX_UNIT_PRICE) {
      invalid(`unitPrice must be a whole number of minor units from 0 to ${MAX_UNIT_PRICE}`, `${field}.unitPrice`);
    }
    return {
      sku: requiredText(line.sku, `${field}.sku`, 100),
      category: optionalText(line.category, `${field}.category`, 100) ?? null,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
    };
  });
}

interface PurchaseRow {
  id: string;
  customer_id: string;
  store_id: string | null;
  order_id: string;
  transaction_id: string | null;
  breakdown: PurchaseResult;
}

/** The checked input and the program it is evaluated against: nothing of the customer yet. */
interface Prepared {
  tenantId: string;
  /** As sent: `facts` reads the customer (its survivor when merged). */
  customerId: string;
  storeId: string | null;
  region: string | null;
  channel: Channel;
  occurredAt: Date;
  lines: LineFacts[];
  settings: Economics;
  config: ProgramConfig;
}

/** A prepared purchase with what its customer brings, read in one statement per attempt. */
interface Evaluated {
  prepared: Prepared;
  customer: CustomerFacts;
  facts: PurchaseFacts;
  multiplier: ReturnType<typeof pointsMultiplier>;
  /** In force at the purchase's time, with the customer's usage and the budgets as read. */
  rules: RuleForEvaluation[];
}

/** Purchases: evaluation against the program, booking through the ledger, refunds, tier qualification. */
export class PurchaseService {
  constructor(
    private readonly ledger: LedgerBookings,
    private readonly config: ProgramConfigCache,
    private readonly tiers: TierService,
    private readonly rules: EarningRuleService,
    private readonly statements: StatementPool,
  ) {}

  /** The same evaluation as `record`, booking nothing: what the POS shows before checkout. */
  async preview(ctx: Context, input: PreviewPurchaseInput): Promise<PurchaseEvaluation> {
    const evaluated = await this.facts(await this.prepare(ctx, input));
    return this.view(evaluated, this.evaluate(evaluated));
  }

  async record(ctx: Context, input: RecordPurchaseInput): Promise<PurchaseResult> {
    const idempotencyKey = idempotencyKeyOf(input.idempotencyKey);
    const orderId = requiredText(input.orderId, 'input.orderId', 200);
    let prepared = await this.prepare(ctx, input);
    const { tenantId } = prepared;
    // The input as sent (a retry without occurredAt must hash the same though "now" has moved on), with the
    // store and channel a POS key implies made explicit: a till's offline resend names them, online it may not.
    const request: IdempotentRequest = {
      tenantId,
      principal: principalOf(requireCaller(ctx)),
      scope: IdempotencyScope.PURCHASE,
      key: idempotencyKey,
      hash: requestHash('recordPurchase', {
        ...input,
        storeId: prepared.storeId ?? undefined,
        channel: prepared.channel,
      }),
    };
    const actor = callerLabel(requireCaller(ctx));
    // Caps and budgets are reserved optimistically at the end of the transaction, so their rows are locked
    // only for the instant before commit; if another purchase took what this one counted on, it is
    // evaluated again. The last attempt locks the caps up front instead, so it cannot lose that race.
    // A deadlock on the last attempt (PostgreSQL aborts one side of a cycle with another purchase's statement)
    // is that attempt run again, at most LAST_ATTEMPT_REPEATS times: nothing of it was kept.
    let repeats = 0;
    for (let attempt = 1; ; attempt = Math.min(attempt + 1, MAX_ATTEMPTS)) {
      const pessimistic = attempt === MAX_ATTEMPTS;
      try {
        const evaluated = await this.facts(prepared);
        const booking = { orderId, request, actor };
        const booked = pessimistic
          ? await this.bookLocking(ctx, evaluated, booking)
          : await this.bookAtOnce(ctx, evaluated, booking);
        if (booked.replayed) return booked;
        ctx.loaders.tierStatusByCustomer.clearAll();
        ctx.loaders.balanceByCustomerId.clear(evaluated.customer.id);
        return booked;
      } catch (error) {
        const retry =
          error instanceof CapsTaken ||
          error instanceof ConfigStale ||
          error instanceof Overtaken ||
          error instanceof DeadlockException ||
          RETRIED_SQLSTATES.has((error as { code?: unknown }).code);
        if (!retry) throw error;
        // The copy is dropped even on the last attempt, so the client's resend evaluates the new rules.
        if (error instanceof ConfigStale) this.config.stale(tenantId, prepared.config);
        if (error instanceof ConfigStale && !pessimistic) prepared = await this.prepare(ctx, input);
        if (pessimistic && (error instanceof CapsTaken || error instanceof ConfigStale)) {
          // Only a rule edited while this purchase was being booked gets here; nothing was kept.
          throw earningError(
            EarningErrorCode.RULES_CHANGED,
            'An earning rule changed while the purchase was booked; send it again with the same key',
            'input',
          );
        }
        const deadlocked = error instanceof DeadlockException || (error as { code?: unknown }).code === '40P01';
        if (pessimistic && !(deadlocked && repeats < LAST_ATTEMPT_REPEATS)) throw error;
        if (pessimistic) repeats += 1;
      }
    }
  }

  /**
   * The optimistic booking of a purchase that earns, in one statement on the statement pool (`bookPurchase`): budgets
   * and caps are taken at its end, so their rows are locked only for the rest of it and its commit.
   */
  private async bookAtOnce(ctx: Context, evaluated: Evaluated, booking: Booking): Promise<PurchaseResult> {
    const { prepared, facts, customer } = evaluated;
    const { tenantId } = prepared;
    const { orderId, request, actor } = booking;
    const evaluation = this.evaluate(evaluated);
    // A purchase without points books as the last attempt does, statement by statement under the same locks: rare.
    if (evaluation.totalPoints === 0) return this.bookLocking(ctx, evaluated, booking);
    const view = this.view(evaluated, evaluation);
    // What the statement adds to the answer it stores (ids, the transaction's time, the tier change) is left out.
    const result: Omit<PurchaseResult, 'purchaseId'> = {
      ...view,
      orderId,
      customerId: customer.id,
      transaction: undefined,
      replayed: false,
      tierChange: undefined,
    };
    // The earn's view as `toTransactionView` gives it; the statement writes over what only it knows (the id, the
    // holder, the key, the time).
    const transaction = toTransactionView({
      id: '',
      kind: TransactionKind.EARN,
      customer_id: '',
      counterparty_id: null,
      points: evaluation.totalPoints,
      reason: `purchase ${orderId}`,
      reason_code: null,
      channel: prepared.channel,
      store_id: prepared.storeId,
      actor,
      idempotency_key: '',
      request_hash: null,
      reverses_id: null,
      created_at: new Date(0),
    } as TransactionRow);
    let booked;
    try {
      booked = await bookPurchase(this.statements, {
        tenantId,
        configVersion: prepared.config.version,
        claim: request,
        customerId: customer.id,
        holder: customer.holder,
        storeId: prepared.storeId,
        channel: prepared.channel,
        orderId,
        occurredAt: prepared.occurredAt,
        qualifyAt: new Date(Math.max(Date.now(), prepared.occurredAt.getTime())),
        amount: evaluation.amount,
        points: evaluation.totalPoints,
        actor,
        pendingUntil: view.pendingUntil ?? null,
        lines: facts.lines.map((line, index) => ({ ...line, points: evaluation.linePoints[index] })),
        result: JSON.stringify(result),
        transaction: JSON.stringify(transaction),
        tiers: tiersJson(prepared.config),
        summary: `Purchase ${orderId}: ${evaluation.totalPoints} points`,
        data: JSON.stringify(timelineData(evaluated, orderId, evaluation)),
        reservations: reservations(
          customer.id,
          prepared.occurredAt,
          facts.timeZone,
          evaluated.rules,
          grantedByRule(evaluation),
        ),
      });
    } catch (error) {
      const message = (error as Error).message;
      if (message === ORDER_RECORDED) throw orderRecorded(orderId);
      if (message === CAPS_TAKEN) throw new CapsTaken();
      if (message === OVERTAKEN) throw new Overtaken();
      throw error;
    }
    if (booked.config_version !== prepared.config.version) throw new ConfigStale();
    if (booked.claimed) {
      const { tiers } = prepared.config;
      const from = tiers.find((tier) => tier.id === booked.from_tier_id);
      const to = tiers.find((tier) => tier.id === booked.to_tier_id);
      return {
        ...result,
        purchaseId: booked.claimed,
        transaction: booked.id ? toTransactionView(booked as TransactionRow) : undefined,
        tierChange: to ? { from, to } : undefined,
      };
    }
    // The key was claimed and committed before (a retry waited for it): nothing was written. Answered as that
    // request was, or CONFLICT.
    const stored = await findIdempotentResult(ctx.em, request);
    if (!stored) throw new Error(`idempotency key ${request.scope}/${request.key} taken but not readable`);
    return this.replay(ctx.em, stored);
  }

  /**
   * The last attempt, and a purchase without points: in BOOK_PURCHASE's lock order (key, purchase counter, balance,
   * tier, order id, budgets and caps), the budgets and caps locked before the evaluation, so it cannot lose the race
   * for them again; rare, so in the ORM's transaction, statement by statement.
   */
  private async bookLocking(ctx: Context, evaluated: Evaluated, booking: Booking): Promise<PurchaseResult> {
    const { prepared, facts, rules } = evaluated;
    const { tenantId } = prepared;
    const customerId = evaluated.customer.id;
    const { orderId, request, actor } = booking;
    const amount = facts.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
    return ctx.em.transactional(async (tx) => {
      // The key first, before any lock: a retry waits here, then replays.
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) return this.replay(tx, claim.resultId);
      // A member of a business account that pools points earns into the pool; the purchase stays theirs.
      const holder = evaluated.customer.holder;
      // Then the locks BOOK_PURCHASE takes, in its order, so the two paths cannot deadlock on each other.
      await lockForBooking(tx, tenantId, holder, customerId);
      // The configuration version is checked in the same statement (a plain read: no lock on the tenant's row),
      // inside the booking's transaction, so the evaluation below is never against a configuration that moved.
      const [inserted] = await tx.execute<{ id: string | null; version: string }[]>(
        `with config as (
           select coalesce((select version from program_config_version where tenant_id = ?), 0)::text as version
         ), inserted as (
           insert into purchase (id, tenant_id, customer_id, store_id, channel, order_id, occurred_at, amount, net_amount, points, net_points,
                                 idempotency_key, request_hash, breakdown, actor, created_at)
           select ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::bigint, ?::bigint, 0, 0, ?, ?, '{}', ?, now() from config where config.version = ?
           on conflict (tenant_id, order_id) do nothing returning id
         )
         select (select id from inserted) as id, config.version from config`,
        [
          tenantId,
          claim.resultId,
          tenantId,
          customerId,
          prepared.storeId,
          prepared.channel,
          orderId,
          prepared.occurredAt,
          amount,
          amount,
          request.key,
          request.hash,
          actor,
          prepared.config.version,
        ],
      );
      if (inserted.version !== prepared.config.version) throw new ConfigStale();
      // Undone with the transaction, so the key stays free for this order's own retry.
      if (!inserted.id) throw orderRecorded(orderId);
      const purchase = { id: inserted.id };
      const involved = this.evaluate(evaluated)
        .contributions.filter((entry) => entry.ruleId)
        .map((entry) => entry.ruleId!);
      await this.rules.lockCaps(tx, tenantId, customerId, prepared.occurredAt, facts.timeZone, rules, involved);
      const evaluation = this.evaluate(evaluated);
      const view = this.view(evaluated, evaluation);
      const transaction =
        evaluation.totalPoints > 0
          ? (
              await this.ledger.earnWithin(tx, {
                tenantId,
                customerId: holder,
                points: evaluation.totalPoints,
                reason: `purchase ${orderId}`,
                channel: prepared.channel,
                storeId: prepared.storeId,
                actor,
                key: `purchase:${purchase.id}`,
                pendingUntil: view.pendingUntil ?? null,
              })
            ).transaction
          : undefined;
      // Points before qualification, which reads them.
      await tx.execute(`update purchase set points = ?, net_points = ?, transaction_id = ? where id = ?`, [
        evaluation.totalPoints,
        evaluation.totalPoints,
        transaction?.id ?? null,
        purchase.id,
      ]);
      // Qualified under the holder's purchase counter (`lockForBooking`), in a statement of its own, so with every
      // purchase of this customer that committed before.
      const moves = await this.tiers.qualify(
        tx,
        tenantId,
        customerId,
        new Date(Math.max(Date.now(), prepared.occurredAt.getTime())),
        actor,
      );
      const { tiers } = prepared.config;
      const move = moves[0];
      const result: PurchaseResult = {
        ...view,
        purchaseId: purchase.id,
        orderId,
        customerId,
        transaction,
        replayed: false,
        tierChange: move
          ? {
              from: tiers.find((tier) => tier.id === move.from_tier_id),
              to: tiers.find((tier) => tier.id === move.to_tier_id)!,
            }
          : undefined,
      };
      await tx.execute(
        `with lines as (
           insert into purchase_line (purchase_id, line_no, sku, category, quantity, unit_price, points, refunded_quantity, refunded_points)
           values ${facts.lines.map(() => '(?::uuid, ?::int, ?, ?, ?::int, ?::bigint, ?::bigint, 0, 0)').join(', ')}
         )
         update purchase set breakdown = ? where id = ?`,
        [
          ...facts.lines.flatMap((line, index) => [
            purchase.id,
            index,
            line.sku,
            line.category,
            line.quantity,
            line.unitPrice,
            evaluation.linePoints[index],
          ]),
          JSON.stringify(result),
          purchase.id,
        ],
      );
      await recordTimeline(tx, {
        tenantId,
        customerId,
        kind: TimelineKind.PURCHASE,
        channel: prepared.channel,
        actor,
        occurredAt: prepared.occurredAt,
        summary: `Purchase ${orderId}: ${evaluation.totalPoints} points`,
        refType: 'purchase',
        refId: purchase.id,
        data: {
          ...timelineData(evaluated, orderId, evaluation),
          tierChange: move ? result.tierChange?.to.code : undefined,
        },
      });
      const reserved = await this.rules.reserve(
        tx,
        tenantId,
        customerId,
        prepared.occurredAt,
        facts.timeZone,
        rules,
        grantedByRule(evaluation),
      );
      if (!reserved) throw new CapsTaken();
      return result;
    });
  }

  async refund(ctx: Context, input: RefundPurchaseInput): Promise<RefundResult> {
    const tenantId = requireTenant(ctx);
    const idempotencyKey = idempotencyKeyOf(input.idempotencyKey);
    const orderId = requiredText(input.orderId, 'input.orderId', 200);
    if (input.lines.length === 0 || input.lines.length > MAX_LINES)
      invalid(`A refund has 1 to ${MAX_LINES} lines`, 'input.lines');
    const wanted = input.lines.map((line, index) => {
      if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY)
        invalid(`quantity must be from 1 to ${MAX_QUANTITY}`, `input.lines.${index}.quantity`);
      return { sku: requiredText(line.sku, `input.lines.${index}.sku`, 100), quantity: line.quantity };
    });
    const caller = requireCaller(ctx);
    const request: IdempotentRequest = {
      tenantId,
      principal: principalOf(caller),
      scope: IdempotencyScope.PURCHASE_REFUND,
      key: idempotencyKey,
      hash: requestHash('refundPurchase', input),
    };
    const actor = callerLabel(caller);
    const [found] = await ctx.em.execute<PurchaseRow[]>(
      `select id, customer_id, store_id from purchase where tenant_id = ? and order_id = ?`,
      [tenantId, orderId],
    );
    if (!found)
      throw earningError(EarningErrorCode.ORDER_NOT_FOUND, `No purchase with order id ${orderId}`, 'input.orderId');
    assertMayActOnCustomer(ctx, found.customer_id);
    // A till refunds what was bought at its own store, and books the clawback there.
    assertAtOwnStore(ctx, found.store_id, 'input.orderId');

    const done = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) {
        const [first] = await tx.execute<
          {
            result: RefundResult;
          }[]
        >(`select result from purchase_refund where id = ?`, [claim.resultId]);
        return revive({ ...first.result, replayed: true });
      }
      const refund = { id: claim.resultId };
      await tx.execute(
        `insert into purchase_refund (id, tenant_id, purchase_id, idempotency_key, request_hash, amount, points, points_clawed_back, result, actor, created_at)
         values (?, ?, ?, ?, ?, 0, 0, 0, '{}', ?, now())`,
        [refund.id, tenantId, found.id, request.key, request.hash, actor],
      );
      const [purchase] = await tx.execute<PurchaseRow[]>(
        `select id, customer_id, transaction_id from purchase where id = ? for update`,
        [found.id],
      );
      const purchaseLines = await tx.execute<
        {
          line_no: number;
          sku: string;
          quantity: number;
          unit_price: string;
          points: string;
          refunded_quantity: number;
          refunded_points: string;
        }[]
      >(
        `select line_no, sku, quantity, unit_price, points, refunded_quantity, refunded_points from purchase_line where purchase_id = ? order by line_no`,
        [found.id],
      );
      const allocation = allocateRefund(
        purchaseLines.map((line) => ({
          lineNo: line.line_no,
          sku: line.sku,
          quantity: line.quantity,
          unitPrice: Number(line.unit_price),
          points: Number(line.points),
          refundedQuantity: line.refunded_quantity,
          refundedPoints: Number(line.refunded_points),
        })),
        wanted,
      );
      if (!allocation.ok) {
        throw earningError(
          EarningErrorCode.REFUND_EXCEEDS_PURCHASE,
          `Order ${orderId} has ${allocation.unrefunded} unrefunded units of ${allocation.sku}`,
          `input.lines.${allocation.index}.quantity`,
        );
      }
      const { amount, points } = allocation;
      for (const line of allocation.lines) {
        await tx.execute(
          `update purchase_line set refunded_quantity = ?, refunded_points = ? where purchase_id = ? and line_no = ?`,
          [line.refundedQuantity, line.refundedPoints, found.id, line.lineNo],
        );
      }
      // Qualification falls by the full points, even those the ledger cannot take back.
      await tx.execute(`update purchase set net_amount = net_amount - ?, net_points = net_points - ? where id = ?`, [
        amount,
        points,
        found.id,
      ]);
      const collectable =
        points > 0 && purchase.transaction_id
          ? Math.min(points, await this.ledger.reversibleNow(tx, purchase.transaction_id))
          : 0;
      const transaction =
        collectable > 0
          ? (
              await this.ledger.reverseWithin(tx, {
                tenantId,
                transactionId: purchase.transaction_id!,
                points: collectable,
                reason: `refund of order ${orderId}`,
                storeId: found.store_id,
                actor,
                key: `refund:${refund.id}`,
              })
            ).transaction
          : undefined;
      const result: RefundResult = {
        refundId: refund.id,
        orderId,
        amount,
        points,
        pointsClawedBack: collectable,
        pointsUncollected: points - collectable,
        transaction,
        replayed: false,
      };
      await recordTimeline(tx, {
        tenantId,
        customerId: found.customer_id,
        kind: TimelineKind.REFUND,
        actor,
        summary: `Refund on order ${orderId}: ${collectable} points taken back`,
        refType: 'purchase_refund',
        refId: refund.id,
        data: { orderId, amount, points, pointsClawedBack: collectable, pointsUncollected: points - collectable },
      });
      await tx.execute(
        `update purchase_refund set amount = ?, points = ?, points_clawed_back = ?, transaction_id = ?, result = ? where id = ?`,
        [amount, points, collectable, transaction?.id ?? null, JSON.stringify(result), refund.id],
      );
      return result;
    });
    if (!done.replayed) ctx.loaders.balanceByCustomerId.clear(found.customer_id);
    return done;
  }

  /** A stored purchase, as it was answered when booked. */
  async byOrderId(ctx: Context, orderId: string): Promise<PurchaseResult | null> {
    const tenantId = requireTenant(ctx);
    const [row] = await ctx.em.execute<PurchaseRow[]>(
      `select customer_id, breakdown from purchase where tenant_id = ? and order_id = ?`,
      [tenantId, orderId],
    );
    if (!row) return null;
    assertMayActOnCustomer(ctx, row.customer_id);
    return revive({ ...row.breakdown, replayed: false });
  }

  /** A purchase booked before under the same key, answered as it was then. */
  private async replay(tx: EntityManager, purchaseId: string): Promise<PurchaseResult> {
    const [row] = await tx.execute<PurchaseRow[]>(`select breakdown from purchase where id = ?`, [purchaseId]);
    return revive({ ...row.breakdown, replayed: true });
  }

  /** The checked input, the store and the program, from the cached configuration: no round trip on a warm cache. */
  private async prepare(ctx: Context, input: PreviewPurchaseInput): Promise<Prepared> {
    const tenantId = requireTenant(ctx);
    assertMayActOnCustomer(ctx, input.customerId);
    const purchaseLines = lines(input.lines);
    const now = Date.now();
    const occurredAt = input.occurredAt ?? new Date(now);
    if (
      Number.isNaN(occurredAt.getTime()) ||
      occurredAt.getTime() > now + FUTURE_SKEW_MS ||
      occurredAt.getTime() < now - MAX_AGE_MS
    ) {
      invalid('input.occurredAt must be within the last year and not in the future', 'input.occurredAt');
    }
    const storeId = actingStore(ctx, input.storeId, 'input.storeId') ?? null;
    const cached = await this.config.get(ctx.em, tenantId);
    const known = !storeId || (isUuid(storeId) && cached.regionByStore.has(storeId));
    // A store the copy does not know may be newer than the copy: refused only once the database agrees.
    const config = known || !isUuid(storeId) ? cached : await this.config.current(ctx.em, tenantId, cached);
    const region = storeId && isUuid(storeId) ? config.regionByStore.get(storeId) : undefined;
    if (storeId && region === undefined)
      throw earningError(EarningErrorCode.STORE_NOT_FOUND, `No store ${storeId}`, 'input.storeId');
    if (!isUuid(input.customerId)) notFound(input.customerId);
    return {
      tenantId,
      customerId: input.customerId,
      storeId,
      region: region ?? null,
      channel: actingChannel(ctx, input.channel, 'input.channel'),
      occurredAt,
      lines: purchaseLines,
      settings: config.economics,
      config,
    };
  }

  /** The customer, its tier and its usage of the rules, in one statement (`customerFacts`): once per attempt. */
  private async facts(prepared: Prepared): Promise<Evaluated> {
    const { tenantId, config, settings, occurredAt, channel } = prepared;
    const customer = await customerFacts(
      this.statements,
      tenantId,
      prepared.customerId,
      config.rules,
      occurredAt,
      settings.timeZone,
    );
    if (!customer) notFound(prepared.customerId);
    const tier = effectiveTier(config.tiers, customer.status)?.current ?? null;
    return {
      prepared,
      customer,
      rules: customer.rules,
      multiplier: tier ? pointsMultiplier(heldBenefits(config.tiers, config.benefits, tier, channel)) : null,
      facts: {
        channel,
        storeId: prepared.storeId,
        region: prepared.region,
        occurredAt,
        timeZone: settings.timeZone,
        tierId: tier?.id ?? null,
        segments: customer.segments,
        lines: prepared.lines,
      },
    };
  }

  private evaluate(evaluated: Evaluated): Evaluation {
    return evaluatePurchase(evaluated.facts, evaluated.prepared.settings, evaluated.multiplier, evaluated.rules);
  }

  private view({ prepared }: Evaluated, evaluation: Evaluation): PurchaseEvaluation {
    const pendingUntil =
      prepared.settings.pendingDays > 0
        ? new Date(prepared.occurredAt.getTime() + prepared.settings.pendingDays * 86_400_000)
        : undefined;
    return {
      amount: evaluation.amount,
      basePoints: evaluation.basePoints,
      totalPoints: evaluation.totalPoints,
      contributions: evaluation.contributions.map((entry) => ({ ...entry, ruleId: entry.ruleId ?? undefined })),
      lines: prepared.lines.map((line, index) => ({
        sku: line.sku,
        category: line.category ?? undefined,
        quantity: line.quantity,
        amount: line.quantity * line.unitPrice,
        points: evaluation.linePoints[index],
      })),
      pendingUntil: pendingUntil && pendingUntil.getTime() > Date.now() ? pendingUntil : undefined,
    };
  }
}

function orderRecorded(orderId: string): Error {
  return earningError(
    EarningErrorCode.ORDER_ALREADY_RECORDED,
    `Order ${orderId} was already recorded under another idempotency key`,
    'input.orderId',
  );
}

/** The purchase's timeline event data, but its tier change. */
function timelineData(evaluated: Evaluated, orderId: string, evaluation: Evaluation) {
  return {
    orderId,
    amount: evaluation.amount,
    points: evaluation.totalPoints,
    storeId: evaluated.prepared.storeId,
    lines: evaluated.facts.lines.length,
  };
}

const tiersJsonByConfig = new WeakMap<ProgramConfig, string>();

/** The cached tiers by id as JSON, serialised as the stored breakdown has them (the entity's own JSON). */
function tiersJson(config: ProgramConfig): string {
  let json = tiersJsonByConfig.get(config);
  if (json === undefined) {
    json = JSON.stringify(Object.fromEntries(config.tiers.map((tier) => [tier.id, tier])));
    tiersJsonByConfig.set(config, json);
  }
  return json;
}

function notFound(customerId: string): never {
  throw customerError(CustomerErrorCode.CUSTOMER_NOT_FOUND, `No customer ${customerId}`, 'input.customerId');
}

function grantedByRule(evaluation: Evaluation): Map<string, number> {
  return new Map(
    evaluation.contributions
      .filter((entry) => entry.ruleId && entry.points > 0)
      .map((entry) => [entry.ruleId!, entry.points]),
  );
}

/** Stored JSON back to the GraphQL shape: dates were serialised as strings. */
function revive<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (field, raw: unknown) =>
    typeof raw === 'string' && /(At|Until|^at)$/.test(field) && /^\d{4}-\d\d-\d\dT/.test(raw) ? new Date(raw) : raw,
  ) as T;
}
