import { startGateway, type TestGateway } from '../support';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway();
});
afterAll(() => gw.close());

describe('personal_columns()', () => {
  it('names only columns that exist, each with a subject column and a known erasure', async () => {
    const rows = await gw.gateway.orm.em
      .fork()
      .execute<
        { table_name: string; column_name: string | null; subject_column: string; on_erase: string; missing: boolean }[]
      >(
        `select p.*, (p.column_name is not null and c.column_name is null) or s.column_name is null as missing
         from personal_columns() p
         left join information_schema.columns c
           on c.table_schema = 'public' and c.table_name = p.table_name and c.column_name = p.column_name
         left join information_schema.columns s
           on s.table_schema = 'public' and s.table_name = p.table_name and s.column_name = p.subject_column`,
      );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.missing)).toEqual([]);
    const erasures = new Set(['null', 'empty', 'erased', 'kind-text-erased', 'withdraw', 'delete']);
    expect(rows.filter((row) => !erasures.has(row.on_erase))).toEqual([]);
    expect(rows.filter((row) => row.table_name === 'customer').map((row) => row.column_name)).toEqual(
      expect.arrayContaining(['email', 'phone', 'display_name']),
    );
  });
});
