import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { ConnectionType } from '../shared/graphql/connection';
import { TimelineKind } from './timeline.entity';

@ObjectType({ description: 'Something that happened to the customer, on any channel or in any system.' })
export class TimelineEventView {
  @Field(() => ID, { description: "The event's id." })
  id!: string;

  @Field(() => TimelineKind, { description: 'What happened.' })
  kind!: TimelineKind;

  @Field({
    description: '`gateway` for what happened here; crm, support, billing or pos for what those systems reported.',
  })
  source!: string;

  @Field({ nullable: true, description: "The event's id in its source system." })
  sourceEventId?: string;

  @Field(() => Channel, { nullable: true, description: 'The channel it happened on, when there is one.' })
  channel?: Channel;

  @Field({ description: 'Who did it: an API key, a customer, a job, or the name the source system gave.' })
  actor!: string;

  @Field({ description: 'When it happened (not when it was recorded).' })
  occurredAt!: Date;

  @Field({ description: 'One line for people to read.' })
  summary!: string;

  @Field(() => GraphQLJSONObject, {
    description: 'Details by kind, e.g. the points and balance after, or what the source system sent.',
  })
  data!: Record<string, unknown>;

  @Field({
    nullable: true,
    description:
      "The kind of the original record: ledger_transaction, purchase, voucher, tier_change, or the source system's own.",
  })
  refType?: string;

  @Field({ nullable: true, description: "The original record's id." })
  refId?: string;
}

@InputType({ description: 'Narrows a timeline; every condition given must hold.' })
export class TimelineFilter {
  @Field(() => [TimelineKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: TimelineKind[];

  @Field(() => [Channel], { nullable: true, description: 'Only events on these channels.' })
  channels?: Channel[];

  @Field({ nullable: true, description: 'Only events that occurred at or after this time.' })
  since?: Date;

  @Field({ nullable: true, description: 'Only events that occurred before this time.' })
  until?: Date;
}

export const TimelineConnection = ConnectionType('TimelineEvent', TimelineEventView);
export type TimelineConnection = InstanceType<typeof TimelineConnection>;

@InputType({ description: 'Something that happened with a customer, for the timeline.' })
export class RecordInteractionInput {
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => TimelineKind, { description: 'INTERACTION, NOTE, SUPPORT_CASE, SURVEY_RESPONSE or BILLING.' })
  kind!: TimelineKind;

  @Field(() => Channel, { nullable: true, description: "Defaults to the caller's channel." })
  channel?: Channel;

  @Field({ nullable: true, description: 'Defaults to now.' })
  occurredAt?: Date;

  @Field({ description: 'One line for people to read.' })
  summary!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'E.g. {"type": "call", "durationSeconds": 240}.' })
  data?: Record<string, unknown>;

  @Field({ description: 'A retry with the same key returns the first event.' })
  idempotencyKey!: string;
}

@ObjectType({ description: 'One side of a channel switch: a timeline event.' })
export class ChannelStep {
  @Field(() => Channel, { description: 'The channel of the event.' })
  channel!: Channel;

  @Field({ description: "The event's timeline kind." })
  kind!: string;

  @Field({ description: 'When the event occurred.' })
  at!: Date;

  @Field({ description: "The event's summary." })
  summary!: string;
}

@ObjectType({ description: 'The customer went from one channel to another within the window asked for.' })
export class ChannelSwitch {
  @Field(() => ChannelStep, { description: 'The earlier event.' })
  from!: ChannelStep;

  @Field(() => ChannelStep, { description: 'The later event, on another channel.' })
  to!: ChannelStep;

  @Field(() => Int, { description: 'Whole minutes between the two events.' })
  minutesBetween!: number;
}

@ObjectType({ description: 'How often customers went from one channel to another.' })
export class ChannelSwitchCount {
  @Field(() => Channel, { description: 'The channel they left.' })
  from!: Channel;

  @Field(() => Channel, { description: 'The channel they went to.' })
  to!: Channel;

  @Field(() => Int, { description: 'Switches counted.' })
  switches!: number;

  @Field(() => Int, { description: 'Distinct customers who switched.' })
  customers!: number;
}
