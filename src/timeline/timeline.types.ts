import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { ConnectionType } from '../shared/graphql/connection';
import { TimelineKind } from './timeline.entity';

@ObjectType({ description: 'Something that happened to the customer, on any channel or in any system.' })
export class TimelineEventView {
  @Field(() => ID)
  id!: string;

  @Field(() => TimelineKind)
  kind!: TimelineKind;

  @Field({
    description: '`gateway` for what happened here; crm, support, billing or pos for what those systems reported.',
  })
  source!: string;

  @Field({ nullable: true, description: "The event's id in its source system." })
  sourceEventId?: string;

  @Field(() => Channel, { nullable: true })
  channel?: Channel;

  @Field({ description: 'Who did it: an API key, a customer, a job, or the name the source system gave.' })
  actor!: string;

  @Field()
  occurredAt!: Date;

  @Field()
  summary!: string;

  @Field(() => GraphQLJSONObject)
  data!: Record<string, unknown>;

  @Field({
    nullable: true,
    description:
      "The kind of the original record: ledger_transaction, purchase, voucher, tier_change, or the source system's own.",
  })
  refType?: string;

  @Field({ nullable: true })
  refId?: string;
}

@InputType()
export class TimelineFilter {
  @Field(() => [TimelineKind], { nullable: true })
  kinds?: TimelineKind[];

  @Field(() => [Channel], { nullable: true })
  channels?: Channel[];

  @Field({ nullable: true })
  since?: Date;

  @Field({ nullable: true })
  until?: Date;
}

export const TimelineConnection = ConnectionType('TimelineEvent', TimelineEventView);
export type TimelineConnection = InstanceType<typeof TimelineConnection>;

@InputType()
export class RecordInteractionInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => TimelineKind, { description: 'INTERACTION, NOTE, SUPPORT_CASE, SURVEY_RESPONSE or BILLING.' })
  kind!: TimelineKind;

  @Field(() => Channel, { nullable: true, description: "Defaults to the caller's channel." })
  channel?: Channel;

  @Field({ nullable: true, description: 'Defaults to now.' })
  occurredAt?: Date;

  @Field()
  summary!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'E.g. {"type": "call", "durationSeconds": 240}.' })
  data?: Record<string, unknown>;

  @Field()
  idempotencyKey!: string;
}

@ObjectType()
export class ChannelStep {
  @Field(() => Channel)
  channel!: Channel;

  @Field()
  kind!: string;

  @Field()
  at!: Date;

  @Field()
  summary!: string;
}

@ObjectType({ description: 'The customer went from one channel to another within the window asked for.' })
export class ChannelSwitch {
  @Field(() => ChannelStep)
  from!: ChannelStep;

  @Field(() => ChannelStep)
  to!: ChannelStep;

  @Field(() => Int)
  minutesBetween!: number;
}

@ObjectType()
export class ChannelSwitchCount {
  @Field(() => Channel)
  from!: Channel;

  @Field(() => Channel)
  to!: Channel;

  @Field(() => Int)
  switches!: number;

  @Field(() => Int)
  customers!: number;
}
