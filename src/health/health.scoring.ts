import type { EntityManager } from '@mikro-orm/postgresql';

import { Topic } from '../realtime/pubsub';
import { bind, pgArray } from '../shared/db/sql';
import type { NewSignal, SignalService } from '../signals/signal.service';
import { SignalType } from '../signals/signal.types';
import { HEALTH_COMPONENTS, SCORING_RULES } from './health.logic';
import {
  ANALYZE_SQL,
  cleanupSql,
  INPUT_SQL,
  MEMBERS_SQL,
  scopeSql,
  SIGNAL_CANDIDATES_SQL,
  WRITE_SQL,
} from './health.sql';
import { currentSettings, currentThresholds } from './health.store';

/** What one scoring run did. */
export interface ScoringResult {
  /** Customers given a score (those who allow profiling). */
  readonly scored: number;
  /** Customers whose churn risk level changed (a timeline event each). */
  readonly changed: number;
  /** Customers who crossed into HIGH (a CHURN_RISK_RAISED stream event each). */
  readonly raised: number;
  /** DOWNGRADE_AHEAD and POINTS_EXPIRING signals newly raised (CHURN_RISK_RAISED: one per crossing, once a day). */
  readonly downgradesAhead: number;
  readonly pointsExpiring: number;
  readonly durationMs: number;
}

/** The tenant's churn-risk stream: one version counter per tenant (see versioned-stream.ts). */
export const churnRiskStream = (tenantId: string): string => `churn-risk:${tenantId}`;

const DIRTY_BATCH = 5000;
const ANALYZE_FROM = 10_000;

/**
 * Computes health scores and churn risk set-based (health.sql.ts): a whole tenant, or the customers whose inputs
 * changed since the last run (dirty markers written by triggers, src/health/sql/). One run of a tenant at a
 * time; an instance that finds one under way skips the tenant (null), since it does the same work.
 */
export class HealthScoring {
  constructor(private readonly signals: SignalService) {}

  /** Scores every customer of the tenant (the CLI, the hourly job, and after the settings change). */
  async scoreTenant(
    em: EntityManager,
    tenantId: string,
    at = new Date(),
    actor = 'job:score-health',
  ): Promise<ScoringResult | null> {
    return this.locked(em, tenantId, async (tx) => {
      // Markers written before this run are covered by it; later ones wait for the next.
      await tx.execute(`delete from health_dirty where tenant_id = ?`, [tenantId]);
      const result = await this.run(tx, tenantId, at, null, actor);
      // A large tenant's rows were all rewritten: atRiskCustomers plans on fresh statistics, not autovacuum's.
      if (result.scored >= ANALYZE_FROM) await tx.execute(`analyze health_score`);
      await tx.execute(
        `insert into health_run (tenant_id, full_run_at) values (?, ?)
         on conflict (tenant_id) do update set full_run_at = excluded.full_run_at`,
        [tenantId, at],
      );
      return result;
    });
  }

  /**
   * Scores the customers marked since the last run (at most a batch; the rest on the next call). Markers are
   * claimed with SKIP LOCKED and deleted in this transaction, so a failed run leaves them for the next.
   */
  async scoreDirty(
    em: EntityManager,
    tenantId: string,
    at = new Date(),
    actor = 'job:score-health',
  ): Promise<ScoringResult | null> {
    return this.locked(em, tenantId, async (tx) => {
      const claimed = await tx.execute<{ customer_id: string }[]>(
        `delete from health_dirty where id in (
           select id from health_dirty where tenant_id = ? order by id limit ? for update skip locked)
         returning customer_id`,
        [tenantId, DIRTY_BATCH],
      );
      const ids = [...new Set(claimed.map((row) => row.customer_id))];
      if (ids.length === 0) return { scored: 0, changed: 0, raised: 0, downgradesAhead: 0, pointsExpiring: 0 };
      return this.run(tx, tenantId, at, ids, actor);
    });
  }

  /**
   * The job's tick: a full run of each tenant never scored, whose settings changed since its last full run, or
   * whose last full run is older than `fullEveryMs` (recency and expiry windows move with time, not only with
   * inputs); then the marked customers of every other tenant.
   */
  async runDue(
    fork: () => EntityManager,
    fullEveryMs: number,
    onTenant: (tenantId: string, kind: 'full' | 'dirty', result: ScoringResult | null) => void,
  ): Promise<void> {
    const due = await fork().execute<{ id: string }[]>(
      `select t.id from tenant t left join health_run r on r.tenant_id = t.id
        where r.full_run_at is null or r.settings_changed_at > r.full_run_at
           or r.full_run_at < now() - make_interval(secs => ?)
        order by t.id`,
      [fullEveryMs / 1000],
    );
    for (const { id } of due) onTenant(id, 'full', await this.scoreTenant(fork(), id));
    const fullRun = new Set(due.map((row) => row.id));
    const marked = await fork().execute<{ tenant_id: string }[]>(`select distinct tenant_id from health_dirty`);
    for (const { tenant_id: tenantId } of marked) {
      if (!fullRun.has(tenantId)) onTenant(tenantId, 'dirty', await this.scoreDirty(fork(), tenantId));
    }
  }

