import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { LedgerBookings } from '../ledger/ledger.bookings';
import type { StatusRow, TierService } from '../program/tier.service';
import { callerLabel } from '../shared/auth/caller';
import { requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { pgArray } from '../shared/db/sql';
import {
  claimIdempotencyKey,
  findIdempotentResult,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  requestHash,
} from '../shared/idempotency';
import { isUuid, optionalText, requiredText } from '../shared/validation';
import { recordTimeline } from '../timeline/timeline';
import { TimelineKind } from '../timeline/timeline.entity';
import { CustomerKind } from './customer.entity';
import { customerError, CustomerErrorCode } from './customer.errors';
import { CustomerMerge, MergeStatus, type UnmergeReport } from './merge.entity';
import type {
  MergeCustomersInput,
  MergeCustomersResult,
  UnmergeCustomersInput,
  UnmergeCustomersResult,
} from './merge.types';

interface LockedCustomer {
  id: string;
  kind: CustomerKind;
  merged_into_id: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Merges a duplicate profile into a survivor, and undoes it. One transaction each:
 *   - identifiers move (recorded by id, so an unmerge moves exactly those back);
 *   - points move through one ledger TRANSFER that re-creates every open lot on the survivor with its dates;
 *   - the survivor takes the higher tier of the two;
 *   - the timeline moves without rewriting history: events keep the profile they were recorded for, and a
 *     survivor's timeline reads the profiles merged into it;
 *   - the merged profile stays, pointing at the survivor, so its id keeps resolving (chains are kept flat).
 */
export class MergeService {
  constructor(
    private readonly ledger: LedgerBookings,
    private readonly tiers: TierService,
  ) {}

  async merge(ctx: Context, input: MergeCustomersInput): Promise<MergeCustomersResult> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const key = idempotencyKeyOf(input.idempotencyKey);
    const reason = requiredText(input.reason, 'input.reason', 500);
    const request: IdempotentRequest = {
      tenantId,
      scope: IdempotencyScope.CUSTOMER_MERGE,
      key,
      principal: actor,
      hash: requestHash('mergeCustomers', input),
    };
    for (const field of ['survivorId', 'mergedId'] as const) {
      if (!isUuid(input[field]))
        throw customerError(CustomerErrorCode.CUSTOMER_NOT_FOUND, `No customer ${input[field]}`, `input.${field}`);
    }
    const survivorId = input.survivorId.toLowerCase();
    const mergedId = input.mergedId.toLowerCase();
    if (survivorId === mergedId)
      throw customerError(CustomerErrorCode.SAME_CUSTOMER, 'A customer cannot be merged into itself', 'input.mergedId');
    // A retry answers as the merge did, though both profiles have changed since.
    const earlier = await findIdempotentResult(ctx.em, request);
    if (earlier) return this.replay(ctx, earlier);
    const outcome = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) return claim;
      await tx.execute(
        `insert into customer_merge (id, created_at, tenant_id, survivor_id, merged_id, reason, actor, status, idempotency_key, request_hash, merged_contact)
         values (?, now(), ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, '{}')`,
        [claim.resultId, tenantId, survivorId, mergedId, reason, actor, key, request.hash],
      );
      await this.mergeWork(tx, { tenantId, survivorId, mergedId, mergeId: claim.resultId, reason, actor });
      return claim;
    });
    if (outcome.replayed) return this.replay(ctx, outcome.resultId);
    ctx.loaders.customerById.clearAll();
    ctx.loaders.tierStatusByCustomer.clearAll();
    ctx.loaders.balanceByCustomerId.clearAll();
    return {
      merge: await ctx.em.findOneOrFail(CustomerMerge, { id: outcome.resultId }, { refresh: true }),
      survivor: (await ctx.loaders.customerById.load(survivorId))!,
      replayed: false,
    };
  }

  private async mergeWork(
    tx: EntityManager,
    merge: { tenantId: string; survivorId: string; mergedId: string; mergeId: string; reason: string; actor: string },
  ) {
    const { tenantId, survivorId, mergedId, mergeId, actor } = merge;
    const locked = await this.lockPair(tx, tenantId, survivorId, mergedId);
    const survivor = locked.get(survivorId);
    const merged = locked.get(mergedId);
    if (!survivor)
      throw customerError(CustomerErrorCode.CUSTOMER_NOT_FOUND, `No customer ${survivorId}`, 'input.survivorId');
    if (!merged) throw customerError(CustomerErrorCode.CUSTOMER_NOT_FOUND, `No customer ${mergedId}`, 'input.mergedId');
    if (survivor.merged_into_id) {
      throw customerError(
        CustomerErrorCode.CUSTOMER_MERGED,
        `${survivorId} was merged into ${survivor.merged_into_id}; merge into that customer instead`,
        'input.survivorId',
      );
    }
    if (merged.merged_into_id)
      throw customerError(
        CustomerErrorCode.CUSTOMER_MERGED,
        `${mergedId} was already merged into ${merged.merged_into_id}`,
        'input.mergedId',
      );
    for (const [field, customer] of [
      ['input.survivorId', survivor],
      ['input.mergedId', merged],
    ] as const) {
      if (customer.kind !== CustomerKind.PERSON)
        throw customerError(
          CustomerErrorCode.NOT_A_PERSON,
          `${customer.id} holds a business account's pool; it is not merged`,
          field,
        );
    }

    // Profiles merged into the duplicate earlier now point at the survivor too, so every old id is one hop away.
    const repointed = await tx.execute<{ id: string }[]>(
      `update customer set merged_into_id = ? where tenant_id = ? and merged_into_id = ? returning id`,
      [survivorId, tenantId, mergedId],
    );
    // Email and phone are unique per tenant: the duplicate gives them up (kept on the merge, for an unmerge)
    // so the survivor can take them where it has none.
    await tx.execute(
      `update customer set merged_into_id = ?, email = null, phone = null, version = version + 1, updated_at = now() where id = ?`,
      [survivorId, mergedId],
    );
    const identifiers = await tx.execute<{ id: string }[]>(
      `update customer_identifier set customer_id = ? where customer_id = ? returning id`,
      [survivorId, mergedId],
    );
    await tx.execute(
      `update customer s set email = coalesce(s.email, ?), phone = coalesce(s.phone, ?), display_name = coalesce(s.display_name, m.display_name),
              address_line = coalesce(s.address_line, m.address_line), postal_code = coalesce(s.postal_code, m.postal_code), city = coalesce(s.city, m.city),
              anonymous = s.anonymous and m.anonymous, segments = array(select distinct unnest(s.segments || m.segments)),
              version = s.version + 1, updated_at = now()
         from customer m where s.id = ? and m.id = ?`,
      [merged.email, merged.phone, survivorId, mergedId],
    );
    const moved = await this.ledger.mergeWithin(tx, {
      tenantId,
      fromId: mergedId,
      toId: survivorId,
      reason: `merge ${mergeId}: ${merge.reason}`,
      actor,
      key: `merge:${mergeId}`,
    });
    const points = moved ? moved.available + moved.pending : 0;
    const tier = await this.tiers.takeHigherStatus(tx, { tenantId, survivorId, mergedId, mergeId, actor });
    await recordTimeline(tx, {
      tenantId,
      customerId: survivorId,
      kind: TimelineKind.CUSTOMER_MERGED,
      actor,
      refType: 'customer_merge',
      refId: mergeId,
      summary: `Profile ${mergedId} merged into this one (${identifiers.length} identifiers, ${points} points): ${merge.reason}`,
      data: { mergeId, mergedId, points, identifiers: identifiers.length },
    });
    await tx.execute(
      `update customer_merge set transaction_id = ?, points_moved = ?, identifier_ids = ?::uuid[], repointed_ids = ?::uuid[], merged_contact = ?,
              survivor_tier_before = ?, survivor_tier_version_after = ? where id = ?`,
      [
        moved?.transactionId ?? null,
        points,
        pgArray(identifiers.map((row) => row.id)),
        pgArray(repointed.map((row) => row.id)),
        JSON.stringify({ email: merged.email, phone: merged.phone }),
        tier.before ? JSON.stringify(tier.before) : null,
        tier.versionAfter,
        mergeId,
      ],
    );
  }

  /**
   * Undoes a merge: the profile comes back with the identifiers that came over, its own timeline (which
   * never moved), and what is left unspent of the points that came over, lots and dates included. The
   * survivor's tier goes back unless it changed since. Idempotent: undoing an undone merge answers with it.
   */
  async unmerge(ctx: Context, input: UnmergeCustomersInput): Promise<UnmergeCustomersResult> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const note = optionalText(input.reason, 'input.reason', 500);
    if (!isUuid(input.mergeId))
      throw customerError(CustomerErrorCode.MERGE_NOT_FOUND, `No merge ${input.mergeId}`, 'input.mergeId');
    const outcome = await ctx.em.transactional(async (tx) => {
      const merge = await tx.findOne(
        CustomerMerge,
        { id: input.mergeId, tenantId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!merge) throw customerError(CustomerErrorCode.MERGE_NOT_FOUND, `No merge ${input.mergeId}`, 'input.mergeId');
      if (merge.status === MergeStatus.UNDONE) return { merge, replayed: true };
      await this.unmergeWork(tx, merge, actor, note);
      return { merge, replayed: false };
    });
    ctx.loaders.customerById.clearAll();
    ctx.loaders.tierStatusByCustomer.clearAll();
    ctx.loaders.balanceByCustomerId.clearAll();
    return {
      merge: await ctx.em.findOneOrFail(CustomerMerge, { id: outcome.merge.id }, { refresh: true }),
      restored: (await ctx.loaders.customerById.load(outcome.merge.mergedId))!,
      replayed: outcome.replayed,
    };
  }

  private async unmergeWork(
    tx: EntityManager,
    merge: CustomerMerge,
    actor: string,
    note: string | undefined,
  ): Promise<void> {
    const { tenantId, survivorId, mergedId } = merge;
    const locked = await this.lockPair(tx, tenantId, survivorId, mergedId);
    const survivor = locked.get(survivorId)!;
    if (survivor.merged_into_id) {
      const [later] = await tx.execute<{ id: string }[]>(
        `select id from customer_merge where tenant_id = ? and merged_id = ? and status = 'ACTIVE'`,
        [tenantId, survivorId],
      );
      throw customerError(
        CustomerErrorCode.MERGE_NOT_LATEST,
        `The survivor was merged into ${survivor.merged_into_id} since; undo merge ${later?.id ?? '(unknown)'} first`,
        'input.mergeId',
      );
    }
    const notes: string[] = [];
    await tx.execute(
      `update customer set merged_into_id = null, version = version + 1, updated_at = now() where id = ?`,
      [mergedId],
    );
    await tx.execute(`update customer set merged_into_id = ? where id = any(?::uuid[]) and merged_into_id = ?`, [
      mergedId,
      pgArray(merge.repointedIds),
      survivorId,
    ]);
    const returned = await tx.execute<{ id: string }[]>(
      `update customer_identifier set customer_id = ? where id = any(?::uuid[]) and customer_id = ? returning id`,
      [mergedId, pgArray(merge.identifierIds), survivorId],
    );
    const identifiersNotReturned = merge.identifierIds.length - returned.length;
    if (identifiersNotReturned > 0)
      notes.push(`${identifiersNotReturned} identifiers were removed from the survivor since and did not come back`);

    // The contact the survivor took from the duplicate goes back with it; so does one nobody else has taken since.
    const contact = merge.mergedContact;
    await tx.execute(
      `update customer set email = case when email = ? then null else email end, phone = case when phone = ? then null else phone end,
              version = version + 1, updated_at = now() where id = ?`,
      [contact.email, contact.phone, survivorId],
    );
    for (const field of ['email', 'phone'] as const) {
      const value = contact[field];
      if (!value) continue;
      const restored = await tx.execute(
        `update customer set ${field} = ? where id = ? and not exists (select 1 from customer o where o.tenant_id = ? and o.${field} = ? and o.id <> ?) returning id`,
        [value, mergedId, tenantId, value, mergedId],
      );
      if (restored.length === 0)
        notes.push(`The ${field} ${value} belongs to another customer now and was not restored`);
    }

    const back = merge.transactionId
      ? await this.ledger.returnMergedWithin(tx, {
          tenantId,
          fromId: survivorId,
          toId: mergedId,
          mergeTransactionId: merge.transactionId,
          reason: `unmerge ${merge.id}`,
          actor,
          key: `unmerge:${merge.id}`,
        })
      : null;
    const pointsReturned = back ? back.available + back.pending : 0;
    const pointsNotReturned = merge.pointsMoved - pointsReturned;
    if (pointsNotReturned > 0)
      notes.push(
        `${pointsNotReturned} of the ${merge.pointsMoved} points that came over were spent or expired since; they stay spent`,
      );

    const tierRestored = await this.tiers.restoreStatus(tx, {
      tenantId,
      survivorId,
      mergedId,
      mergeId: merge.id,
      actor,
      before: (merge.survivorTierBefore ?? null) as StatusRow | null,
      versionAfter: merge.survivorTierVersionAfter ?? null,
    });
    if (!tierRestored) notes.push("The survivor's tier changed after the merge; that later status stands");

    const report: UnmergeReport = {
      pointsReturned,
      pointsNotReturned,
      identifiersReturned: returned.length,
      identifiersNotReturned,
      tierRestored,
      notes,
    };
    for (const customerId of [survivorId, mergedId]) {
      await recordTimeline(tx, {
        tenantId,
        customerId,
        kind: TimelineKind.CUSTOMER_UNMERGED,
        actor,
        refType: 'customer_merge',
        refId: merge.id,
        summary: `Merge of ${mergedId} into ${survivorId} undone (${pointsReturned} points back)${note ? `: ${note}` : ''}`,
        data: { mergeId: merge.id, ...report },
      });
    }
    await tx.execute(
      `update customer_merge set status = 'UNDONE', undone_at = now(), undone_by = ?, unmerge_report = ? where id = ?`,
      [actor, JSON.stringify(report), merge.id],
    );
  }

  async get(ctx: Context, id: string): Promise<CustomerMerge> {
    const tenantId = requireTenant(ctx);
    const merge = isUuid(id) ? await ctx.em.findOne(CustomerMerge, { id, tenantId }) : null;
    if (!merge) throw customerError(CustomerErrorCode.MERGE_NOT_FOUND, `No merge ${id}`, 'id');
    return merge;
  }

  /** Merges a customer took part in, as survivor or as the merged profile, newest first. */
  async ofCustomer(em: EntityManager, tenantId: string, customerId: string): Promise<CustomerMerge[]> {
    return em.find(
      CustomerMerge,
      { tenantId, $or: [{ survivorId: customerId }, { mergedId: customerId }] },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 100 },
    );
  }

  /**
   * Both customer rows, and the profiles merged into them (which a merge re-points), locked in one id order
   * so two merges over overlapping profiles cannot deadlock.
   */
  private async lockPair(
    tx: EntityManager,
    tenantId: string,
    a: string,
    b: string,
  ): Promise<Map<string, LockedCustomer>> {
    const rows = await tx.execute<LockedCustomer[]>(
      `select id, kind, merged_into_id, email, phone from customer
        where tenant_id = ? and (id in (?, ?) or merged_into_id in (?, ?)) order by id for update`,
      [tenantId, a, b, a, b],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async replay(ctx: Context, mergeId: string): Promise<MergeCustomersResult> {
    const merge = await ctx.em.findOneOrFail(CustomerMerge, { id: mergeId }, { refresh: true });
    return { merge, survivor: (await ctx.loaders.customerById.load(merge.survivorId))!, replayed: true };
  }
}
