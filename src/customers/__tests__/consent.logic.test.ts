import { consentAllows, consentAllowsSql, ConsentPurpose } from '../consent.logic';

describe('consentAllows', () => {
  it('needs a recorded yes for MARKETING and SURVEYS, and a recorded no to stop PROFILING', () => {
    expect(consentAllows(ConsentPurpose.MARKETING, undefined)).toBe(false);
    expect(consentAllows(ConsentPurpose.SURVEYS, undefined)).toBe(false);
    expect(consentAllows(ConsentPurpose.PROFILING, undefined)).toBe(true);
    for (const purpose of Object.values(ConsentPurpose)) {
      expect(consentAllows(purpose, true)).toBe(true);
      expect(consentAllows(purpose, false)).toBe(false);
    }
  });

  it('says the same in SQL: exists a yes for opt-in, not exists a no for opt-out', () => {
    expect(consentAllowsSql('c.id', ConsentPurpose.SURVEYS)).toMatch(/^exists .* cc\.granted\)$/);
    expect(consentAllowsSql('c.id', ConsentPurpose.PROFILING)).toMatch(/^not exists .* not cc\.granted\)$/);
  });
});
