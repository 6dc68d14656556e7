import {
  assessEligibility,
  BusyAction,
  busyUntil,
  DEFAULT_FATIGUE_RULES,
  type EligibilityFacts,
  type FatigueRules,
  IneligibilityReason,
} from '../fatigue.logic';

const DAY = 86_400_000;
const now = new Date('2026-12-02T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const daysAhead = (days: number) => new Date(now.getTime() + days * DAY);

const rules = (overrides: Partial<FatigueRules> = {}): FatigueRules => ({
  minDaysBetweenSurveys: 30,
  busyInteractions: 3,
  busyWindowDays: 10,
  busyAction: BusyAction.EXTEND_GAP,
  busyGapMultiplier: 2,
  ...overrides,
});

const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  surveyActive: true,
  surveysConsent: true,
  openCases: 0,
  lastSurveyedAt: null,
  interactionTimes: [],
  ...overrides,
});

describe('assessEligibility', () => {
  it('lets a consenting customer with nothing against them be surveyed', () => {
    expect(assessEligibility(rules(), facts(), now)).toEqual({ eligible: true, reasons: [], nextEligibleAt: null });
  });

  it('keeps the minimum gap since the last answer, and says when it ends', () => {
    const answer = assessEligibility(rules(), facts({ lastSurveyedAt: daysAgo(10) }), now);
    expect(answer).toEqual({
      eligible: false,
      reasons: [IneligibilityReason.RECENTLY_SURVEYED],
      nextEligibleAt: daysAhead(20),
    });
    expect(assessEligibility(rules(), facts({ lastSurveyedAt: daysAgo(30) }), now).eligible).toBe(true);
    expect(assessEligibility(rules({ minDaysBetweenSurveys: 0 }), facts({ lastSurveyedAt: now }), now).eligible).toBe(
      true,
    );
  });

  it('doubles the gap for a busy customer until the longer gap or being busy ends, whichever comes first', () => {
    const busy = [daysAgo(1), daysAgo(2), daysAgo(4)];
    // Past the 30-day gap, inside the 60-day one: busy until the third newest (4 days ago) leaves the 10-day window.
    const answer = assessEligibility(rules(), facts({ lastSurveyedAt: daysAgo(40), interactionTimes: busy }), now);
    expect(answer).toEqual({
      eligible: false,
      reasons: [IneligibilityReason.TOO_MANY_INTERACTIONS],
      nextEligibleAt: daysAhead(6),
    });
    // The longer gap ends sooner than being busy.
    expect(
      assessEligibility(rules(), facts({ lastSurveyedAt: daysAgo(58), interactionTimes: busy }), now).nextEligibleAt,
    ).toEqual(daysAhead(2));
    // One interaction fewer and the ordinary gap applies.
    expect(
      assessEligibility(rules(), facts({ lastSurveyedAt: daysAgo(40), interactionTimes: busy.slice(0, 2) }), now),
    ).toMatchObject({ eligible: true });
    // Never surveyed: a longer gap since nothing holds nothing back.
    expect(assessEligibility(rules(), facts({ interactionTimes: busy }), now).eligible).toBe(true);
  });

  it('lists both the gap and the busier rule while both hold, with the later end', () => {
    const answer = assessEligibility(
      rules(),
      facts({ lastSurveyedAt: daysAgo(5), interactionTimes: [daysAgo(1), daysAgo(2), daysAgo(9)] }),
      now,
    );
    expect(answer.reasons).toEqual([IneligibilityReason.RECENTLY_SURVEYED, IneligibilityReason.TOO_MANY_INTERACTIONS]);
    expect(answer.nextEligibleAt).toEqual(daysAhead(25));
  });

  it('skips a busy customer entirely under SKIP until their interactions fall below the count', () => {
    const skip = rules({ busyAction: BusyAction.SKIP });
    const answer = assessEligibility(
      skip,
      facts({ interactionTimes: [daysAgo(3), daysAgo(1), daysAgo(7), daysAgo(2)] }),
      now,
    );
    // Newest first: 1, 2, 3, 7 days ago; the third newest (3 days ago) leaves the window in 7 days.
    expect(answer).toEqual({
      eligible: false,
      reasons: [IneligibilityReason.TOO_MANY_INTERACTIONS],
      nextEligibleAt: daysAhead(7),
    });
  });

  it('ignores interactions outside the window, in the future, and the rule when it is off', () => {
    const times = [daysAgo(1), daysAgo(11), daysAgo(20), daysAhead(1)];
    expect(busyUntil(rules(), times, now)).toBeNull();
    expect(busyUntil(rules({ busyInteractions: 0 }), [daysAgo(1)], now)).toBeNull();
    expect(busyUntil(rules({ busyInteractions: 1 }), times, now)).toEqual(daysAhead(9));
  });

  it('gives no date when a reason waits on something other than time', () => {
    const blocked = assessEligibility(
      rules(),
      facts({ surveyActive: false, surveysConsent: false, openCases: 2, lastSurveyedAt: daysAgo(1) }),
      now,
    );
    expect(blocked).toEqual({
      eligible: false,
      reasons: [
        IneligibilityReason.SURVEY_INACTIVE,
        IneligibilityReason.NO_CONSENT,
        IneligibilityReason.OPEN_CASE,
        IneligibilityReason.RECENTLY_SURVEYED,
      ],
      nextEligibleAt: null,
    });
    for (const only of [{ surveyActive: false }, { surveysConsent: false }, { openCases: 1 }]) {
      expect(assessEligibility(rules(), facts(only), now)).toMatchObject({ eligible: false, nextEligibleAt: null });
    }
  });

  it('defaults to 30 days, and a doubled gap at 5 interactions in 30 days', () => {
    expect(DEFAULT_FATIGUE_RULES).toEqual({
      minDaysBetweenSurveys: 30,
      busyInteractions: 5,
      busyWindowDays: 30,
      busyAction: BusyAction.EXTEND_GAP,
      busyGapMultiplier: 2,
    });
  });
});
