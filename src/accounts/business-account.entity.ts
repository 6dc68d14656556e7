import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import { TenantOwnedEntity } from '../tenancy/tenant-owned.entity';

/**
 * A company whose employees or branches are members. With `poolPoints`, what members earn on purchases
 * goes to one pool (held by a customer row of kind ACCOUNT_POOL) and members redeem rewards from it.
 */
@ObjectType({ description: 'A B2B account (company) grouping member customers.' })
@Entity()
@Unique({ properties: ['tenant', 'code'] })
export class BusinessAccount extends TenantOwnedEntity<'poolPoints' | 'version'> {
  @Field({
    description:
      "The business's own reference for the company, unique in the tenant; creating it again with the same code is a replay.",
  })
  @Property({ type: 'text' })
  code!: string;

  @Field({ description: "The company's name." })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Members earn into, and redeem from, one shared pool.' })
  @Property({ type: 'boolean', default: false })
  poolPoints: boolean = false;

  @Field(() => ID, { nullable: true, description: 'The customer row that holds the pool (kind ACCOUNT_POOL).' })
  @Property({ type: 'uuid', nullable: true })
  poolCustomerId?: string | null;

  @Field(() => Int, { description: 'Increases by one with every change to the account.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}
