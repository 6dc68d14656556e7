import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Customer } from './customer.entity';

export enum DuplicateReasonKind {
  /** The same mailbox once dots and "+tags" are ignored (dots only where the provider ignores them: Gmail). */
  SAME_EMAIL = 'SAME_EMAIL',
  /** The same subscriber number (last nine digits) under different country codes: a number typed with the wrong prefix. */
  SAME_PHONE_NUMBER = 'SAME_PHONE_NUMBER',
  /** Close names (trigram similarity) at the same postal code and a close street address. */
  SIMILAR_NAME_SAME_ADDRESS = 'SIMILAR_NAME_SAME_ADDRESS',
}

registerEnumType(DuplicateReasonKind, { name: 'DuplicateReasonKind' });

export enum DataQualityIssue {
  NO_CONTACT = 'NO_CONTACT',
  MISSING_NAME = 'MISSING_NAME',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_IDENTIFIER = 'INVALID_IDENTIFIER',
  INACTIVE = 'INACTIVE',
}

registerEnumType(DataQualityIssue, { name: 'DataQualityIssue' });

@ObjectType()
export class DuplicateReason {
  @Field(() => DuplicateReasonKind)
  kind!: DuplicateReasonKind;

  @Field({ description: 'What matched, e.g. the two email addresses.' })
  detail!: string;

  @Field(() => Int, { description: 'How strongly this reason alone says "same person", 0 to 100.' })
  weight!: number;
}

@ObjectType({ description: 'Two profiles that are probably one person, for an agent to review and merge.' })
export class DuplicateCandidate {
  @Field(() => [Customer], { description: 'The two profiles, oldest first (the usual survivor).' })
  customers!: Customer[];

  @Field(() => Int, {
    description: '0 to 100: reasons combine as independent evidence, 100 × (1 − Π(1 − weight/100)).',
  })
  score!: number;

  @Field(() => [DuplicateReason])
  reasons!: DuplicateReason[];
}

@ObjectType()
export class DataQualityExample {
  @Field(() => ID)
  customerId!: string;

  @Field()
  detail!: string;
}

@ObjectType()
export class DataQualityCheck {
  @Field(() => DataQualityIssue)
  issue!: DataQualityIssue;

  @Field()
  description!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [DataQualityExample], { description: 'The first few, oldest profiles first.' })
  examples!: DataQualityExample[];
}

@ObjectType()
export class DataQualityReport {
  @Field(() => Int, { description: 'Profiles checked: people, merged profiles excluded.' })
  customers!: number;

  @Field(() => Int)
  inactiveMonths!: number;

  @Field()
  generatedAt!: Date;

  @Field(() => [DataQualityCheck])
  checks!: DataQualityCheck[];
}
