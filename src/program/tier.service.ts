// Over 400 lines because tier definitions, status grants and set-based evaluation share one lock and one history
// writer; evaluation (with tier.sql) is the cut to make when it grows again.
import type { EntityManager } from '@mikro-orm/postgresql';

import { customerOrNotFound } from '../customers/customer.lookup';
import { callerLabel } from '../shared/auth/caller';
import { assertMayActOnCustomer, requireCaller, requireTenant } from '../shared/auth/guards';
import type { Channel } from '../shared/channel';
import type { Context } from '../shared/context';
import { BATCH_JOBS_LOCK_SQL, bind } from '../shared/db/sql';
import {
  claimIdempotencyKey,
  findIdempotentResult,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  requestHash,
} from '../shared/idempotency';
import { requiredText } from '../shared/validation';
import { recordTimeline } from '../timeline/timeline';
import { TimelineKind } from '../timeline/timeline.entity';
import { BenefitKind, type BenefitRecord } from './benefit.entity';
import { programError, ProgramErrorCode } from './program.errors';
import type { TierStatusRow } from './program.loaders';
import type {
  GrantTierStatusInput,
  RecognisedBenefit,
  TierChangeView,
  TierEvaluation,
  TierStatus,
} from './program.types';
import { Tier, TierChangeReason, TierMetric, type TierRecord, TierWindow } from './tier.entity';
import { DOWNGRADE_SQL, END_GRANTS_SQL, UPGRADE_SQL } from './tier.sql';

export interface TierMove {
  customer_id: string;
  from_tier_id: string | null;
  to_tier_id: string;
}

type Activity = Pick<TierStatusRow, 'spend_cy' | 'spend_r12' | 'points_cy' | 'points_r12' | 'visits_cy' | 'visits_r12'>;

/** The value a tier counts, from activity totals (mirrors TIER_VALUE in tier.sql.ts). */
function tierValue(tier: TierRecord, activity: Activity): number {
  const rolling = tier.window === TierWindow.ROLLING_12_MONTHS;
  switch (tier.metric) {
    case TierMetric.SPEND:
      return Number(rolling ? activity.spend_r12 : activity.spend_cy);
    case TierMetric.POINTS_EARNED:
      return Number(rolling ? activity.points_r12 : activity.points_cy);
    case TierMetric.VISITS:
      return Number(rolling ? activity.visits_r12 : activity.visits_cy);
  }
}

function keepValue(tier: TierRecord, row: TierStatusRow): number {
  switch (tier.metric) {
    case TierMetric.SPEND:
      return Number(row.spend_keep);
    case TierMetric.POINTS_EARNED:
      return Number(row.points_keep);
    case TierMetric.VISITS:
      return Number(row.visits_keep);
  }
}

/** The tier a member holds now: limited-time status while it lasts and outranks the qualified tier. */
export function effectiveTier(
  tiers: TierRecord[],
  row: Pick<TierStatusRow, 'tier_id' | 'granted_tier_id' | 'granted_until'> | undefined,
  now = new Date(),
) {
  const base = tiers.find((tier) => tier.rank === 0) ?? tiers[0];
  if (!base) return null;
  const qualified = tiers.find((tier) => tier.id === row?.tier_id) ?? base;
  const granted =
    row?.granted_until && new Date(row.granted_until) > now
      ? tiers.find((tier) => tier.id === row.granted_tier_id)
      : undefined;
  const current = granted && granted.rank > qualified.rank ? granted : qualified;
  return {
    current,
    qualified,
    limitedTime: current !== qualified,
    grantedUntil: current !== qualified ? new Date(row!.granted_until!) : undefined,
  };
}

/** A member's status row (customer_tier) as stored. */
export interface StatusRow {
  tier_id: string;
  since: Date | string;
  period_end: Date | string | null;
  granted_tier_id: string | null;
  granted_since: Date | string | null;
  granted_until: Date | string | null;
}

