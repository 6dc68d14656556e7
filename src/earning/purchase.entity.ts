import { randomUUID } from 'node:crypto';

import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A recorded purchase: the source of tier qualification (spend, visits, points) and the anchor of refunds.
 * Written in SQL by PurchaseService; `netAmount`/`netPoints` fall as lines are refunded.
 */
@Entity()
@Unique({ properties: ['tenantId', 'orderId'] })
@Unique({ properties: ['tenantId', 'idempotencyKey'] })
@Index({ properties: ['tenantId', 'customerId', 'occurredAt'] })
export class Purchase {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'uuid', nullable: true })
  storeId?: string | null;

  @Property({ type: 'text' })
  channel!: string;

  @Property({ type: 'text' })
  orderId!: string;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'bigint' })
  amount!: string;

  @Property({ type: 'bigint' })
  netAmount!: string;

  @Property({ type: 'bigint' })
  points!: string;

  @Property({ type: 'bigint' })
  netPoints!: string;

  /** The earn booked for it; null when the purchase earned nothing. */
  @Property({ type: 'uuid', nullable: true })
  transactionId?: string | null;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'string', columnType: 'char(64)' })
  requestHash!: string;

  /** The evaluation as returned to the caller, replayed verbatim on a retry. */
  @Property({ type: 'json' })
  breakdown!: unknown;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

@Entity()
export class PurchaseLine {
  @PrimaryKey({ type: 'uuid' })
  purchaseId!: string;

  @PrimaryKey({ type: 'integer' })
  lineNo!: number;

  @Property({ type: 'text' })
  sku!: string;

  @Property({ type: 'text', nullable: true })
  category?: string | null;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'bigint' })
  unitPrice!: string;

  /** The points this line earned, base and rules together; refunds take them back pro rata. */
  @Property({ type: 'bigint' })
  points!: string;

  @Property({ type: 'integer', default: 0 })
  refundedQuantity!: number;

  @Property({ type: 'bigint', default: 0 })
  refundedPoints!: string;
}

@Entity()
@Unique({ properties: ['tenantId', 'idempotencyKey'] })
export class PurchaseRefund {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  @Index()
  purchaseId!: string;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'string', columnType: 'char(64)' })
  requestHash!: string;

  @Property({ type: 'bigint' })
  amount!: string;

  /** Points the refund should take back, and what the ledger could take (the rest was already spent). */
  @Property({ type: 'bigint' })
  points!: string;

  @Property({ type: 'bigint' })
  pointsClawedBack!: string;

  @Property({ type: 'uuid', nullable: true })
  transactionId?: string | null;

  @Property({ type: 'json' })
  result!: unknown;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
