import { canonicalJson, planConsumption, requestHash } from '../ledger.logic';

const day = (d: number) => new Date(Date.UTC(2026, 0, d));

describe('planConsumption', () => {
  const lots = [
    { id: 'never', remaining: 50, expiresAt: null },
    { id: 'late', remaining: 30, expiresAt: day(20) },
    { id: 'soon', remaining: 10, expiresAt: day(5) },
  ];

  it('takes from the first-to-expire lot first and leaves non-expiring points for last', () => {
    expect(planConsumption(lots, 35)).toEqual([
      { lotId: 'soon', points: 10, expiresAt: day(5) },
      { lotId: 'late', points: 25, expiresAt: day(20) },
    ]);
    expect(planConsumption(lots, 90).map((t) => [t.lotId, t.points])).toEqual([
      ['soon', 10],
      ['late', 30],
      ['never', 50],
    ]);
  });

  it('can start with a preferred lot (a clawback takes from the refunded earn first)', () => {
    expect(planConsumption(lots, 55, 'never').map((t) => [t.lotId, t.points])).toEqual([
      ['never', 50],
      ['soon', 5],
    ]);
  });

  it('refuses to invent points', () => {
    expect(() => planConsumption(lots, 91)).toThrow(/90 of 91/);
  });
});

describe('requestHash', () => {
  it('ignores key order and the idempotency key, but not the values', () => {
    const a = requestHash('earn', { customerId: 'c', points: 10, idempotencyKey: 'k1', reason: 'r' });
    expect(requestHash('earn', { reason: 'r', points: 10, customerId: 'c', idempotencyKey: 'k2' })).toBe(a);
    expect(requestHash('earn', { customerId: 'c', points: 11, reason: 'r' })).not.toBe(a);
    expect(requestHash('redeem', { customerId: 'c', points: 10, reason: 'r' })).not.toBe(a);
  });

  it('writes dates as ISO strings and drops absent fields', () => {
    expect(canonicalJson({ b: day(1), a: undefined, c: null, d: [1, { y: 2, x: 1 }] })).toBe(
      '{"b":"2026-01-01T00:00:00.000Z","d":[1,{"x":1,"y":2}]}',
    );
  });
});