const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : -Infinity);

/**
 * The status a survivor holds after a merge: the higher qualified tier of the two (on a tie, the later
 * period end), and the higher limited-time status still running (on a tie, the later end). Undefined when
 * neither had a row (both in the base tier).
 */
export function combinedStatus(
  tiers: TierRecord[],
  survivor: StatusRow | undefined,
  merged: StatusRow | undefined,
  now = new Date(),
): StatusRow | undefined {
  if (!merged) return survivor;
  if (!survivor) return merged;
  const rank = (id: string | null) => tiers.find((tier) => tier.id === id)?.rank ?? 0;
  const mergedQualifies =
    rank(merged.tier_id) > rank(survivor.tier_id) ||
    (rank(merged.tier_id) === rank(survivor.tier_id) && time(merged.period_end) > time(survivor.period_end));
  const qualified = mergedQualifies ? merged : survivor;
  const live = [survivor, merged].filter((row) => row.granted_tier_id && time(row.granted_until) > now.getTime());
  live.sort(
    (a, b) => rank(b.granted_tier_id) - rank(a.granted_tier_id) || time(b.granted_until) - time(a.granted_until),
  );
  const grant = live[0] ?? survivor;
  return {
    tier_id: qualified.tier_id,
    since: qualified.since,
    period_end: qualified.period_end,
    granted_tier_id: grant.granted_tier_id,
    granted_since: grant.granted_since,
    granted_until: grant.granted_until,
  };
}

const sameStatus = (a: StatusRow | undefined, b: StatusRow | undefined) =>
  a === b ||
  (!!a &&
    !!b &&
    a.tier_id === b.tier_id &&
    time(a.period_end) === time(b.period_end) &&
    a.granted_tier_id === b.granted_tier_id &&
    time(a.granted_until) === time(b.granted_until));

/** Tier status, qualification, limited-time status and the benefits a member holds. */
export class TierService {
  /**
   * Gives a merge's survivor the stronger status of the pair (see combinedStatus), recording the change
   * when the tier it holds moves. Returns the survivor's row before, to restore on unmerge, and the row
   * version the merge left (null when nothing changed).
   */
  async takeHigherStatus(
    tx: EntityManager,
    merge: { tenantId: string; survivorId: string; mergedId: string; mergeId: string; actor: string },
  ): Promise<{ before: StatusRow | null; versionAfter: number | null }> {
    const rows = await tx.execute<(StatusRow & { customer_id: string; version: number })[]>(
      `select customer_id, tier_id, since, period_end, granted_tier_id, granted_since, granted_until, version
         from customer_tier where customer_id in (?, ?) order by customer_id for update`,
      [merge.survivorId, merge.mergedId],
    );
    const strip = (row: (typeof rows)[number] | undefined): StatusRow | undefined =>
      row && {
        tier_id: row.tier_id,
        since: row.since,
        period_end: row.period_end,
        granted_tier_id: row.granted_tier_id,
        granted_since: row.granted_since,
        granted_until: row.granted_until,
      };
    const before = strip(rows.find((row) => row.customer_id === merge.survivorId));
    const tiers = await this.tiersOf(tx, merge.tenantId);
    const after = combinedStatus(tiers, before, strip(rows.find((row) => row.customer_id === merge.mergedId)));
    if (!after || sameStatus(before, after)) return { before: before ?? null, versionAfter: null };
    const [{ version }] = await tx.execute<{ version: number }[]>(
      `insert into customer_tier (customer_id, tenant_id, tier_id, since, period_end, granted_tier_id, granted_since, granted_until, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, 1)
       on conflict (customer_id) do update set tier_id = excluded.tier_id, since = excluded.since, period_end = excluded.period_end,
         granted_tier_id = excluded.granted_tier_id, granted_since = excluded.granted_since, granted_until = excluded.granted_until,
         version = customer_tier.version + 1
       returning version`,
      [
        merge.survivorId,
        merge.tenantId,
        after.tier_id,
        after.since,
        after.period_end,
        after.granted_tier_id,
        after.granted_since,
        after.granted_until,
      ],
    );
    await this.recordMove(tx, tiers, merge, before, after, TierChangeReason.MERGED);
    return { before: before ?? null, versionAfter: version };
  }

