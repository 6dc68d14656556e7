import { Migration } from '@mikro-orm/migrations';

/**
 * Customer tokens: up to two signing secrets per tenant (the current one and, during a rotation, the previous
 * one), moved from `tenant.customer_jwt_secret`; and a tenant's own identity provider, trusted through its
 * JWKS. Written in SQL by tenancy/ (no entity maps them).
 */
export class Migration20261202030400 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "customer_token_secret" (
      "id" uuid not null primary key,
      "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "secret" text not null,
      "created_at" timestamptz not null default clock_timestamp(),
      "retired_at" timestamptz null);`);
    this.addSql(
      `create index "customer_token_secret_active_idx" on "customer_token_secret" ("tenant_id", "created_at" desc) where "retired_at" is null;`,
    );
    this.addSql(`insert into "customer_token_secret" ("id", "tenant_id", "secret", "created_at")
      select gen_random_uuid(), "id", "customer_jwt_secret", "created_at" from "tenant";`);
    this.addSql(`alter table "tenant" drop column "customer_jwt_secret";`);

    this.addSql(`create table "customer_token_provider" (
      "tenant_id" uuid not null primary key references "tenant" ("id") on delete cascade,
      "jwks_url" text not null,
      "issuer" text not null,
      "audience" text not null,
      "customer_claim" text not null,
      "identifier_kind" "identifier_kind" null,
      "updated_at" timestamptz not null default now(),
      constraint "customer_token_provider_issuer_audience_key" unique ("issuer", "audience"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_token_provider";`);
    this.addSql(`alter table "tenant" add column "customer_jwt_secret" text null;`);
    this.addSql(`update "tenant" t set "customer_jwt_secret" = (
      select s."secret" from "customer_token_secret" s where s."tenant_id" = t."id" and s."retired_at" is null
      order by s."created_at" desc limit 1);`);
    this.addSql(`alter table "tenant" alter column "customer_jwt_secret" set not null;`);
    this.addSql(`drop table if exists "customer_token_secret";`);
  }
}
