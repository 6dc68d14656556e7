import { Migration } from '@mikro-orm/migrations';

/**
 * The lot backfill, exported so a test can run it again on lots it has blanked (in a transaction it rolls back)
 * and check that verify-ledger passes after it. Original credits take their header's kind; a lot moved whole by
 * a merge takes its source's; a transfer's lot, and a refunded redemption's, take the first lot their source
 * transaction consumed: before origins were recorded a transfer made one lot per take and a refund one lot in
 * all, so which take made which lot is not known, and the first is the ADR's choice (the count is logged).
 */
export const LOT_ORIGIN_BACKFILL: readonly string[] = [
  `update points_lot l set
     origin = case
       when t.kind = 'EARN' and t.idempotency_key like 'purchase:%' then 'PURCHASE'
       when t.kind = 'EARN' then 'BONUS'
       when t.kind = 'ADJUST' and t.reason_code = 'GOODWILL' then 'GOODWILL'
       when t.kind = 'ADJUST' then 'ADJUSTMENT'
       else 'MIGRATION' end::points_origin,
     cohort = date_trunc('month', t.created_at at time zone tn.timezone)::date
   from ledger_transaction t join tenant tn on tn.id = t.tenant_id
   where t.id = l.transaction_id and l.source_lot_id is null and l.origin is null
     and t.kind in ('EARN', 'ADJUST', 'IMPORT')`,
  `do $$
   declare
     moved bigint;
     derived bigint;
     guessed bigint := 0;
     unknown bigint;
   begin
     loop
       update points_lot l set origin = s.origin, cohort = s.cohort
         from points_lot s
        where l.origin is null and l.source_lot_id = s.id and s.origin is not null;
       get diagnostics moved = row_count;
       update points_lot l set origin = f.origin, cohort = f.cohort
         from ledger_transaction t
         cross join lateral (
           select s.origin, s.cohort from points_lot_consumption c join points_lot s on s.id = c.lot_id
            where c.transaction_id = case when t.kind = 'REVERSAL' then t.reverses_id else t.id end
            order by s.expires_at asc nulls last, s.created_at, s.id limit 1) f
        where l.origin is null and l.source_lot_id is null and t.id = l.transaction_id
          and t.kind in ('TRANSFER', 'REVERSAL') and f.origin is not null;
       get diagnostics derived = row_count;
       guessed := guessed + derived;
       exit when moved + derived = 0;
     end loop;
     update points_lot l set origin = 'ADJUSTMENT',
            cohort = date_trunc('month', l.created_at at time zone tn.timezone)::date
       from tenant tn where tn.id = l.tenant_id and l.origin is null;
     get diagnostics unknown = row_count;
     raise notice 'points_lot origin backfill: % transfer or refund lots took the first lot their source consumed, % lots of no known source became ADJUSTMENT', guessed, unknown;
   end $$`,
];

/**
 * ADR 0007, chunk 0: what the financial reports, partners, audit trail and privacy chunks build on.
 * - Each lot records its origin and cohort (the month of the original credit, in tenant time), kept through
 *   transfers, merges and refunds: liability and breakage are computed per origin and cohort from the lots.
 * - Partner accounts and a nullable partner on headers and entries (adding a nullable column without a default
 *   rewrites nothing). The new enum values are not used here: PostgreSQL refuses a value added in the same
 *   transaction, and every migration runs in one.
 * - The AUDITOR role, a customer's erasure time, pgcrypto and the per-customer key that seals personal data.
 */
export class Migration20261203000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "points_origin" as enum ('PURCHASE', 'BONUS', 'GOODWILL', 'ADJUSTMENT', 'PARTNER', 'MIGRATION');`,
    );
    this.addSql(`alter table "points_lot" add column "origin" "points_origin" null, add column "cohort" date null;`);
    for (const sql of LOT_ORIGIN_BACKFILL) this.addSql(sql);
    this.addSql(`alter table "points_lot" alter column "origin" set not null, alter column "cohort" set not null;`);

    this.addSql(`alter type "ledger_account" add value if not exists 'PARTNER_ISSUED';`);
    this.addSql(`alter type "ledger_account" add value if not exists 'PARTNER_REDEEMED';`);
    this.addSql(`alter table "ledger_transaction" add column "partner_id" uuid null;`);
    this.addSql(`alter table "ledger_entry" add column "partner_id" uuid null;`);

    this.addSql(`alter type "staff_role" add value if not exists 'AUDITOR';`);
    this.addSql(`alter table "customer" add column "erased_at" timestamptz null;`);
    this.addSql(`create extension if not exists pgcrypto;`);
    this.addSql(
      `create table "customer_data_key" ("customer_id" uuid not null, "tenant_id" uuid not null, "key" bytea not null, constraint "customer_data_key_pkey" primary key ("customer_id"), constraint "customer_data_key_customer_fkey" foreign key ("customer_id") references "customer" ("id") on delete cascade);`,
    );
  }

  override async down(): Promise<void> {
    // Enum values cannot be dropped: AUDITOR and the partner accounts stay (unused) after a down.
    this.addSql(`drop table if exists "customer_data_key";`);
    this.addSql(`alter table "customer" drop column if exists "erased_at";`);
    this.addSql(`alter table "ledger_entry" drop column if exists "partner_id";`);
    this.addSql(`alter table "ledger_transaction" drop column if exists "partner_id";`);
    this.addSql(`alter table "points_lot" drop column if exists "cohort", drop column if exists "origin";`);
    this.addSql(`drop type if exists "points_origin";`);
  }
}
