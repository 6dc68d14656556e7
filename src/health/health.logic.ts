import { healthError, HealthErrorCode } from './health.errors';

/** The parts of the health score, each a value from 0 to 100. */
export enum HealthComponentName {
  RECENCY = 'RECENCY',
  FREQUENCY = 'FREQUENCY',
  MONETARY = 'MONETARY',
  ENGAGEMENT = 'ENGAGEMENT',
  SUPPORT = 'SUPPORT',
  SENTIMENT = 'SENTIMENT',
}

export enum HealthBand {
  HEALTHY = 'HEALTHY',
  NEUTRAL = 'NEUTRAL',
  AT_RISK = 'AT_RISK',
}

export enum ChurnRiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

/** What raises a customer's churn risk; each adds its weight (CHURN_SIGNAL_WEIGHTS) to the risk score. */
export enum ChurnSignal {
  FREQUENCY_FALLING = 'FREQUENCY_FALLING',
  INACTIVE = 'INACTIVE',
  DETRACTOR = 'DETRACTOR',
  POINTS_EXPIRING = 'POINTS_EXPIRING',
  DOWNGRADE_AHEAD = 'DOWNGRADE_AHEAD',
  SLA_BREACH = 'SLA_BREACH',
}

/** Component order, as stored and shown. */
export const HEALTH_COMPONENTS: readonly HealthComponentName[] = Object.values(HealthComponentName);

export type HealthWeights = Readonly<Record<HealthComponentName, number>>;

/** A tenant's health settings: weights, the scales that make each component 100, and the band limits. */
export interface HealthSettingsValues {
  readonly weights: HealthWeights;
  /** Recency falls linearly from 100 (a purchase today) to 0 at this many days. */
  readonly recencyDays: number;
  /** Purchases (and earns) in the last 365 days that make frequency (and half of engagement) 100. */
  readonly visitsPerYear: number;
  /** Net spend in the last 365 days, in minor units, that makes monetary 100. */
  readonly spendPerYear: number;
  /** Redemptions in the last 365 days that make the other half of engagement 100. */
  readonly redemptionsPerYear: number;
  /** HEALTHY from this score up. */
  readonly healthyFrom: number;
  /** AT_RISK below this score; NEUTRAL between the two. */
  readonly atRiskBelow: number;
}

export const DEFAULT_HEALTH_SETTINGS: HealthSettingsValues = Object.freeze({
  weights: Object.freeze({
    RECENCY: 20,
    FREQUENCY: 20,
    MONETARY: 15,
    ENGAGEMENT: 15,
    SUPPORT: 15,
    SENTIMENT: 15,
  }),
  recencyDays: 180,
  visitsPerYear: 12,
  spendPerYear: 100_000,
  redemptionsPerYear: 2,
  healthyFrom: 70,
  atRiskBelow: 40,
});

/** Churn thresholds of a segment (or the tenant's default). */
export interface ChurnThresholdValues {
  /** Days without a purchase or points activity after which a customer counts as INACTIVE. */
  readonly expectedGapDays: number;
  /** MEDIUM risk from this risk score up. */
  readonly mediumFrom: number;
  /** HIGH risk from this risk score up. */
  readonly highFrom: number;
}

export const DEFAULT_CHURN_THRESHOLDS: ChurnThresholdValues = Object.freeze({
  expectedGapDays: 60,
  mediumFrom: 25,
  highFrom: 60,
});

/** Fixed: what each churn signal adds to the risk score. Every one alone reaches MEDIUM at the default cut-offs. */
export const CHURN_SIGNAL_WEIGHTS: Readonly<Record<ChurnSignal, number>> = Object.freeze({
  INACTIVE: 35,
  FREQUENCY_FALLING: 30,
  DETRACTOR: 30,
  SLA_BREACH: 30,
  DOWNGRADE_AHEAD: 25,
  POINTS_EXPIRING: 25,
});

/** Fixed rules of the scoring, documented in docs/api/health.md. */
export const SCORING_RULES = Object.freeze({
  /** Points expiring, or a status period ending, within this many days is "ahead". */
  warningDays: 30,
  /** An SLA breach counts as a churn signal for this long. */
  breachDays: 90,
  /** The current gap since the last purchase is "falling frequency" beyond this many times the median gap. */
  fallingFactor: 2,
  /** Purchases needed (so two gaps) before a customer has a rhythm of their own. */
  rhythmPurchases: 3,
  /** Each open case, and each SLA breach in the last 365 days, takes this off the support component. */
  casePenalty: 25,
  /** The sentiment of a customer who never answered an NPS or CES survey. */
  neutralSentiment: 50,
});

const LIMITS = {
  weight: [0, 100],
  recencyDays: [1, 3650],
  visitsPerYear: [1, 10_000],
  spendPerYear: [1, 1_000_000_000_000],
  redemptionsPerYear: [1, 1000],
  band: [0, 100],
  expectedGapDays: [1, 3650],
  cutoff: [1, 1000],
} as const;

