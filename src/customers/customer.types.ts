import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { ConnectionType } from '../shared/graphql/connection';
import { Customer } from './customer.entity';

@InputType({ description: 'A postal address; duplicate detection compares names at the same address.' })
export class AddressInput {
  @Field({ nullable: true, description: 'Street and number.' })
  line?: string;

  @Field({ nullable: true })
  postalCode?: string;

  @Field({ nullable: true })
  city?: string;
}

@InputType()
export class CreateCustomerInput {
  @Field({ nullable: true, description: 'At least one of email and phone is required.' })
  email?: string;

  @Field({ nullable: true, description: 'International format, e.g. +33 6 12 34 56 78.' })
  phone?: string;

  @Field({ nullable: true })
  displayName?: string;

  @Field(() => [String], { nullable: true })
  segments?: string[];

  @Field(() => AddressInput, { nullable: true })
  address?: AddressInput;
}

@InputType({ description: 'Omitted fields stay as they are; an empty string clears phone or displayName.' })
export class UpdateCustomerInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  email?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  displayName?: string;

  @Field(() => [String], { nullable: true, description: 'Replaces the segments; staff only.' })
  segments?: string[];

  @Field(() => AddressInput, { nullable: true, description: 'Replaces the address; empty fields clear it.' })
  address?: AddressInput;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the update is refused with CONFLICT unless the customer is still at this version.',
  })
  expectedVersion?: number;
}

export const CustomerConnection = ConnectionType('Customer', Customer);
export type CustomerConnection = InstanceType<typeof CustomerConnection>;

@ObjectType({ description: "A change to a customer's profile, pushed to subscribers." })
export class CustomerUpdate {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Int)
  version!: number;

  @Field({ nullable: true })
  email?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  displayName?: string;

  @Field()
  updatedAt!: string;
}

@ObjectType()
export class CustomerToken {
  @Field({ description: 'Send as "Authorization: Bearer <token>" from the web or mobile app.' })
  token!: string;

  @Field()
  expiresAt!: Date;
}
