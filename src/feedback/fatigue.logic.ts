import { registerEnumType } from 'type-graphql';

import { TimelineKind } from '../timeline/timeline.entity';

/** What the busier-customer rule does to a customer with many recent interactions. */
export enum BusyAction {
  EXTEND_GAP = 'EXTEND_GAP',
  SKIP = 'SKIP',
}

registerEnumType(BusyAction, {
  name: 'BusyAction',
  description: 'What the busier-customer rule does to a customer with many recent interactions.',
  valuesConfig: {
    EXTEND_GAP: { description: 'The minimum gap since their last survey is multiplied by `busyGapMultiplier`.' },
    SKIP: { description: 'They are not surveyed at all until their interactions fall below the count.' },
  },
});

/** Why a customer may not be sent a survey now. */
export enum IneligibilityReason {
  SURVEY_INACTIVE = 'SURVEY_INACTIVE',
  NO_CONSENT = 'NO_CONSENT',
  OPEN_CASE = 'OPEN_CASE',
  RECENTLY_SURVEYED = 'RECENTLY_SURVEYED',
  TOO_MANY_INTERACTIONS = 'TOO_MANY_INTERACTIONS',
}

registerEnumType(IneligibilityReason, {
  name: 'IneligibilityReason',
  description: 'Why a customer may not be sent a survey now.',
  valuesConfig: {
    SURVEY_INACTIVE: { description: 'The survey is switched off.' },
    NO_CONSENT: { description: 'The customer has not consented to SURVEYS (opt-in).' },
    OPEN_CASE: { description: 'A support case of theirs is open, acknowledged or in progress.' },
    RECENTLY_SURVEYED: { description: 'They answered a survey less than `minDaysBetweenSurveys` days ago.' },
    TOO_MANY_INTERACTIONS: {
      description:
        'They had at least `busyInteractions` interactions in the last `busyWindowDays` days: skipped, or their gap is longer.',
    },
  },
});

/**
 * The timeline kinds that count as an interaction for the busier-customer rule: contacts the customer had with
 * the business (buying, returning, calls, chats and visits, cases, using rewards). Bookkeeping that follows one
 * of those (points earned, tier changes), staff notes, billing and system records are not contacts, and survey
 * answers are what the gap rule already counts.
 */
export const INTERACTION_KINDS: readonly TimelineKind[] = [
  TimelineKind.PURCHASE,
  TimelineKind.REFUND,
  TimelineKind.INTERACTION,
  TimelineKind.SUPPORT_CASE,
  TimelineKind.REWARD_REDEEMED,
  TimelineKind.VOUCHER_CONSUMED,
];

/** A tenant's fatigue rules. */
export interface FatigueRules {
  /** At most one survey per customer per this many days (0: no gap). */
  readonly minDaysBetweenSurveys: number;
  /** A customer with at least this many interactions in the window is busy (0: the rule is off). */
  readonly busyInteractions: number;
  readonly busyWindowDays: number;
  readonly busyAction: BusyAction;
  /** With EXTEND_GAP, a busy customer's gap is `minDaysBetweenSurveys` times this. */
  readonly busyGapMultiplier: number;
}

export const DEFAULT_FATIGUE_RULES: FatigueRules = {
  minDaysBetweenSurveys: 30,
  busyInteractions: 5,
  busyWindowDays: 30,
  busyAction: BusyAction.EXTEND_GAP,
  busyGapMultiplier: 2,
};

/** What eligibility is decided from, read for one customer and survey. */
export interface EligibilityFacts {
  readonly surveyActive: boolean;
  readonly surveysConsent: boolean;
  readonly openCases: number;
  /** Their latest answer to any survey: a SURVEY_RESPONSE on the timeline, recorded here or ingested. */
  readonly lastSurveyedAt: Date | null;
  /** Times of their interactions (INTERACTION_KINDS); only those in the window and the newest `busyInteractions` matter. */
  readonly interactionTimes: readonly Date[];
}

export interface Eligibility {
  readonly eligible: boolean;
  readonly reasons: IneligibilityReason[];
  /** When every reason lapses with time alone; null when eligible now, or when a reason waits on something else. */
  readonly nextEligibleAt: Date | null;
}

const DAY_MS = 86_400_000;

/** Until when the customer counts as busy: when the rule's newest interactions start leaving the window. */
export function busyUntil(rules: FatigueRules, interactionTimes: readonly Date[], now: Date): Date | null {
  if (rules.busyInteractions === 0) return null;
  const windowStart = now.getTime() - rules.busyWindowDays * DAY_MS;
  const recent = interactionTimes
    .map((time) => time.getTime())
    .filter((time) => time > windowStart && time <= now.getTime())
    .sort((a, b) => b - a);
  // Busy while the busyInteractions-th newest is in the window; once it leaves, fewer remain.
  const nth = recent[rules.busyInteractions - 1];
  return nth === undefined ? null : new Date(nth + rules.busyWindowDays * DAY_MS);
}

/**
 * Whether a customer may be sent a survey now, every reason why not, and when they may be if waiting is all it
 * takes. Each reason stands on its own rule: the gap (RECENTLY_SURVEYED), the busier-customer rule
 * (TOO_MANY_INTERACTIONS: SKIP while busy; EXTEND_GAP while busy and within the longer gap), consent, open
 * cases and the survey being on.
 */
export function assessEligibility(rules: FatigueRules, facts: EligibilityFacts, now: Date): Eligibility {
  const reasons: IneligibilityReason[] = [];
  if (!facts.surveyActive) reasons.push(IneligibilityReason.SURVEY_INACTIVE);
  if (!facts.surveysConsent) reasons.push(IneligibilityReason.NO_CONSENT);
  if (facts.openCases > 0) reasons.push(IneligibilityReason.OPEN_CASE);
  const waitsOnTimeOnly = reasons.length === 0;

  const clearAt: number[] = [];
  const last = facts.lastSurveyedAt?.getTime();
  const gapMs = rules.minDaysBetweenSurveys * DAY_MS;
  if (last !== undefined && last + gapMs > now.getTime()) {
    reasons.push(IneligibilityReason.RECENTLY_SURVEYED);
    clearAt.push(last + gapMs);
  }
  const busy = busyUntil(rules, facts.interactionTimes, now);
  if (busy) {
    if (rules.busyAction === BusyAction.SKIP) {
      reasons.push(IneligibilityReason.TOO_MANY_INTERACTIONS);
      clearAt.push(busy.getTime());
    } else if (last !== undefined && last + gapMs * rules.busyGapMultiplier > now.getTime()) {
      reasons.push(IneligibilityReason.TOO_MANY_INTERACTIONS);
      // The longer gap holds while they stay busy: it ends with the longer gap or with being busy, the sooner.
      clearAt.push(Math.min(last + gapMs * rules.busyGapMultiplier, busy.getTime()));
    }
  }
  const eligible = reasons.length === 0;
  return {
    eligible,
    reasons,
    nextEligibleAt: !eligible && waitsOnTimeOnly ? new Date(Math.max(...clearAt)) : null,
  };
}
