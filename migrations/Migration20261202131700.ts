import { Migration } from '@mikro-orm/migrations';

/**
 * A tenant's program configuration version, moved by the trigger `program_config_touch`
 * (src/program/sql/program-config-touch.sql): instances cache the configuration per version.
 */
export class Migration20261202131700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "program_config_version" ("tenant_id" uuid not null, "version" bigint not null, "txid" bigint not null, constraint "program_config_version_pkey" primary key ("tenant_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "program_config_version" cascade;`);
  }
}
