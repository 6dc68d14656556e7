import { randomBytes, randomUUID } from 'node:crypto';

import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** When earned points expire: never, a fixed number of months after the earn, or after months without activity. */
export enum PointsExpiryPolicy {
  NONE = 'NONE',
  FIXED_MONTHS = 'FIXED_MONTHS',
  INACTIVITY_MONTHS = 'INACTIVITY_MONTHS',
}

registerEnumType(PointsExpiryPolicy, {
  name: 'PointsExpiryPolicy',
  description: 'When earned points expire.',
  valuesConfig: {
    NONE: { description: 'Points never expire.' },
    FIXED_MONTHS: { description: 'A fixed number of months after they were earned.' },
    INACTIVITY_MONTHS: { description: 'All of them, after a number of months without an earn or a redemption.' },
  },
});

@ObjectType({ description: 'A business running its loyalty program on this gateway.' })
@Entity()
export class Tenant {
  [OptionalProps]?: 'id' | 'createdAt' | 'ingestSecret' | 'pointsExpiryPolicy' | 'pointsExpiryMonths';

  @Field(() => ID, { description: "The tenant's id." })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: "The business's name." })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'ISO 4217 code; money amounts are integers in its minor unit.' })
  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @Field({ description: 'IANA time zone used for business days (expiry, tier periods, reports).' })
  @Property({ type: 'text' })
  timezone!: string;

  /** HMAC-SHA256 key that signs the batches other systems post to /ingest/:source. Never exposed after creation. */
  @Property({ type: 'text', hidden: true })
  ingestSecret: string = randomBytes(32).toString('base64url');

  @Field(() => PointsExpiryPolicy, { description: 'When earned points expire; set with setPointsExpiryPolicy.' })
  @Enum({ items: () => PointsExpiryPolicy, nativeEnumName: 'points_expiry_policy', default: PointsExpiryPolicy.NONE })
  pointsExpiryPolicy: PointsExpiryPolicy = PointsExpiryPolicy.NONE;

  @Field(() => Int, { description: 'Months used by the expiry policy (ignored for NONE).' })
  @Property({ type: 'integer', default: 24 })
  pointsExpiryMonths: number = 24;

  @Field({ description: 'When the tenant was created.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
