import { Tier } from '../tier.entity';
import { combinedStatus, type StatusRow } from '../tier.service';

const tier = (id: string, rank: number) => Object.assign(new Tier(), { id, rank, code: id.toUpperCase() });
const tiers = [tier('base', 0), tier('silver', 1), tier('gold', 2)];
const now = new Date('2026-06-01T00:00:00Z');
const row = (over: Partial<StatusRow>): StatusRow => ({
  tier_id: 'base',
  since: '2026-01-01T00:00:00Z',
  period_end: null,
  granted_tier_id: null,
  granted_since: null,
  granted_until: null,
  ...over,
});

describe('combinedStatus (a merge keeps the stronger status)', () => {
  it('keeps the only row there is, and none when neither had one', () => {
    const silver = row({ tier_id: 'silver', period_end: '2027-12-31T00:00:00Z' });
    expect(combinedStatus(tiers, undefined, undefined, now)).toBeUndefined();
    expect(combinedStatus(tiers, silver, undefined, now)).toBe(silver);
    expect(combinedStatus(tiers, undefined, silver, now)).toBe(silver);
  });

  it('takes the higher qualified tier, and on a tie the later period end', () => {
    const survivor = row({ tier_id: 'silver', period_end: '2027-12-31T00:00:00Z' });
    expect(
      combinedStatus(tiers, survivor, row({ tier_id: 'gold', period_end: '2026-12-31T00:00:00Z' }), now),
    ).toMatchObject({ tier_id: 'gold', period_end: '2026-12-31T00:00:00Z' });
    expect(
      combinedStatus(tiers, survivor, row({ tier_id: 'silver', period_end: '2028-12-31T00:00:00Z' }), now),
    ).toMatchObject({ tier_id: 'silver', period_end: '2028-12-31T00:00:00Z' });
    expect(
      combinedStatus(tiers, survivor, row({ tier_id: 'silver', period_end: '2026-12-31T00:00:00Z' }), now),
    ).toMatchObject({ period_end: '2027-12-31T00:00:00Z' });
  });

  it('keeps the higher limited-time status that is still running, ignoring ended ones', () => {
    const survivor = row({
      granted_tier_id: 'silver',
      granted_since: '2026-05-01T00:00:00Z',
      granted_until: '2026-09-01T00:00:00Z',
    });
    const liveGold = row({
      granted_tier_id: 'gold',
      granted_since: '2026-05-01T00:00:00Z',
      granted_until: '2026-07-01T00:00:00Z',
    });
    const endedGold = row({
      granted_tier_id: 'gold',
      granted_since: '2026-01-01T00:00:00Z',
      granted_until: '2026-03-01T00:00:00Z',
    });
    expect(combinedStatus(tiers, survivor, liveGold, now)).toMatchObject({
      granted_tier_id: 'gold',
      granted_until: '2026-07-01T00:00:00Z',
    });
    expect(combinedStatus(tiers, survivor, endedGold, now)).toMatchObject({
      granted_tier_id: 'silver',
      granted_until: '2026-09-01T00:00:00Z',
    });
  });
});
