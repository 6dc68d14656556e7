import { Migration } from '@mikro-orm/migrations';

/**
 * One table for every idempotency key (src/shared/idempotency.ts), filled from the tables that held keys
 * until now, so a key used before the upgrade replays (or conflicts) exactly as it did. Those tables keep
 * their columns: the key of a ledger transaction is part of the API, and the rest keep the history.
 * No foreign key to tenant, like the ledger's tables: every earn writes a key, and a foreign key would make
 * all of a tenant's concurrent earns share a lock on its one tenant row.
 */
export class Migration20261202020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_key" (
      "tenant_id" uuid not null, "scope" text not null, "key" text not null, "request_hash" char(64) not null,
      "result_id" uuid not null, "created_at" timestamptz not null default now(),
      constraint "idempotency_key_pkey" primary key ("tenant_id", "scope", "key"));`);
    const backfill = (scope: string, select: string) =>
      this.addSql(`insert into "idempotency_key" ("tenant_id", "scope", "key", "request_hash", "result_id", "created_at")
        select tenant_id, '${scope}', ${select} order by created_at on conflict do nothing;`);
    // Keys clients chose; the keys the ledger derives for other domains' bookings have no request hash.
    backfill(
      'ledger',
      `idempotency_key, request_hash, id, created_at from ledger_transaction where idempotency_key is not null and request_hash is not null`,
    );
    backfill('purchase', `idempotency_key, request_hash, id, created_at from purchase`);
    backfill('purchase-refund', `idempotency_key, request_hash, id, created_at from purchase_refund`);
    backfill('reward-redemption', `idempotency_key, request_hash, id, created_at from voucher`);
    // Consuming and cancelling stored no hash: it is rebuilt as requestHash() computes it from the same input.
    backfill(
      'voucher-consume',
      `consume_key, encode(sha256(convert_to('consumeVoucher:{"code":"' || code || '","storeId":"' || consumed_store_id || '"}', 'UTF8')), 'hex'),
        id, consumed_at as created_at from voucher where consume_key is not null and consumed_store_id is not null`,
    );
    backfill(
      'voucher-cancel',
      `cancel_key, encode(sha256(convert_to('cancelVoucher:{"code":"' || code || '"}', 'UTF8')), 'hex'),
        id, cancelled_at as created_at from voucher where cancel_key is not null`,
    );
    backfill('customer-merge', `idempotency_key, request_hash, id, created_at from customer_merge`);
    backfill(
      'tier-grant',
      `idempotency_key, request_hash, id, created_at from tier_change where idempotency_key is not null and request_hash is not null`,
    );
    backfill('terms-publish', `idempotency_key, request_hash, id, created_at from program_terms`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key";`);
  }
}
