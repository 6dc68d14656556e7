import { Migration } from '@mikro-orm/migrations';

/**
 * Feedback: the tenant's fatigue rules and detractor thresholds (one row per tenant; none means the defaults in
 * src/feedback/fatigue.logic.ts), a version on surveys for optimistic updates, and on responses what the
 * detractor signal and audit need (topic, actor). A transactional survey is answered once per context.
 */
export class Migration20261202061000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "feedback_settings" (
      "tenant_id" uuid not null primary key references "tenant" ("id") on delete cascade,
      "min_days_between_surveys" integer not null check ("min_days_between_surveys" between 0 and 365),
      "busy_interactions" integer not null check ("busy_interactions" between 0 and 1000),
      "busy_window_days" integer not null check ("busy_window_days" between 1 and 365),
      "busy_action" text not null check ("busy_action" in ('EXTEND_GAP', 'SKIP')),
      "busy_gap_multiplier" integer not null check ("busy_gap_multiplier" between 1 and 12),
      "nps_detractor_max" smallint not null, "ces_detractor_max" smallint not null,
      "csat_detractor_max" smallint not null,
      "version" integer not null, "updated_by" text not null, "updated_at" timestamptz not null);`);

    this.addSql(`alter table "survey" add column "version" integer not null default 1;`);
    this.addSql(`alter table "survey_response" add column "topic" text null, add column "actor" text null;`);
    this.addSql(`create unique index "survey_response_context_unique" on "survey_response"
      ("tenant_id", "survey_id", "customer_id", "context_type", "context_id") where "context_id" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "survey_response_context_unique";`);
    this.addSql(`alter table "survey_response" drop column "topic", drop column "actor";`);
    this.addSql(`alter table "survey" drop column "version";`);
    this.addSql(`drop table if exists "feedback_settings";`);
  }
}
