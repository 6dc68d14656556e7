import { randomUUID } from 'node:crypto';

import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** What a ledger transaction did. Every kind is booked through src/ledger and nothing else. */
export enum TransactionKind {
  EARN = 'EARN',
  REDEEM = 'REDEEM',
  ADJUST = 'ADJUST',
  REVERSAL = 'REVERSAL',
  TRANSFER = 'TRANSFER',
  SETTLEMENT = 'SETTLEMENT',
  EXPIRY = 'EXPIRY',
  IMPORT = 'IMPORT',
}

/**
 * Accounts: two per customer (available, pending), and the program's own. Program accounts have no
 * balance row: their totals are sums of entries, so no single hot row serialises a tenant's earns.
 */
export enum Account {
  CUSTOMER_AVAILABLE = 'CUSTOMER_AVAILABLE',
  CUSTOMER_PENDING = 'CUSTOMER_PENDING',
  PROGRAM_ISSUED = 'PROGRAM_ISSUED',
  PROGRAM_REDEEMED = 'PROGRAM_REDEEMED',
  PROGRAM_EXPIRED = 'PROGRAM_EXPIRED',
  PROGRAM_ADJUSTMENTS = 'PROGRAM_ADJUSTMENTS',
  PROGRAM_PARTNER = 'PROGRAM_PARTNER',
  PROGRAM_MIGRATION = 'PROGRAM_MIGRATION',
  /** Points partners issued to our customers, per partner (`partner_id` on the entry). */
  PARTNER_ISSUED = 'PARTNER_ISSUED',
  /** Our customers' points that partners honoured, per partner. */
  PARTNER_REDEEMED = 'PARTNER_REDEEMED',
}

/**
 * Where a lot's points first came from. A lot moved by a transfer, a merge or a refund keeps its source's origin
 * and cohort, so liability and breakage can be read per origin and earning month from the lots.
 */
export enum PointsOrigin {
  /** Earned with a purchase: a material right, deferred revenue. */
  PURCHASE = 'PURCHASE',
  /** Given without a purchase: a direct earn (campaign, gesture, sign-up). */
  BONUS = 'BONUS',
  GOODWILL = 'GOODWILL',
  /** An upward adjustment by staff. */
  ADJUSTMENT = 'ADJUSTMENT',
  PARTNER = 'PARTNER',
  /** A balance brought over from a previous program. */
  MIGRATION = 'MIGRATION',
}

/** The header of one balanced movement of points. Immutable once written. */
@Entity({ tableName: 'ledger_transaction' })
@Unique({ name: 'ledger_transaction_idempotency_unique', properties: ['tenantId', 'idempotencyKey'] })
@Index({ name: 'ledger_transaction_history_idx', properties: ['tenantId', 'customerId', 'createdAt', 'id'] })
// Transfers received appear in the receiver's history too.
@Index({
  name: 'ledger_transaction_counterparty_idx',
  expression:
    'create index "ledger_transaction_counterparty_idx" on "ledger_transaction" ("tenant_id", "counterparty_id", "created_at", "id") where "counterparty_id" is not null',
})
export class LedgerTransaction {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Enum({ items: () => TransactionKind, nativeEnumName: 'ledger_transaction_kind' })
  kind!: TransactionKind;

  /** The customer the transaction is about (the sender, for a transfer). */
  @Property({ type: 'uuid', nullable: true })
  customerId?: string;

  /** The points moved, as a positive number (the entries carry the signs). */
  @Property({ type: 'bigint' })
  points!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text', nullable: true })
  reasonCode?: string;

  @Property({ type: 'text', nullable: true })
  channel?: string;

  /** Who booked it: `key:<id>`, `customer:<id>`, `platform`, or `job:<name>`. */
  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string;

  /** SHA-256 of the operation and its input: the same key with another input is a CONFLICT. */
  @Property({ type: 'string', columnType: 'char(64)', nullable: true })
  requestHash?: string;

  // Partial, as the other optional links: an index entry per earn for a null nobody looks up costs every booking.
  @Property({ type: 'uuid', nullable: true })
  @Index({
    name: 'ledger_transaction_reverses_id_index',
    expression:
      'create index "ledger_transaction_reverses_id_index" on "ledger_transaction" ("reverses_id") where "reverses_id" is not null',
  })
  reversesId?: string;

  @Property({ type: 'uuid', nullable: true })
  counterpartyId?: string;

  @Property({ type: 'uuid', nullable: true })
  @Index({
    name: 'ledger_transaction_import_id_index',
    expression:
      'create index "ledger_transaction_import_id_index" on "ledger_transaction" ("import_id") where "import_id" is not null',
  })
  importId?: string;

  /** The partner a partner booking was made with. */
  @Property({ type: 'uuid', nullable: true })
  partnerId?: string;

  /** The customer's balance right after this transaction, so a retried request gets the first answer. */
  @Property({ type: 'bigint', nullable: true })
  availableAfter?: string;

  @Property({ type: 'bigint', nullable: true })
  pendingAfter?: string;

