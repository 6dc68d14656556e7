import { Field, InputType, ObjectType } from 'type-graphql';

import { Channel } from '../shared/channel';
import { ProgramTerms, TermsKind } from './terms.entity';

@InputType({ description: 'A new version of the program terms or of an agent script.' })
export class PublishTermsInput {
  @Field(() => TermsKind, { defaultValue: TermsKind.PROGRAM_TERMS, description: 'Program terms or an agent script.' })
  kind!: TermsKind;

  @Field(() => Channel, { description: 'The channel it is written for.' })
  channel!: Channel;

  @Field({ description: 'BCP 47, e.g. "en", "fr-CA"; stored in canonical form.' })
  locale!: string;

  @Field({ description: 'The title shown with it.' })
  title!: string;

  @Field({ description: 'Up to 100,000 characters.' })
  body!: string;

  @Field({ nullable: true, description: 'Defaults to now; a later date publishes ahead of time.' })
  effectiveFrom?: Date;

  @Field({
    description:
      'A retry with the same key and input returns the first result; the same key with other input is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The version published, or replayed.' })
export class PublishTermsResult {
  @Field(() => ProgramTerms, { description: 'The version.' })
  terms!: ProgramTerms;

  @Field({ description: 'True when this answers a retry with the same idempotency key.' })
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
