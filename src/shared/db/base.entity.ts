import { randomUUID } from 'node:crypto';

import { Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

import { Tenant } from '../../tenancy/tenant.entity';

/** `Defaulted` names the subclass's own properties that have defaults, so `em.create` need not set them. */
// Decorated so subclasses inherit its fields; unreferenced, it never appears in the schema itself.
@ObjectType()
export abstract class BaseEntity<Defaulted extends string = never> {
  [OptionalProps]?: 'id' | 'createdAt' | Defaulted;

  @Field(() => ID, { description: 'Unique id, stable for the life of the record.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'When it was created.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

/**
 * Every tenant-owned row carries its tenant. The `tenant` filter (see mikro-orm.config.ts) adds
 * `tenant_id = :tenantId` to every query of these entities, so forgetting a where clause cannot leak rows.
 */
@ObjectType()
export abstract class TenantOwnedEntity<Defaulted extends string = never> extends BaseEntity<Defaulted> {
  @ManyToOne(() => Tenant, { ref: true, deleteRule: 'restrict', updateRule: 'restrict' })
  @Index()
  tenant!: Ref<Tenant>;
}
