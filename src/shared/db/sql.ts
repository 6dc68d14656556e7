/**
 * A PostgreSQL array literal (`{"a","b"}`) for one `?` parameter: knex spreads a JS array into a list of
 * parameters, which `= any(?::text[])` or `unnest(?::uuid[])` cannot take.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
