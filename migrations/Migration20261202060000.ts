import { Migration } from '@mikro-orm/migrations';

/**
 * Groundwork for closed-loop feedback: versioned streams beyond the loyalty state (team queues, churn
 * alerts), customer signals that playbooks act on, consent per purpose, surveys and their responses, and
 * support teams and cases. Each domain adds its own columns and tables in later migrations.
 */
export class Migration20261202060000 extends Migration {
  override async up(): Promise<void> {
    // One version counter per stream (e.g. a team's case queue); the outbox row is the catch-up history.
    this.addSql(`alter table "outbox_event" add column "stream" text null;`);
    this.addSql(
      `create index "outbox_event_stream_version_idx" on "outbox_event" ("stream", "version") where "stream" is not null;`,
    );
    this.addSql(`create table "event_stream" (
      "stream" text not null primary key, "tenant_id" uuid not null, "version" bigint not null);`);

    for (const kind of ['CONSENT_CHANGED', 'PLAYBOOK_FIRED', 'CHURN_RISK_CHANGED']) {
      this.addSql(`alter type "timeline_kind" add value if not exists '${kind}';`);
    }

    // Something about a customer a playbook may act on; (type, cause) is unique so a cause fires once.
    this.addSql(`create table "customer_signal" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "customer_id" uuid not null references "customer" ("id") on delete cascade,
      "type" text not null, "cause" text not null, "payload" jsonb not null default '{}',
      "raised_at" timestamptz not null default now(), "processed_at" timestamptz null,
      constraint "customer_signal_cause_unique" unique ("tenant_id", "type", "cause"));`);
    this.addSql(
      `create index "customer_signal_pending_idx" on "customer_signal" ("raised_at") where "processed_at" is null;`,
    );
    this.addSql(`create index "customer_signal_customer_idx" on "customer_signal" ("customer_id", "raised_at");`);

    // The customer's current choice per purpose, with when and where it was given; changes are on the timeline.
    this.addSql(`create table "customer_consent" (
      "customer_id" uuid not null references "customer" ("id") on delete cascade,
      "purpose" text not null check ("purpose" in ('MARKETING', 'SURVEYS', 'PROFILING')),
      "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "granted" boolean not null, "source" text not null, "actor" text not null,
      "recorded_at" timestamptz not null default now(),
      constraint "customer_consent_pkey" primary key ("customer_id", "purpose"));`);

    this.addSql(`create table "survey" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "code" text not null, "name" text not null,
      "kind" text not null check ("kind" in ('NPS', 'CES', 'CSAT')),
      "trigger" text not null check ("trigger" in ('TRANSACTIONAL', 'RELATIONSHIP')),
      "question" text not null, "active" boolean not null default true,
      "created_at" timestamptz not null default now(),
      constraint "survey_code_unique" unique ("tenant_id", "code"));`);
    this.addSql(`create table "survey_response" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "customer_id" uuid not null references "customer" ("id") on delete cascade,
      "survey_id" uuid not null references "survey" ("id"),
      "kind" text not null check ("kind" in ('NPS', 'CES', 'CSAT')),
      "score" smallint not null, "comment" text null, "channel" text not null, "store_id" uuid null,
      "context_type" text null, "context_id" text null, "detractor" boolean not null,
      "responded_at" timestamptz not null default now());`);
    this.addSql(
      `create index "survey_response_customer_idx" on "survey_response" ("tenant_id", "customer_id", "responded_at");`,
    );
    this.addSql(`create index "survey_response_kind_idx" on "survey_response" ("tenant_id", "kind", "responded_at");`);

    // Teams escalate along escalation_team_id (the next level of the routing path).
    this.addSql(`create table "support_team" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "code" text not null, "name" text not null,
      "escalation_team_id" uuid null references "support_team" ("id"), "supervisor" text null,
      "created_at" timestamptz not null default now(),
      constraint "support_team_code_unique" unique ("tenant_id", "code"));`);
    this.addSql(`create table "support_case" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "customer_id" uuid not null references "customer" ("id") on delete cascade,
      "status" text not null default 'OPEN'
        check ("status" in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
      "priority" text not null check ("priority" in ('P1', 'P2', 'P3', 'P4')),
      "team_id" uuid null references "support_team" ("id"), "topic" text null, "channel" text null,
      "store_id" uuid null, "source_type" text not null, "source_id" text null, "subject" text not null,
      "opened_at" timestamptz not null default now(), "acknowledged_at" timestamptz null,
      "first_response_due_at" timestamptz not null, "resolution_due_at" timestamptz not null,
      "resolved_at" timestamptz null, "closed_at" timestamptz null,
      "first_response_breached_at" timestamptz null, "resolution_breached_at" timestamptz null,
      "escalation_level" integer not null default 0, "root_cause" text null,
      "version" integer not null default 1);`);
    this.addSql(`create index "support_case_customer_idx" on "support_case" ("tenant_id", "customer_id", "opened_at");`);
    this.addSql(
      `create index "support_case_open_idx" on "support_case" ("tenant_id", "resolution_due_at") where "status" in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "support_case";`);
    this.addSql(`drop table if exists "support_team";`);
    this.addSql(`drop table if exists "survey_response";`);
    this.addSql(`drop table if exists "survey";`);
    this.addSql(`drop table if exists "customer_consent";`);
    this.addSql(`drop table if exists "customer_signal";`);
    this.addSql(`drop table if exists "event_stream";`);
    this.addSql(`drop index if exists "outbox_event_stream_version_idx";`);
    this.addSql(`alter table "outbox_event" drop column "stream";`);
  }
}
