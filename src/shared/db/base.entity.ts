import { randomUUID } from 'node:crypto';

import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

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
