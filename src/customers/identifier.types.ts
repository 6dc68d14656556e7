import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

import { Customer, type CustomerRecord } from './customer.entity';
import { IdentifierKind } from './identifier.logic';

registerEnumType(IdentifierKind, {
  name: 'IdentifierKind',
  description: 'The ways other systems and channels know a customer. Each value is unique within a tenant.',
  valuesConfig: {
    EMAIL: { description: 'An email address.' },
    PHONE: { description: 'A phone number (E.164).' },
    LOYALTY_CARD: { description: 'The number of a loyalty card.' },
    POS_CUSTOMER_ID: { description: "The customer's id in the point-of-sale system." },
    CRM_ID: { description: "The customer's id in the CRM." },
    BILLING_ID: { description: "The customer's id in the billing system." },
    DEVICE_ID: {
      description: 'An app install or browser: the mark of an anonymous profile until the person signs in.',
    },
  },
});

export enum ResolveOutcome {
  /** Every identifier given was already the customer's. */
  MATCHED = 'MATCHED',
  /** The customer was found and the identifiers it lacked were added to it. */
  LINKED = 'LINKED',
  CREATED = 'CREATED',
  /** The identifiers belong to more than one customer: nothing was changed; see `candidates`. */
  AMBIGUOUS = 'AMBIGUOUS',
  /** Nothing matched and `createIfMissing` was false. */
  NOT_FOUND = 'NOT_FOUND',
}

registerEnumType(ResolveOutcome, {
  name: 'ResolveOutcome',
  description: 'What resolveCustomer did.',
  valuesConfig: {
    MATCHED: { description: "Every identifier given was already the customer's." },
    LINKED: { description: 'The customer was found and the identifiers it lacked were added to it.' },
    CREATED: { description: 'Nothing matched: a new customer was created with the identifiers.' },
    AMBIGUOUS: {
      description: 'The identifiers belong to more than one customer: nothing was changed; see `candidates`.',
    },
    NOT_FOUND: { description: 'Nothing matched and `createIfMissing` was false.' },
  },
});

@InputType({ description: 'An identifier as a system knows it; it is normalised before matching.' })
export class IdentifierInput {
  @Field(() => IdentifierKind, { description: 'What kind of identifier it is.' })
  kind!: IdentifierKind;

  @Field({ description: 'The value as given, e.g. a phone in any international format.' })
  value!: string;
}

@InputType({ description: 'An identifier to add to a customer.' })
export class AddIdentifierInput {
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => IdentifierKind, { description: 'What kind of identifier it is.' })
  kind!: IdentifierKind;

  @Field({ description: 'The value as given; it is normalised.' })
  value!: string;

  @Field({ nullable: true, description: 'The system or channel that reported it: crm, pos, web, ...' })
  source?: string;
}

@InputType({
  description: 'Adding identifiers a customer already holds changes nothing, so a retry is harmless without a key.',
})
export class ResolveCustomerInput {
  @Field(() => [IdentifierInput], { description: 'At least one; each as its system knows it.' })
  identifiers!: IdentifierInput[];

  @Field({ nullable: true, description: 'Used when the customer is created, or fills an empty name.' })
  displayName?: string;

  @Field({ nullable: true, description: 'The system or channel that reports the identifiers: crm, pos, web, ...' })
  source?: string;

  @Field({ nullable: true, defaultValue: true, description: 'False: answer NOT_FOUND instead of creating a customer.' })
  createIfMissing?: boolean;
}

@ObjectType({ description: 'One way another system or channel knows a customer; unique within the tenant.' })
export class Identifier {
  @Field(() => IdentifierKind, { description: 'What kind of identifier it is.' })
  kind!: IdentifierKind;

  @Field({
    description: 'Normalised: emails lower-cased, phones in E.164, card numbers in upper case without separators.',
  })
  value!: string;

  @Field({ nullable: true, description: 'The system or channel that reported it: crm, pos, web, ...' })
  source?: string;

  @Field({ description: 'When it was added to the customer.' })
  createdAt!: Date;
}

@ObjectType({ description: 'An identifier, by kind and normalised value.' })
export class IdentifierRef {
  @Field(() => IdentifierKind, { description: 'What kind of identifier it is.' })
  kind!: IdentifierKind;

  @Field({ description: 'The normalised value.' })
  value!: string;
}

@ObjectType({ description: 'Which customer the identifiers belong to, and what the call changed.' })
export class ResolveCustomerResult {
  @Field(() => ResolveOutcome, { description: 'Found, linked, created, ambiguous or not found.' })
  outcome!: ResolveOutcome;

  @Field(() => Customer, { nullable: true, description: 'Null when AMBIGUOUS or NOT_FOUND.' })
  customer?: CustomerRecord;

  @Field(() => [Customer], { description: 'The customers the identifiers point at, when AMBIGUOUS.' })
  candidates!: CustomerRecord[];

  @Field(() => [IdentifierRef], { description: 'Identifiers that matched an existing customer.' })
  matchedBy!: IdentifierRef[];

  @Field(() => [IdentifierRef], { description: 'Identifiers added by this call.' })
  added!: IdentifierRef[];
}
