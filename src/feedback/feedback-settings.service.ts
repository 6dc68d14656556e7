import type { EntityManager } from '@mikro-orm/postgresql';

import { callerLabel } from '../shared/auth/caller';
import { requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { claimIdempotencyKey, findIdempotentResult } from '../shared/idempotency';
import { BusyAction, DEFAULT_FATIGUE_RULES } from './fatigue.logic';
import { feedbackError, FeedbackErrorCode } from './feedback.errors';
import type { FeedbackSettings, SetFeedbackSettingsInput } from './feedback-settings.types';
import { DEFAULT_DETRACTOR_THRESHOLDS, type DetractorThresholds, SurveyKind, thresholdInScale } from './survey.logic';
import { feedbackConfigRequest } from './survey.service';

const DEFAULTS: FeedbackSettings = {
  ...DEFAULT_FATIGUE_RULES,
  npsDetractorMax: DEFAULT_DETRACTOR_THRESHOLDS.NPS,
  cesDetractorMax: DEFAULT_DETRACTOR_THRESHOLDS.CES,
  csatDetractorMax: DEFAULT_DETRACTOR_THRESHOLDS.CSAT,
  version: 0,
};

interface SettingsRow {
  min_days_between_surveys: number;
  busy_interactions: number;
  busy_window_days: number;
  busy_action: BusyAction;
  busy_gap_multiplier: number;
  nps_detractor_max: number;
  ces_detractor_max: number;
  csat_detractor_max: number;
  version: number;
}

function toSettings(row: SettingsRow | undefined): FeedbackSettings {
  if (!row) return { ...DEFAULTS };
  return {
    minDaysBetweenSurveys: row.min_days_between_surveys,
    busyInteractions: row.busy_interactions,
    busyWindowDays: row.busy_window_days,
    busyAction: row.busy_action,
    busyGapMultiplier: row.busy_gap_multiplier,
    npsDetractorMax: row.nps_detractor_max,
    cesDetractorMax: row.ces_detractor_max,
    csatDetractorMax: row.csat_detractor_max,
    version: row.version,
  };
}

export function detractorThresholds(settings: FeedbackSettings): DetractorThresholds {
  return { NPS: settings.npsDetractorMax, CES: settings.cesDetractorMax, CSAT: settings.csatDetractorMax };
}

function intIn(value: number | undefined | null, field: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value < min || value > max)
    throw feedbackError(
      FeedbackErrorCode.SETTINGS_INVALID,
      `${field} must be a whole number from ${min} to ${max}`,
      field,
    );
  return value;
}

function threshold(kind: SurveyKind, value: number | undefined | null, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!thresholdInScale(kind, value))
    throw feedbackError(FeedbackErrorCode.SETTINGS_INVALID, `${field} is not a threshold on the ${kind} scale`, field);
  return value;
}

/** The tenant's fatigue rules and detractor thresholds: one row per tenant, the defaults until it is set. */
export class FeedbackSettingsService {
  async get(em: EntityManager, tenantId: string, lock = false): Promise<FeedbackSettings> {
    const [row] = await em.execute<SettingsRow[]>(
      `select * from feedback_settings where tenant_id = ?${lock ? ' for update' : ''}`,
      [tenantId],
    );
    return toSettings(row);
  }

  async set(ctx: Context, input: SetFeedbackSettingsInput): Promise<FeedbackSettings> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const request = feedbackConfigRequest(ctx, 'setFeedbackSettings', input);
    // A replay answers with the settings as they are now, before expectedVersion (behind by now) is checked.
    if (await findIdempotentResult(ctx.em, request)) return this.get(ctx.em, tenantId);
    const changes: Partial<FeedbackSettings> = {
      minDaysBetweenSurveys: intIn(input.minDaysBetweenSurveys, 'input.minDaysBetweenSurveys', 0, 365),
      busyInteractions: intIn(input.busyInteractions, 'input.busyInteractions', 0, 1000),
      busyWindowDays: intIn(input.busyWindowDays, 'input.busyWindowDays', 1, 365),
      busyAction: input.busyAction ?? undefined,
      busyGapMultiplier: intIn(input.busyGapMultiplier, 'input.busyGapMultiplier', 1, 12),
      npsDetractorMax: threshold(SurveyKind.NPS, input.npsDetractorMax, 'input.npsDetractorMax'),
      cesDetractorMax: threshold(SurveyKind.CES, input.cesDetractorMax, 'input.cesDetractorMax'),
      csatDetractorMax: threshold(SurveyKind.CSAT, input.csatDetractorMax, 'input.csatDetractorMax'),
    };
    return ctx.em.transactional(async (tx) => {
      if ((await claimIdempotencyKey(tx, request)).replayed) return this.get(tx, tenantId);
      // The first write of a tenant's settings creates the row; concurrent first writes meet on its key.
      await tx.execute(
        `insert into feedback_settings (tenant_id, min_days_between_surveys, busy_interactions, busy_window_days, busy_action,
           busy_gap_multiplier, nps_detractor_max, ces_detractor_max, csat_detractor_max, version, updated_by, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, now()) on conflict (tenant_id) do nothing`,
        [
          tenantId,
          DEFAULTS.minDaysBetweenSurveys,
          DEFAULTS.busyInteractions,
          DEFAULTS.busyWindowDays,
          DEFAULTS.busyAction,
          DEFAULTS.busyGapMultiplier,
          DEFAULTS.npsDetractorMax,
          DEFAULTS.cesDetractorMax,
          DEFAULTS.csatDetractorMax,
          actor,
        ],
      );
      const current = await this.get(tx, tenantId, true);
      if (input.expectedVersion != null && input.expectedVersion !== current.version) {
        throw feedbackError(
          FeedbackErrorCode.VERSION_MISMATCH,
          `The settings are at version ${current.version}, not ${input.expectedVersion}`,
          'input.expectedVersion',
        );
      }
      const next: FeedbackSettings = { ...current, version: current.version + 1 };
      for (const [key, value] of Object.entries(changes) as [keyof FeedbackSettings, never][]) {
        if (value !== undefined) next[key] = value;
      }
      await tx.execute(
        `update feedback_settings set min_days_between_surveys = ?, busy_interactions = ?, busy_window_days = ?,
           busy_action = ?, busy_gap_multiplier = ?, nps_detractor_max = ?, ces_detractor_max = ?, csat_detractor_max = ?,
           version = ?, updated_by = ?, updated_at = now()
         where tenant_id = ?`,
        [
          next.minDaysBetweenSurveys,
          next.busyInteractions,
          next.busyWindowDays,
          next.busyAction,
          next.busyGapMultiplier,
          next.npsDetractorMax,
          next.cesDetractorMax,
          next.csatDetractorMax,
          next.version,
          actor,
          tenantId,
        ],
      );
      return next;
    });
  }
}
