import { ArrayType, Entity, Enum, Index, type OptionalProps, Property, Unique } from '@mikro-orm/core';
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

registerEnumType(BenefitKind, {
  name: 'BenefitKind',
  description: 'What a tier benefit gives.',
  valuesConfig: {
    POINTS_MULTIPLIER: { description: 'Monetary: purchase base points are multiplied by `value`/100 (150 = 1.5x).' },
    PERCENT_DISCOUNT: { description: 'Monetary: `value` percent off, applied by the till or the shop.' },
    EARLY_ACCESS: { description: 'Early access to sales or launches.' },
    DEDICATED_SUPPORT: { description: 'A dedicated support line.' },
    FREE_SHIPPING: { description: 'Free shipping.' },
    LOUNGE_ACCESS: { description: 'Lounge access.' },
    OTHER: { description: 'Anything else, described by its title.' },
  },
});

@ObjectType({ description: 'A text worded for one channel.' })
export class ChannelText {
  @Field(() => Channel, { description: 'The channel that shows it.' })
  channel!: Channel;

  @Field({ description: 'The wording.' })
  text!: string;
}

/** A benefit of a tier, held by that tier and every higher one. */
@ObjectType({ description: 'A benefit of a tier, held by that tier and every higher one.' })
@Entity()
@Unique({ properties: ['tenant', 'code'] })
@Index({ properties: ['tenant', 'tierId'] })
export class Benefit extends TenantOwnedEntity<'value' | 'active' | 'texts'> {
  @Field({ description: 'Short code, unique within the tenant.' })
  @Property({ type: 'text' })
  code!: string;

  @Field(() => ID, { description: 'The lowest tier that holds it.' })
  @Property({ type: 'uuid' })
  tierId!: string;

  @Field(() => BenefitKind, { description: 'What the benefit gives.' })
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

  @Field({ description: 'Inactive benefits are kept but not granted.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}

/** A benefit as read (the request's loader): its fields, not an entity. GraphQL answers it as `Benefit`. */
export type BenefitRecord = Omit<Benefit, 'tenant' | typeof OptionalProps>;
