import { Migration } from '@mikro-orm/migrations';

/**
 * Support cases: routing rules, SLA policy and priority by tier, the root-cause taxonomy and its audit,
 * goodwill grants with their approval, and what the SLA job needs to escalate each deadline once.
 */
export class Migration20261202062000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "timeline_kind" add value if not exists 'GOODWILL';`);

    // Ordered: the first rule whose every given condition matches picks the team.
    this.addSql(`create table "support_routing_rule" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "position" integer not null, "team_id" uuid not null references "support_team" ("id"),
      "store_id" uuid null, "region" text null, "channel" text null, "tier_id" uuid null, "topic" text null,
      "created_at" timestamptz not null default now(),
      constraint "support_routing_rule_position_unique" unique ("tenant_id", "position"));`);

    this.addSql(`create table "support_settings" (
      "tenant_id" uuid not null primary key references "tenant" ("id") on delete cascade,
      "default_team_id" uuid null references "support_team" ("id"),
      "escalation_lead_minutes" integer not null default 0 check ("escalation_lead_minutes" between 0 and 10080),
      "updated_at" timestamptz not null default now(), "actor" text not null);`);
    this.addSql(`create table "support_sla_policy" (
      "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "priority" text not null check ("priority" in ('P1', 'P2', 'P3', 'P4')),
      "first_response_minutes" integer not null check ("first_response_minutes" > 0),
      "resolution_minutes" integer not null check ("resolution_minutes" >= "first_response_minutes"),
      constraint "support_sla_policy_pkey" primary key ("tenant_id", "priority"));`);
    this.addSql(`create table "support_tier_priority" (
      "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "tier_id" uuid not null references "tier" ("id") on delete cascade,
      "priority" text not null check ("priority" in ('P1', 'P2', 'P3', 'P4')),
      constraint "support_tier_priority_pkey" primary key ("tenant_id", "tier_id"));`);
    // How many days of limited-time status a role may give as goodwill without approval (null: no bound).
    this.addSql(`create table "support_goodwill_limit" (
      "tenant_id" uuid not null references "tenant" ("id") on delete cascade, "role" text not null,
      "max_status_days" integer null check ("max_status_days" >= 0),
      constraint "support_goodwill_limit_pkey" primary key ("tenant_id", "role"));`);

    // Retired causes stay: closed cases and audits name them.
    this.addSql(`create table "support_root_cause" (
      "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "code" text not null, "label" text not null, "parent_code" text null,
      "retired_at" timestamptz null, "created_at" timestamptz not null default now(),
      constraint "support_root_cause_pkey" primary key ("tenant_id", "code"),
      constraint "support_root_cause_parent_fk" foreign key ("tenant_id", "parent_code")
        references "support_root_cause" ("tenant_id", "code"));`);

    // Each deadline is escalated once (at the lead time before it, or when breached, whichever the job sees first).
    this.addSql(`alter table "support_case" add column "first_response_escalated_at" timestamptz null,
      add column "resolution_escalated_at" timestamptz null;`);
    // One case per source record and customer: a signal or playbook that fires again finds the case it opened.
    this.addSql(`create unique index "support_case_source_unique" on "support_case"
      ("tenant_id", "customer_id", "source_type", "source_id") where "source_id" is not null;`);
    this.addSql(`create index "support_case_list_idx" on "support_case" ("tenant_id", "opened_at", "id");`);
    this.addSql(`create index "support_case_team_idx" on "support_case" ("tenant_id", "team_id", "opened_at");`);
    this.addSql(
      `create index "support_case_closed_idx" on "support_case" ("tenant_id", "closed_at") where "status" = 'CLOSED';`,
    );
    // The SLA job's scans: deadlines still to meet, across tenants.
    this.addSql(
      `create index "support_case_first_response_watch_idx" on "support_case" ("first_response_due_at") where "status" = 'OPEN';`,
    );
    this.addSql(
      `create index "support_case_resolution_watch_idx" on "support_case" ("resolution_due_at") where "status" in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS');`,
    );

    this.addSql(`create table "goodwill_grant" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "customer_id" uuid not null references "customer" ("id") on delete cascade,
      "case_id" uuid null references "support_case" ("id") on delete set null,
      "kind" text not null check ("kind" in ('POINTS', 'STATUS')),
      "points" bigint null check ("points" > 0), "tier_id" uuid null references "tier" ("id"), "until" timestamptz null,
      "reason" text not null,
      "status" text not null check ("status" in ('PENDING_APPROVAL', 'GRANTED', 'REJECTED')),
      "request_key" text not null, "requested_by" text not null, "requested_role" text not null,
      "requested_at" timestamptz not null default now(),
      "decided_by" text null, "decided_at" timestamptz null, "decision_note" text null,
      "ledger_transaction_id" uuid null, "tier_change_id" uuid null,
      constraint "goodwill_grant_request_unique" unique ("tenant_id", "request_key"),
      constraint "goodwill_grant_shape_check" check (
        ("kind" = 'POINTS' and "points" is not null and "tier_id" is null and "until" is null)
        or ("kind" = 'STATUS' and "points" is null and "tier_id" is not null and "until" is not null)));`);
    this.addSql(
      `create index "goodwill_grant_pending_idx" on "goodwill_grant" ("tenant_id", "requested_at", "id") where "status" = 'PENDING_APPROVAL';`,
    );
    this.addSql(
      `create index "goodwill_grant_case_idx" on "goodwill_grant" ("case_id", "requested_at") where "case_id" is not null;`,
    );

    this.addSql(`create table "root_cause_audit" (
      "case_id" uuid not null primary key references "support_case" ("id") on delete cascade,
      "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "original_cause" text not null, "confirmed_cause" text not null, "agreed" boolean not null,
      "auditor" text not null, "audited_at" timestamptz not null default now());`);
    this.addSql(`create index "root_cause_audit_tenant_idx" on "root_cause_audit" ("tenant_id", "audited_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "root_cause_audit";`);
    this.addSql(`drop table if exists "goodwill_grant";`);
    this.addSql(`drop index if exists "support_case_resolution_watch_idx";`);
    this.addSql(`drop index if exists "support_case_first_response_watch_idx";`);
    this.addSql(`drop index if exists "support_case_closed_idx";`);
    this.addSql(`drop index if exists "support_case_team_idx";`);
    this.addSql(`drop index if exists "support_case_list_idx";`);
    this.addSql(`drop index if exists "support_case_source_unique";`);
    this.addSql(`alter table "support_case" drop column "first_response_escalated_at",
      drop column "resolution_escalated_at";`);
    this.addSql(`drop table if exists "support_root_cause";`);
    this.addSql(`drop table if exists "support_goodwill_limit";`);
    this.addSql(`drop table if exists "support_tier_priority";`);
    this.addSql(`drop table if exists "support_sla_policy";`);
    this.addSql(`drop table if exists "support_settings";`);
    this.addSql(`drop table if exists "support_routing_rule";`);
  }
}
