import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, type QueryResult } from 'pg';
import type { Logger } from 'pino';

import type { RealtimeBus, Topic } from '../realtime/pubsub';

/** Longest a drain may sit between its statements (publishing to Redis) before the server ends it. */
const RELAY_IDLE_IN_TRANSACTION_MS = 5_000;

/** Channel the outbox trigger notifies on commit (see the migration that creates it). */
export const OUTBOX_NOTIFY_CHANNEL = 'lg_outbox';

interface OutboxRow {
  id: string;
  topic: Topic;
  routing_key: string;
  /** The JSON text as stored: published as is, never parsed here. */
  payload: string;
}

/**
 * The claim, in the drain's transaction (sent with its BEGIN: one round trip). One instance drains at a time:
 * the others find the turn taken and leave the rows to it, so nothing is published ahead of rows an earlier
 * drain claimed, and a customer's versions (committed one after another) reach Redis in order. Whoever holds
 * the turn hears every NOTIFY too, so no row waits for the poll.
 */
export function claimSql(batchSize: number): string {
  return `with turn as materialized (select pg_try_advisory_xact_lock(hashtext('lg:outbox-relay')) as mine)
select e.id, e.topic, e.routing_key, e.payload::text as payload
  from turn, outbox_event e
 where turn.mine and e.published_at is null
 order by e.id limit ${Math.trunc(batchSize)} for update of e skip locked`;
}

/** One round trip: the claimed rows marked published, and the commit that releases them and the turn. */
function markSql(ids: string[]): string {
  // Simple protocol (two statements) takes no parameters: ids are bigint text from the claim, checked anyway.
  if (!ids.every((id) => /^\d+$/.test(id))) throw new Error('outbox ids must be integers');
  return `update outbox_event set published_at = now() where id = any('{${ids.join(',')}}'::bigint[]);
commit`;
}

/**
 * Moves committed outbox rows to the event bus. Every instance runs one, on a connection of its own (not the
 * request pool, not through the ORM): each batch is claimed in one round trip and marked in one, around one
 * Redis pipeline, and a mark goes together with the next claim while more is waiting.
 * A row is marked published in the same transaction that claimed it, and only after Redis took it, so a crash
 * or a Redis outage before that commit leaves it for the next drain (at least once delivery).
 */
export class OutboxRelay {
  private listener: Client | null = null;
  /** Claims and marks; made on first use and again after it fails. */
  private worker: Client | null = null;
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
    await Promise.all(
      [this.listener, this.worker].map((client) => (client ? client.end().catch(() => undefined) : Promise.resolve())),
    );
    this.listener = this.worker = null;
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

  private async connection(): Promise<Client> {
    if (this.worker) return this.worker;
    // A drain holds the relays' turn: an instance that stops answering mid-drain (frozen, cut off) has its session
    // ended by the server, which releases the turn and its rows to the other relays (they publish them again).
    const client = new Client({
      connectionString: this.databaseUrl,
      idle_in_transaction_session_timeout: RELAY_IDLE_IN_TRANSACTION_MS,
    });
    client.on('error', (error: Error) => {
      this.log.warn({ err: error }, 'outbox relay connection lost; reconnecting on next wake-up');
      this.drop(client);
    });
    await client.connect();
    this.worker = client;
    return client;
  }

  private drop(client: Client): void {
    if (this.worker === client) this.worker = null;
    client.end().catch(() => undefined);
  }

  private lastPrune = 0;

  private async drain(): Promise<void> {
    await this.relay();
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

  /**
   * Claims, publishes and marks until nothing is left. While there is more to do (a full batch, or a wake-up
   * during the drain), the mark, its COMMIT and the next BEGIN and claim go as one round trip.
   */
  private async relay(): Promise<void> {
    const client = await this.connection();
    const claim = `begin;\n${claimSql(this.options.batchSize)}`;
    let query = claim;
    let marked = 0;
    try {
      for (;;) {
        const results = (await client.query(query)) as unknown as QueryResult<OutboxRow>[];
        if (marked > 0) this.onRelayed(marked);
        const rows = results[results.length - 1].rows;
        if (rows.length === 0) {
          // Not awaited: the connection runs its queries in order, so the next claim goes right after it.
          client.query('rollback').catch(() => this.drop(client));
          return;
        }
        // In id order, in one pipeline (Redis keeps its order); any failure (Redis away) rolls the claim back and
        // the rows wait for the next wake-up: nothing is marked published that Redis did not take.
        await this.bus.publishAll(
          rows.map((row) => ({ topic: row.topic, routingKey: row.routing_key, json: row.payload })),
        );
        const mark = markSql(rows.map((row) => row.id));
        marked = rows.length;
        if (this.stopped || (rows.length < this.options.batchSize && !this.again)) {
          await client.query(mark);
          this.onRelayed(marked);
          return;
        }
        this.again = false;
        query = `${mark};\n${claim}`;
      }
    } catch (error) {
      // Whatever the transaction's state, it ends here; a connection that cannot even roll back is replaced.
      await client.query('rollback').catch(() => this.drop(client));
      throw error;
    }
  }
}
