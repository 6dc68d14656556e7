import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A tenant's program configuration version (earn rate, tiers, benefits, earning rules, stores, time zone): one
 * step per committed transaction that changed any of them. Written only by the trigger `program_config_touch`
 * (src/program/sql/program-config-touch.sql); instances cache the configuration per version and a booking
 * checks the version it evaluated against.
 */
@Entity()
export class ProgramConfigVersion {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'bigint' })
  version!: string;

  /** The transaction that last moved the version: a second change in the same transaction adds no version. */
  @Property({ type: 'bigint' })
  txid!: string;
}
