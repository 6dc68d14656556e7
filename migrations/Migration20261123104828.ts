import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104828 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "terms_kind" as enum ('PROGRAM_TERMS', 'AGENT_SCRIPT');`);
    this.addSql(`create type "terms_channel" as enum ('WEB', 'MOBILE', 'AGENT', 'POS', 'API');`);
    this.addSql(`create table "script_acknowledgement" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "terms_id" uuid not null, "version" int not null, "actor" text not null, constraint "script_acknowledgement_pkey" primary key ("id"));`);
    this.addSql(`create index "script_acknowledgement_tenant_id_terms_id_index" on "script_acknowledgement" ("tenant_id", "terms_id");`);
    this.addSql(`alter table "script_acknowledgement" add constraint "script_acknowledgement_terms_id_actor_unique" unique ("terms_id", "actor");`);

    this.addSql(`create table "program_terms" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null, "kind" "terms_kind" not null, "channel" "terms_channel" not null, "locale" text not null, "version" int not null, "title" text not null, "body" text not null, "effective_from" timestamptz not null, "published_by" text not null, "idempotency_key" text not null, "request_hash" char(64) not null, constraint "program_terms_pkey" primary key ("id"));`);
    this.addSql(`create index "program_terms_tenant_id_index" on "program_terms" ("tenant_id");`);
    this.addSql(`alter table "program_terms" add constraint "program_terms_tenant_id_idempotency_key_unique" unique ("tenant_id", "idempotency_key");`);
    this.addSql(`alter table "program_terms" add constraint "program_terms_tenant_id_kind_channel_locale_version_unique" unique ("tenant_id", "kind", "channel", "locale", "version");`);

    this.addSql(`alter table "program_terms" add constraint "program_terms_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update restrict on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "script_acknowledgement" cascade;`);

    this.addSql(`drop table if exists "program_terms" cascade;`);

    this.addSql(`drop type "terms_kind";`);
    this.addSql(`drop type "terms_channel";`);
  }

}
