import { Migration } from '@mikro-orm/migrations';

/**
 * Contact changes a customer asks for themself wait here until confirmed with the code sent to the new
 * address (src/customers/contact-verification.service.ts); only then does the value reach the profile and
 * `customer_identifier`, which therefore holds verified identifiers only. Emails and phones already on
 * profiles stay where they are: they count as verified (staff or the business's systems entered them).
 * The code is kept as a salted SHA-256 only.
 */
export class Migration20261202030300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "contact_verification" (
      "id" uuid not null, "tenant_id" uuid not null, "customer_id" uuid not null,
      "kind" identifier_kind not null check ("kind" in ('EMAIL', 'PHONE')), "value" text not null,
      "code_hash" char(64) not null, "attempts" int not null default 0, "expires_at" timestamptz not null,
      "created_at" timestamptz not null default now(), "confirmed_at" timestamptz null, "closed_at" timestamptz null,
      constraint "contact_verification_pkey" primary key ("id"),
      constraint "contact_verification_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on delete cascade);`);
    // Confirmation reads a customer's latest change of one kind.
    this.addSql(
      `create index "contact_verification_customer_kind_idx" on "contact_verification" ("customer_id", "kind", "created_at" desc);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "contact_verification";`);
  }
}
