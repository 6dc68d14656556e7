import type { MikroORM } from '@mikro-orm/postgresql';
import { Pool, type PoolConfig } from 'pg';

/**
 * A hot path's own connections, beside the ORM's pool: each statement is a named prepared statement, so every
 * connection parses and plans it once, and a call sends only its parameters (no knex binding, no unnamed
 * Parse). The rows come back exactly as from the ORM connection (its own type parsers: timestamps as text,
 * int8 as text), so the same row mappers read both.
 */

/** A statement prepared once per connection under `name`: its text with `$n` parameters. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

/**
 * The SQL builders write knex's `?` placeholders; this numbers them `$1, $2, …` once, at module load. The text
 * must hold no `?` other than placeholders (no jsonb `?` operator, no `?` in a literal).
 */
export function prepared(name: string, sql: string): Statement {
  let n = 0;
  return { name, text: sql.replace(/\?/g, () => `$${++n}`) };
}

/**
 * A statement written with `:name` parameters (as `bind` takes them) and `?` ones (as the SQL builders write
 * them), and its values: by name, and the `?` ones in order.
 */
export interface NamedStatement extends Statement {
  values(named: Record<string, unknown>, positional?: readonly unknown[]): unknown[];
}

/** A line comment or a string literal (left as they are), a `?` parameter, or a `:name` one. */
const PARAMETER_OR_LITERAL = /--[^\n]*|'(?:[^']|'')*'|\?|(?<![:\w]):([a-zA-Z_]\w*)/g;

/** `prepared` for SQL with `:name` parameters and `?` ones; a name used twice is sent twice. */
export function preparedNamed(name: string, sql: string): NamedStatement {
  // The name of each parameter in order; null for a `?`.
  const names: (string | null)[] = [];
  const text = sql.replace(PARAMETER_OR_LITERAL, (match, parameter: string | undefined) => {
    if (match.startsWith("'") || match.startsWith('--')) return match;
    names.push(parameter ?? null);
    return `$${names.length}`;
  });
  return {
    name,
    text,
    values: (named, positional = []) => {
      let next = 0;
      const values = names.map((parameter) => {
        if (parameter === null) return positional[next++];
        if (!(parameter in named)) throw new Error(`no value for :${parameter}`);
        return named[parameter];
      });
      if (next !== positional.length) throw new Error(`${positional.length} values for ${next} ? parameters`);
      return values;
    },
  };
}

export interface StatementPoolOptions {
  size: number;
  /** Set on each connection: a statement that waits longer on a lock fails (55P03) instead of waiting on. */
  lockTimeoutMs?: number;
}

export class StatementPool {
  private readonly pool: Pool;
  private readonly listeners = new Set<(name: string) => void>();

  constructor(orm: MikroORM, options: StatementPoolOptions) {
    // The ORM's own connection options: same server, credentials and type parsers.
    const connection = orm.em.getConnection().getConnectionOptions() as PoolConfig;
    this.pool = new Pool({
      ...connection,
      max: options.size,
      // A CLI that books through the services can exit without closing this pool.
      allowExitOnIdle: true,
      ...(options.lockTimeoutMs ? { options: `-c lock_timeout=${options.lockTimeoutMs}` } : {}),
    });
    // An idle connection that drops is replaced on the next checkout; the error must not crash the process.
    this.pool.on('error', () => undefined);
  }

  async run<T>(statement: Statement, values: unknown[]): Promise<T[]> {
    for (const listener of this.listeners) listener(statement.name);
    const result = await this.pool.query({ name: statement.name, text: statement.text, values });
    return result.rows as T[];
  }

  /** Calls `listener` with the name of each statement run from now on (tests count statements per request). */
  onStatement(listener: (name: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
