import type { EntityManager } from '@mikro-orm/postgresql';

import type { LedgerBookings } from '../ledger/ledger.bookings';
import { forgetBalances } from '../ledger/ledger.loaders';
import { MAX_POINTS } from '../ledger/ledger.model';
import { holderNow } from '../ledger/ledger.store';
import type { TierService } from '../program/tier.service';
import { callerLabel } from '../shared/auth/caller';
import { requireCaller, requireTenant } from '../shared/auth/guards';
import { chargeGrant, LimitErrorCode, roleGrantLimit } from '../shared/auth/limits';
import { StaffRole } from '../shared/auth/roles';
import { type Context, madeLoaders } from '../shared/context';
import { accessError, AccessErrorCode, AppError } from '../shared/errors';
import { type Connection, decodeCursor, pageSize, toConnection } from '../shared/graphql/connection';
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  requestHash,
} from '../shared/idempotency';
import { isUuid, requiredText } from '../shared/validation';
import { recordTimeline } from '../timeline/timeline';
import { TimelineKind } from '../timeline/timeline.entity';
import { caseError, CaseErrorCode } from './case.errors';
import { findCase } from './case.store';
import { assertImproves, daysWithin, heldStatus, statusWithin } from './goodwill.status';
import {
  describe,
  type GoodwillRow,
  grantById,
  grantByKey,
  insertGrant,
  pendingPage,
  toGoodwill,
} from './goodwill.store';
import { type GoodwillGrant, GoodwillKind, GoodwillStatus, type GrantGoodwillInput } from './goodwill.types';

/** What `grantWithin` takes (the cross-part contract). */
export interface GoodwillRequest {
  tenantId: string;
  customerId: string;
  caseId: string | null;
  points: number | null;
  tierId: string | null;
  until: Date | null;
  reason: string;
  actor: string;
  role: StaffRole;
  /** Unique per tenant and request: a second call with it returns the first grant. */
  requestKey: string;
  /**
   * Whose day the points count against; `actor` when not given. Automation names one per customer
   * (`playbook:<code>:<customerId>`) so one customer's signals cannot use up the cap meant for all.
   */
  limitPrincipal?: string;
}

/**
 * Service recovery: goodwill points (through the ledger) or limited-time status (through the tier service),
 * booked at once within the requester's role limit, else held for a supervisor's approval (four eyes).
 */
export class GoodwillService {
  constructor(
    private readonly ledger: LedgerBookings,
    private readonly tiers: TierService,
  ) {}

  /**
   * Grants goodwill in the caller's transaction. Within the role's limit (points: `roleGrantLimit` per call
   * and per day; status: the tenant's days per role) it is booked now and GRANTED; above it, PENDING_APPROVAL.
   * Idempotent by `requestKey`.
   */
  async grantWithin(
    tx: EntityManager,
    input: GoodwillRequest,
  ): Promise<{ id: string; status: 'GRANTED' | 'PENDING_APPROVAL' }> {
    const before = await grantByKey(tx, input.tenantId, input.requestKey);
    if (before) return { id: before.id, status: before.status as 'GRANTED' | 'PENDING_APPROVAL' };
    const kind = this.validate(input);
    const reason = requiredText(input.reason, 'input.reason', 500);
    const [customer] = await tx.execute<{ id: string }[]>(
      `select coalesce(merged_into_id, id) as id from customer where id = ? and tenant_id = ?`,
      [input.customerId, input.tenantId],
    );
    if (!customer)
      throw caseError(CaseErrorCode.GOODWILL_INVALID, `No customer ${input.customerId}`, 'input.customerId');
    const tierCode = await this.tierCode(tx, input.tenantId, input.tierId);
    const within =
      kind === GoodwillKind.POINTS
        ? await this.pointsWithin(
            tx,
            input.tenantId,
            input.role,
            input.limitPrincipal ?? input.actor,
            input.points!,
            'input.points',
            false,
          )
        : await statusWithin(tx, input.tenantId, customer.id, input.role, input.tierId!, input.until!);
    const row = await insertGrant(tx, {
      tenant_id: input.tenantId,
      customer_id: customer.id,
      case_id: input.caseId,
      kind,
      points: input.points,
      tier_id: input.tierId,
      until: input.until,
      reason,
      status: within ? GoodwillStatus.GRANTED : GoodwillStatus.PENDING_APPROVAL,
      request_key: input.requestKey,
      requested_by: input.actor,
      requested_role: input.role,
    });
    if (!row) {
      const raced = (await grantByKey(tx, input.tenantId, input.requestKey))!;
      return { id: raced.id, status: raced.status as 'GRANTED' | 'PENDING_APPROVAL' };
    }
    const booked = within ? await this.book(tx, row, input.actor) : row;
    await this.onTimeline(
      tx,
      booked,
      input.actor,
      within
        ? `Goodwill granted: ${describe(row, tierCode)} (${reason})`
        : `Goodwill requested, awaiting approval: ${describe(row, tierCode)} (${reason})`,
    );
    return { id: row.id, status: within ? 'GRANTED' : 'PENDING_APPROVAL' };
  }

