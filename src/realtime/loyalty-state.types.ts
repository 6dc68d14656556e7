import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { BenefitKind } from '../program/benefit.entity';
import { Channel } from '../shared/channel';

export enum StateSource {
  /** The state at subscription (no sinceVersion), or instead of missed versions older than the retention window. */
  CURRENT = 'CURRENT',
  /** A version the client missed, replayed in order from the outbox. */
  MISSED = 'MISSED',
  LIVE = 'LIVE',
}

registerEnumType(StateSource, { name: 'StateSource' });

@ObjectType()
export class StateBalance {
  @Field(() => Int)
  available!: number;

  @Field(() => Int)
  pending!: number;
}

@ObjectType()
export class StateTier {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  rank!: number;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field()
  limitedTime!: boolean;
}

@ObjectType()
export class StateBenefit {
  @Field()
  code!: string;

  @Field(() => BenefitKind)
  kind!: BenefitKind;

  @Field(() => Int)
  value!: number;

  @Field()
  title!: string;

  @Field(() => [Channel])
  channels!: Channel[];
}

@ObjectType()
export class StateVoucher {
  @Field()
  code!: string;

  @Field(() => ID)
  rewardId!: string;

  @Field(() => Int)
  pointsCost!: number;

  @Field()
  expiresAt!: Date;
}

@ObjectType({
  description:
    "Everything a channel shows of a member's loyalty, at one version: every channel renders the same state.",
})
export class LoyaltyState {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Int, {
    description: '1, 2, 3... one step per committed change to balance, tier or vouchers; 0 before the first.',
  })
  version!: number;

  @Field(() => Date, { nullable: true })
  changedAt?: Date | null;

  @Field(() => StateBalance)
  balance!: StateBalance;

  @Field(() => StateTier, { nullable: true, description: 'Null while the program has no tiers.' })
  tier?: StateTier | null;

  @Field(() => [StateBenefit])
  benefits!: StateBenefit[];

  @Field(() => [StateVoucher])
  activeVouchers!: StateVoucher[];

  @Field(() => StateSource)
  source!: StateSource;
}

/**
 * The state as the database writes it into the outbox and onto the wire (realtime/sql/loyalty-snapshot.sql and
 * loyalty-state-touch.sql); test/shared/database-code.test.ts fails when the two disagree.
 */
export interface StatePayload {
  customerId: string;
  version: number;
  changedAt?: string | null;
  balance: { available: number; pending: number };
  tier: { id: string; code: string; name: string; rank: number; expiresAt: string | null; limitedTime: boolean } | null;
  benefits: { code: string; kind: BenefitKind; value: number; title: string; channels: Channel[] }[];
  activeVouchers: { code: string; rewardId: string; pointsCost: number; expiresAt: string }[];
  /** Sent by this instance alone after Redis came back: look for versions missed meanwhile. */
  resync?: true;
}
