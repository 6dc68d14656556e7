import { escapeLike, normalizeEmail, normalizePhone } from '../contact';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.COM ')).toEqual({ ok: true, value: 'ada.lovelace@example.com' });
  });

  it.each(['', 'ada', 'ada@', '@example.com', 'ada@example', 'Ada <ada@example.com>'])('rejects %p', (raw) => {
    expect(normalizeEmail(raw).ok).toBe(false);
  });
});

describe('normalizePhone', () => {
  it('formats international numbers as E.164', () => {
    expect(normalizePhone('+33 6 12 34 56 78')).toEqual({ ok: true, value: '+33612345678' });
    expect(normalizePhone('0033 6 12 34 56 78')).toEqual({ ok: true, value: '+33612345678' });
    expect(normalizePhone('+1 (415) 555-2671')).toEqual({ ok: true, value: '+14155552671' });
  });

  it('rejects numbers without a country code or that cannot exist', () => {
    expect(normalizePhone('06 12 34 56 78').ok).toBe(false);
    expect(normalizePhone('+33 1').ok).toBe(false);
    expect(normalizePhone('call me').ok).toBe(false);
  });
});

describe('escapeLike', () => {
  it('escapes wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
