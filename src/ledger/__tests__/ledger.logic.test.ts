import { planConsumption } from '../ledger.logic';

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
