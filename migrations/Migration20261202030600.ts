import { Migration } from '@mikro-orm/migrations';

/**
 * The delivery ids `/ingest/:source` accepted, kept for twice the signature tolerance (src/timeline/ingest.service.ts):
 * a replayed delivery is refused. In PostgreSQL, not Redis: the gateway runs without Redis, and the claim
 * commits or rolls back with the events it stores. No foreign key to tenant, like idempotency_key.
 */
export class Migration20261202030600 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ingest_delivery" (
      "tenant_id" uuid not null, "source" text not null, "delivery_id" text not null,
      "received_at" timestamptz not null default now(),
      constraint "ingest_delivery_pkey" primary key ("tenant_id", "source", "delivery_id"));`);
    // Each claim removes its tenant's and source's expired ids by this index.
    this.addSql(
      `create index "ingest_delivery_received_at_idx" on "ingest_delivery" ("tenant_id", "source", "received_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ingest_delivery";`);
  }
}
