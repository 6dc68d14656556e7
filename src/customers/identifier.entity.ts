import { randomUUID } from 'node:crypto';

import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import { IdentifierKind } from './identifier.logic';

/** One identifier of one customer. Written in SQL by IdentifierService, which scopes it by tenant. */
@Entity()
@Unique({ properties: ['tenantId', 'kind', 'value'] })
@Index({ properties: ['customerId'] })
export class CustomerIdentifier {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Enum({ items: () => IdentifierKind, nativeEnumName: 'identifier_kind' })
  kind!: IdentifierKind;

  /** Normalised (see normalizeIdentifier). */
  @Property({ type: 'text' })
  value!: string;

  /** The system or channel that reported it (crm, pos, web, ...). */
  @Property({ type: 'text', nullable: true })
  source?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
