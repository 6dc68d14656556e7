import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13, items 5, 6 and 9.
 * - `ledger_transaction.store_id`: the store a transaction was booked at (a till's own, or a purchase's);
 *   null otherwise, and for rows booked before: none recorded it then.
 * - `role_limit`: a tenant's points limits per role, append-only (the newest row per role applies; each row
 *   is the answer `setRoleLimit` replays), and `points_grant_day`: what each API key granted per day, the
 *   row that serialises a key's concurrent grants against its daily cap.
 * - `idempotency_key.principal`: whose key it is (`key:<id>`, `customer:<id>`, `platform`). Rows written
 *   before take the actor the record they point at names; the rest stay null: usable by any caller of
 *   the tenant, as before.
 * No foreign keys to tenant, like idempotency_key: every grant writes a usage row.
 */
export class Migration20261202030200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "ledger_transaction" add column "store_id" uuid null;`);

    this.addSql(`create table "role_limit" (
      "id" uuid not null, "tenant_id" uuid not null, "role" text not null,
      "max_points_per_call" bigint null, "max_points_per_day" bigint null,
      "actor" text not null, "created_at" timestamptz not null default now(),
      constraint "role_limit_pkey" primary key ("id"),
      constraint "role_limit_points_not_negative" check (coalesce("max_points_per_call", 0) >= 0 and coalesce("max_points_per_day", 0) >= 0));`);
    this.addSql(`create index "role_limit_current_idx" on "role_limit" ("tenant_id", "role", "created_at" desc, "id" desc);`);

    this.addSql(`create table "points_grant_day" (
      "tenant_id" uuid not null, "principal" text not null, "day" date not null, "points" bigint not null,
      constraint "points_grant_day_pkey" primary key ("tenant_id", "principal", "day"));`);

    this.addSql(`alter table "idempotency_key" add column "principal" text null;`);
    const backfill = (scope: string, table: string) =>
      this.addSql(`update "idempotency_key" k set "principal" = r.actor from "${table}" r
        where k.scope = '${scope}' and r.id = k.result_id and k.principal is null;`);
    backfill('ledger', 'ledger_transaction');
    backfill('purchase', 'purchase');
    backfill('purchase-refund', 'purchase_refund');
    backfill('reward-redemption', 'voucher');
    backfill('customer-merge', 'customer_merge');
    backfill('tier-grant', 'tier_change');
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "idempotency_key" drop column if exists "principal";`);
    this.addSql(`drop table if exists "points_grant_day";`);
    this.addSql(`drop table if exists "role_limit";`);
    this.addSql(`alter table "ledger_transaction" drop column if exists "store_id";`);
  }
}
