import { DEFAULT_DETRACTOR_THRESHOLDS, isDetractor, scoreInScale, SurveyKind, thresholdInScale } from '../survey.logic';

describe('scales', () => {
  it.each([
    [SurveyKind.NPS, 0, 10],
    [SurveyKind.CES, 1, 7],
    [SurveyKind.CSAT, 1, 5],
  ])('%s takes whole scores from %i to %i', (kind, min, max) => {
    expect(scoreInScale(kind, min)).toBe(true);
    expect(scoreInScale(kind, max)).toBe(true);
    expect(scoreInScale(kind, min - 1)).toBe(false);
    expect(scoreInScale(kind, max + 1)).toBe(false);
    expect(scoreInScale(kind, min + 0.5)).toBe(false);
    // A threshold leaves the top of the scale outside, so some answer is never a detractor.
    expect(thresholdInScale(kind, max)).toBe(false);
    expect(thresholdInScale(kind, max - 1)).toBe(true);
    expect(thresholdInScale(kind, min - 1)).toBe(false);
  });
});

describe('isDetractor', () => {
  it('counts NPS 0-6, CES 1-3 (7 is very easy) and CSAT 1-2 by default', () => {
    const detractors = (kind: SurveyKind, max: number) =>
      Array.from({ length: max + 1 }, (_, score) => score).filter((score) =>
        isDetractor(kind, score, DEFAULT_DETRACTOR_THRESHOLDS),
      );
    expect(detractors(SurveyKind.NPS, 10)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(detractors(SurveyKind.CES, 7).filter((score) => score >= 1)).toEqual([1, 2, 3]);
    expect(detractors(SurveyKind.CSAT, 5).filter((score) => score >= 1)).toEqual([1, 2]);
  });

  it("follows the tenant's threshold", () => {
    const strict = { ...DEFAULT_DETRACTOR_THRESHOLDS, NPS: 8 };
    expect(isDetractor(SurveyKind.NPS, 8, strict)).toBe(true);
    expect(isDetractor(SurveyKind.NPS, 9, strict)).toBe(false);
  });
});
