import { Migration } from '@mikro-orm/migrations';

export class Migration20261122234910 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "staff_role" as enum ('OWNER', 'ADMIN', 'ANALYST', 'SUPERVISOR', 'AGENT', 'POS', 'SERVICE');`);
    this.addSql(`create table "outbox_event" ("id" bigserial primary key, "tenant_id" uuid not null, "topic" text not null, "routing_key" text not null, "payload" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`create index "outbox_event_unpublished_idx" on "outbox_event" ("id") where "published_at" is null;`);

    this.addSql(`create table "tenant" ("id" uuid not null, "name" text not null, "currency" char(3) not null, "timezone" text not null, "customer_jwt_secret" text not null, "created_at" timestamptz not null, constraint "tenant_pkey" primary key ("id"));`);

    this.addSql(`create table "store" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "name" text not null, "code" text not null, "region" text not null, constraint "store_pkey" primary key ("id"));`);
    this.addSql(`create index "store_tenant_id_index" on "store" ("tenant_id");`);
    this.addSql(`alter table "store" add constraint "store_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "customer" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "email" text null, "phone" text null, "display_name" text null, "version" int not null default 1, "updated_at" timestamptz not null, constraint "customer_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_tenant_id_index" on "customer" ("tenant_id");`);
    this.addSql(`create index "customer_email_prefix_idx" on "customer" ("tenant_id", "email" text_pattern_ops);`);
    this.addSql(`create index "customer_tenant_id_created_at_id_index" on "customer" ("tenant_id", "created_at", "id");`);
    this.addSql(`alter table "customer" add constraint "customer_tenant_id_phone_unique" unique ("tenant_id", "phone");`);
    this.addSql(`alter table "customer" add constraint "customer_tenant_id_email_unique" unique ("tenant_id", "email");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "name" text not null, "role" "staff_role" not null, "store_id" uuid null, "prefix" text not null, "secret_hash" char(64) not null, "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`create index "api_key_tenant_id_index" on "api_key" ("tenant_id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(`alter table "store" add constraint "store_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update restrict on delete restrict;`);

    this.addSql(`alter table "customer" add constraint "customer_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update restrict on delete restrict;`);

    this.addSql(`alter table "api_key" add constraint "api_key_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update restrict on delete restrict;`);
    this.addSql(`alter table "api_key" add constraint "api_key_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade on delete restrict;`);

    // Hand-written: the outbox wakes every relay when a transaction that wrote events commits
    // (NOTIFY is delivered at commit, and never for a rollback).
    this.addSql(`create function "outbox_event_notify"() returns trigger language plpgsql as $$ begin perform pg_notify('lg_outbox', ''); return null; end $$;`);
    this.addSql(`create trigger "outbox_event_notify" after insert on "outbox_event" for each statement execute function "outbox_event_notify"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "outbox_event_notify" on "outbox_event";`);
    this.addSql(`drop function if exists "outbox_event_notify"();`);
    this.addSql(`alter table "store" drop constraint "store_tenant_id_foreign";`);

    this.addSql(`alter table "customer" drop constraint "customer_tenant_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_tenant_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_store_id_foreign";`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "tenant" cascade;`);

    this.addSql(`drop table if exists "store" cascade;`);

    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop type "staff_role";`);
  }

}
