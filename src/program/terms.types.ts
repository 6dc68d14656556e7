import { Field, InputType, ObjectType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { ProgramTerms, TermsKind } from './terms.entity';

@InputType()
export class PublishTermsInput {
  @Field(() => TermsKind, { defaultValue: TermsKind.PROGRAM_TERMS })
  kind!: TermsKind;

  @Field(() => Channel)
  channel!: Channel;

  @Field({ description: 'BCP 47, e.g. "en", "fr-CA"; stored in canonical form.' })
  locale!: string;

  @Field()
  title!: string;

  @Field({ description: 'Up to 100,000 characters.' })
  body!: string;

  @Field({ nullable: true, description: 'Defaults to now; a later date publishes ahead of time.' })
  effectiveFrom?: Date;

  @Field()
  idempotencyKey!: string;
}

@ObjectType()
export class PublishTermsResult {
  @Field(() => ProgramTerms)
  terms!: ProgramTerms;

  @Field()
  replayed!: boolean;
}

/** What `programTermsPublished` pushes: the version just published. */
export interface TermsPublished {
  id: string;
  kind: TermsKind;
  channel: Channel;
  locale: string;
  version: number;
  title: string;
  body: string;
  effectiveFrom: string;
  publishedBy: string;
  createdAt: string;
}
