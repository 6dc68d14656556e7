import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Logger } from 'pino';

import type { RealtimeBus, Topic } from '../realtime/pubsub';

/** Channel the outbox trigger notifies on commit (see the migration that creates it). */
export const OUTBOX_NOTIFY_CHANNEL = 'lg_outbox';

interface OutboxRow {
  id: string;
  topic: Topic;
  routing_key: string;
  payload: Record<string, unknown>;
}

/**
 * Moves committed outbox rows to the event bus. Every instance runs one; `FOR UPDATE SKIP LOCKED`
 * hands each row to exactly one of them. A row is marked published in the same transaction that
 * claimed it, so a crash before that commit leaves it for the next relay (at least once delivery).
 */
export class OutboxRelay {
  private listener: Client | null = null;
  private poller: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: RealtimeBus,
    private readonly databaseUrl: string,
    private readonly log: Logger,
    private readonly options = { pollMs: 1000, batchSize: 200, retentionHours: 72 },
    private readonly onRelayed: (count: number) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    await this.listen();
    // NOTIFY wakes us at once; the poll is the safety net for a dropped LISTEN connection.
    this.poller = setInterval(() => this.kick(), this.options.pollMs);
    this.poller.unref();
    this.kick();
  }

  /** Drains now, or once more right after the drain under way. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.log.error({ err: error }, 'outbox relay failed; retrying on next wake-up'))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    if (this.retry) clearTimeout(this.retry);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', () => this.kick());
    client.on('error', (error: Error) => {
      this.log.warn({ err: error }, 'outbox LISTEN connection lost; polling until it is back');
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      this.relisten();
    });
    await client.connect();
    // stop() may have run while this connection was being made: then it is not wanted any more.
    if (this.stopped) {
      await client.end();
      return;
    }
    await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    this.listener = client;
  }

  /** Reconnects LISTEN in the background until it works again; polling covers the gap. */
  private relisten(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped) this.listen().catch(() => this.relisten());
    }, 1000);
    this.retry.unref();
  }

  private lastPrune = 0;

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.relayBatch()) === this.options.batchSize);
    if (Date.now() - this.lastPrune > 60_000) {
      this.lastPrune = Date.now();
      await this.prune();
    }
  }

  /**
   * Published rows are history for catch-up only; past the retention window a reconnecting client gets the
   * current state instead. Deleted in small batches so the table never takes a long lock.
   */
  private async prune(): Promise<void> {
    const em = this.orm.em.fork();
    for (;;) {
      const deleted = await em.execute(
        `delete from outbox_event where id in (
           select id from outbox_event where published_at < now() - make_interval(hours => ?) order by published_at limit 5000)
         returning id`,
        [this.options.retentionHours],
      );
      if (deleted.length < 5000) return;
    }
  }

  private async relayBatch(): Promise<number> {
    return this.orm.em.fork().transactional(async (em) => {
      const rows: OutboxRow[] = await em.execute(
        `select id, topic, routing_key, payload from outbox_event
          where published_at is null order by id limit ? for update skip locked`,
        [this.options.batchSize],
      );
      if (rows.length === 0) return 0;
      // In id order on one connection (Redis keeps it); any failure (Redis away) rolls the claim back and the
      // rows wait for the next wake-up: nothing is marked published that Redis did not take.
      await Promise.all(rows.map((row) => this.bus.publish(row.topic, row.routing_key, row.payload)));
      // knex expands an array binding into a list: `in (?)` becomes `in ($1, $2, ...)`.
      await em.execute(`update outbox_event set published_at = now() where id in (?)`, [rows.map((r) => r.id)]);
      this.onRelayed(rows.length);
      return rows.length;
    });
  }
}
