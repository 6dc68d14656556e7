import { Migration } from '@mikro-orm/migrations';

export class Migration20261123002710 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "points_import" ("id" uuid not null, "tenant_id" uuid not null, "file_name" text not null, "file_hash" char(64) not null, "rows_read" int not null, "points_read" bigint not null, "created_at" timestamptz not null, "rolled_back_at" timestamptz null, constraint "points_import_pkey" primary key ("id"));`);
    this.addSql(`alter table "points_import" add constraint "points_import_tenant_id_file_hash_unique" unique ("tenant_id", "file_hash");`);

    this.addSql(`alter table "customer" add column "external_id" text null, add column "created_by_import_id" uuid null;`);
    this.addSql(`alter table "customer" add constraint "customer_tenant_id_external_id_unique" unique ("tenant_id", "external_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "points_import" cascade;`);

    this.addSql(`alter table "customer" drop constraint "customer_tenant_id_external_id_unique";`);
    this.addSql(`alter table "customer" drop column "external_id", drop column "created_by_import_id";`);
  }

}
