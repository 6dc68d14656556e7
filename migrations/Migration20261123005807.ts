import { Migration } from '@mikro-orm/migrations';

export class Migration20261123005807 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "ledger_transaction_counterparty_idx" on "ledger_transaction" ("tenant_id", "counterparty_id", "created_at", "id") where "counterparty_id" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "ledger_transaction_counterparty_idx";`);
  }

}
