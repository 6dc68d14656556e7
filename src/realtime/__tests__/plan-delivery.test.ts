import { toLoyaltyState } from '../loyalty-state.service';
import { StateSource } from '../loyalty-state.types';
import { planDelivery } from '../versioned-stream';

describe('planDelivery (each version once, in order)', () => {
  it('skips versions the client has, delivers the next one, and fills a gap before anything later', () => {
    expect(planDelivery(5, 4)).toBe('skip');
    expect(planDelivery(5, 5)).toBe('skip');
    expect(planDelivery(5, 6)).toBe('deliver');
    expect(planDelivery(5, 8)).toBe('fill-gap');
    expect(planDelivery(0, 1)).toBe('deliver');
  });
});

describe('toLoyaltyState', () => {
  it('turns the wire form into dates and numbers, keeping the source', () => {
    const state = toLoyaltyState(
      {
        customerId: 'c',
        version: 3,
        changedAt: '2026-11-23T10:00:00.000Z',
        balance: { available: 12, pending: 0 },
        tier: { id: 't', code: 'GOLD', name: 'Gold', rank: 2, expiresAt: null, limitedTime: false },
        benefits: [],
        activeVouchers: [
          { code: 'ABCDEFGHJKMN', rewardId: 'r', pointsCost: 100, expiresAt: '2026-12-01T00:00:00.000Z' },
        ],
      },
      StateSource.MISSED,
    );
    expect(state.changedAt).toEqual(new Date('2026-11-23T10:00:00.000Z'));
    expect(state.activeVouchers[0]).toMatchObject({
      code: 'ABCD-EFGH-JKMN',
      expiresAt: new Date('2026-12-01T00:00:00.000Z'),
    });
    expect(state.tier?.expiresAt).toBeNull();
    expect(state.source).toBe(StateSource.MISSED);
  });
});