function whole(value: number, [min, max]: readonly [number, number], field: string, code: HealthErrorCode): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw healthError(code, `${field} must be a whole number from ${min} to ${max}`, field);
  return value;
}

/** The input of setHealthWeights; scales and bands left out take their defaults. */
export interface HealthSettingsInput {
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly engagement: number;
  readonly support: number;
  readonly sentiment: number;
  readonly recencyDays?: number | null;
  readonly visitsPerYear?: number | null;
  readonly spendPerYear?: number | null;
  readonly redemptionsPerYear?: number | null;
  readonly healthyFrom?: number | null;
  readonly atRiskBelow?: number | null;
}

/** Checks a setHealthWeights input, naming the offending field (`input.<name>`). */
export function healthSettingsOf(input: HealthSettingsInput): HealthSettingsValues {
  const weight = (value: number, name: string) =>
    whole(value, LIMITS.weight, `input.${name}`, HealthErrorCode.WEIGHTS_INVALID);
  const weights: HealthWeights = {
    RECENCY: weight(input.recency, 'recency'),
    FREQUENCY: weight(input.frequency, 'frequency'),
    MONETARY: weight(input.monetary, 'monetary'),
    ENGAGEMENT: weight(input.engagement, 'engagement'),
    SUPPORT: weight(input.support, 'support'),
    SENTIMENT: weight(input.sentiment, 'sentiment'),
  };
  if (HEALTH_COMPONENTS.every((name) => weights[name] === 0))
    throw healthError(HealthErrorCode.WEIGHTS_INVALID, 'At least one weight must be above 0', 'input.recency');
  const D = DEFAULT_HEALTH_SETTINGS;
  const setting = (value: number | null | undefined, fallback: number, name: keyof typeof LIMITS) =>
    value === undefined || value === null
      ? fallback
      : whole(value, LIMITS[name], `input.${name}`, HealthErrorCode.SETTINGS_INVALID);
  const healthyFrom =
    input.healthyFrom === undefined || input.healthyFrom === null
      ? D.healthyFrom
      : whole(input.healthyFrom, LIMITS.band, 'input.healthyFrom', HealthErrorCode.SETTINGS_INVALID);
  const atRiskBelow =
    input.atRiskBelow === undefined || input.atRiskBelow === null
      ? D.atRiskBelow
      : whole(input.atRiskBelow, LIMITS.band, 'input.atRiskBelow', HealthErrorCode.SETTINGS_INVALID);
  if (atRiskBelow > healthyFrom)
    throw healthError(
      HealthErrorCode.SETTINGS_INVALID,
      `input.atRiskBelow (${atRiskBelow}) must not be above input.healthyFrom (${healthyFrom})`,
      'input.atRiskBelow',
    );
  return {
    weights,
    recencyDays: setting(input.recencyDays, D.recencyDays, 'recencyDays'),
    visitsPerYear: setting(input.visitsPerYear, D.visitsPerYear, 'visitsPerYear'),
    spendPerYear: setting(input.spendPerYear, D.spendPerYear, 'spendPerYear'),
    redemptionsPerYear: setting(input.redemptionsPerYear, D.redemptionsPerYear, 'redemptionsPerYear'),
    healthyFrom,
    atRiskBelow,
  };
}

/** Checks a setChurnThresholds input, naming the offending field. */
export function churnThresholdsOf(input: ChurnThresholdValues): ChurnThresholdValues {
  const expectedGapDays = whole(
    input.expectedGapDays,
    LIMITS.expectedGapDays,
    'input.expectedGapDays',
    HealthErrorCode.THRESHOLDS_INVALID,
  );
  const mediumFrom = whole(input.mediumFrom, LIMITS.cutoff, 'input.mediumFrom', HealthErrorCode.THRESHOLDS_INVALID);
  const highFrom = whole(input.highFrom, LIMITS.cutoff, 'input.highFrom', HealthErrorCode.THRESHOLDS_INVALID);
  if (mediumFrom >= highFrom)
    throw healthError(
      HealthErrorCode.THRESHOLDS_INVALID,
      `input.mediumFrom (${mediumFrom}) must be below input.highFrom (${highFrom})`,
      'input.mediumFrom',
    );
  return { expectedGapDays, mediumFrom, highFrom };
}

/** A segment name as stored: trimmed, 1 to 100 characters; null (or blank) is the tenant's default. */
export function segmentOf(value: string | null | undefined, field = 'input.segment'): string | null {
  if (value === undefined || value === null) return null;
  const segment = value.trim();
  if (segment.length > 100)
    throw healthError(HealthErrorCode.THRESHOLDS_INVALID, `${field} must be at most 100 characters`, field);
  return segment === '' ? null : segment;
}

/** Levels at or above `level`, for "at least MEDIUM". */
export function levelsFrom(level: ChurnRiskLevel): ChurnRiskLevel[] {
  const order = [ChurnRiskLevel.LOW, ChurnRiskLevel.MEDIUM, ChurnRiskLevel.HIGH];
  return order.slice(order.indexOf(level));
}
