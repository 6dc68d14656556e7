import { Migration } from '@mikro-orm/migrations';

export class Migration20261123085444 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "reward_status" as enum ('DRAFT', 'ACTIVE', 'INACTIVE');`);
    this.addSql(`create type "points_rounding" as enum ('DOWN', 'NEAREST', 'UP');`);
    this.addSql(`create type "rule_stacking" as enum ('EXCLUSIVE', 'STACKABLE');`);
    this.addSql(`create type "rule_effect" as enum ('MULTIPLIER', 'FIXED_BONUS', 'POINTS_PER_UNIT');`);
    this.addSql(`create type "cap_period" as enum ('DAY', 'WEEK', 'MONTH', 'YEAR', 'EVER');`);
    this.addSql(`create type "benefit_kind" as enum ('POINTS_MULTIPLIER', 'PERCENT_DISCOUNT', 'EARLY_ACCESS', 'DEDICATED_SUPPORT', 'FREE_SHIPPING', 'LOUNGE_ACCESS', 'OTHER');`);
    this.addSql(`create type "tier_metric" as enum ('POINTS_EARNED', 'SPEND', 'VISITS');`);
    this.addSql(`create type "tier_window" as enum ('CALENDAR_YEAR', 'ROLLING_12_MONTHS');`);
    this.addSql(`create type "tier_change_reason" as enum ('QUALIFIED', 'DOWNGRADED', 'GRANTED', 'GRANT_ENDED');`);
    this.addSql(`create type "voucher_status" as enum ('ISSUED', 'CONSUMED', 'CANCELLED');`);
    this.addSql(`create table "customer_tier" ("customer_id" uuid not null, "tenant_id" uuid not null, "tier_id" uuid not null, "since" timestamptz not null, "period_end" timestamptz null, "granted_tier_id" uuid null, "granted_since" timestamptz null, "granted_until" timestamptz null, "version" int not null default 1, constraint "customer_tier_pkey" primary key ("customer_id"));`);
    this.addSql(`create index "customer_tier_tenant_id_period_end_index" on "customer_tier" ("tenant_id", "period_end");`);

    this.addSql(`create table "purchase" ("id" uuid not null, "tenant_id" uuid not null, "customer_id" uuid not null, "store_id" uuid null, "channel" text not null, "order_id" text not null, "occurred_at" timestamptz not null, "amount" bigint not null, "net_amount" bigint not null, "points" bigint not null, "net_points" bigint not null, "transaction_id" uuid null, "idempotency_key" text not null, "request_hash" char(64) not null, "breakdown" jsonb not null, "actor" text not null, "created_at" timestamptz not null, constraint "purchase_pkey" primary key ("id"));`);
    this.addSql(`create index "purchase_tenant_id_customer_id_occurred_at_index" on "purchase" ("tenant_id", "customer_id", "occurred_at");`);
    this.addSql(`alter table "purchase" add constraint "purchase_tenant_id_idempotency_key_unique" unique ("tenant_id", "idempotency_key");`);
    this.addSql(`alter table "purchase" add constraint "purchase_tenant_id_order_id_unique" unique ("tenant_id", "order_id");`);

    this.addSql(`create table "purchase_line" ("purchase_id" uuid not null, "line_no" int not null, "sku" text not null, "category" text null, "quantity" int not null, "unit_price" bigint not null, "points" bigint not null, "refunded_quantity" int not null default 0, "refunded_points" bigint not null default 0, constraint "purchase_line_pkey" primary key ("purchase_id", "line_no"));`);

    this.addSql(`create table "purchase_refund" ("id" uuid not null, "tenant_id" uuid not null, "purchase_id" uuid not null, "idempotency_key" text not null, "request_hash" char(64) not null, "amount" bigint not null, "points" bigint not null, "points_clawed_back" bigint not null, "transaction_id" uuid null, "result" jsonb not null, "actor" text not null, "created_at" timestamptz not null, constraint "purchase_refund_pkey" primary key ("id"));`);
    this.addSql(`create index "purchase_refund_purchase_id_index" on "purchase_refund" ("purchase_id");`);
    this.addSql(`alter table "purchase_refund" add constraint "purchase_refund_tenant_id_idempotency_key_unique" unique ("tenant_id", "idempotency_key");`);

    this.addSql(`create table "reward_guardrail_override" ("id" uuid not null, "tenant_id" uuid not null, "reward_id" uuid not null, "actor" text not null, "reason" text not null, "cost_per_thousand" int not null, "limit_per_thousand" int not null, "created_at" timestamptz not null, constraint "reward_guardrail_override_pkey" primary key ("id"));`);
    this.addSql(`create index "reward_guardrail_override_reward_id_index" on "reward_guardrail_override" ("reward_id");`);

    this.addSql(`create table "rule_usage" ("rule_id" uuid not null, "customer_id" uuid not null, "period_start" date not null, "points" bigint not null, constraint "rule_usage_pkey" primary key ("rule_id", "customer_id", "period_start"));`);

    this.addSql(`create table "reward" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "code" text not null, "name" text not null, "status" "reward_status" not null default 'DRAFT', "points_cost" int not null, "cost_to_business" bigint not null, "retail_value" bigint not null, "stock" int null, "stock_remaining" int null, "per_customer_limit" int null, "eligible_tier_ids" text[] not null, "channels" text[] not null, "valid_from" timestamptz null, "valid_until" timestamptz null, "guardrail_override_id" uuid null, "version" int not null default 1, constraint "reward_pkey" primary key ("id"));`);
    this.addSql(`create index "reward_tenant_id_index" on "reward" ("tenant_id");`);
    this.addSql(`alter table "reward" add constraint "reward_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "program_settings" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "earn_points" int not null default 1, "earn_per_minor" int not null default 100, "rounding" "points_rounding" not null default 'DOWN', "pending_days" int not null default 0, "point_value_per_thousand" int not null default 1000, "max_reward_cost_per_thousand" int null default 1000, "voucher_validity_days" int not null default 30, "version" int not null default 1, constraint "program_settings_pkey" primary key ("id"));`);
    this.addSql(`create index "program_settings_tenant_id_index" on "program_settings" ("tenant_id");`);
    this.addSql(`alter table "program_settings" add constraint "program_settings_tenant_id_unique" unique ("tenant_id");`);

    this.addSql(`create table "earning_rule" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "code" text not null, "name" text not null, "active" boolean not null default true, "priority" int not null, "stacking" "rule_stacking" not null, "effect" "rule_effect" not null, "value" int not null, "channels" text[] not null, "store_ids" text[] not null, "regions" text[] not null, "skus" text[] not null, "categories" text[] not null, "tier_ids" text[] not null, "segments" text[] not null, "days_of_week" int[] not null, "min_spend" bigint null, "starts_at" timestamptz null, "ends_at" timestamptz null, "cap_per_purchase" int null, "cap_per_customer" int null, "customer_cap_period" "cap_period" null, "budget" bigint null, "budget_used" bigint not null default 0, "version" int not null default 1, constraint "earning_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "earning_rule_tenant_id_index" on "earning_rule" ("tenant_id");`);
    this.addSql(`alter table "earning_rule" add constraint "earning_rule_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "benefit" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "code" text not null, "tier_id" uuid not null, "kind" "benefit_kind" not null, "value" int not null default 0, "title" text not null, "channels" text[] not null, "texts" jsonb not null default '[]', "active" boolean not null default true, constraint "benefit_pkey" primary key ("id"));`);
    this.addSql(`create index "benefit_tenant_id_index" on "benefit" ("tenant_id");`);
    this.addSql(`create index "benefit_tenant_id_tier_id_index" on "benefit" ("tenant_id", "tier_id");`);
    this.addSql(`alter table "benefit" add constraint "benefit_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "tier" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "code" text not null, "name" text not null, "rank" int not null, "metric" "tier_metric" not null, "threshold" bigint not null, "window" "tier_window" not null, "grace_days" int not null default 30, constraint "tier_pkey" primary key ("id"));`);
    this.addSql(`create index "tier_tenant_id_index" on "tier" ("tenant_id");`);
    this.addSql(`alter table "tier" add constraint "tier_tenant_id_rank_unique" unique ("tenant_id", "rank");`);
    this.addSql(`alter table "tier" add constraint "tier_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "tier_change" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "customer_id" uuid not null, "from_tier_id" uuid null, "to_tier_id" uuid null, "reason" "tier_change_reason" not null, "note" text null, "actor" text not null, "idempotency_key" text null, "request_hash" char(64) null, constraint "tier_change_pkey" primary key ("id"));`);
    this.addSql(`create index "tier_change_tenant_id_customer_id_created_at_index" on "tier_change" ("tenant_id", "customer_id", "created_at");`);
    this.addSql(`alter table "tier_change" add constraint "tier_change_tenant_id_idempotency_key_unique" unique ("tenant_id", "idempotency_key");`);

    this.addSql(`create table "voucher" ("id" uuid not null, "tenant_id" uuid not null, "code" text not null, "reward_id" uuid not null, "customer_id" uuid not null, "status" "voucher_status" not null default 'ISSUED', "points_cost" int not null, "channel" text not null, "expires_at" timestamptz not null, "redemption_transaction_id" uuid null, "idempotency_key" text not null, "request_hash" char(64) not null, "actor" text not null, "consumed_at" timestamptz null, "consumed_store_id" uuid null, "consume_key" text null, "cancelled_at" timestamptz null, "cancel_key" text null, "refund_transaction_id" uuid null, "created_at" timestamptz not null, constraint "voucher_pkey" primary key ("id"));`);
    this.addSql(`create index "voucher_tenant_id_customer_id_status_index" on "voucher" ("tenant_id", "customer_id", "status");`);
    this.addSql(`create index "voucher_reward_id_customer_id_index" on "voucher" ("reward_id", "customer_id");`);
    this.addSql(`alter table "voucher" add constraint "voucher_tenant_id_idempotency_key_unique" unique ("tenant_id", "idempotency_key");`);
    this.addSql(`alter table "voucher" add constraint "voucher_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`alter table "reward" add constraint "reward_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update restrict on delete restrict;`);

    this.addSql(`alter table "program_settings" add constraint "program_settings_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update restrict on delete restrict;`);

    this.addSql(`alter table "earning_rule" add constraint "earning_rule_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update restrict on delete restrict;`);

    this.addSql(`alter table "benefit" add constraint "benefit_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update restrict on delete restrict;`);

    this.addSql(`alter table "tier" add constraint "tier_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update restrict on delete restrict;`);

    this.addSql(`alter table "customer" add column "segments" text[] not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_tier" cascade;`);

    this.addSql(`drop table if exists "purchase" cascade;`);

    this.addSql(`drop table if exists "purchase_line" cascade;`);

    this.addSql(`drop table if exists "purchase_refund" cascade;`);

    this.addSql(`drop table if exists "reward_guardrail_override" cascade;`);

    this.addSql(`drop table if exists "rule_usage" cascade;`);

    this.addSql(`drop table if exists "reward" cascade;`);

    this.addSql(`drop table if exists "program_settings" cascade;`);

    this.addSql(`drop table if exists "earning_rule" cascade;`);

    this.addSql(`drop table if exists "benefit" cascade;`);

    this.addSql(`drop table if exists "tier" cascade;`);

    this.addSql(`drop table if exists "tier_change" cascade;`);

    this.addSql(`drop table if exists "voucher" cascade;`);

    this.addSql(`alter table "customer" drop column "segments";`);

    this.addSql(`drop type "reward_status";`);
    this.addSql(`drop type "points_rounding";`);
    this.addSql(`drop type "rule_stacking";`);
    this.addSql(`drop type "rule_effect";`);
    this.addSql(`drop type "cap_period";`);
    this.addSql(`drop type "benefit_kind";`);
    this.addSql(`drop type "tier_metric";`);
    this.addSql(`drop type "tier_window";`);
    this.addSql(`drop type "tier_change_reason";`);
    this.addSql(`drop type "voucher_status";`);
  }

}