  /**
   * Puts the survivor's status back as it was before a merge, unless it has changed since (a purchase
   * requalified, a grant, a downgrade): then the later change stands. Says whether it was put back.
   */
  async restoreStatus(
    tx: EntityManager,
    merge: {
      tenantId: string;
      survivorId: string;
      mergedId: string;
      mergeId: string;
      actor: string;
      before: StatusRow | null;
      versionAfter: number | null;
    },
  ): Promise<boolean> {
    if (merge.versionAfter === null) return true;
    const [current] = await tx.execute<(StatusRow & { version: number })[]>(
      `select tier_id, since, period_end, granted_tier_id, granted_since, granted_until, version from customer_tier where customer_id = ? for update`,
      [merge.survivorId],
    );
    if (!current || current.version !== merge.versionAfter) return false;
    const before = merge.before ?? undefined;
    if (before) {
      await tx.execute(
        `update customer_tier set tier_id = ?, since = ?, period_end = ?, granted_tier_id = ?, granted_since = ?, granted_until = ?, version = version + 1
          where customer_id = ?`,
        [
          before.tier_id,
          before.since,
          before.period_end,
          before.granted_tier_id,
          before.granted_since,
          before.granted_until,
          merge.survivorId,
        ],
      );
    } else {
      await tx.execute(`delete from customer_tier where customer_id = ?`, [merge.survivorId]);
    }
    await this.recordMove(
      tx,
      await this.tiersOf(tx, merge.tenantId),
      merge,
      current,
      before,
      TierChangeReason.UNMERGED,
    );
    return true;
  }

  /** Records a merge's or unmerge's move of the tier a member holds, when the held tier changed. */
  private async recordMove(
    tx: EntityManager,
    tiers: TierRecord[],
    merge: { tenantId: string; survivorId: string; mergeId: string; actor: string },
    from: StatusRow | undefined,
    to: StatusRow | undefined,
    reason: TierChangeReason,
  ): Promise<void> {
    const held = (row: StatusRow | undefined) =>
      effectiveTier(
        tiers,
        row && {
          tier_id: row.tier_id,
          granted_tier_id: row.granted_tier_id,
          granted_until: row.granted_until ? new Date(row.granted_until) : null,
        },
      )?.current;
    const was = held(from);
    const now = held(to);
    if (!now || was?.id === now.id) return;
    const note = `${reason === TierChangeReason.MERGED ? 'merge' : 'unmerge'} ${merge.mergeId}`;
    const [change] = await tx.execute<{ id: string }[]>(
      `insert into tier_change (id, created_at, tenant_id, customer_id, from_tier_id, to_tier_id, reason, note, actor)
       values (gen_random_uuid(), now(), ?, ?, ?, ?, ?, ?, ?) returning id`,
      [merge.tenantId, merge.survivorId, was?.id ?? null, now.id, reason, note, merge.actor],
    );
    await recordTimeline(tx, {
      tenantId: merge.tenantId,
      customerId: merge.survivorId,
      kind: TimelineKind.TIER_CHANGED,
      actor: merge.actor,
      summary: `Tier ${reason.toLowerCase()}: ${was?.code ?? '-'} to ${now.code}`,
      refType: 'tier_change',
      refId: change.id,
      data: { from: was?.code ?? null, to: now.code, reason, mergeId: merge.mergeId },
    });
  }

  private async tiersOf(tx: EntityManager, tenantId: string): Promise<Tier[]> {
    return tx.find(Tier, { tenant: tenantId }, { filters: false });
  }

