import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { SurveyKind, SurveyTrigger } from './survey.logic';

@ObjectType({ description: 'A survey the tenant sends: one question on one scale.' })
export class Survey {
  @Field(() => ID, { description: "The survey's id." })
  id!: string;

  @Field({ description: 'Short code, unique within the tenant, e.g. NPS-POST-PURCHASE.' })
  code!: string;

  @Field({ description: 'Name for staff.' })
  name!: string;

  @Field(() => SurveyKind, { description: 'The scale: NPS 0-10, CES 1-7, CSAT 1-5.' })
  kind!: SurveyKind;

  @Field(() => SurveyTrigger, { description: 'After an interaction, or about the relationship.' })
  trigger!: SurveyTrigger;

  @Field({ description: 'The question as the customer sees it.' })
  question!: string;

  @Field({ description: 'Only an active survey is sent and takes responses.' })
  active!: boolean;

  @Field(() => Int, { description: 'Increases by one with every change.' })
  version!: number;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;
}

@InputType({ description: 'A new survey.' })
export class CreateSurveyInput {
  @Field({ description: 'Short code, unique within the tenant; 1 to 50 characters.' })
  code!: string;

  @Field({ description: 'Name for staff; 1 to 200 characters.' })
  name!: string;

  @Field(() => SurveyKind, { description: 'The scale; fixed once the survey has responses.' })
  kind!: SurveyKind;

  @Field(() => SurveyTrigger, { description: 'After an interaction, or about the relationship.' })
  trigger!: SurveyTrigger;

  @Field({ description: 'The question as the customer sees it; 1 to 500 characters.' })
  question!: string;

  @Field({ defaultValue: true, description: 'Whether it is sent and takes responses from the start.' })
  active!: boolean;

  @Field({
    description:
      'A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'The fields of a survey to change; those left out stay as they are.' })
export class UpdateSurveyInput {
  @Field({ nullable: true, description: 'Short code, unique within the tenant.' })
  code?: string;

  @Field({ nullable: true, description: 'Name for staff.' })
  name?: string;

  @Field(() => SurveyKind, { nullable: true, description: 'Only while the survey has no responses.' })
  kind?: SurveyKind;

  @Field(() => SurveyTrigger, { nullable: true, description: 'After an interaction, or about the relationship.' })
  trigger?: SurveyTrigger;

  @Field({ nullable: true, description: 'The question as the customer sees it.' })
  question?: string;

  @Field({ nullable: true, description: 'False switches it off: no longer sent, no new responses.' })
  active?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Refused with CONFLICT (VERSION_MISMATCH) unless the survey is still at this version.',
  })
  expectedVersion?: number;

  @Field({
    description:
      'A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT.',
  })
  idempotencyKey!: string;
}
