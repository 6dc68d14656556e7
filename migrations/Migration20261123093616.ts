import { Migration } from '@mikro-orm/migrations';

export class Migration20261123093616 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "identifier_kind" as enum ('EMAIL', 'PHONE', 'LOYALTY_CARD', 'POS_CUSTOMER_ID', 'CRM_ID', 'BILLING_ID', 'DEVICE_ID');`);
    this.addSql(`create table "customer_identifier" ("id" uuid not null, "tenant_id" uuid not null, "customer_id" uuid not null, "kind" "identifier_kind" not null, "value" text not null, "source" text null, "created_at" timestamptz not null, constraint "customer_identifier_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_identifier_customer_id_index" on "customer_identifier" ("customer_id");`);
    this.addSql(`alter table "customer_identifier" add constraint "customer_identifier_tenant_id_kind_value_unique" unique ("tenant_id", "kind", "value");`);

    this.addSql(`alter table "customer" add column "anonymous" boolean not null default false;`);

    // Existing profiles' email and phone become their first identifiers.
    this.addSql(`insert into "customer_identifier" ("id", "tenant_id", "customer_id", "kind", "value", "source", "created_at")
      select gen_random_uuid(), "tenant_id", "id", 'EMAIL'::identifier_kind, "email", 'profile', "created_at" from "customer" where "email" is not null
      union all
      select gen_random_uuid(), "tenant_id", "id", 'PHONE'::identifier_kind, "phone", 'profile', "created_at" from "customer" where "phone" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_identifier" cascade;`);

    this.addSql(`alter table "customer" drop column "anonymous";`);

    this.addSql(`drop type "identifier_kind";`);
  }

}
