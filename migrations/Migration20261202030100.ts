import { Migration } from '@mikro-orm/migrations';

/**
 * A tenant's own rate limits, per role (issue 13, item 3): operations per minute for each API key of the role,
 * or each customer for CUSTOMER. A role without a row keeps the gateway's default (RATE_LIMITS_PER_MINUTE).
 */
export class Migration20261202030100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "tenant_rate_limit" (
      "tenant_id" uuid not null references "tenant" ("id") on delete cascade,
      "role" text not null,
      "operations_per_minute" integer not null check ("operations_per_minute" between 1 and 1000000),
      "updated_at" timestamptz not null default now(),
      constraint "tenant_rate_limit_pkey" primary key ("tenant_id", "role"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tenant_rate_limit";`);
  }
}
