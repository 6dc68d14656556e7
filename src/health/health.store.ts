import type { EntityManager } from '@mikro-orm/postgresql';

import { consentAllowsSql, ConsentPurpose } from '../customers/consent.logic';
import type { Reads } from '../shared/db/read-batch';
import {
  type ChurnRiskLevel,
  type ChurnThresholdValues,
  DEFAULT_CHURN_THRESHOLDS,
  DEFAULT_HEALTH_SETTINGS,
  type HealthBand,
  type HealthSettingsValues,
} from './health.logic';
import type { ChurnReason, HealthComponent } from './health.types';

interface SettingsRow {
  id: string;
  recency_weight: number;
  frequency_weight: number;
  monetary_weight: number;
  engagement_weight: number;
  support_weight: number;
  sentiment_weight: number;
  recency_days: number;
  visits_per_year: number;
  spend_per_year: string;
  redemptions_per_year: number;
  healthy_from: number;
  at_risk_below: number;
  actor: string;
  created_at: Date;
}

/** Settings in force, with who set them; the defaults (no actor) while the tenant has set none. */
export interface StoredSettings {
  readonly values: HealthSettingsValues;
  readonly actor: string | null;
  readonly at: Date | null;
}

export interface StoredThreshold {
  readonly segment: string | null;
  readonly values: ChurnThresholdValues;
  readonly actor: string | null;
  readonly at: Date | null;
}

interface ThresholdRow {
  id: string;
  segment: string | null;
  expected_gap_days: number;
  medium_from: number;
  high_from: number;
  actor: string;
  created_at: Date;
}

/** A stored score as the reads use it. */
export interface HealthRow {
  customer_id: string;
  score: number | string;
  band: HealthBand;
  components: HealthComponent[];
  churn_score: number;
  churn_level: ChurnRiskLevel;
  churn_reasons: ChurnReason[];
  churn_segment: string | null;
  computed_at: Date | string;
}

function settingsOf(row: SettingsRow): StoredSettings {
  return {
    values: {
      weights: {
        RECENCY: row.recency_weight,
        FREQUENCY: row.frequency_weight,
        MONETARY: row.monetary_weight,
        ENGAGEMENT: row.engagement_weight,
        SUPPORT: row.support_weight,
        SENTIMENT: row.sentiment_weight,
      },
      recencyDays: row.recency_days,
      visitsPerYear: row.visits_per_year,
      spendPerYear: Number(row.spend_per_year),
      redemptionsPerYear: row.redemptions_per_year,
      healthyFrom: row.healthy_from,
      atRiskBelow: row.at_risk_below,
    },
    actor: row.actor,
    at: new Date(row.created_at),
  };
}

function thresholdOf(row: ThresholdRow): StoredThreshold {
  return {
    segment: row.segment,
    values: { expectedGapDays: row.expected_gap_days, mediumFrom: row.medium_from, highFrom: row.high_from },
    actor: row.actor,
    at: new Date(row.created_at),
  };
}

/** The settings in force: the latest row, or the defaults. */
export async function currentSettings(em: EntityManager, tenantId: string): Promise<StoredSettings> {
  const [row] = await em.execute<SettingsRow[]>(
    `select * from health_settings where tenant_id = ? order by created_at desc, id desc limit 1`,
    [tenantId],
  );
  return row ? settingsOf(row) : { values: DEFAULT_HEALTH_SETTINGS, actor: null, at: null };
}

export async function settingsById(em: EntityManager, id: string): Promise<StoredSettings> {
  const [row] = await em.execute<SettingsRow[]>(`select * from health_settings where id = ?`, [id]);
  return settingsOf(row);
}

/** Appends the settings (the latest row is in force) and has the tenant scored again in full. */
export async function insertSettings(
  tx: EntityManager,
  id: string,
  tenantId: string,
  values: HealthSettingsValues,
  actor: string,
): Promise<StoredSettings> {
  const w = values.weights;
  const [row] = await tx.execute<SettingsRow[]>(
    `insert into health_settings (id, tenant_id, recency_weight, frequency_weight, monetary_weight, engagement_weight,
       support_weight, sentiment_weight, recency_days, visits_per_year, spend_per_year, redemptions_per_year,
       healthy_from, at_risk_below, actor, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp()) returning *`,
    [
      id,
      tenantId,
      w.RECENCY,
      w.FREQUENCY,
      w.MONETARY,
      w.ENGAGEMENT,
      w.SUPPORT,
      w.SENTIMENT,
      values.recencyDays,
      values.visitsPerYear,
      values.spendPerYear,
      values.redemptionsPerYear,
      values.healthyFrom,
      values.atRiskBelow,
      actor,
    ],
  );
  await requestFullRun(tx, tenantId);
  return settingsOf(row);
}

