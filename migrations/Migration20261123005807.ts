import { Migration } from '@mikro-orm/migrations';

export class Migration20261123005807 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "ledger_transaction_counterparty_idx" on "ledger_transaction" ("tenant_id", "counterparty_id", "created_at", "id") where "counterparty_id" is not null;`);

    this.addSql(`create index "points_balance_idle_idx" on "points_balance" ("last_activity_at") where "available" > 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "ledger_transaction_counterparty_idx";`);

    this.addSql(`drop index "points_balance_idle_idx";`);
  }

}
