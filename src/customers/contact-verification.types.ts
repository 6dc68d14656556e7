import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';

import { ContactKind } from './contact-verification.logic';

registerEnumType(ContactKind, {
  name: 'ContactKind',
  description: 'The contacts a customer changes themself, each confirmed with a code sent to the new value.',
  valuesConfig: {
    EMAIL: { description: 'The email address on the profile.' },
    PHONE: { description: 'The phone number on the profile (E.164).' },
  },
});

@InputType({ description: 'A new email or phone for the calling customer, to be confirmed with a code.' })
export class RequestContactChangeInput {
  @Field(() => ContactKind, { description: 'Which contact to change.' })
  kind!: ContactKind;

  @Field({ description: 'The new email, or the new phone in international format; normalised.' })
  value!: string;

  @Field({
    description:
      'A retry with the same key and input answers as the first request and sends no second code; the same key with other input is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'The code sent to the new contact, confirming the pending change.' })
export class ConfirmContactChangeInput {
  @Field(() => ContactKind, { description: 'Which pending change to confirm.' })
  kind!: ContactKind;

  @Field({ description: 'The code as received; spaces and dashes do not matter.' })
  code!: string;
}

@ObjectType({
  description:
    'A pending contact change. The answer is the same whether or not another member has the value: the code goes to it either way, and only whoever holds the code learns, on confirming, that it is taken.',
})
export class ContactChangeRequest {
  @Field(() => ContactKind, { description: 'Which contact is pending.' })
  kind!: ContactKind;

  @Field({ description: 'The code is refused after this; request a new one then.' })
  expiresAt!: Date;

  @Field({ description: 'True when this answers a retry with the same idempotency key (no new code was sent).' })
  replayed!: boolean;
}
