import { Migration } from '@mikro-orm/migrations';

export class Migration20261123002322 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "ledger_account" as enum ('CUSTOMER_AVAILABLE', 'CUSTOMER_PENDING', 'PROGRAM_ISSUED', 'PROGRAM_REDEEMED', 'PROGRAM_EXPIRED', 'PROGRAM_ADJUSTMENTS', 'PROGRAM_PARTNER', 'PROGRAM_MIGRATION');`);
    this.addSql(`create type "ledger_transaction_kind" as enum ('EARN', 'REDEEM', 'ADJUST', 'REVERSAL', 'TRANSFER', 'SETTLEMENT', 'EXPIRY', 'IMPORT');`);
    this.addSql(`create type "points_expiry_policy" as enum ('NONE', 'FIXED_MONTHS', 'INACTIVITY_MONTHS');`);
    this.addSql(`create table "ledger_entry" ("id" bigserial primary key, "tenant_id" uuid not null, "transaction_id" uuid not null, "account" "ledger_account" not null, "customer_id" uuid null, "amount" bigint not null);`);
    this.addSql(`create index "ledger_entry_transaction_id_index" on "ledger_entry" ("transaction_id");`);
    this.addSql(`create index "ledger_entry_account_idx" on "ledger_entry" ("tenant_id", "account", "customer_id");`);

    this.addSql(`create table "ledger_transaction" ("id" uuid not null, "tenant_id" uuid not null, "kind" "ledger_transaction_kind" not null, "customer_id" uuid null, "points" bigint not null, "reason" text not null, "reason_code" text null, "channel" text null, "actor" text not null, "idempotency_key" text null, "request_hash" char(64) null, "reverses_id" uuid null, "counterparty_id" uuid null, "import_id" uuid null, "available_after" bigint null, "pending_after" bigint null, "version_after" int null, "created_at" timestamptz not null, constraint "ledger_transaction_pkey" primary key ("id"));`);
    this.addSql(`create index "ledger_transaction_reverses_id_index" on "ledger_transaction" ("reverses_id");`);
    this.addSql(`create index "ledger_transaction_import_id_index" on "ledger_transaction" ("import_id");`);
    this.addSql(`create index "ledger_transaction_history_idx" on "ledger_transaction" ("tenant_id", "customer_id", "created_at", "id");`);
    this.addSql(`alter table "ledger_transaction" add constraint "ledger_transaction_idempotency_unique" unique ("tenant_id", "idempotency_key");`);

    this.addSql(`create table "points_balance" ("customer_id" uuid not null, "tenant_id" uuid not null, "available" bigint not null default 0, "pending" bigint not null default 0, "lifetime_earned" bigint not null default 0, "lifetime_redeemed" bigint not null default 0, "expired" bigint not null default 0, "version" int not null default 0, "last_activity_at" timestamptz null, "updated_at" timestamptz not null, constraint "points_balance_pkey" primary key ("customer_id"), constraint points_balance_not_negative check (available >= 0 and pending >= 0));`);
    this.addSql(`create index "points_balance_tenant_id_index" on "points_balance" ("tenant_id");`);

    this.addSql(`create table "points_lot" ("id" uuid not null, "tenant_id" uuid not null, "customer_id" uuid not null, "transaction_id" uuid not null, "points" bigint not null, "remaining" bigint not null, "pending_until" timestamptz null, "expires_at" timestamptz null, "created_at" timestamptz not null, constraint "points_lot_pkey" primary key ("id"), constraint points_lot_remaining_in_range check (remaining >= 0 and remaining <= points));`);
    this.addSql(`create index "points_lot_transaction_id_index" on "points_lot" ("transaction_id");`);
    this.addSql(`create index "points_lot_pending_idx" on "points_lot" ("pending_until") where "pending_until" is not null;`);
    this.addSql(`create index "points_lot_due_idx" on "points_lot" ("expires_at") where "remaining" > 0;`);
    this.addSql(`create index "points_lot_open_idx" on "points_lot" ("customer_id", "expires_at", "created_at") where "remaining" > 0;`);

    this.addSql(`create table "points_lot_consumption" ("transaction_id" uuid not null, "lot_id" uuid not null, "points" bigint not null, constraint "points_lot_consumption_pkey" primary key ("transaction_id", "lot_id"));`);

    this.addSql(`alter table "tenant" add column "points_expiry_policy" "points_expiry_policy" not null default 'NONE', add column "points_expiry_months" int not null default 24;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ledger_entry" cascade;`);

    this.addSql(`drop table if exists "ledger_transaction" cascade;`);

    this.addSql(`drop table if exists "points_balance" cascade;`);

    this.addSql(`drop table if exists "points_lot" cascade;`);

    this.addSql(`drop table if exists "points_lot_consumption" cascade;`);

    this.addSql(`alter table "tenant" drop column "points_expiry_policy", drop column "points_expiry_months";`);

    this.addSql(`drop type "ledger_account";`);
    this.addSql(`drop type "ledger_transaction_kind";`);
    this.addSql(`drop type "points_expiry_policy";`);
  }

}
