import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { BenefitKind } from './benefit.entity';
import { PointsRounding } from './program-settings.entity';
import { Tier, TierMetric, TierWindow } from './tier.entity';

@InputType({ description: 'Omitted fields stay as they are.' })
export class UpdateProgramSettingsInput {
  @Field(() => Int, { nullable: true })
  earnPoints?: number;

  @Field(() => Int, { nullable: true })
  earnPerMinor?: number;

  @Field(() => PointsRounding, { nullable: true })
  rounding?: PointsRounding;

  @Field(() => Int, { nullable: true })
  pendingDays?: number;

  @Field(() => Int, { nullable: true })
  pointValuePerThousand?: number;

  @Field(() => Int, { nullable: true, description: 'Set `clearGuardrail` to remove it.' })
  maxRewardCostPerThousand?: number;

  @Field({ nullable: true })
  clearGuardrail?: boolean;

  @Field(() => Int, { nullable: true })
  voucherValidityDays?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Refused with CONFLICT unless the settings are still at this version.',
  })
  expectedVersion?: number;
}

@InputType()
export class TierInput {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: '0 is the base tier (threshold 0); ranks are unique.' })
  rank!: number;

  @Field(() => TierMetric)
  metric!: TierMetric;

  @Field(() => SafeIntResolver)
  threshold!: number;

  @Field(() => TierWindow)
  window!: TierWindow;

  @Field(() => Int, { nullable: true, description: 'Default 30.' })
  graceDays?: number;
}

@InputType()
export class ChannelTextInput {
  @Field(() => Channel)
  channel!: Channel;

  @Field()
  text!: string;
}

@InputType()
export class BenefitInput {
  @Field()
  code!: string;

  @Field(() => ID)
  tierId!: string;

  @Field(() => BenefitKind)
  kind!: BenefitKind;

  @Field(() => Int, {
    nullable: true,
    description: 'Multiplier percent above 100, or discount percent 1-100; omit for non-monetary benefits.',
  })
  value?: number;

  @Field()
  title!: string;

  @Field(() => [Channel])
  channels!: Channel[];

  @Field(() => [ChannelTextInput], { nullable: true })
  texts?: ChannelTextInput[];

  @Field({ nullable: true })
  active?: boolean;
}

@InputType({ description: 'Limited-time status: a status match, a challenge, a service recovery.' })
export class GrantTierStatusInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => ID)
  tierId!: string;

  @Field({ description: 'The status ends then; the tier the member qualified for applies again.' })
  until!: Date;

  @Field()
  note!: string;

  @Field()
  idempotencyKey!: string;
}

@ObjectType()
export class TierProgress {
  @Field(() => TierMetric)
  metric!: TierMetric;

  @Field(() => SafeIntResolver, { description: "The metric over the next tier's window, as of now." })
  value!: number;

  @Field(() => Tier)
  nextTier!: Tier;

  @Field(() => SafeIntResolver)
  remaining!: number;

  @Field(() => Int, { description: 'Whole percent of the way, 0-100.' })
  percent!: number;
}

@ObjectType()
export class DowngradeRisk {
  @Field({ description: 'When the status period ends; the drop comes after the grace days.' })
  atPeriodEnd!: Date;

  @Field(() => Tier, { description: 'The tier held after that period on the activity so far.' })
  projectedTier!: Tier;

  @Field(() => SafeIntResolver, { description: 'Still needed in the deciding 12 months to keep the tier.' })
  remainingToKeep!: number;
}

@ObjectType()
export class TierStatus {
  @Field(() => Tier)
  current!: Tier;

  @Field()
  since!: Date;

  @Field({
    nullable: true,
    description:
      'When the current status ends unless renewed: the end of a limited-time grant, or of the status period.',
  })
  expiresAt?: Date;

  @Field({ description: 'True while limited-time status outranks the tier the member qualified for.' })
  limitedTime!: boolean;

  @Field(() => Tier, { description: 'The tier the member holds by the rules, under any limited-time status.' })
  qualifiedTier!: Tier;

  @Field(() => TierProgress, { nullable: true, description: 'Null at the top tier.' })
  progress?: TierProgress;

  @Field(() => DowngradeRisk, { nullable: true, description: 'Null in the base tier.' })
  downgradeRisk?: DowngradeRisk;
}

@ObjectType()
export class TierChangeView {
  @Field(() => ID)
  id!: string;

  @Field(() => Tier, { nullable: true })
  from?: Tier;

  @Field(() => Tier, { nullable: true })
  to?: Tier;

  @Field()
  reason!: string;

  @Field({ nullable: true })
  note?: string;

  @Field()
  actor!: string;

  @Field()
  at!: Date;
}

@ObjectType({ description: 'A benefit as a channel should present it.' })
export class RecognisedBenefit {
  @Field(() => ID)
  benefitId!: string;

  @Field()
  code!: string;

  @Field(() => BenefitKind)
  kind!: BenefitKind;

  @Field(() => Int)
  value!: number;

  @Field({ description: 'The tier that carries the benefit (the member may hold a higher one).' })
  tierCode!: string;

  @Field({ description: "The channel's own wording, else the default title." })
  text!: string;

  @Field(() => [Channel])
  channels!: Channel[];
}

@ObjectType()
export class TierEvaluation {
  @Field(() => Int)
  grantsEnded!: number;

  @Field(() => Int)
  upgraded!: number;

  @Field(() => Int)
  downgraded!: number;

  @Field(() => Int)
  durationMs!: number;
}
