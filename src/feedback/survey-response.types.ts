import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { ConnectionType } from '../shared/graphql/connection';
import { IneligibilityReason } from './fatigue.logic';
import { SurveyContextType, SurveyKind } from './survey.logic';

@ObjectType({ description: 'What a response is about.' })
export class SurveyContext {
  @Field(() => SurveyContextType, { description: 'A purchase, a case, a call, or the relationship.' })
  type!: SurveyContextType;

  @Field({ nullable: true, description: "The purchase's or case's id, or the telephony system's call id." })
  id?: string;
}

@InputType({ description: 'What a response is about.' })
export class SurveyContextInput {
  @Field(() => SurveyContextType, { description: 'A transactional survey needs PURCHASE, CASE or CALL.' })
  type!: SurveyContextType;

  @Field({
    nullable: true,
    description:
      "Required for PURCHASE (the customer's purchase id), CASE (their case id) and CALL; none for RELATIONSHIP.",
  })
  id?: string;
}

@ObjectType({ description: "A customer's answer to a survey." })
export class SurveyResponse {
  @Field(() => ID, { description: "The response's id (the `cause` of its DETRACTOR_RESPONSE signal)." })
  id!: string;

  @Field(() => ID, { description: 'The survey answered.' })
  surveyId!: string;

  @Field(() => SurveyKind, { description: "The survey's scale when it was answered." })
  kind!: SurveyKind;

  @Field(() => Int, { description: "The score, on the kind's scale." })
  score!: number;

  @Field({ nullable: true, description: "The customer's comment, as they wrote it." })
  comment?: string;

  @Field(() => Channel, { description: 'Where it was answered.' })
  channel!: Channel;

  @Field(() => ID, { nullable: true, description: 'The store it was answered at, if any.' })
  storeId?: string;

  @Field(() => SurveyContext, { nullable: true, description: 'What it is about; null when not said.' })
  context?: SurveyContext;

  @Field({ nullable: true, description: 'What it is about, in a word (e.g. delivery, checkout), for routing.' })
  topic?: string;

  @Field({ description: "True when the score is at or below the tenant's detractor threshold for the kind." })
  detractor!: boolean;

  @Field({ description: 'When it was recorded.' })
  respondedAt!: Date;
}

@InputType({ description: "A customer's answer to a survey." })
export class SubmitSurveyResponseInput {
  @Field(() => ID, { description: 'The customer; a customer token may name only itself.' })
  customerId!: string;

  @Field(() => ID, { description: 'An active survey of the tenant.' })
  surveyId!: string;

  @Field(() => Int, { description: "On the survey's scale: NPS 0-10, CES 1-7, CSAT 1-5." })
  score!: number;

  @Field({ nullable: true, description: "The customer's comment; up to 2000 characters." })
  comment?: string;

  @Field(() => Channel, {
    nullable: true,
    description: "Where it was answered; a POS key's is always POS; by default the caller's role's channel.",
  })
  channel?: Channel;

  @Field(() => ID, {
    nullable: true,
    description: "The store it was answered at; a POS key's own store whether given or not.",
  })
  storeId?: string;

  @Field(() => SurveyContextInput, {
    nullable: true,
    description: 'What it is about; required for a transactional survey.',
  })
  context?: SurveyContextInput;

  @Field({ nullable: true, description: 'What it is about, in a word (e.g. delivery); up to 50 characters.' })
  topic?: string;

  @Field({ description: 'A retry with the same key answers with the first response, recorded once.' })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The response recorded (or replayed).' })
export class SubmitSurveyResponseResult {
  @Field(() => SurveyResponse, { description: 'The response.' })
  response!: SurveyResponse;

  @Field({ description: 'True when this answers a retry of a response already recorded.' })
  replayed!: boolean;
}

@ObjectType({ description: 'Whether a customer may be sent a survey now, and if not, why and until when.' })
export class SurveyEligibility {
  @Field({ description: 'True when no reason stands.' })
  eligible!: boolean;

  @Field(() => [IneligibilityReason], { description: 'Every reason that stands; empty when eligible.' })
  reasons!: IneligibilityReason[];

  @Field({
    nullable: true,
    description:
      'When every reason lapses if nothing else happens (RECENTLY_SURVEYED, TOO_MANY_INTERACTIONS); null when eligible now, or when a reason waits on something other than time (consent, a case, the survey).',
  })
  nextEligibleAt?: Date;

  @Field({ nullable: true, description: 'Their latest answer to any survey; null when they never answered one.' })
  lastSurveyedAt?: Date;
}

export const SurveyResponseConnection = ConnectionType('SurveyResponse', SurveyResponse);
export type SurveyResponseConnection = InstanceType<typeof SurveyResponseConnection>;
