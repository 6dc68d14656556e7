import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

import { Customer } from './customer.entity';
import { IdentifierKind } from './identifier.logic';

registerEnumType(IdentifierKind, { name: 'IdentifierKind' });

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

registerEnumType(ResolveOutcome, { name: 'ResolveOutcome' });

@InputType()
export class IdentifierInput {
  @Field(() => IdentifierKind)
  kind!: IdentifierKind;

  @Field()
  value!: string;
}

@InputType()
export class AddIdentifierInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => IdentifierKind)
  kind!: IdentifierKind;

  @Field()
  value!: string;

  @Field({ nullable: true, description: 'The system or channel that reported it: crm, pos, web, ...' })
  source?: string;
}

@InputType({
  description: 'Adding identifiers a customer already holds changes nothing, so a retry is harmless without a key.',
})
export class ResolveCustomerInput {
  @Field(() => [IdentifierInput])
  identifiers!: IdentifierInput[];

  @Field({ nullable: true, description: 'Used when the customer is created, or fills an empty name.' })
  displayName?: string;

  @Field({ nullable: true })
  source?: string;

  @Field({ nullable: true, defaultValue: true })
  createIfMissing?: boolean;
}

@ObjectType()
export class Identifier {
  @Field(() => IdentifierKind)
  kind!: IdentifierKind;

  @Field({
    description: 'Normalised: emails lower-cased, phones in E.164, card numbers in upper case without separators.',
  })
  value!: string;

  @Field({ nullable: true })
  source?: string;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class IdentifierRef {
  @Field(() => IdentifierKind)
  kind!: IdentifierKind;

  @Field()
  value!: string;
}

@ObjectType()
export class ResolveCustomerResult {
  @Field(() => ResolveOutcome)
  outcome!: ResolveOutcome;

  @Field(() => Customer, { nullable: true, description: 'Null when AMBIGUOUS or NOT_FOUND.' })
  customer?: Customer;

  @Field(() => [Customer], { description: 'The customers the identifiers point at, when AMBIGUOUS.' })
  candidates!: Customer[];

  @Field(() => [IdentifierRef], { description: 'Identifiers that matched an existing customer.' })
  matchedBy!: IdentifierRef[];

  @Field(() => [IdentifierRef], { description: 'Identifiers added by this call.' })
  added!: IdentifierRef[];
}
