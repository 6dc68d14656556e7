import { ArrayType, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { TenantOwnedEntity } from '../tenancy/tenant-owned.entity';

export enum BenefitKind {
  /** Monetary: purchase base points are multiplied by `value`/100 (150 = 1.5x). */
  POINTS_MULTIPLIER = 'POINTS_MULTIPLIER',
  /** Monetary: `value` percent off, applied by the till or the shop. */
  PERCENT_DISCOUNT = 'PERCENT_DISCOUNT',
  EARLY_ACCESS = 'EARLY_ACCESS',
  DEDICATED_SUPPORT = 'DEDICATED_SUPPORT',
  FREE_SHIPPING = 'FREE_SHIPPING',
  LOUNGE_ACCESS = 'LOUNGE_ACCESS',
  OTHER = 'OTHER',
}

registerEnumType(BenefitKind, { name: 'BenefitKind' });

@ObjectType()
export class ChannelText {
  @Field(() => Channel)
  channel!: Channel;

  @Field()
  text!: string;
}

/** A benefit of a tier, held by that tier and every higher one. */
@ObjectType()
@Entity()
@Unique({ properties: ['tenant', 'code'] })
@Index({ properties: ['tenant', 'tierId'] })
export class Benefit extends TenantOwnedEntity<'value' | 'active' | 'texts'> {
  @Field()
  @Property({ type: 'text' })
  code!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  tierId!: string;

  @Field(() => BenefitKind)
  @Enum({ items: () => BenefitKind, nativeEnumName: 'benefit_kind' })
  kind!: BenefitKind;

  @Field(() => Int, {
    description: 'Multiplier in percent (150 = 1.5x) or discount in percent; 0 for non-monetary benefits.',
  })
  @Property({ type: 'integer', default: 0 })
  value: number = 0;

  @Field({ description: 'Default text, shown where no channel text is set.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => [Channel], { description: 'Where the benefit is honoured.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  channels!: Channel[];

  @Field(() => [ChannelText], { description: 'Per-channel wording, e.g. a short line for the POS screen.' })
  @Property({ type: 'json', default: '[]' })
  texts: ChannelText[] = [];

  @Field()
  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}
