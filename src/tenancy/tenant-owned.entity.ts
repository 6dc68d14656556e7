import { Index, ManyToOne, type Ref } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';

import { BaseEntity } from '../shared/db/base.entity';
import { Tenant } from './tenant.entity';

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
