/**
 * A PostgreSQL array literal (`{"a","b"}`) for one `?` parameter: knex spreads a JS array into a list of
 * parameters, which `= any(?::text[])` or `unnest(?::uuid[])` cannot take.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * Binds `:name` parameters to knex's positional `?`, in order of appearance. `::type` casts are left
 * alone; SQL bound this way must hold no string literal with a colon before a letter, which this would misread.
 */
export function bind(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/(?<![:\w]):([a-zA-Z_]\w*)/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`no value for :${name}`);
    params.push(values[name]);
    return '?';
  });
  return [text, params];
}

/**
 * Taken first by every multi-customer batch job transaction (tier evaluation, settling and expiring
 * points). At commit, each such transaction moves the loyalty-state version of every customer it touched,
 * locking those rows in the order it changed them; two batches over the same customers in different
 * orders would deadlock there. Batches are background work, so they simply take turns.
 */
export const BATCH_JOBS_LOCK_SQL = `select pg_advisory_xact_lock(hashtext('lg:batch-jobs'))`;
