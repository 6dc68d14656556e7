import {
  CHURN_SIGNAL_WEIGHTS,
  ChurnRiskLevel,
  churnThresholdsOf,
  DEFAULT_CHURN_THRESHOLDS,
  DEFAULT_HEALTH_SETTINGS,
  healthSettingsOf,
  levelsFrom,
  segmentOf,
} from '../health.logic';

const weights = { recency: 1, frequency: 2, monetary: 3, engagement: 4, support: 5, sentiment: 6 };

const fieldOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('expected an error');
};

describe('healthSettingsOf', () => {
  it('keeps the weights as given and fills scales and bands left out with the defaults', () => {
    expect(healthSettingsOf({ ...weights, visitsPerYear: 24, healthyFrom: null })).toEqual({
      weights: { RECENCY: 1, FREQUENCY: 2, MONETARY: 3, ENGAGEMENT: 4, SUPPORT: 5, SENTIMENT: 6 },
      recencyDays: 180,
      visitsPerYear: 24,
      spendPerYear: 100_000,
      redemptionsPerYear: 2,
      healthyFrom: 70,
      atRiskBelow: 40,
    });
  });

  it('refuses weights outside 0 to 100, all zero, or not whole, naming the field', () => {
    expect(fieldOf(() => healthSettingsOf({ ...weights, support: 101 }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'WEIGHTS_INVALID',
      field: 'input.support',
    });
    expect(fieldOf(() => healthSettingsOf({ ...weights, sentiment: 1.5 }))).toMatchObject({ field: 'input.sentiment' });
    const zero = { recency: 0, frequency: 0, monetary: 0, engagement: 0, support: 0, sentiment: 0 };
    expect(fieldOf(() => healthSettingsOf(zero))).toMatchObject({ reason: 'WEIGHTS_INVALID', field: 'input.recency' });
    expect(healthSettingsOf({ ...zero, sentiment: 1 }).weights.SENTIMENT).toBe(1);
  });

  it('refuses scales out of range and bands the wrong way round', () => {
    expect(fieldOf(() => healthSettingsOf({ ...weights, spendPerYear: 0 }))).toMatchObject({
      reason: 'SETTINGS_INVALID',
      field: 'input.spendPerYear',
    });
    expect(fieldOf(() => healthSettingsOf({ ...weights, atRiskBelow: 71 }))).toMatchObject({
      field: 'input.atRiskBelow',
    });
    expect(healthSettingsOf({ ...weights, healthyFrom: 50, atRiskBelow: 50 })).toMatchObject({
      healthyFrom: 50,
      atRiskBelow: 50,
    });
  });

  it('defaults to weights that add up to 100', () => {
    expect(Object.values(DEFAULT_HEALTH_SETTINGS.weights).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('churn thresholds', () => {
  it('need MEDIUM below HIGH and a positive expected gap', () => {
    expect(churnThresholdsOf({ expectedGapDays: 30, mediumFrom: 10, highFrom: 20 })).toEqual({
      expectedGapDays: 30,
      mediumFrom: 10,
      highFrom: 20,
    });
    expect(fieldOf(() => churnThresholdsOf({ expectedGapDays: 30, mediumFrom: 20, highFrom: 20 }))).toMatchObject({
      reason: 'THRESHOLDS_INVALID',
      field: 'input.mediumFrom',
    });
    expect(fieldOf(() => churnThresholdsOf({ expectedGapDays: 0, mediumFrom: 1, highFrom: 2 }))).toMatchObject({
      field: 'input.expectedGapDays',
    });
  });

  it('make every signal alone at least MEDIUM by default, and no single one HIGH', () => {
    for (const weight of Object.values(CHURN_SIGNAL_WEIGHTS)) {
      expect(weight).toBeGreaterThanOrEqual(DEFAULT_CHURN_THRESHOLDS.mediumFrom);
      expect(weight).toBeLessThan(DEFAULT_CHURN_THRESHOLDS.highFrom);
    }
  });

  it('name segments trimmed, blank as the tenant default', () => {
    expect(segmentOf('  students ')).toBe('students');
    expect(segmentOf('   ')).toBeNull();
    expect(segmentOf(null)).toBeNull();
    expect(fieldOf(() => segmentOf('x'.repeat(101), 'segment'))).toMatchObject({ field: 'segment' });
  });

  it('list levels from the lowest asked for', () => {
    expect(levelsFrom(ChurnRiskLevel.MEDIUM)).toEqual(['MEDIUM', 'HIGH']);
    expect(levelsFrom(ChurnRiskLevel.LOW)).toEqual(['LOW', 'MEDIUM', 'HIGH']);
  });
});
