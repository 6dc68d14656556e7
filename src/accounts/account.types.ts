import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { BusinessAccount } from './business-account.entity';

@InputType({ description: 'A new B2B account.' })
export class CreateBusinessAccountInput {
  @Field({
    description:
      "The business's reference for the company (e.g. its CRM account number). Creating the same code again with the same details is a replay.",
  })
  code!: string;

  @Field({ description: "The company's name." })
  name!: string;

  @Field({ defaultValue: false, description: 'Members earn into, and redeem from, one shared pool.' })
  poolPoints!: boolean;
}

@InputType({ description: 'Omitted fields stay as they are.' })
export class UpdateBusinessAccountInput {
  @Field(() => ID, { description: 'The account to change.' })
  id!: string;

  @Field({ nullable: true, description: 'The new name.' })
  name?: string;

  @Field({
    nullable: true,
    description: 'Turning pooling off leaves the pool its points; members earn for themselves again.',
  })
  poolPoints?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the update is refused with CONFLICT unless the account is still at this version.',
  })
  expectedVersion?: number;
}

@InputType({ description: 'Puts a customer in a business account, or takes them out.' })
export class SetAccountMembershipInput {
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'Null takes the customer out of their account.' })
  accountId?: string | null;
}

@ObjectType({ description: 'The account created, or the one that already had this code and these details.' })
export class BusinessAccountResult {
  @Field(() => BusinessAccount, { description: 'The account.' })
  account!: BusinessAccount;

  @Field({ description: 'True when an account with this code and these details existed already.' })
  replayed!: boolean;
}
