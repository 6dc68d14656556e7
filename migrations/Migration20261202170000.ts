import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes that every earn wrote a null into for nothing become partial: an earn has no reversed transaction, no
 * import and, under a program without expiry, no expiry date, and no query looks those nulls up.
 */
export class Migration20261202170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "ledger_transaction_reverses_id_index";`);
    this.addSql(
      `create index "ledger_transaction_reverses_id_index" on "ledger_transaction" ("reverses_id") where "reverses_id" is not null;`,
    );
    this.addSql(`drop index if exists "ledger_transaction_import_id_index";`);
    this.addSql(
      `create index "ledger_transaction_import_id_index" on "ledger_transaction" ("import_id") where "import_id" is not null;`,
    );
    this.addSql(`drop index if exists "points_lot_due_idx";`);
    this.addSql(
      `create index "points_lot_due_idx" on "points_lot" ("expires_at") where "remaining" > 0 and "expires_at" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "ledger_transaction_reverses_id_index";`);
    this.addSql(`create index "ledger_transaction_reverses_id_index" on "ledger_transaction" ("reverses_id");`);
    this.addSql(`drop index if exists "ledger_transaction_import_id_index";`);
    this.addSql(`create index "ledger_transaction_import_id_index" on "ledger_transaction" ("import_id");`);
    this.addSql(`drop index if exists "points_lot_due_idx";`);
    this.addSql(`create index "points_lot_due_idx" on "points_lot" ("expires_at") where "remaining" > 0;`);
  }
}
