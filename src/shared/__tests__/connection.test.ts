import 'reflect-metadata';

import { decodeRankCursor, encodeRankCursor, toConnection } from '../graphql/connection';

const id = '0190f0a1-7b1c-7d2e-8f3a-0123456789ab';

describe('rank cursors (lists ordered by a score)', () => {
  it('round-trip a rank and an id, and refuse anything else naming the field', () => {
    expect(decodeRankCursor(encodeRankCursor({ rank: 95, id }))).toEqual({ rank: 95, id });
    expect(decodeRankCursor(undefined)).toBeUndefined();
    for (const bad of ['nope', Buffer.from('{"r":1.5,"id":"x"}').toString('base64url')]) {
      let refused: unknown;
      try {
        decodeRankCursor(bad, 'after');
      } catch (error) {
        refused = error;
      }
      expect((refused as { extensions?: unknown }).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  it('make connections like time cursors do', () => {
    const rows = [
      { rank: 3, id },
      { rank: 2, id },
      { rank: 1, id },
    ];
    const page = toConnection(rows, 2, (row) => row, { rank: 9, id });
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(decodeRankCursor(page.pageInfo.endCursor)).toEqual({ rank: 2, id });
  });
});