  async status(ctx: Context, customerId: string): Promise<TierStatus | null> {
    const tenantId = requireTenant(ctx);
    // Asked for together, so they share a round trip with the request's other reads.
    const [tiers, row] = await Promise.all([
      ctx.loaders.tiersByTenant.load(tenantId),
      ctx.loaders.tierStatusByCustomer.load(`${tenantId}:${customerId}`),
    ]);
    if (tiers.length === 0) return null;
    const held = effectiveTier(tiers, row)!;
    const next = tiers.find((tier) => tier.rank > held.current.rank);
    const status: TierStatus = {
      current: held.current,
      qualifiedTier: held.qualified,
      limitedTime: held.limitedTime,
      since: held.limitedTime
        ? new Date(row.granted_since!)
        : row?.since
          ? new Date(row.since)
          : (await ctx.loaders.customerById.load(customerId))!.createdAt,
      expiresAt: held.grantedUntil ?? (row?.period_end ? new Date(row.period_end) : undefined),
    };
    if (next) {
      const value = tierValue(next, row);
      status.progress = {
        metric: next.metric,
        value,
        nextTier: next,
        remaining: Math.max(0, next.threshold - value),
        percent: Math.min(100, Math.floor((value * 100) / next.threshold)),
      };
    }
    if (held.qualified.rank > 0 && row?.period_end) {
      const kept = keepValue(held.qualified, row);
      const lower = [...tiers].reverse().find((tier) => tier.rank < held.qualified.rank)!;
      status.downgradeRisk = {
        atPeriodEnd: new Date(row.period_end),
        projectedTier: kept >= held.qualified.threshold ? held.qualified : lower,
        remainingToKeep: Math.max(0, held.qualified.threshold - kept),
      };
    }
    return status;
  }

  /** Benefits of the member's tier and every tier below it that are honoured on the channel. */
  async benefits(ctx: Context, customerId: string, channel: Channel): Promise<RecognisedBenefit[]> {
    const tenantId = requireTenant(ctx);
    const [tiers, row, benefits] = await Promise.all([
      ctx.loaders.tiersByTenant.load(tenantId),
      ctx.loaders.tierStatusByCustomer.load(`${tenantId}:${customerId}`),
      ctx.loaders.benefitsByTenant.load(tenantId),
    ]);
    if (tiers.length === 0) return [];
    const held = effectiveTier(tiers, row)!;
    return heldBenefits(tiers, benefits, held.current, channel);
  }

  /** Upgrades or requalifies one member after a purchase, inside that purchase's transaction. */
  async qualify(tx: EntityManager, tenantId: string, customerId: string, at: Date, actor: string): Promise<TierMove[]> {
    return await tx.execute<TierMove[]>(...bind(UPGRADE_SQL, { tenantId, customerId, at, actor }));
  }

  /**
   * Re-evaluates a whole tenant in three set-based statements, one transaction: limited-time status that
   * has ended, upgrades and requalifications, then downgrades of one tier for periods past their grace.
   * Null when another instance is evaluating the tenant right now (it does the same work).
   */
  async evaluate(
    em: EntityManager,
    tenantId: string,
    at: Date,
    actor = 'job:evaluate-tiers',
  ): Promise<TierEvaluation | null> {
    const started = performance.now();
    const result = await em.transactional(async (tx) => {
      // One evaluation of a tenant at a time: two would both drop the same member.
      const [{ locked }] = await tx.execute<{ locked: boolean }[]>(
        `select pg_try_advisory_xact_lock(hashtext('evaluate-tiers:' || ?)) as locked`,
        [tenantId],
      );
      if (!locked) return null;
      await tx.execute(BATCH_JOBS_LOCK_SQL);
      const ended = await tx.execute<TierMove[]>(...bind(END_GRANTS_SQL, { tenantId, at, actor }));
      const upgraded = await tx.execute<TierMove[]>(...bind(UPGRADE_SQL, { tenantId, customerId: null, at, actor }));
      const downgraded = await tx.execute<TierMove[]>(...bind(DOWNGRADE_SQL, { tenantId, at, actor }));
      return { grantsEnded: ended.length, upgraded: upgraded.length, downgraded: downgraded.length, durationMs: 0 };
    });
    // Measured after commit, which writes each changed member's new loyalty state (deferred triggers).
    return result && { ...result, durationMs: Math.round(performance.now() - started) };
  }

