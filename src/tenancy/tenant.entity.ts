import { randomBytes, randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A business running its loyalty program on this gateway.' })
@Entity()
export class Tenant {
  [OptionalProps]?: 'id' | 'createdAt' | 'customerJwtSecret';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'ISO 4217 code; money amounts are integers in its minor unit.' })
  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @Field({ description: 'IANA time zone used for business days (expiry, tier periods, reports).' })
  @Property({ type: 'text' })
  timezone!: string;

  /** HMAC secret that signs customer JWTs (HS256). Never exposed through GraphQL. */
  @Property({ type: 'text', hidden: true })
  customerJwtSecret: string = randomBytes(32).toString('base64url');

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
