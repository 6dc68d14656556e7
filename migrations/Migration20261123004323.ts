import { Migration } from '@mikro-orm/migrations';

export class Migration20261123004323 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "ledger_entry_account_idx";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "ledger_entry_account_idx" on "ledger_entry" ("tenant_id", "account", "customer_id");`);
  }

}
