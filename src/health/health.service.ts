import { customerOrNotFound } from '../customers/customer.lookup';
import { StateSource } from '../realtime/loyalty-state.types';
import { Topic } from '../realtime/pubsub';
import { followStreamEvents } from '../realtime/versioned-stream';
import { requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { decodeRankCursor, pageSize, toConnection } from '../shared/graphql/connection';
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  principalOf,
  requestHash,
} from '../shared/idempotency';
import { healthError, HealthErrorCode } from './health.errors';
import { ChurnRiskLevel, churnThresholdsOf, healthSettingsOf, levelsFrom, segmentOf } from './health.logic';
import { churnRiskStream } from './health.scoring';
import {
  atRiskPage,
  currentSettings,
  currentThresholds,
  type HealthRow,
  insertSettings,
  insertThreshold,
  settingsById,
  type StoredSettings,
  type StoredThreshold,
  thresholdById,
} from './health.store';
import type {
  AtRiskCustomerConnection,
  ChurnRisk,
  ChurnRiskRaisedEvent,
  ChurnRiskRaisedPayload,
  ChurnThreshold,
  HealthScore,
  HealthSettings,
  SetChurnThresholdsInput,
  SetChurnThresholdsResult,
  SetHealthWeightsInput,
  SetHealthWeightsResult,
} from './health.types';

function thresholdView(stored: StoredThreshold): ChurnThreshold {
  return {
    segment: stored.segment,
    ...stored.values,
    isDefault: stored.actor === null,
    setBy: stored.actor,
    setAt: stored.at,
  };
}

function settingsView(stored: StoredSettings, thresholds: StoredThreshold[]): HealthSettings {
  const { weights, ...scales } = stored.values;
  return {
    weights: {
      recency: weights.RECENCY,
      frequency: weights.FREQUENCY,
      monetary: weights.MONETARY,
      engagement: weights.ENGAGEMENT,
      support: weights.SUPPORT,
      sentiment: weights.SENTIMENT,
    },
    ...scales,
    isDefault: stored.actor === null,
    setBy: stored.actor,
    setAt: stored.at,
    churnThresholds: thresholds.map(thresholdView),
  };
}

function healthView(row: HealthRow): HealthScore {
  return {
    score: Number(row.score),
    band: row.band,
    components: row.components.map((component) => ({
      name: component.name,
      value: Number(component.value),
      weight: Number(component.weight),
      contribution: Number(component.contribution),
    })),
    computedAt: new Date(row.computed_at),
  };
}

function churnView(row: HealthRow): ChurnRisk {
  return {
    level: row.churn_level,
    score: row.churn_score,
    reasons: row.churn_reasons,
    segment: row.churn_segment,
    computedAt: new Date(row.computed_at),
  };
}

/**
 * Reads of the stored health scores and churn risk, the tenant's settings for them, and the churn alerts.
 * The computing is HealthScoring's (health.scoring.ts).
 */
export class HealthService {
  async settings(ctx: Context): Promise<HealthSettings> {
    const tenantId = requireTenant(ctx);
    return settingsView(await currentSettings(ctx.em, tenantId), await currentThresholds(ctx.em, tenantId));
  }

  async setWeights(ctx: Context, input: SetHealthWeightsInput): Promise<SetHealthWeightsResult> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    const key = idempotencyKeyOf(input.idempotencyKey);
    const values = healthSettingsOf(input);
    const request: IdempotentRequest = {
      tenantId,
      principal: principalOf(caller),
      scope: IdempotencyScope.HEALTH_SETTINGS,
      key,
      hash: requestHash('setHealthWeights', input),
    };
    return ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      const stored = claim.replayed
        ? await settingsById(tx, claim.resultId)
        : await insertSettings(tx, claim.resultId, tenantId, values, principalOf(caller));
      return { settings: settingsView(stored, await currentThresholds(tx, tenantId)), replayed: claim.replayed };
    });
  }

  async setThresholds(ctx: Context, input: SetChurnThresholdsInput): Promise<SetChurnThresholdsResult> {
    const tenantId = requireTenant(ctx);
    const caller = requireCaller(ctx);
    const key = idempotencyKeyOf(input.idempotencyKey);
    const segment = segmentOf(input.segment);
    const values = churnThresholdsOf(input);
    const request: IdempotentRequest = {
      tenantId,
      principal: principalOf(caller),
      scope: IdempotencyScope.CHURN_THRESHOLDS,
      key,
      hash: requestHash('setChurnThresholds', { ...input, segment }),
    };
    return ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      const stored = claim.replayed
        ? await thresholdById(tx, claim.resultId)
        : await insertThreshold(tx, claim.resultId, tenantId, segment, values, principalOf(caller));
      return { threshold: thresholdView(stored), replayed: claim.replayed };
    });
  }

  async health(ctx: Context, customerId: string): Promise<HealthScore | null> {
    const row = await ctx.loaders.healthByCustomer.load(`${requireTenant(ctx)}:${customerId}`);
    return row && healthView(row);
  }

  async churnRisk(ctx: Context, customerId: string): Promise<ChurnRisk | null> {
    const row = await ctx.loaders.healthByCustomer.load(`${requireTenant(ctx)}:${customerId}`);
    return row && churnView(row);
  }

  /** Customers at `minLevel` or above (default MEDIUM), highest risk score first. */
  async atRisk(
    ctx: Context,
    args: { segment?: string | null; minLevel?: ChurnRiskLevel | null; first?: number | null; after?: string | null },
  ): Promise<AtRiskCustomerConnection> {
    const tenantId = requireTenant(ctx);
    const limit = pageSize(args.first);
    const after = decodeRankCursor(args.after);
    const rows = await atRiskPage(ctx.em, {
      tenantId,
      levels: levelsFrom(args.minLevel ?? ChurnRiskLevel.MEDIUM),
      segment: segmentOf(args.segment, 'segment'),
      after,
      limit,
    });
    const nodes = await Promise.all(
      rows.map(async (row) => {
        ctx.loaders.healthByCustomer.prime(`${tenantId}:${row.customer_id}`, row);
        return {
          customer: await customerOrNotFound(ctx, row.customer_id, 'customerId'),
          churnRisk: churnView(row),
          health: healthView(row),
          rank: row.churn_score,
          id: row.customer_id,
        };
      }),
    );
    return toConnection(nodes, limit, (node) => ({ rank: node.rank, id: node.id }), after);
  }
}

/**
 * The tenant's crossings into HIGH: those after `sinceVersion` first (MISSED), then LIVE ones. A function, not a
 * method: a subscription's `subscribe` runs without the resolver instance.
 */
export function followChurnRisk(
  ctx: Context,
  sinceVersion: number | null,
): AsyncIterableIterator<ChurnRiskRaisedEvent> {
  const tenantId = requireTenant(ctx);
  if (sinceVersion !== null && (!Number.isInteger(sinceVersion) || sinceVersion < 0))
    throw healthError(
      HealthErrorCode.SINCE_VERSION_INVALID,
      'sinceVersion must be a version this client received (0 or more)',
      'sinceVersion',
    );
  return followStreamEvents<ChurnRiskRaisedPayload, ChurnRiskRaisedEvent>({
    bus: ctx.bus,
    em: () => ctx.em,
    topic: Topic.CHURN_RISK_RAISED,
    stream: churnRiskStream(tenantId),
    routingKey: tenantId,
    sinceVersion,
    toItem: (payload, source: StateSource) => ({
      version: payload.version,
      source,
      customerId: payload.customerId,
      from: payload.from,
      score: payload.score,
      reasons: payload.reasons,
      computedAt: new Date(payload.computedAt),
    }),
  });
}
