import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { BenefitKind } from './benefit.entity';
import { PointsRounding } from './program-settings.entity';
import { Tier, TierMetric, type TierRecord, TierWindow } from './tier.entity';

@InputType({ description: 'Omitted fields stay as they are.' })
export class UpdateProgramSettingsInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Base earn: this many points for every `earnPerMinor` minor units spent.',
  })
  earnPoints?: number;

  @Field(() => Int, { nullable: true, description: 'Minor units per `earnPoints` points, e.g. 100.' })
  earnPerMinor?: number;

  @Field(() => PointsRounding, { nullable: true, description: 'How base points are rounded to whole points.' })
  rounding?: PointsRounding;

  @Field(() => Int, {
    nullable: true,
    description: 'Days purchase points stay pending (the return window); 0 = spendable at once.',
  })
  pendingDays?: number;

  @Field(() => Int, { nullable: true, description: 'What 1,000 points are worth to the business, in minor units.' })
  pointValuePerThousand?: number;

  @Field(() => Int, { nullable: true, description: 'Set `clearGuardrail` to remove it.' })
  maxRewardCostPerThousand?: number;

  @Field({ nullable: true, description: 'True removes the margin guardrail.' })
  clearGuardrail?: boolean;

  @Field(() => Int, { nullable: true, description: 'Days a new voucher stays valid.' })
  voucherValidityDays?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Refused with CONFLICT unless the settings are still at this version.',
  })
  expectedVersion?: number;
}

@InputType({ description: 'The definition of a tier.' })
export class TierInput {
  @Field({ description: 'Short code, unique within the tenant.' })
  code!: string;

  @Field({ description: 'The name members see.' })
  name!: string;

  @Field(() => Int, { description: '0 is the base tier (threshold 0); ranks are unique.' })
  rank!: number;

  @Field(() => TierMetric, { description: 'What the threshold counts.' })
  metric!: TierMetric;

  @Field(() => SafeIntResolver, {
    description: 'The metric over the window needed to reach the tier (spend in minor units).',
  })
  threshold!: number;

  @Field(() => TierWindow, { description: 'The period the metric is counted over.' })
  window!: TierWindow;

  @Field(() => Int, { nullable: true, description: 'Default 30.' })
  graceDays?: number;
}

@InputType({ description: 'A text worded for one channel.' })
export class ChannelTextInput {
  @Field(() => Channel, { description: 'The channel that shows it.' })
  channel!: Channel;

  @Field({ description: 'The wording.' })
  text!: string;
}

@InputType({ description: 'The definition of a tier benefit.' })
export class BenefitInput {
  @Field({ description: 'Short code, unique within the tenant; an existing code is replaced.' })
  code!: string;

  @Field(() => ID, { description: 'The lowest tier that holds it.' })
  tierId!: string;

  @Field(() => BenefitKind, { description: 'What the benefit gives.' })
  kind!: BenefitKind;

  @Field(() => Int, {
    nullable: true,
    description: 'Multiplier percent above 100, or discount percent 1-100; omit for non-monetary benefits.',
  })
  value?: number;

  @Field({ description: 'Default text, shown where no channel text is set.' })
  title!: string;

  @Field(() => [Channel], { description: 'Where the benefit is honoured.' })
  channels!: Channel[];

  @Field(() => [ChannelTextInput], { nullable: true, description: 'Per-channel wording.' })
  texts?: ChannelTextInput[];

  @Field({ nullable: true, description: 'Default true.' })
  active?: boolean;
}

@InputType({ description: 'Limited-time status: a status match, a challenge, a service recovery.' })
export class GrantTierStatusInput {
  @Field(() => ID, { description: 'The member.' })
  customerId!: string;

  @Field(() => ID, { description: 'The tier granted.' })
  tierId!: string;

  @Field({ description: 'The status ends then; the tier the member qualified for applies again.' })
  until!: Date;

  @Field({ description: 'Why: the status match, challenge or service recovery; kept in the tier history.' })
  note!: string;

