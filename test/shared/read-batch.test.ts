import { ReadBatch } from '../../src/shared/db/read-batch';
import { startGateway, type TestGateway } from '../support';

let gw: TestGateway;
const statements: string[] = [];
const onQuery = (query: { sql: string }) => {
  // The outbox relay shares the pool: its statements are not these reads'.
  if (!/outbox_event|^(begin|commit|rollback)/i.test(query.sql)) statements.push(query.sql);
};

beforeAll(async () => {
  gw = await startGateway();
  gw.gateway.orm.em.getConnection().getKnex().on('query', onQuery);
});
afterAll(async () => {
  gw.gateway.orm.em.getConnection().getKnex().off('query', onQuery);
  await gw.close();
});

describe("a request's batched reads", () => {
  it('go to PostgreSQL as one statement when asked for in one turn, each with its own rows in order', async () => {
    const reads = new ReadBatch(gw.gateway.orm.em.getDriver());
    statements.length = 0;
    const [numbers, words, none] = await Promise.all([
      reads.rows<{ n: number }>(`select n from generate_series(1, ?::int) n order by n desc`, [3]),
      reads.rows<{ w: string }>(`select unnest(?::text[]) as w`, ['{a,b}']),
      reads.rows(`select 1 where false`),
    ]);
    expect(numbers).toEqual([{ n: 3 }, { n: 2 }, { n: 1 }]);
    expect(words).toEqual([{ w: 'a' }, { w: 'b' }]);
    expect(none).toEqual([]);
    expect(statements).toHaveLength(1);
    // The next turn is a statement of its own.
    await reads.rows(`select 1 as one`);
    expect(statements).toHaveLength(2);
  });

  it('give rows as JSON does: timestamps as ISO strings, bigint as numbers', async () => {
    const reads = new ReadBatch(gw.gateway.orm.em.getDriver());
    const [row] = await reads.rows<{ at: string; big: number; doc: { a: number } }>(
      `select timestamptz '2026-12-02 10:00:00.123+00' as at, 9007199254740991::bigint as big, '{"a":1}'::jsonb as doc`,
    );
    expect(new Date(row.at).toISOString()).toBe('2026-12-02T10:00:00.123Z');
    expect(row.big).toBe(9007199254740991);
    expect(row.doc).toEqual({ a: 1 });
  });

  it('keep each outcome of their own: a read that fails fails alone', async () => {
    const reads = new ReadBatch(gw.gateway.orm.em.getDriver());
    const [good, bad, other] = await Promise.allSettled([
      reads.rows<{ one: number }>(`select 1 as one`),
      reads.rows(`select 1 / (? - 1) as boom`, [1]),
      reads.rows<{ two: number }>(`select 2 as two`),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: [{ one: 1 }] });
    expect(bad.status).toBe('rejected');
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/division by zero/);
    expect(other).toEqual({ status: 'fulfilled', value: [{ two: 2 }] });
  });

  it('queue while the statements in flight run, then go together in the next one', async () => {
    const reads = new ReadBatch(gw.gateway.orm.em.getDriver(), { inflight: 1, max: 100 });
    statements.length = 0;
    const slow = reads.rows<{ slept: number }>(`select 1 as slept from pg_sleep(0.2)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Two turns while the first statement runs: both wait for it, then share one statement.
    const first = reads.rows<{ n: number }>(`select 1 as n`);
    await new Promise((resolve) => setImmediate(resolve));
    const second = reads.rows<{ n: number }>(`select 2 as n`);
    expect(await Promise.all([slow, first, second])).toEqual([[{ slept: 1 }], [{ n: 1 }], [{ n: 2 }]]);
    expect(statements).toHaveLength(2);
  });

  it('put at most `max` reads in one statement', async () => {
    const reads = new ReadBatch(gw.gateway.orm.em.getDriver(), { inflight: 4, max: 2 });
    statements.length = 0;
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => reads.rows<{ n: number }>(`select ?::int as n`, [n])));
    expect(answers).toEqual([1, 2, 3, 4, 5].map((n) => [{ n }]));
    expect(statements).toHaveLength(3);
  });
});
