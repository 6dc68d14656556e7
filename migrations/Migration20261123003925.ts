import { Migration } from '@mikro-orm/migrations';

export class Migration20261123003925 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "imported_tier" text null;`);
    // Hand-written: time-ordered UUIDs (RFC 9562 version 7) for ledger rows, so their primary keys and the
    // indexes that reference them grow at the right-hand edge instead of splitting random pages: the
    // ledger's write speed then does not fall as it grows. PostgreSQL 18 has uuidv7(); 15 does not.
    this.addSql(`create function "uuid_generate_v7"() returns uuid language sql volatile as $$
      select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
        substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
    $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "uuid_generate_v7"();`);
    this.addSql(`alter table "customer" drop column "imported_tier";`);
  }

}
