import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094651 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "tenant" add column "ingest_secret" text null;`);
    // Tenants that exist get a random secret (two v4 UUIDs: 244 random bits); their owner rotates it to read it.
    this.addSql(`update "tenant" set "ingest_secret" = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');`);
    this.addSql(`alter table "tenant" alter column "ingest_secret" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tenant" drop column "ingest_secret";`);
  }

}
