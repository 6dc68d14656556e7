import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the metric queries (src/insights): each reads one tenant's rows of a period, by time. Without
 * them a quarter's points or cases scanned the tenant's whole history (or, for purchases, every tenant's).
 * The ledger's is written at the right end of the tenant's range (headers are stamped now), so an earn
 * pays one cheap index insert more.
 */
export class Migration20261202065000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "ledger_transaction_tenant_time_idx" on "ledger_transaction" ("tenant_id", "created_at");`,
    );
    this.addSql(`create index "purchase_tenant_time_idx" on "purchase" ("tenant_id", "occurred_at");`);
    this.addSql(`create index "tier_change_tenant_time_idx" on "tier_change" ("tenant_id", "created_at");`);
    // SLA attainment buckets cases by either due time.
    this.addSql(
      `create index "support_case_first_response_due_idx" on "support_case" ("tenant_id", "first_response_due_at");`,
    );
    this.addSql(`create index "support_case_resolution_due_idx" on "support_case" ("tenant_id", "resolution_due_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "support_case_resolution_due_idx";`);
    this.addSql(`drop index if exists "support_case_first_response_due_idx";`);
    this.addSql(`drop index if exists "tier_change_tenant_time_idx";`);
    this.addSql(`drop index if exists "purchase_tenant_time_idx";`);
    this.addSql(`drop index if exists "ledger_transaction_tenant_time_idx";`);
  }
}
