/** Read-only statements of one request, answered as plain rows. */
export interface Reads {
  /**
   * The rows of one read-only statement (knex `?` parameters), as JSON gives them: timestamps are ISO strings,
   * bigint and numeric are numbers, json and arrays are parsed.
   */
  rows<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * What runs the combined statement: the ORM's driver (no EntityManager fork, so a read-only request pays for no
 * identity map), or an EntityManager; knex `?` parameters either way.
 */
export interface SqlExecutor {
  execute(sql: string, params: unknown[]): Promise<unknown>;
}

interface Pending {
  sql: string;
  params: readonly unknown[];
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
}

/** One statement's rows as a single JSON array column, in the statement's order. */
function asJsonColumn(sql: string): string {
  return `(select coalesce(json_agg(q), '[]'::json) from (${sql}) as q)`;
}

/**
 * Per request: the reads asked for in one turn of the event loop go to PostgreSQL as one statement, each as a
 * JSON array column of it. The fields of one depth of an operation start their loaders in the same turn, so a
 * customer view of ten fields costs a round trip per depth instead of one per field: on this machine each
 * round trip's socket write and PostgreSQL's work for a statement cost more than the rows. Every statement
 * keeps its own outcome: when the combined one fails, each is run again alone.
 */
export class ReadBatch implements Reads {
  private queue: Pending[] = [];

  constructor(private readonly db: SqlExecutor) {}

  rows<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return new Promise<unknown[]>((resolve, reject) => {
      this.queue.push({ sql, params, resolve, reject });
      // After the promise jobs and ticks of this turn, where DataLoader dispatches its batches.
      if (this.queue.length === 1) setImmediate(() => void this.flush());
    }) as Promise<T[]>;
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const [row] = (await this.db.execute(
        `select ${batch.map((read, i) => `${asJsonColumn(read.sql)} as r${i}`).join(', ')}`,
        batch.flatMap((read) => [...read.params]),
      )) as Record<string, unknown[]>[];
      batch.forEach((read, i) => read.resolve(row[`r${i}`]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      await Promise.all(batch.map((read) => this.alone(read)));
    }
  }

  private async alone(read: Pending): Promise<void> {
    try {
      const [row] = (await this.db.execute(`select ${asJsonColumn(read.sql)} as r`, [...read.params])) as {
        r: unknown[];
      }[];
      read.resolve(row.r);
    } catch (error) {
      read.reject(error);
    }
  }
}
