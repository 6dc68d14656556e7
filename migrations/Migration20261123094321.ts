import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094321 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "timeline_kind" as enum ('PURCHASE', 'REFUND', 'POINTS_EARNED', 'POINTS_REDEEMED', 'POINTS_ADJUSTED', 'POINTS_REVERSED', 'POINTS_TRANSFERRED', 'TIER_CHANGED', 'REWARD_REDEEMED', 'VOUCHER_CONSUMED', 'VOUCHER_CANCELLED', 'SUPPORT_CASE', 'SURVEY_RESPONSE', 'INTERACTION', 'NOTE', 'BILLING');`);
    this.addSql(`create table "timeline_event" ("id" uuid not null, "tenant_id" uuid not null, "customer_id" uuid not null, "kind" "timeline_kind" not null, "source" text not null, "source_event_id" text null, "channel" text null, "actor" text not null, "occurred_at" timestamptz not null, "summary" text not null, "data" jsonb not null default '{}', "ref_type" text null, "ref_id" text null, "created_at" timestamptz not null, constraint "timeline_event_pkey" primary key ("id"));`);
    this.addSql(`create index "timeline_event_tenant_id_customer_id_occurred_at_id_index" on "timeline_event" ("tenant_id", "customer_id", "occurred_at", "id");`);
    this.addSql(`alter table "timeline_event" add constraint "timeline_event_tenant_id_source_source_event_id_unique" unique ("tenant_id", "source", "source_event_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "timeline_event" cascade;`);

    this.addSql(`drop type "timeline_kind";`);
  }

}
