import { IdentifierKind, normalizeIdentifier } from '../identifier.logic';

describe('normalizeIdentifier', () => {
  it('gives one spelling per identifier', () => {
    const cases: [IdentifierKind, string, string][] = [
      [IdentifierKind.EMAIL, '  Ada.Lovelace@Example.COM ', 'ada.lovelace@example.com'],
      [IdentifierKind.PHONE, '+33 6 12 34 56 78', '+33612345678'],
      [IdentifierKind.PHONE, '0033612345678', '+33612345678'],
      [IdentifierKind.LOYALTY_CARD, 'ab12-3456 78cd', 'AB12345678CD'],
      [IdentifierKind.CRM_ID, '  0031U00001abcDEF ', '0031U00001abcDEF'],
    ];
    for (const [kind, raw, expected] of cases)
      expect([kind, normalizeIdentifier(kind, raw)]).toEqual([kind, { ok: true, value: expected }]);
  });

  it('refuses what cannot be an identifier of its kind', () => {
    expect(normalizeIdentifier(IdentifierKind.EMAIL, 'ada@').ok).toBe(false);
    expect(normalizeIdentifier(IdentifierKind.PHONE, '06 12 34 56 78').ok).toBe(false);
    expect(normalizeIdentifier(IdentifierKind.LOYALTY_CARD, '12$4').ok).toBe(false);
    expect(normalizeIdentifier(IdentifierKind.DEVICE_ID, '   ').ok).toBe(false);
  });
});