  /** Every tenant that has tiers, one after the other (the gateway's hourly job and `npm run evaluate-tiers`). */
  async evaluateAll(
    fork: () => EntityManager,
    at: Date,
    onTenant: (tenantId: string, result: TierEvaluation | null) => void,
  ): Promise<void> {
    const tenants = await fork().execute<{ tenant_id: string }[]>(`select distinct tenant_id from tier`);
    for (const { tenant_id: tenantId } of tenants) onTenant(tenantId, await this.evaluate(fork(), tenantId, at));
  }

  /**
   * Gives limited-time status in the caller's transaction (a status match, or goodwill from a support case):
   * the member holds `tierId` until `until` while it outranks the tier they qualify for. Recorded in the tier
   * history (under `key` when given, unique per tenant) and on the timeline. Returns the tier change's id.
   */
  async grantWithin(
    tx: EntityManager,
    grant: {
      tenantId: string;
      customerId: string;
      tierId: string;
      until: Date;
      note: string;
      actor: string;
      id?: string;
      key?: string;
      hash?: string;
    },
  ): Promise<string> {
    const { tenantId, customerId } = grant;
    const tiers = await this.tiersOf(tx, tenantId);
    const tier = tiers.find((candidate) => candidate.id === grant.tierId);
    if (!tier) throw programError(ProgramErrorCode.TIER_NOT_FOUND, `No tier ${grant.tierId}`, 'input.tierId');
    const [change] = await tx.execute<{ id: string }[]>(
      `insert into tier_change (id, created_at, tenant_id, customer_id, from_tier_id, to_tier_id, reason, note, actor, idempotency_key, request_hash)
       select coalesce(?::uuid, gen_random_uuid()), now(), ?, ?, coalesce(ct.granted_tier_id, ct.tier_id, (select id from tier where tenant_id = ? and rank = 0)), ?, 'GRANTED', ?, ?, ?, ?
         from (select 1) one left join customer_tier ct on ct.customer_id = ?
       returning id`,
      [
        grant.id ?? null,
        tenantId,
        customerId,
        tenantId,
        tier.id,
        grant.note,
        grant.actor,
        grant.key ?? null,
        grant.hash ?? null,
        customerId,
      ],
    );
    await recordTimeline(tx, {
      tenantId,
      customerId,
      kind: TimelineKind.TIER_CHANGED,
      actor: grant.actor,
      summary: `Tier granted: ${tier.code} until ${grant.until.toISOString().slice(0, 10)} (${grant.note})`,
      refType: 'tier_change',
      refId: change.id,
      data: { to: tier.code, reason: 'GRANTED', until: grant.until.toISOString(), note: grant.note },
    });
    const base = tiers.find((candidate) => candidate.rank === 0) ?? tier;
    await tx.execute(
      `insert into customer_tier (customer_id, tenant_id, tier_id, since, period_end, granted_tier_id, granted_since, granted_until, version)
       values (?, ?, ?, now(), null, ?, now(), ?, 1)
       on conflict (customer_id) do update set granted_tier_id = excluded.granted_tier_id, granted_since = excluded.granted_since,
         granted_until = excluded.granted_until, version = customer_tier.version + 1`,
      [customerId, tenantId, base.id, tier.id, grant.until],
    );
    return change.id;
  }