  /** Every tenant in full, one after the other (`npm run score-health` without --tenant). */
  async scoreAll(
    fork: () => EntityManager,
    at: Date,
    onTenant: (tenantId: string, result: ScoringResult | null) => void,
  ): Promise<void> {
    const tenants = await fork().execute<{ id: string }[]>(`select id from tenant order by id`);
    for (const { id } of tenants) onTenant(id, await this.scoreTenant(fork(), id, at));
  }

  private async locked(
    em: EntityManager,
    tenantId: string,
    work: (tx: EntityManager) => Promise<Omit<ScoringResult, 'durationMs'>>,
  ): Promise<ScoringResult | null> {
    const started = performance.now();
    const result = await em.transactional(async (tx) => {
      const [{ locked }] = await tx.execute<{ locked: boolean }[]>(
        `select pg_try_advisory_xact_lock(hashtext('score-health:' || ?)) as locked`,
        [tenantId],
      );
      return locked ? work(tx) : null;
    });
    return result && { ...result, durationMs: Math.round(performance.now() - started) };
  }

  /** The four steps of health.sql.ts in the caller's transaction; `customerIds` null for the whole tenant. */
  private async run(
    tx: EntityManager,
    tenantId: string,
    at: Date,
    customerIds: string[] | null,
    actor: string,
  ): Promise<Omit<ScoringResult, 'durationMs'>> {
    const { values: settings } = await currentSettings(tx, tenantId);
    const [tenantDefault] = await currentThresholds(tx, tenantId);
    const ids = customerIds && pgArray(customerIds);
    // JIT would compile the scoring's many expressions for longer than it takes to run them (38 s of 88 s for
    // 100,000 customers, measured): off for this transaction only.
    await tx.execute(`set local jit = off`);
    // A whole tenant's inputs sort and hash in memory rather than in temporary files.
    await tx.execute(`set local work_mem = '64MB'`);
    await tx.execute(...bind(scopeSql(ids !== null), ids ? { tenantId, customerIds: ids } : { tenantId }));
    await tx.execute(...bind(MEMBERS_SQL, { tenantId }));
    await tx.execute(ANALYZE_SQL);
    const weights = Object.fromEntries(HEALTH_COMPONENTS.map((name) => [`w${name}`, settings.weights[name]]));
    await tx.execute(
      ...bind(INPUT_SQL, {
        tenantId,
        at,
        ...weights,
        weightTotal: HEALTH_COMPONENTS.reduce((sum, name) => sum + settings.weights[name], 0),
        recencyDays: settings.recencyDays,
        visitsPerYear: settings.visitsPerYear,
        spendPerYear: settings.spendPerYear,
        redemptionsPerYear: settings.redemptionsPerYear,
        healthyFrom: settings.healthyFrom,
        atRiskBelow: settings.atRiskBelow,
        casePenalty: SCORING_RULES.casePenalty,
        neutralSentiment: SCORING_RULES.neutralSentiment,
        warningDays: SCORING_RULES.warningDays,
        breachDays: SCORING_RULES.breachDays,
        fallingFactor: SCORING_RULES.fallingFactor,
        rhythmGaps: SCORING_RULES.rhythmPurchases - 1,
        expectedGapDays: tenantDefault.values.expectedGapDays,
        mediumFrom: tenantDefault.values.mediumFrom,
        highFrom: tenantDefault.values.highFrom,
      }),
    );
    const written = await tx.execute<
      {
        scored: number;
        changed: number;
        raised: number;
        customer_id: string | null;
        from_level: string;
        churn_score: number;
        churn_reasons: unknown[];
        cause: string;
      }[]
    >(...bind(WRITE_SQL, { tenantId, actor, stream: churnRiskStream(tenantId), topic: Topic.CHURN_RISK_RAISED }));
    const candidates = await tx.execute<
      { customer_id: string; type: SignalType; cause: string; payload: Record<string, unknown> }[]
    >(...bind(SIGNAL_CANDIDATES_SQL, { tenantId }));
    const signals: NewSignal[] = [
      ...written.flatMap((row) =>
        row.customer_id === null
          ? []
          : [
              {
                tenantId,
                customerId: row.customer_id,
                type: SignalType.CHURN_RISK_RAISED,
                cause: row.cause,
                payload: { from: row.from_level, score: row.churn_score, reasons: row.churn_reasons },
              },
            ],
      ),
      ...candidates.map((row) => ({
        tenantId,
        customerId: row.customer_id,
        type: row.type,
        cause: row.cause,
        payload: row.payload,
      })),
    ];
    const raised = await this.signals.raiseAll(tx, signals);
    const count = (type: SignalType) => raised.filter((signal) => signal.type === type).length;
    await tx.execute(...bind(cleanupSql(ids !== null), ids ? { tenantId, customerIds: ids } : { tenantId }));
    return {
      scored: written[0].scored,
      changed: written[0].changed,
      raised: written[0].raised,
      downgradesAhead: count(SignalType.DOWNGRADE_AHEAD),
      pointsExpiring: count(SignalType.POINTS_EXPIRING),
    };
  }
}
