import { Migration } from '@mikro-orm/migrations';

/**
 * Customer health and churn risk: the tenant's weights and churn thresholds (each change kept, the latest in
 * force), one stored score per customer, the dirty markers that get a customer rescored when an input
 * changes, and when each tenant was last scored in full. Triggers are in src/health/sql/.
 */
export class Migration20261202063000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "health_settings" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "recency_weight" smallint not null, "frequency_weight" smallint not null, "monetary_weight" smallint not null,
      "engagement_weight" smallint not null, "support_weight" smallint not null, "sentiment_weight" smallint not null,
      "recency_days" integer not null, "visits_per_year" integer not null, "spend_per_year" bigint not null,
      "redemptions_per_year" integer not null, "healthy_from" smallint not null, "at_risk_below" smallint not null,
      "actor" text not null, "created_at" timestamptz not null default now(),
      constraint "health_settings_weights_check" check (recency_weight + frequency_weight + monetary_weight
        + engagement_weight + support_weight + sentiment_weight > 0),
      constraint "health_settings_bands_check" check (at_risk_below <= healthy_from));`);
    this.addSql(`create index "health_settings_tenant_idx" on "health_settings" ("tenant_id", "created_at");`);

    // segment null: the tenant's default, for customers in no segment that has thresholds of its own.
    this.addSql(`create table "churn_threshold" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "segment" text null, "expected_gap_days" integer not null, "medium_from" integer not null,
      "high_from" integer not null, "actor" text not null, "created_at" timestamptz not null default now(),
      constraint "churn_threshold_levels_check" check (medium_from < high_from));`);
    this.addSql(
      `create index "churn_threshold_tenant_idx" on "churn_threshold" ("tenant_id", "segment", "created_at");`,
    );

    this.addSql(`create table "health_score" (
      "customer_id" uuid not null primary key references "customer" ("id") on delete cascade,
      "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "score" numeric(5, 2) not null, "band" text not null check ("band" in ('HEALTHY', 'NEUTRAL', 'AT_RISK')),
      "components" jsonb not null, "churn_score" integer not null,
      "churn_level" text not null check ("churn_level" in ('LOW', 'MEDIUM', 'HIGH')),
      "churn_reasons" jsonb not null, "churn_segment" text null, "segments" text[] not null,
      "computed_at" timestamptz not null) with (fillfactor = 70);`);
    // atRiskCustomers walks it highest risk first, filtering on the segments copied at scoring. The fill factor
    // leaves room on each page, so a rescore that keeps the risk score updates in place (HOT, no index writes).
    this.addSql(
      `create index "health_score_risk_idx" on "health_score" ("tenant_id", "churn_score" desc, "customer_id");`,
    );

    // Append-only markers (no unique key, no foreign key): a purchase or an earn never waits on the scoring job.
    this.addSql(`create table "health_dirty" (
      "id" bigint generated always as identity primary key, "tenant_id" uuid not null, "customer_id" uuid not null,
      "marked_at" timestamptz not null default now());`);
    this.addSql(`create index "health_dirty_tenant_idx" on "health_dirty" ("tenant_id", "id");`);

    this.addSql(`create table "health_run" (
      "tenant_id" uuid not null primary key references "tenant" ("id") on delete cascade,
      "full_run_at" timestamptz null, "settings_changed_at" timestamptz null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists health_mark_dirty() cascade;`);
    this.addSql(`drop function if exists health_consent_changed() cascade;`);
    this.addSql(`drop function if exists health_customer_changed() cascade;`);
    this.addSql(`drop table if exists "health_run";`);
    this.addSql(`drop table if exists "health_dirty";`);
    this.addSql(`drop table if exists "health_score";`);
    this.addSql(`drop table if exists "churn_threshold";`);
    this.addSql(`drop table if exists "health_settings";`);
  }
}
