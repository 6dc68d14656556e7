import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A customer's loyalty-state version: 1, 2, 3... one step per committed transaction that changed their
 * balance, tier or vouchers. Written only by the deferred trigger `loyalty_state_touch` (see the migration),
 * which also writes the state as it is at commit to the outbox.
 */
@Entity()
export class LoyaltyStateVersion {
  @PrimaryKey({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'bigint' })
  version!: string;

  /** The transaction that last moved the version: a second change in the same transaction adds no version. */
  @Property({ type: 'bigint' })
  txid!: string;
}
