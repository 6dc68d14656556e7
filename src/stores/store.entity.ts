import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

import { TenantOwnedEntity } from '../tenancy/tenant-owned.entity';

@ObjectType({ description: 'A physical or online store where customers earn and redeem.' })
@Entity()
@Unique({ properties: ['tenant', 'code'] })
export class Store extends TenantOwnedEntity {
  @Field({ description: "The store's name." })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Short code, unique within the tenant (what a POS prints on receipts).' })
  @Property({ type: 'text' })
  code!: string;

  @Field({ description: 'Region used by regional promotions.' })
  @Property({ type: 'text' })
  region!: string;
}