  /** `grantGoodwill`: goodwill from a case, to its customer, within the caller's role limit. */
  async grant(ctx: Context, input: GrantGoodwillInput): Promise<GoodwillGrant> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    if (caller.kind !== 'apiKey')
      throw accessError(AccessErrorCode.ROLE_FORBIDDEN, 'Goodwill is granted by staff keys');
    const actor = callerLabel(caller);
    const request: IdempotentRequest = {
      tenantId,
      principal: actor,
      scope: IdempotencyScope.GOODWILL_GRANT,
      key: idempotencyKeyOf(input.idempotencyKey),
      hash: requestHash('grantGoodwill', input),
    };
    if (!isUuid(input.caseId)) throw caseError(CaseErrorCode.CASE_NOT_FOUND, `No case ${input.caseId}`, 'input.caseId');
    const row = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      const requestKey = `api:${claim.resultId}`;
      if (claim.replayed) return { row: (await grantByKey(tx, tenantId, requestKey))!, replayed: true };
      const supportCase = await findCase(tx, tenantId, input.caseId);
      if (!supportCase) throw caseError(CaseErrorCode.CASE_NOT_FOUND, `No case ${input.caseId}`, 'input.caseId');
      await this.grantWithin(tx, {
        tenantId,
        customerId: supportCase.customer_id,
        caseId: supportCase.id,
        points: input.points ?? null,
        tierId: input.tierId ?? null,
        until: input.until ?? null,
        reason: input.reason,
        actor,
        role: caller.role,
        requestKey,
      });
      return { row: (await grantByKey(tx, tenantId, requestKey))!, replayed: false };
    });
    forgetGranted(ctx);
    return toGoodwill(row.row, row.replayed);
  }

  /**
   * Approves or rejects a pending grant: never by whoever asked for it, and an approval within the approver's
   * own role limit. Approving books it (once: the grant row is locked and must still be pending).
   */
  async decide(
    ctx: Context,
    decision: 'APPROVE' | 'REJECT',
    input: { grantId: string; idempotencyKey: string; reason?: string },
  ): Promise<GoodwillGrant> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    if (caller.kind !== 'apiKey')
      throw accessError(AccessErrorCode.ROLE_FORBIDDEN, 'Goodwill is decided by staff keys');
    const actor = callerLabel(caller);
    const request: IdempotentRequest = {
      tenantId,
      principal: actor,
      scope: IdempotencyScope.GOODWILL_DECISION,
      key: idempotencyKeyOf(input.idempotencyKey, 'idempotencyKey'),
      hash: requestHash(`goodwill:${decision}`, input),
      field: 'idempotencyKey',
    };
    const note = decision === 'REJECT' ? requiredText(input.reason ?? '', 'reason', 500) : null;
    if (!isUuid(input.grantId))
      throw caseError(CaseErrorCode.GOODWILL_NOT_FOUND, `No grant ${input.grantId}`, 'grantId');
    const result = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request, input.grantId);
      if (claim.replayed) return { row: (await grantById(tx, tenantId, input.grantId))!, replayed: true };
      const grant = await grantById(tx, tenantId, input.grantId, true);
      if (!grant) throw caseError(CaseErrorCode.GOODWILL_NOT_FOUND, `No grant ${input.grantId}`, 'grantId');
      if (grant.status !== GoodwillStatus.PENDING_APPROVAL)
        throw caseError(CaseErrorCode.GOODWILL_DECIDED, `The grant is ${grant.status} already`, 'grantId');
      if (grant.requested_by === actor)
        throw caseError(CaseErrorCode.GOODWILL_SAME_PERSON, 'Whoever asked for a grant cannot decide it', 'grantId');
      const tierCode = await this.tierCode(tx, tenantId, grant.tier_id);
      if (decision === 'APPROVE') {
        const within =
          grant.kind === GoodwillKind.POINTS
            ? await this.pointsWithin(tx, tenantId, caller.role, actor, Number(grant.points), 'grantId', true)
            : await daysWithin(tx, tenantId, caller.role, new Date(grant.until!));
        // The customer's status may have changed since the request: approving must still not lower or shorten it.
        if (grant.kind === GoodwillKind.STATUS) {
          const held = await heldStatus(tx, tenantId, await holderNow(tx, grant.customer_id));
          assertImproves(held, grant.tier_id!, new Date(grant.until!), { tier: 'grantId', until: 'grantId' });
        }
        if (!within)
          throw caseError(
            CaseErrorCode.GOODWILL_OVER_APPROVER_LIMIT,
            `Over what a ${caller.role} key may grant`,
            'grantId',
          );
        if (grant.kind === GoodwillKind.STATUS && new Date(grant.until!) <= new Date())
          throw caseError(CaseErrorCode.GOODWILL_INVALID, 'The status would have ended already; reject it', 'grantId');
        await this.book(tx, grant, actor);
      }
      const [row] = await tx.execute<GoodwillRow[]>(
        `update goodwill_grant set status = ?, decided_by = ?, decided_at = now(), decision_note = ? where id = ? returning *`,
        [decision === 'APPROVE' ? GoodwillStatus.GRANTED : GoodwillStatus.REJECTED, actor, note, grant.id],
      );
      const what = describe(row, tierCode);
      await this.onTimeline(
        tx,
        row,
        actor,
        decision === 'APPROVE' ? `Goodwill approved: ${what}` : `Goodwill rejected: ${what} (${note})`,
      );
      return { row, replayed: false };
    });
    forgetGranted(ctx);
    return toGoodwill(result.row, result.replayed);
  }

  async pending(ctx: Context, first?: number, after?: string): Promise<Connection<GoodwillGrant>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const rows = await pendingPage(ctx.em, requireTenant(ctx), limit + 1, cursor);
    return toConnection(
      rows.map((row) => toGoodwill(row, false)),
      limit,
      (grant) => ({ at: grant.requestedAt, id: grant.id }),
      cursor,
    );
  }

  private validate(input: GoodwillRequest): GoodwillKind {
    const hasPoints = input.points !== null && input.points !== undefined;
    const hasTier = input.tierId !== null && input.tierId !== undefined;
    if (hasPoints === hasTier)
      throw caseError(CaseErrorCode.GOODWILL_INVALID, 'Give points, or tierId with until', 'input.points');
    if (hasPoints) {
      const points = input.points!;
      if (!Number.isInteger(points) || points < 1 || points > MAX_POINTS)
        throw caseError(CaseErrorCode.GOODWILL_INVALID, `input.points must be 1 to ${MAX_POINTS}`, 'input.points');
      return GoodwillKind.POINTS;
    }
    if (!isUuid(input.tierId!)) throw caseError(CaseErrorCode.GOODWILL_INVALID, 'No such tier', 'input.tierId');
    if (!input.until || Number.isNaN(input.until.getTime()) || input.until <= new Date())
      throw caseError(CaseErrorCode.GOODWILL_INVALID, 'input.until must be in the future', 'input.until');
    return GoodwillKind.STATUS;
  }

  private async tierCode(tx: EntityManager, tenantId: string, tierId: string | null): Promise<string> {
    if (!tierId) return '';
    const [tier] = await tx.execute<{ code: string }[]>(`select code from tier where tenant_id = ? and id = ?`, [
      tenantId,
      tierId,
    ]);
    if (!tier) throw caseError(CaseErrorCode.GOODWILL_INVALID, 'No such tier', 'input.tierId');
    return tier.code;
  }

  /**
   * Within the role's points limit: per call, then counted against the key's day (`chargeGrant`, in this
   * transaction). Over the day's cap is "not within" for a request (it waits for approval) and an error
   * for an approver, like any grant of theirs.
   */
  private async pointsWithin(
    tx: EntityManager,
    tenantId: string,
    role: StaffRole,
    principal: string,
    points: number,
    field: string,
    approving: boolean,
  ): Promise<boolean> {
    if (role === StaffRole.OWNER) return true;
    const limit = await roleGrantLimit(tx, tenantId, role);
    if (limit.maxPointsPerCall !== null && points > limit.maxPointsPerCall) return false;
    if (limit.maxPointsPerDay === null) return true;
    try {
      await chargeGrant(tx, { tenantId, principal, role, points, maxPointsPerDay: limit.maxPointsPerDay, field });
      return true;
    } catch (error) {
      // chargeGrant changes nothing when it refuses (no SQL error), so the transaction goes on.
      if (!approving && error instanceof AppError && error.reason === String(LimitErrorCode.LIMIT_EXCEEDED))
        return false;
      throw error;
    }
  }

  /** Books a grant: points as an ADJUST (GOODWILL) keyed goodwill:<id>, or status through the tier service. */
  private async book(tx: EntityManager, grant: GoodwillRow, actor: string): Promise<GoodwillRow> {
    const key = `goodwill:${grant.id}`;
    const about = grant.case_id ? ` for case ${grant.case_id}` : '';
    if (grant.kind === GoodwillKind.POINTS) {
      const booked = await this.ledger.creditWithin(tx, {
        tenantId: grant.tenant_id,
        customerId: grant.customer_id,
        points: Number(grant.points),
        reason: `Goodwill ${grant.id}${about}: ${grant.reason}`,
        reasonCode: 'GOODWILL',
        actor,
        key,
      });
      const [row] = await tx.execute<GoodwillRow[]>(
        `update goodwill_grant set ledger_transaction_id = ? where id = ? returning *`,
        [booked.transaction.id, grant.id],
      );
      return row;
    }
    const changeId = await this.tiers.grantWithin(tx, {
      tenantId: grant.tenant_id,
      customerId: await holderNow(tx, grant.customer_id),
      tierId: grant.tier_id!,
      until: new Date(grant.until!),
      note: `Goodwill ${grant.id}${about}: ${grant.reason}`,
      actor,
      key,
    });
    const [row] = await tx.execute<GoodwillRow[]>(
      `update goodwill_grant set tier_change_id = ? where id = ? returning *`,
      [changeId, grant.id],
    );
    return row;
  }

  private async onTimeline(tx: EntityManager, row: GoodwillRow, actor: string, summary: string): Promise<void> {
    await recordTimeline(tx, {
      tenantId: row.tenant_id,
      customerId: row.customer_id,
      kind: TimelineKind.GOODWILL,
      actor,
      summary,
      refType: 'goodwill_grant',
      refId: row.id,
      data: {
        grantId: row.id,
        caseId: row.case_id,
        status: row.status,
        kind: row.kind,
        points: row.points === null ? null : Number(row.points),
        tierId: row.tier_id,
        until: row.until ? new Date(row.until).toISOString() : null,
        requestedBy: row.requested_by,
        decidedBy: row.decided_by,
        ledgerTransactionId: row.ledger_transaction_id,
        tierChangeId: row.tier_change_id,
      },
    });
  }
}

/** A grant changes the points or the status the request may have loaded: a later field reads them again. */
function forgetGranted(ctx: Context): void {
  forgetBalances(ctx);
  madeLoaders(ctx)?.tierStatusByCustomer.clearAll();
}
