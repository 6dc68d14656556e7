import { preparedNamed } from '../statements';

describe('preparedNamed', () => {
  const statement = preparedNamed(
    'example',
    `select :a::uuid, ? as first, :b, ? as second, ':not' as literal, 'it''s :not' as quoted, :a
     -- a comment's :not nor ? either
     from t where x = :b`,
  );

  it('numbers `:name` and `?` parameters in order, leaving casts, literals and comments alone', () => {
    expect(statement.text).toBe(
      `select $1::uuid, $2 as first, $3, $4 as second, ':not' as literal, 'it''s :not' as quoted, $5
     -- a comment's :not nor ? either
     from t where x = $6`,
    );
  });

  it('sends a name once per use and the `?` values in order', () => {
    expect(statement.values({ a: 'A', b: 'B' }, [1, 2])).toEqual(['A', 1, 'B', 2, 'A', 'B']);
  });

  it('refuses a missing name, and a count of `?` values that does not match', () => {
    expect(() => statement.values({ a: 'A' }, [1, 2])).toThrow('no value for :b');
    expect(() => statement.values({ a: 'A', b: 'B' }, [1])).toThrow('1 values for 2 ? parameters');
  });
});
