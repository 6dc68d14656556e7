import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Customer, type CustomerRecord } from './customer.entity';

export enum DuplicateReasonKind {
  /** The same mailbox once dots and "+tags" are ignored (dots only where the provider ignores them: Gmail). */
  SAME_EMAIL = 'SAME_EMAIL',
  /** The same subscriber number (last nine digits) under different country codes: a number typed with the wrong prefix. */
  SAME_PHONE_NUMBER = 'SAME_PHONE_NUMBER',
  /** Close names (trigram similarity) at the same postal code and a close street address. */
  SIMILAR_NAME_SAME_ADDRESS = 'SIMILAR_NAME_SAME_ADDRESS',
}

registerEnumType(DuplicateReasonKind, {
  name: 'DuplicateReasonKind',
  description: 'What makes two profiles look like one person.',
  valuesConfig: {
    SAME_EMAIL: {
      description:
        'The same mailbox once dots and "+tags" are ignored (dots only where the provider ignores them: Gmail).',
    },
    SAME_PHONE_NUMBER: {
      description:
        'The same subscriber number (last nine digits) under different country codes: a number typed with the wrong prefix.',
    },
    SIMILAR_NAME_SAME_ADDRESS: { description: 'Close names at the same postal code and a close street address.' },
  },
});

export enum DataQualityIssue {
  NO_CONTACT = 'NO_CONTACT',
  MISSING_NAME = 'MISSING_NAME',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_IDENTIFIER = 'INVALID_IDENTIFIER',
  INACTIVE = 'INACTIVE',
}

registerEnumType(DataQualityIssue, {
  name: 'DataQualityIssue',
  description: 'A kind of customer data problem.',
  valuesConfig: {
    NO_CONTACT: { description: 'Known customers (not anonymous app profiles) with neither an email nor a phone.' },
    MISSING_NAME: { description: 'Known customers without a display name.' },
    INVALID_EMAIL: { description: 'Profile emails that fail validation or are not in their normal form.' },
    INVALID_PHONE: { description: 'Profile phones that are not valid international numbers in E.164.' },
    INVALID_IDENTIFIER: { description: 'Identifiers that fail the rules of their kind.' },
    INACTIVE: { description: 'Profiles with no activity for the given number of months.' },
  },
});

@ObjectType({ description: 'One thing two profiles have in common.' })
export class DuplicateReason {
  @Field(() => DuplicateReasonKind, { description: 'What matched.' })
  kind!: DuplicateReasonKind;

  @Field({ description: 'What matched, e.g. the two email addresses.' })
  detail!: string;

  @Field(() => Int, { description: 'How strongly this reason alone says "same person", 0 to 100.' })
  weight!: number;
}

@ObjectType({ description: 'Two profiles that are probably one person, for an agent to review and merge.' })
export class DuplicateCandidate {
  @Field(() => [Customer], { description: 'The two profiles, oldest first (the usual survivor).' })
  customers!: CustomerRecord[];

  @Field(() => Int, {
    description: '0 to 100: reasons combine as independent evidence, 100 × (1 − Π(1 − weight/100)).',
  })
  score!: number;

  @Field(() => [DuplicateReason], { description: 'What the two profiles have in common, strongest first.' })
  reasons!: DuplicateReason[];
}

@ObjectType({ description: 'One profile with the issue.' })
export class DataQualityExample {
  @Field(() => ID, { description: 'The profile.' })
  customerId!: string;

  @Field({ description: 'What is wrong with it, e.g. the invalid value.' })
  detail!: string;
}

@ObjectType({ description: 'How many profiles have one kind of issue, with the first few.' })
export class DataQualityCheck {
  @Field(() => DataQualityIssue, { description: 'The kind of issue.' })
  issue!: DataQualityIssue;

  @Field({ description: 'What the check looks for, in plain language.' })
  description!: string;

  @Field(() => Int, { description: 'Profiles (or identifiers, for INVALID_IDENTIFIER) with the issue.' })
  count!: number;

  @Field(() => [DataQualityExample], { description: 'The first few, oldest profiles first.' })
  examples!: DataQualityExample[];
}

@ObjectType({ description: "The tenant's customer data problems, as counts with first examples." })
export class DataQualityReport {
  @Field(() => Int, { description: 'Profiles checked: people, merged profiles excluded.' })
  customers!: number;

  @Field(() => Int, { description: 'Months without activity that made a profile INACTIVE.' })
  inactiveMonths!: number;

  @Field({ description: 'When the report was made.' })
  generatedAt!: Date;

  @Field(() => [DataQualityCheck], { description: 'One per kind of issue.' })
  checks!: DataQualityCheck[];
}
