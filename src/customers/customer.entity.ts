import { ArrayType, Entity, Enum, Index, type OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { TenantOwnedEntity } from '../tenancy/tenant-owned.entity';

export enum CustomerKind {
  PERSON = 'PERSON',
  /** Holds the pooled points of a business account; not a person, never merged or contacted. */
  ACCOUNT_POOL = 'ACCOUNT_POOL',
}

registerEnumType(CustomerKind, {
  name: 'CustomerKind',
  description: "Whether a customer row is a person or a business account's points pool.",
  valuesConfig: {
    PERSON: { description: 'A member: a person who earns and redeems.' },
    ACCOUNT_POOL: {
      description: 'Holds the pooled points of a business account; not a person, never merged or contacted.',
    },
  },
});

@ObjectType({ description: 'A loyalty member of one tenant.' })
@Entity()
@Unique({ properties: ['tenant', 'email'] })
@Unique({ properties: ['tenant', 'phone'] })
@Unique({ properties: ['tenant', 'externalId'] })
// Keyset pagination of `customers` walks this index newest first.
@Index({ properties: ['tenant', 'createdAt', 'id'] })
// `customers(search:)` matches email prefixes, which needs pattern ops under any collation.
@Index({
  name: 'customer_email_prefix_idx',
  expression: 'create index "customer_email_prefix_idx" on "customer" ("tenant_id", "email" text_pattern_ops)',
})
// A survivor's timeline also reads the profiles merged into it.
@Index({
  name: 'customer_merged_into_idx',
  expression:
    'create index "customer_merged_into_idx" on "customer" ("merged_into_id") where "merged_into_id" is not null',
})
@Index({ properties: ['businessAccountId'] })
export class Customer extends TenantOwnedEntity<'version' | 'updatedAt' | 'segments' | 'anonymous' | 'kind'> {
  @Field(() => CustomerKind, { description: "A person, or the holder of a business account's pooled points." })
  @Enum({ items: () => CustomerKind, nativeEnumName: 'customer_kind', default: CustomerKind.PERSON })
  kind: CustomerKind = CustomerKind.PERSON;

  @Field({ nullable: true, description: 'Trimmed and lower-cased.' })
  @Property({ type: 'text', nullable: true })
  email?: string;

  @Field({ nullable: true, description: 'E.164.' })
  @Property({ type: 'text', nullable: true })
  phone?: string;

  @Field({ nullable: true, description: 'The name to greet the customer by.' })
  @Property({ type: 'text', nullable: true })
  displayName?: string;

  @Field({
    nullable: true,
    description: "The customer's id in the system the business migrated from (set by balance imports).",
  })
  @Property({ type: 'text', nullable: true })
  externalId?: string;

  @Field({
    nullable: true,
    description: 'The tier the legacy system gave the customer (from a balance import), kept for status matching.',
  })
  @Property({ type: 'text', nullable: true })
  importedTier?: string;

  /** Set on customers a balance import created, for its reconciliation. */
  @Property({ type: 'uuid', nullable: true, hidden: true })
  createdByImportId?: string;

  @Field({
    description:
      'Known only by a device so far (resolveCustomer with a DEVICE_ID); false once any other identifier is added.',
  })
  @Property({ type: 'boolean', default: false })
  anonymous: boolean = false;

  @Field(() => [String], {
    description: 'Marketing segments (e.g. "students", "b2b"), matched by earning rules. Set by staff.',
  })
  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  segments: string[] = [];

  @Field(() => String, { nullable: true, description: 'Street and number, as entered.' })
  @Property({ type: 'text', nullable: true })
  addressLine?: string | null;

  @Field(() => String, { nullable: true, description: 'Upper-cased, spaces removed.' })
  @Property({ type: 'text', nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The city of the address.' })
  @Property({ type: 'text', nullable: true })
  city?: string | null;

  @Field(() => ID, { nullable: true, description: 'The business account (company) this customer belongs to.' })
  @Property({ type: 'uuid', nullable: true })
  businessAccountId?: string | null;

  /** Set when this profile was merged into another; every lookup by this id answers with that one. */
  @Property({ type: 'uuid', nullable: true, hidden: true })
  mergedIntoId?: string | null;

  /** Set when the customer's personal data was erased; the row stays for the ledger, and nothing more is booked to it. */
  @Property({ type: 'timestamptz', nullable: true, hidden: true })
  erasedAt?: Date | null;

  /** The stored profile revision; GraphQL also answers it as `profileRevision` (CustomerResolver). */
  @Field(() => Int, {
    description: 'The same number as profileRevision.',
    deprecationReason: 'Use profileRevision; to resume subscriptions use LoyaltyState.version.',
  })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field({ description: 'When the profile last changed.' })
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * A customer as read (the request's loader, `customerOrNotFound`): the row's fields, not an entity, so nothing
 * can change it through the ORM by mistake. A service that changes a customer locks and loads the row itself.
 * GraphQL answers it as `Customer`; an entity is one too.
 */
export type CustomerRecord = Omit<Customer, 'tenant' | typeof OptionalProps>;
