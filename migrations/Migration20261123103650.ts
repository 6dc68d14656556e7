import { Migration } from '@mikro-orm/migrations';

export class Migration20261123103650 extends Migration {

  override async up(): Promise<void> {
    // Trigram similarity of names and addresses, for duplicateCandidates (a trusted extension since PostgreSQL 13).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create type "merge_status" as enum ('ACTIVE', 'UNDONE');`);
    this.addSql(`create type "customer_kind" as enum ('PERSON', 'ACCOUNT_POOL');`);
    this.addSql(`create table "customer_merge" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "survivor_id" uuid not null, "merged_id" uuid not null, "reason" text not null, "actor" text not null, "status" "merge_status" not null default 'ACTIVE', "idempotency_key" text not null, "request_hash" char(64) not null, "transaction_id" uuid null, "points_moved" bigint not null default 0, "identifier_ids" uuid[] not null default '{}', "repointed_ids" uuid[] not null default '{}', "merged_contact" jsonb not null, "survivor_tier_before" jsonb null, "survivor_tier_version_after" int null, "undone_at" timestamptz null, "undone_by" text null, "unmerge_report" jsonb null, constraint "customer_merge_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_merge_tenant_id_merged_id_index" on "customer_merge" ("tenant_id", "merged_id");`);
    this.addSql(`create index "customer_merge_tenant_id_survivor_id_index" on "customer_merge" ("tenant_id", "survivor_id");`);
    this.addSql(`alter table "customer_merge" add constraint "customer_merge_tenant_id_idempotency_key_unique" unique ("tenant_id", "idempotency_key");`);

    this.addSql(`create table "business_account" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "code" text not null, "name" text not null, "pool_points" boolean not null default false, "pool_customer_id" uuid null, "version" int not null default 1, constraint "business_account_pkey" primary key ("id"));`);
    this.addSql(`create index "business_account_tenant_id_index" on "business_account" ("tenant_id");`);
    this.addSql(`alter table "business_account" add constraint "business_account_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`alter table "business_account" add constraint "business_account_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update restrict on delete restrict;`);

    this.addSql(`alter table "points_lot" add column "source_lot_id" uuid null;`);
    this.addSql(`create index "points_lot_source_idx" on "points_lot" ("source_lot_id") where "source_lot_id" is not null;`);

    this.addSql(`alter table "customer" add column "kind" "customer_kind" not null default 'PERSON', add column "address_line" text null, add column "postal_code" text null, add column "city" text null, add column "business_account_id" uuid null, add column "merged_into_id" uuid null;`);
    this.addSql(`create index "customer_business_account_id_index" on "customer" ("business_account_id");`);
    this.addSql(`create index "customer_merged_into_idx" on "customer" ("merged_into_id") where "merged_into_id" is not null;`);

    this.addSql(`alter type "tier_change_reason" add value if not exists 'MERGED' after 'GRANT_ENDED';`);

    this.addSql(`alter type "tier_change_reason" add value if not exists 'UNMERGED' after 'MERGED';`);

    this.addSql(`alter type "timeline_kind" add value if not exists 'CUSTOMER_MERGED' after 'BILLING';`);

    this.addSql(`alter type "timeline_kind" add value if not exists 'CUSTOMER_UNMERGED' after 'CUSTOMER_MERGED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_merge" cascade;`);

    this.addSql(`drop table if exists "business_account" cascade;`);

    this.addSql(`drop index "customer_business_account_id_index";`);
    this.addSql(`drop index "customer_merged_into_idx";`);
    this.addSql(`alter table "customer" drop column "kind", drop column "address_line", drop column "postal_code", drop column "city", drop column "business_account_id", drop column "merged_into_id";`);

    this.addSql(`drop index "points_lot_source_idx";`);
    this.addSql(`alter table "points_lot" drop column "source_lot_id";`);

    this.addSql(`drop type "merge_status";`);
    this.addSql(`drop type "customer_kind";`);
  }

}
