import { Migration } from '@mikro-orm/migrations';

/**
 * Playbooks: what a tenant wants done when a customer signal is raised, each firing with its outcome per
 * action, and the reminders a firing sends after it commits. A signal whose processing failed is retried a
 * few times (attempts, next_attempt_at, last_error on customer_signal) before it is given up.
 */
export class Migration20261202064000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "customer_signal"
      add column "attempts" integer not null default 0,
      add column "next_attempt_at" timestamptz null,
      add column "last_error" text null;`);

    // Conditions are columns (segments, minimum tier rank); actions are an ordered list of typed parameters.
    this.addSql(`create table "playbook" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "code" text not null, "name" text not null, "signal_type" text not null, "event_type" text null,
      "segments" text[] not null default '{}', "min_tier_rank" integer null, "actions" jsonb not null,
      "active" boolean not null default true, "version" integer not null default 1, "actor" text not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "retired_at" timestamptz null,
      constraint "playbook_code_unique" unique ("tenant_id", "code"));`);
    this.addSql(`create index "playbook_signal_idx" on "playbook" ("tenant_id", "signal_type") where "active";`);

    // One firing per playbook and signal: a signal is one cause, so a cause never fires a playbook twice.
    this.addSql(`create table "playbook_firing" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "playbook_id" uuid not null references "playbook" ("id") on delete cascade,
      "playbook_version" integer not null,
      "signal_id" uuid not null references "customer_signal" ("id") on delete cascade,
      "customer_id" uuid not null references "customer" ("id") on delete cascade,
      "signal_type" text not null, "cause" text not null,
      "outcome" text not null check ("outcome" in ('DONE', 'PENDING_APPROVAL', 'SKIPPED_NO_CONSENT', 'FAILED')),
      "actions" jsonb not null, "fired_at" timestamptz not null default now(),
      constraint "playbook_firing_once" unique ("playbook_id", "signal_id"));`);
    this.addSql(`create index "playbook_firing_tenant_idx" on "playbook_firing" ("tenant_id", "fired_at", "id");`);
    this.addSql(
      `create index "playbook_firing_customer_idx" on "playbook_firing" ("tenant_id", "customer_id", "fired_at", "id");`,
    );

    // Sent after the firing commits; the status moves PENDING -> SENDING before the send, so never twice.
    this.addSql(`create table "playbook_reminder" (
      "id" uuid not null primary key, "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "firing_id" uuid not null references "playbook_firing" ("id") on delete cascade,
      "action_index" integer not null,
      "customer_id" uuid not null references "customer" ("id") on delete cascade,
      "template_code" text not null, "channel" text not null,
      "status" text not null default 'PENDING' check ("status" in ('PENDING', 'SENDING', 'SENT', 'UNDELIVERED')),
      "created_at" timestamptz not null default now(), "sent_at" timestamptz null,
      constraint "playbook_reminder_once" unique ("firing_id", "action_index"));`);
    this.addSql(
      `create index "playbook_reminder_pending_idx" on "playbook_reminder" ("created_at") where "status" = 'PENDING';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "playbook_reminder";`);
    this.addSql(`drop table if exists "playbook_firing";`);
    this.addSql(`drop table if exists "playbook";`);
    this.addSql(`alter table "customer_signal" drop column "attempts", drop column "next_attempt_at", drop column "last_error";`);
  }
}