  @Property({ type: 'integer', nullable: true })
  versionAfter?: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

/** One leg of a transaction. The legs of a transaction sum to zero. Never updated or deleted. */
// Only the transaction index: entries are read by transaction, and whole-ledger checks scan. Every extra
// index keyed by customer would be written at a random place twice per transaction.
@Entity({ tableName: 'ledger_entry' })
export class LedgerEntry {
  [OptionalProps]?: 'id';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  @Index()
  transactionId!: string;

  @Enum({ items: () => Account, nativeEnumName: 'ledger_account' })
  account!: Account;

  /** Set for customer accounts. */
  @Property({ type: 'uuid', nullable: true })
  customerId?: string;

  /** Set for partner accounts. */
  @Property({ type: 'uuid', nullable: true })
  partnerId?: string;

  @Property({ type: 'bigint' })
  amount!: string;
}

/**
 * A customer's balances, kept in the same transaction as the entries: reading a balance is one row
 * whatever the history. `version` goes up by one with every change.
 */
@Entity({ tableName: 'points_balance' })
@Check({ name: 'points_balance_not_negative', expression: 'available >= 0 and pending >= 0' })
// No index on last_activity_at on purpose: every earn changes it, and an index on it would turn each
// balance update from a heap-only (HOT) update into one that rewrites index entries. The inactivity job
// scans balances once a minute instead, and only for tenants with that policy.
export class PointsBalance {
  [OptionalProps]?:
    'available' | 'pending' | 'lifetimeEarned' | 'lifetimeRedeemed' | 'expired' | 'version' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'uuid' })
  @Index()
  tenantId!: string;

  @Property({ type: 'bigint', default: 0 })
  available: string = '0';

  @Property({ type: 'bigint', default: 0 })
  pending: string = '0';

  @Property({ type: 'bigint', default: 0 })
  lifetimeEarned: string = '0';

  @Property({ type: 'bigint', default: 0 })
  lifetimeRedeemed: string = '0';

  @Property({ type: 'bigint', default: 0 })
  expired: string = '0';

  @Property({ type: 'integer', default: 0 })
  version: number = 0;

  /** Last earn or redemption: the clock of inactivity-based expiry. */
  @Property({ type: 'timestamptz', nullable: true })
  lastActivityAt?: Date;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** The points of one earn, consumed first-to-expire first. `remaining` is derived state, not ledger truth. */
@Entity({ tableName: 'points_lot' })
@Check({ name: 'points_lot_remaining_in_range', expression: 'remaining >= 0 and remaining <= points' })
@Index({
  name: 'points_lot_open_idx',
  expression:
    'create index "points_lot_open_idx" on "points_lot" ("customer_id", "expires_at", "created_at") where "remaining" > 0',
})
// The expiry and settlement jobs find their work through these two small partial indexes.
@Index({
  name: 'points_lot_due_idx',
  expression:
    'create index "points_lot_due_idx" on "points_lot" ("expires_at") where "remaining" > 0 and "expires_at" is not null',
})
@Index({
  name: 'points_lot_pending_idx',
  expression:
    'create index "points_lot_pending_idx" on "points_lot" ("pending_until") where "pending_until" is not null',
})
export class PointsLot {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  /** The transaction that created the lot (an earn, an import, a transfer in). */
  @Property({ type: 'uuid' })
  @Index()
  transactionId!: string;

  @Property({ type: 'bigint' })
  points!: string;

  @Property({ type: 'bigint' })
  remaining!: string;

  /** Set while the points are pending; cleared when they settle into the available balance. */
  @Property({ type: 'timestamptz', nullable: true })
  pendingUntil?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date;

  /** The lot this one was moved from, whole, by a merge or an unmerge: the lineage an unmerge follows. */
  @Property({ type: 'uuid', nullable: true })
  @Index({
    name: 'points_lot_source_idx',
    expression:
      'create index "points_lot_source_idx" on "points_lot" ("source_lot_id") where "source_lot_id" is not null',
  })
  sourceLotId?: string | null;

  @Enum({ items: () => PointsOrigin, nativeEnumName: 'points_origin' })
  origin!: PointsOrigin;

  /** The first day of the month of the original credit, in the tenant's time zone: the earning cohort. */
  @Property({ type: 'string', columnType: 'date' })
  cohort!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

/** Which lots a debit consumed, so a reversal can put points back where they came from. */
@Entity({ tableName: 'points_lot_consumption' })
export class PointsLotConsumption {
  @PrimaryKey({ type: 'uuid' })
  transactionId!: string;

  @PrimaryKey({ type: 'uuid' })
  lotId!: string;

  @Property({ type: 'bigint' })
  points!: string;
}

/** One balance-migration file per row: its hash makes a re-run of the same file a no-op. */
@Entity({ tableName: 'points_import' })
@Unique({ properties: ['tenantId', 'fileHash'] })
export class PointsImport {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'string', columnType: 'char(64)' })
  fileHash!: string;

  @Property({ type: 'integer' })
  rowsRead!: number;

  @Property({ type: 'bigint' })
  pointsRead!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  rolledBackAt?: Date;
}
