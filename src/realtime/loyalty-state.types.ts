import { SafeIntResolver } from 'graphql-scalars';
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

registerEnumType(StateSource, {
  name: 'StateSource',
  description: 'How a loyalty state reached the subscriber.',
  valuesConfig: {
    CURRENT: {
      description:
        'The state at subscription (no sinceVersion), or instead of missed versions older than the retention window.',
    },
    MISSED: { description: 'A version the client missed, replayed in order from the outbox.' },
    LIVE: { description: 'A change pushed as it was committed.' },
  },
});

@ObjectType({ description: "A member's points in a loyalty state; whole points." })
export class StateBalance {
  @Field(() => SafeIntResolver, { description: 'Spendable now.' })
  available!: number;

  @Field(() => SafeIntResolver, { description: 'Earned but not yet spendable (return window).' })
  pending!: number;
}

@ObjectType({ description: "A member's tier in a loyalty state." })
export class StateTier {
  @Field(() => ID, { description: "The tier's id." })
  id!: string;

  @Field({ description: 'The tier code.' })
  code!: string;

  @Field({ description: 'The name members see.' })
  name!: string;

  @Field(() => Int, { description: 'Higher is better; 0 is the base tier.' })
  rank!: number;

  @Field(() => Date, { nullable: true, description: 'When the status ends unless renewed; null for the base tier.' })
  expiresAt?: Date | null;

  @Field({ description: 'True while limited-time status outranks the tier the member qualified for.' })
  limitedTime!: boolean;
}

@ObjectType({ description: 'A benefit in a loyalty state.' })
export class StateBenefit {
  @Field({ description: 'The benefit code.' })
  code!: string;

  @Field(() => BenefitKind, { description: 'What the benefit gives.' })
  kind!: BenefitKind;

  @Field(() => Int, {
    description: 'Multiplier in percent (150 = 1.5x) or discount in percent; 0 for non-monetary benefits.',
  })
  value!: number;

  @Field({ description: 'Default text.' })
  title!: string;

  @Field(() => [Channel], { description: 'Where the benefit is honoured.' })
  channels!: Channel[];
}

@ObjectType({ description: 'An unused voucher in a loyalty state.' })
export class StateVoucher {
  @Field({ description: 'Grouped for reading aloud and typing: XXXX-XXXX-XXXX.' })
  code!: string;

  @Field(() => ID, { description: 'The reward it was issued for.' })
  rewardId!: string;

  @Field(() => SafeIntResolver, { description: 'Points it was redeemed for.' })
  pointsCost!: number;

  @Field({ description: 'The last moment it can be used.' })
  expiresAt!: Date;
}

@ObjectType({
  description:
    "Everything a channel shows of a member's loyalty, at one version: every channel renders the same state.",
})
export class LoyaltyState {
  @Field(() => ID, { description: 'The member.' })
  customerId!: string;

  @Field(() => Int, {
    description: '1, 2, 3... one step per committed change to balance, tier or vouchers; 0 before the first.',
  })
  version!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the change that made this version was committed; null before the first.',
  })
  changedAt?: Date | null;

  @Field(() => StateBalance, { description: 'Points now.' })
  balance!: StateBalance;

  @Field(() => StateTier, { nullable: true, description: 'Null while the program has no tiers.' })
  tier?: StateTier | null;

  @Field(() => [StateBenefit], { description: "The benefits of the member's tier." })
  benefits!: StateBenefit[];

  @Field(() => [StateVoucher], { description: 'Issued vouchers not yet used, cancelled or expired.' })
  activeVouchers!: StateVoucher[];

  @Field(() => StateSource, { description: 'How this state reached the subscriber.' })
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
