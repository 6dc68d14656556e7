import { Migration } from '@mikro-orm/migrations';

/**
 * Purchases booked per points holder (src/earning/purchase.store.ts): every booking of a purchase bumps its
 * holder's row first, so bookings of one holder pass one at a time, and a one-statement booking can tell that
 * another committed after its snapshot.
 */
export class Migration20261203010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "purchase_counter" ("holder_id" uuid not null, "tenant_id" uuid not null, "booked" bigint not null, constraint "purchase_counter_pkey" primary key ("holder_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "purchase_counter" cascade;`);
  }
}