  async grant(ctx: Context, input: GrantTierStatusInput): Promise<TierStatus | null> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const request: IdempotentRequest = {
      tenantId,
      scope: IdempotencyScope.TIER_GRANT,
      principal: actor,
      key: idempotencyKeyOf(input.idempotencyKey),
      hash: requestHash('grantTierStatus', input),
    };
    // A retry of a grant that went through answers with the status now, even once `until` has passed.
    if (await findIdempotentResult(ctx.em, request)) return this.status(ctx, input.customerId);
    const note = requiredText(input.note, 'input.note', 500);
    const customer = await customerOrNotFound(ctx, input.customerId, 'input.customerId');
    const tiers = await ctx.loaders.tiersByTenant.load(tenantId);
    const tier = tiers.find((candidate) => candidate.id === input.tierId);
    if (!tier) throw programError(ProgramErrorCode.TIER_NOT_FOUND, `No tier ${input.tierId}`, 'input.tierId');
    if (Number.isNaN(input.until.getTime()) || input.until <= new Date()) {
      throw programError(ProgramErrorCode.GRANT_INVALID, 'input.until must be in the future', 'input.until');
    }
    await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) return;
      await this.grantWithin(tx, {
        tenantId,
        customerId: customer.id,
        tierId: tier.id,
        until: input.until,
        note,
        actor,
        id: claim.resultId,
        key: request.key,
        hash: request.hash,
      });
    });
    ctx.loaders.tierStatusByCustomer.clearAll();
    return this.status(ctx, customer.id);
  }

  async history(ctx: Context, customerId: string, limit: number): Promise<TierChangeView[]> {
    const tenantId = requireTenant(ctx);
    assertMayActOnCustomer(ctx, customerId);
    const tiers = await ctx.loaders.tiersByTenant.load(tenantId);
    const byId = new Map(tiers.map((tier) => [tier.id, tier]));
    const rows = await ctx.em.execute<
      {
        id: string;
        from_tier_id: string | null;
        to_tier_id: string | null;
        reason: string;
        note: string | null;
        actor: string;
        created_at: Date;
      }[]
    >(
      `select id, from_tier_id, to_tier_id, reason, note, actor, created_at from tier_change
        where tenant_id = ? and customer_id = ? order by created_at desc, id desc limit ?`,
      [tenantId, customerId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      from: byId.get(row.from_tier_id ?? ''),
      to: byId.get(row.to_tier_id ?? ''),
      reason: row.reason,
      note: row.note ?? undefined,
      actor: row.actor,
      at: new Date(row.created_at),
    }));
  }
}

/** Benefits a member of `tier` holds on a channel: those of the tier and every lower one, with channel text. */
export function heldBenefits(
  tiers: TierRecord[],
  benefits: BenefitRecord[],
  tier: TierRecord,
  channel: Channel,
): RecognisedBenefit[] {
  const rankOf = new Map(tiers.map((candidate) => [candidate.id, candidate]));
  return benefits
    .filter(
      (benefit) =>
        benefit.active &&
        benefit.channels.includes(channel) &&
        (rankOf.get(benefit.tierId)?.rank ?? Infinity) <= tier.rank,
    )
    .map((benefit) => ({
      benefitId: benefit.id,
      code: benefit.code,
      kind: benefit.kind,
      value: benefit.value,
      tierCode: rankOf.get(benefit.tierId)!.code,
      text: benefit.texts.find((entry) => entry.channel === channel)?.text ?? benefit.title,
      channels: benefit.channels,
    }));
}

/** The strongest points multiplier a member holds on a channel, for purchase evaluation. */
export function pointsMultiplier(benefits: RecognisedBenefit[]) {
  const best = benefits
    .filter((benefit) => benefit.kind === BenefitKind.POINTS_MULTIPLIER)
    .sort((a, b) => b.value - a.value)[0];
  return best ? { benefitId: best.benefitId, code: best.code, title: best.text, percent: best.value } : null;
}
