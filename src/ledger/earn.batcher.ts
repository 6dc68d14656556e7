import type { StatementPool } from '../shared/db/statements';
import { earnBatch } from './earn.batch.store';
import type { EarnBooking, TransactionRow } from './ledger.model';

interface Pending {
  earn: EarnBooking;
  /** Books this earn by itself (today's single statement), when its group failed. */
  alone: () => Promise<TransactionRow[]>;
  resolve: (rows: TransactionRow[]) => void;
  reject: (error: unknown) => void;
}

export interface EarnBatcherOptions {
  /** Group statements running at once: the pool's size. */
  inflight: number;
  /** Most earns in one group. */
  max: number;
  /** Called once per group that failed and was booked earn by earn (a metric). */
  onFallback: () => void;
}

/**
 * Group commit for earns with a client's key and no daily limit: while every connection of the pool is busy,
 * the earns that arrive wait, and the next free connection books up to `max` of them in one statement (one
 * commit, one WAL flush, one NOTIFY). With a connection free an earn goes at once, alone: at low load nothing
 * waits for a timer. Each earn keeps its own key, answer and error:
 * - a group holds at most one earn per customer id and one per key; the next one waits for the next group,
 *   so a customer's loyalty-state versions still move once per earn, and a reused key finds the first
 *   committed (replay or CONFLICT, as a concurrent retry does);
 * - when the group statement fails with the database's answer, nothing of it was kept: each earn is booked
 *   again alone, so it gets exactly its own answer or error and a bad one does not fail the others; when the
 *   connection is lost the outcome is unknown, and each earn gets that error (a resend replays or books).
 */
export class EarnBatcher {
  private queue: Pending[] = [];
  private running = 0;
  private closing = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly pool: StatementPool,
    private readonly options: EarnBatcherOptions,
  ) {}

  /** The earn's header row, or no row when its key was taken or its customer is unknown (as `earnStatement`). */
  book(earn: EarnBooking, alone: () => Promise<TransactionRow[]>): Promise<TransactionRow[]> {
    if (this.closing) return Promise.reject(new Error('the ledger is shutting down'));
    return new Promise<TransactionRow[]>((resolve, reject) => {
      this.queue.push({ earn, alone, resolve, reject });
      this.pump();
    });
  }

  /** Stops taking earns and waits until those taken are answered. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.running === 0 && this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.running < this.options.inflight && this.queue.length > 0) {
      const group = this.take();
      this.running += 1;
      void this.run(group).finally(() => {
        this.running -= 1;
        this.pump();
        if (this.running === 0 && this.queue.length === 0) for (const resolve of this.idle.splice(0)) resolve();
      });
    }
  }

  /** The oldest earns that may share a group: one per customer id and one per key, at most `max`. */
  private take(): Pending[] {
    const group: Pending[] = [];
    const rest: Pending[] = [];
    const customers = new Set<string>();
    const keys = new Set<string>();
    for (const pending of this.queue) {
      const { claim, customerId } = pending.earn;
      const key = `${claim!.tenantId}\u0000${claim!.scope}\u0000${claim!.key}`;
      if (group.length < this.options.max && !customers.has(customerId) && !keys.has(key)) {
        group.push(pending);
        customers.add(customerId);
        keys.add(key);
      } else rest.push(pending);
    }
    this.queue = rest;
    return group;
  }

  private async run(group: Pending[]): Promise<void> {
    let rows;
    try {
      rows = await earnBatch(
        this.pool,
        group.map((pending) => pending.earn),
      );
    } catch (error) {
      if (connectionLost(error)) {
        for (const pending of group) pending.reject(error);
        return;
      }
      this.options.onFallback();
      await Promise.all(group.map((pending) => pending.alone().then(pending.resolve, pending.reject)));
      return;
    }
    const byOrd = new Map(rows.map((row) => [row.ord, row]));
    const deferred: Pending[] = [];
    group.forEach((pending, ord) => {
      const row = byOrd.get(ord);
      if (row?.deferred) deferred.push(pending);
      else pending.resolve(row ? [row] : []);
    });
    // Another id of the same holder booked in this group: first in line for the next one.
    this.queue.unshift(...deferred);
  }
}

/**
 * The statement's outcome is unknown: the connection broke (class 08, a server shutdown 57P0x, or no SQLSTATE
 * at all, such as a socket error).
 */
function connectionLost(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57P');
}
