import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { ConnectionType } from '../shared/graphql/connection';
import { Customer } from './customer.entity';

@InputType({ description: 'A postal address; duplicate detection compares names at the same address.' })
export class AddressInput {
  @Field({ nullable: true, description: 'Street and number.' })
  line?: string;

  @Field({ nullable: true, description: 'Stored upper-cased, spaces removed.' })
  postalCode?: string;

  @Field({ nullable: true, description: 'The city.' })
  city?: string;
}

@InputType({ description: 'A new member profile.' })
export class CreateCustomerInput {
  @Field({ nullable: true, description: 'At least one of email and phone is required.' })
  email?: string;

  @Field({ nullable: true, description: 'International format, e.g. +33 6 12 34 56 78.' })
  phone?: string;

  @Field({ nullable: true, description: 'The name to greet the customer by.' })
  displayName?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Marketing segments, e.g. "students"; matched by earning rules.',
  })
  segments?: string[];

  @Field(() => AddressInput, { nullable: true, description: 'The postal address.' })
  address?: AddressInput;
}

@InputType({ description: 'Omitted fields stay as they are; an empty string clears phone or displayName.' })
export class UpdateCustomerInput {
  @Field(() => ID, { description: 'The customer to change.' })
  id!: string;

  @Field({
    nullable: true,
    description:
      'A new email; stored trimmed and lower-cased. Staff only: a customer token changes it with requestContactChange.',
  })
  email?: string;

  @Field({
    nullable: true,
    description:
      'A new phone in international format; empty clears it. Staff only (a customer token may clear it): a customer changes it with requestContactChange.',
  })
  phone?: string;

  @Field({ nullable: true, description: 'A new name; empty clears it.' })
  displayName?: string;

  @Field(() => [String], { nullable: true, description: 'Replaces the segments; staff only.' })
  segments?: string[];

  @Field(() => AddressInput, { nullable: true, description: 'Replaces the address; empty fields clear it.' })
  address?: AddressInput;

  @Field(() => Int, {
    nullable: true,
    description:
      'When given, the update is refused with CONFLICT (VERSION_MISMATCH) unless the profile is still at this profileRevision.',
  })
  expectedProfileRevision?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The same check as expectedProfileRevision; give one of the two.',
    deprecationReason: 'Use expectedProfileRevision.',
  })
  expectedVersion?: number;
}

export const CustomerConnection = ConnectionType('Customer', Customer);
export type CustomerConnection = InstanceType<typeof CustomerConnection>;

@ObjectType({ description: "A change to a customer's profile, pushed to subscribers." })
export class CustomerUpdate {
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => Int, {
    description:
      "The profile's revision after the change: counts changes to the profile, not to points or tier (those are LoyaltyState.version, the one to resume from).",
  })
  profileRevision!: number;

  @Field(() => Int, {
    description: 'The same number as profileRevision.',
    deprecationReason: 'Use profileRevision; to resume subscriptions use LoyaltyState.version.',
  })
  version!: number;

  @Field({ nullable: true, description: 'The email after the change.' })
  email?: string;

  @Field({ nullable: true, description: 'The phone after the change.' })
  phone?: string;

  @Field({ nullable: true, description: 'The name after the change.' })
  displayName?: string;

  @Field({ description: 'When the change was made, ISO 8601.' })
  updatedAt!: string;
}

@ObjectType({ description: 'A signed token with which a customer calls the API as themself.' })
export class CustomerToken {
  @Field({ description: 'Send as "Authorization: Bearer <token>" from the web or mobile app.' })
  token!: string;

  @Field({ description: 'After this the token is refused.' })
  expiresAt!: Date;
}
