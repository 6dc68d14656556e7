import { appliesToStore } from '../program-change.logic';

describe('appliesToStore', () => {
  const north = { id: 's1', region: 'north' };
  it('passes tenant-wide changes and those naming the store or its region, and nothing else', () => {
    expect(appliesToStore({ storeIds: [], regions: [] }, north)).toBe(true);
    expect(appliesToStore({ storeIds: ['s1'], regions: [] }, north)).toBe(true);
    expect(appliesToStore({ storeIds: ['s2'], regions: [] }, north)).toBe(false);
    expect(appliesToStore({ storeIds: [], regions: ['north', 'east'] }, north)).toBe(true);
    expect(appliesToStore({ storeIds: [], regions: ['south'] }, north)).toBe(false);
    expect(appliesToStore({ storeIds: [], regions: ['north'] }, { id: 's3', region: null })).toBe(false);
  });
});