/**
 * Every segment's thresholds in force, the tenant default (segment null) first, then by segment; the built-in
 * default stands in for a tenant default never set.
 */
export async function currentThresholds(em: EntityManager, tenantId: string): Promise<StoredThreshold[]> {
  const rows = await em.execute<ThresholdRow[]>(
    `select distinct on (segment) * from churn_threshold where tenant_id = ?
      order by segment nulls first, created_at desc, id desc`,
    [tenantId],
  );
  const stored = rows.map(thresholdOf);
  if (stored[0]?.segment === null) return stored;
  return [{ segment: null, values: DEFAULT_CHURN_THRESHOLDS, actor: null, at: null }, ...stored];
}

export async function thresholdById(em: EntityManager, id: string): Promise<StoredThreshold> {
  const [row] = await em.execute<ThresholdRow[]>(`select * from churn_threshold where id = ?`, [id]);
  return thresholdOf(row);
}

/** Appends a segment's thresholds (the latest row per segment is in force) and has the tenant scored again. */
export async function insertThreshold(
  tx: EntityManager,
  id: string,
  tenantId: string,
  segment: string | null,
  values: ChurnThresholdValues,
  actor: string,
): Promise<StoredThreshold> {
  const [row] = await tx.execute<ThresholdRow[]>(
    `insert into churn_threshold (id, tenant_id, segment, expected_gap_days, medium_from, high_from, actor, created_at)
     values (?, ?, ?, ?, ?, ?, ?, clock_timestamp()) returning *`,
    [id, tenantId, segment, values.expectedGapDays, values.mediumFrom, values.highFrom, actor],
  );
  await requestFullRun(tx, tenantId);
  return thresholdOf(row);
}

/** The health job scores the tenant in full on its next tick: every score depends on the settings. */
async function requestFullRun(tx: EntityManager, tenantId: string): Promise<void> {
  await tx.execute(
    `insert into health_run (tenant_id, settings_changed_at) values (?, clock_timestamp())
     on conflict (tenant_id) do update set settings_changed_at = excluded.settings_changed_at`,
    [tenantId],
  );
}

/**
 * Stored scores of these customers. A customer who opted out of profiling has none (the consent trigger
 * removes it); the check here also covers the instant between an opt-out and that trigger's commit.
 */
export async function healthRows(reads: Reads, tenantId: string, customerIds: readonly string[]) {
  return reads.rows<HealthRow>(
    `select h.* from health_score h
      where h.tenant_id = ? and h.customer_id in (?)
        and ${consentAllowsSql('h.customer_id', ConsentPurpose.PROFILING)}`,
    [tenantId, [...customerIds]],
  );
}

/** One page of customers at or above some risk levels, highest risk score first, then by id. */
export async function atRiskPage(
  em: EntityManager,
  query: {
    tenantId: string;
    levels: ChurnRiskLevel[];
    segment: string | null;
    after: { rank: number; id: string } | undefined;
    limit: number;
  },
): Promise<HealthRow[]> {
  return em.execute<HealthRow[]>(
    `select h.* from health_score h
      where h.tenant_id = ? and h.churn_level in (?)
        and (?::text is null or ?::text = any(h.segments))
        and (?::int is null or h.churn_score < ?::int or (h.churn_score = ?::int and h.customer_id > ?::uuid))
        and ${consentAllowsSql('h.customer_id', ConsentPurpose.PROFILING)}
      order by h.churn_score desc, h.customer_id
      limit ?`,
    [
      query.tenantId,
      query.levels,
      query.segment,
      query.segment,
      query.after?.rank ?? null,
      query.after?.rank ?? null,
      query.after?.rank ?? null,
      query.after?.id ?? null,
      query.limit + 1,
    ],
  );
}
