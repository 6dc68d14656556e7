import { Field, ID, InputType, ObjectType } from 'type-graphql';

import { ConsentPurpose } from './consent.logic';

@ObjectType({ description: "The customer's consent for one purpose: the choice recorded, or the purpose's default." })
export class Consent {
  @Field(() => ConsentPurpose, { description: 'What the consent is for.' })
  purpose!: ConsentPurpose;

  @Field({
    description:
      'Whether the purpose is allowed now. With no choice recorded: false for MARKETING and SURVEYS, true for PROFILING.',
  })
  granted!: boolean;

  @Field({
    nullable: true,
    description: 'Where the choice was made (e.g. app-settings, pos-signup); null while none is recorded.',
  })
  source?: string;

  @Field({ nullable: true, description: 'When the choice was made; null while none is recorded (the default holds).' })
  recordedAt?: Date;
}

@InputType({ description: "A customer's choice for one purpose, and where they made it." })
export class SetConsentInput {
  @Field(() => ID, { description: 'The customer; a customer token may name only itself.' })
  customerId!: string;

  @Field(() => ConsentPurpose, { description: 'What the choice is about.' })
  purpose!: ConsentPurpose;

  @Field({ description: 'True gives consent, false withdraws or refuses it.' })
  granted!: boolean;

  @Field({
    description: 'Where the customer made the choice, e.g. app-settings, pos-signup, call; 1 to 100 characters.',
  })
  source!: string;

  @Field({ description: 'A retry with the same key answers with the consent as it is, without recording it twice.' })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The consent after the choice was recorded (or replayed).' })
export class SetConsentResult {
  @Field(() => Consent, { description: "The customer's consent for the purpose, as it is now." })
  consent!: Consent;

  @Field({
    description:
      'False when the customer had already made the same choice: nothing was recorded, and the first time and source stay.',
  })
  changed!: boolean;

  @Field({ description: 'True when this answers a retry of a request that had already been applied.' })
  replayed!: boolean;
}
