import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An event written in the same transaction as the change it describes. The relay publishes it after
 * commit, so a rolled-back change publishes nothing and a crash between commit and publish loses nothing.
 */
@Entity()
@Index({
  name: 'outbox_event_unpublished_idx',
  expression: 'create index "outbox_event_unpublished_idx" on "outbox_event" ("id") where "published_at" is null',
})
// Catch-up reads a customer's loyalty-state versions after the one a client last saw.
@Index({
  name: 'outbox_event_customer_version_idx',
  expression:
    'create index "outbox_event_customer_version_idx" on "outbox_event" ("customer_id", "version") where "customer_id" is not null',
})
@Index({
  name: 'outbox_event_stream_version_idx',
  expression:
    'create index "outbox_event_stream_version_idx" on "outbox_event" ("stream", "version") where "stream" is not null',
})
// Retention deletes published rows by age.
@Index({
  name: 'outbox_event_published_idx',
  expression:
    'create index "outbox_event_published_idx" on "outbox_event" ("published_at") where "published_at" is not null',
})
export class OutboxEvent {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  /** Logical topic, e.g. CUSTOMER_UPDATED; the relay adds the deployment's channel prefix. */
  @Property({ type: 'text' })
  topic!: string;

  /** What subscribers filter on (a customer or store id). */
  @Property({ type: 'text' })
  routingKey!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date;

  /** Set on versioned streams other than the loyalty state (event_stream): which stream `version` counts. */
  @Property({ type: 'text', nullable: true })
  stream?: string | null;

  /** Set on LOYALTY_STATE_CHANGED rows: whose state, and its version (1, 2, 3... per customer, no gaps). */
  @Property({ type: 'uuid', nullable: true })
  customerId?: string | null;

  @Property({ type: 'bigint', nullable: true })
  version?: string | null;
}
