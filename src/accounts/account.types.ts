import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { BusinessAccount } from './business-account.entity';

@InputType()
export class CreateBusinessAccountInput {
  @Field({
    description:
      "The business's reference for the company (e.g. its CRM account number). Creating the same code again with the same details is a replay.",
  })
  code!: string;

  @Field()
  name!: string;

  @Field({ defaultValue: false, description: 'Members earn into, and redeem from, one shared pool.' })
  poolPoints!: boolean;
}

@InputType({ description: 'Omitted fields stay as they are.' })
export class UpdateBusinessAccountInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  name?: string;

  @Field({
    nullable: true,
    description: 'Turning pooling off leaves the pool its points; members earn for themselves again.',
  })
  poolPoints?: boolean;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number;
}

@InputType()
export class SetAccountMembershipInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'Null takes the customer out of their account.' })
  accountId?: string | null;
}

@ObjectType()
export class BusinessAccountResult {
  @Field(() => BusinessAccount)
  account!: BusinessAccount;

  @Field({ description: 'True when an account with this code and these details existed already.' })
  replayed!: boolean;
}