  @Field({
    description:
      'A retry with the same key and input returns the first result; the same key with other input is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'How far the member is from the next tier.' })
export class TierProgress {
  @Field(() => TierMetric, { description: 'What the next tier counts.' })
  metric!: TierMetric;

  @Field(() => SafeIntResolver, { description: "The metric over the next tier's window, as of now." })
  value!: number;

  @Field(() => Tier, { description: 'The tier one rank up.' })
  nextTier!: TierRecord;

  @Field(() => SafeIntResolver, { description: 'Still needed to reach the next tier (spend in minor units).' })
  remaining!: number;

  @Field(() => Int, { description: 'Whole percent of the way, 0-100.' })
  percent!: number;
}

@ObjectType({ description: 'What the member stands to lose at the end of the status period on the activity so far.' })
export class DowngradeRisk {
  @Field({ description: 'When the status period ends; the drop comes after the grace days.' })
  atPeriodEnd!: Date;

  @Field(() => Tier, { description: 'The tier held after that period on the activity so far.' })
  projectedTier!: TierRecord;

  @Field(() => SafeIntResolver, { description: 'Still needed in the deciding 12 months to keep the tier.' })
  remainingToKeep!: number;
}

@ObjectType({ description: "A member's status: the tier held, why, until when, and how far to the next." })
export class TierStatus {
  @Field(() => Tier, { description: 'The tier the member holds now, limited-time status included.' })
  current!: TierRecord;

  @Field({ description: 'When the member reached the current tier.' })
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
  qualifiedTier!: TierRecord;

  @Field(() => TierProgress, { nullable: true, description: 'Null at the top tier.' })
  progress?: TierProgress;

  @Field(() => DowngradeRisk, { nullable: true, description: 'Null in the base tier.' })
  downgradeRisk?: DowngradeRisk;
}

@ObjectType({ description: "One change of a member's tier, and why." })
export class TierChangeView {
  @Field(() => ID, { description: "The change's id." })
  id!: string;

  @Field(() => Tier, {
    nullable: true,
    description: 'The tier before; null when the member had none recorded (the base tier).',
  })
  from?: TierRecord;

  @Field(() => Tier, {
    nullable: true,
    description: 'The tier after; null when the member went back to no recorded tier.',
  })
  to?: TierRecord;

  @Field({ description: 'QUALIFIED, DOWNGRADED, GRANTED, GRANT_ENDED, MERGED or UNMERGED.' })
  reason!: string;

  @Field({ nullable: true, description: 'The note given with a grant.' })
  note?: string;

  @Field({ description: 'Who or what made the change: key:<id>, or job:<name> for evaluations.' })
  actor!: string;

  @Field({ description: 'When it happened.' })
  at!: Date;
}

@ObjectType({ description: 'A benefit as a channel should present it.' })
export class RecognisedBenefit {
  @Field(() => ID, { description: "The benefit's id." })
  benefitId!: string;

  @Field({ description: 'The benefit code.' })
  code!: string;

  @Field(() => BenefitKind, { description: 'What the benefit gives.' })
  kind!: BenefitKind;

  @Field(() => Int, {
    description: 'Multiplier in percent (150 = 1.5x) or discount in percent; 0 for non-monetary benefits.',
  })
  value!: number;

  @Field({ description: 'The tier that carries the benefit (the member may hold a higher one).' })
  tierCode!: string;

  @Field({ description: "The channel's own wording, else the default title." })
  text!: string;

  @Field(() => [Channel], { description: 'Where the benefit is honoured.' })
  channels!: Channel[];
}

@ObjectType({ description: 'What a tier evaluation changed.' })
export class TierEvaluation {
  @Field(() => Int, { description: 'Limited-time statuses that ended.' })
  grantsEnded!: number;

  @Field(() => Int, { description: 'Members moved up.' })
  upgraded!: number;

  @Field(() => Int, { description: 'Members moved down.' })
  downgraded!: number;

  @Field(() => Int, { description: 'How long the evaluation took, in milliseconds.' })
  durationMs!: number;
}
