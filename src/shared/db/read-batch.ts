/** Read-only statements, answered as plain rows. */
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

export interface ReadBatchOptions {
  /** Combined statements running at once; reads asked for meanwhile wait and go together in the next one. */
  inflight: number;
  /** Most reads in one statement. */
  max: number;
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
 * The reads asked for in one turn of the event loop go to PostgreSQL as one statement, each as a JSON array
 * column of it; while `inflight` statements are running, further reads queue and go together in the next. On
 * this machine a statement's socket write and PostgreSQL's work per statement cost more than the rows, so a
 * customer view costs a round trip per depth of the operation instead of one per field, and one instance's
 * concurrent requests share those round trips (each read carries its own tenant condition or keys already
 * checked against the caller's tenant; nothing but the transport is shared). Every read keeps its own outcome:
 * when the combined statement fails, each runs again alone.
 */
export class ReadBatch implements Reads {
  private queue: Pending[] = [];
  private scheduled = false;
  private running = 0;

  constructor(
    private readonly db: SqlExecutor,
    private readonly options: ReadBatchOptions = { inflight: 1, max: 100 },
  ) {}

  rows<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return new Promise<unknown[]>((resolve, reject) => {
      this.queue.push({ sql, params, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the promise jobs and ticks of this turn, where DataLoader dispatches its batches.
        setImmediate(() => {
          this.scheduled = false;
          this.drain();
        });
      }
    }) as Promise<T[]>;
  }

  private drain(): void {
    while (this.running < this.options.inflight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.max);
      this.running += 1;
      void this.flush(batch).finally(() => {
        this.running -= 1;
        this.drain();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
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
