import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

import { TenantOwnedEntity } from '../tenancy/tenant-owned.entity';

/** How a purchase's base points are rounded to whole points. */
export enum PointsRounding {
  DOWN = 'DOWN',
  NEAREST = 'NEAREST',
  UP = 'UP',
}

registerEnumType(PointsRounding, {
  name: 'PointsRounding',
  description: "How a purchase's base points are rounded to whole points.",
  valuesConfig: {
    DOWN: { description: 'Fractions are dropped.' },
    NEAREST: { description: 'To the nearest whole point, halves up.' },
    UP: { description: 'Any fraction counts as a whole point.' },
  },
});

/**
 * The program's economics, one row per tenant (created with defaults on first read). Rates that are
 * fractions of a minor unit are stated per 1,000 points, so everything stays an integer.
 */
@ObjectType({ description: "The tenant's program economics. Money is in minor units of the tenant currency." })
@Entity()
@Unique({ properties: ['tenant'] })
export class ProgramSettings extends TenantOwnedEntity<
  | 'earnPoints'
  | 'earnPerMinor'
  | 'rounding'
  | 'pendingDays'
  | 'pointValuePerThousand'
  | 'maxRewardCostPerThousand'
  | 'voucherValidityDays'
  | 'version'
> {
  @Field(() => Int, { description: 'Base earn: this many points for every `earnPerMinor` minor units spent.' })
  @Property({ type: 'integer', default: 1 })
  earnPoints: number = 1;

  @Field(() => Int, { description: 'E.g. 100: points per whole euro or dollar.' })
  @Property({ type: 'integer', default: 100 })
  earnPerMinor: number = 100;

  @Field(() => PointsRounding, { description: "How a purchase's base points are rounded to whole points." })
  @Enum({ items: () => PointsRounding, nativeEnumName: 'points_rounding', default: PointsRounding.DOWN })
  rounding: PointsRounding = PointsRounding.DOWN;

  @Field(() => Int, {
    description:
      'Purchase points stay pending this many days after the purchase (the return window); 0 = spendable at once.',
  })
  @Property({ type: 'integer', default: 0 })
  pendingDays: number = 0;

  @Field(() => Int, {
    description: 'What 1,000 points are worth to the business, in minor units (cost and liability).',
  })
  @Property({ type: 'integer', default: 1000 })
  pointValuePerThousand: number = 1000;

  @Field(() => Int, {
    nullable: true,
    description:
      'Margin guardrail: the most a reward may cost the business per 1,000 points it is redeemed for, in minor units. Null: no guardrail.',
  })
  @Property({ type: 'integer', nullable: true, default: 1000 })
  maxRewardCostPerThousand?: number | null = 1000;

  @Field(() => Int, {
    description: 'A reward voucher is valid this many days after it is issued (or until the reward ends, if sooner).',
  })
  @Property({ type: 'integer', default: 30 })
  voucherValidityDays: number = 30;

  @Field(() => Int, { description: 'Increases by one with every change.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}
