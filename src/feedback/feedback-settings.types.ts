import { Field, InputType, Int, ObjectType } from 'type-graphql';

import { BusyAction } from './fatigue.logic';

@ObjectType({
  description:
    "The tenant's fatigue rules and detractor thresholds. A score at or below a kind's threshold is a detractor.",
})
export class FeedbackSettings {
  @Field(() => Int, { description: 'At most one survey per customer per this many days; 0: no gap. Default 30.' })
  minDaysBetweenSurveys!: number;

  @Field(() => Int, {
    description:
      'A customer with at least this many interactions in the last `busyWindowDays` days is busy; 0 turns the rule off. Default 5.',
  })
  busyInteractions!: number;

  @Field(() => Int, { description: 'The window interactions are counted in, in days. Default 30.' })
  busyWindowDays!: number;

  @Field(() => BusyAction, { description: 'What happens to a busy customer. Default EXTEND_GAP.' })
  busyAction!: BusyAction;

  @Field(() => Int, {
    description: "With EXTEND_GAP, a busy customer's gap is `minDaysBetweenSurveys` times this. Default 2.",
  })
  busyGapMultiplier!: number;

  @Field(() => Int, { description: 'NPS answers up to this score are detractors (0 to 9). Default 6.' })
  npsDetractorMax!: number;

  @Field(() => Int, {
    description: 'CES answers up to this score are detractors (1 to 6; 7 is very easy). Default 3.',
  })
  cesDetractorMax!: number;

  @Field(() => Int, { description: 'CSAT answers up to this score are detractors (1 to 4). Default 2.' })
  csatDetractorMax!: number;

  @Field(() => Int, { description: '0 while the defaults hold; increases by one with every change.' })
  version!: number;
}

@InputType({ description: 'The settings to change; those left out stay as they are.' })
export class SetFeedbackSettingsInput {
  @Field(() => Int, { nullable: true, description: '0 to 365 days.' })
  minDaysBetweenSurveys?: number;

  @Field(() => Int, { nullable: true, description: '0 (off) to 1000 interactions.' })
  busyInteractions?: number;

  @Field(() => Int, { nullable: true, description: '1 to 365 days.' })
  busyWindowDays?: number;

  @Field(() => BusyAction, { nullable: true, description: 'What happens to a busy customer.' })
  busyAction?: BusyAction;

  @Field(() => Int, { nullable: true, description: '1 to 12.' })
  busyGapMultiplier?: number;

  @Field(() => Int, { nullable: true, description: '0 to 9.' })
  npsDetractorMax?: number;

  @Field(() => Int, { nullable: true, description: '1 to 6.' })
  cesDetractorMax?: number;

  @Field(() => Int, { nullable: true, description: '1 to 4.' })
  csatDetractorMax?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Refused with CONFLICT (VERSION_MISMATCH) unless the settings are still at this version.',
  })
  expectedVersion?: number;

  @Field({
    description:
      'A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT.',
  })
  idempotencyKey!: string;
}
