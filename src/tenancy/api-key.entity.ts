import { Entity, Enum, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

import { StaffRole } from '../shared/auth/roles';
import { Store } from '../stores/store.entity';
import { TenantOwnedEntity } from './tenant-owned.entity';

@ObjectType({ description: 'An API key. Its secret is shown once, at creation; only a hash is stored.' })
@Entity()
export class ApiKey extends TenantOwnedEntity {
  @Field({ description: 'A name to recognise the key by, e.g. the till or integration.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => StaffRole, { description: 'What the key may do.' })
  @Enum({ items: () => StaffRole, nativeEnumName: 'staff_role' })
  role!: StaffRole;

  @ManyToOne(() => Store, { ref: true, nullable: true, deleteRule: 'restrict' })
  store?: Ref<Store>;

  @Field(() => ID, { nullable: true, description: 'The store a POS key is bound to.' })
  get storeId(): string | undefined {
    return this.store?.id;
  }

  @Field({ description: 'The first characters of the key, to tell keys apart in lists and logs.' })
  @Property({ type: 'text' })
  prefix!: string;

  /** SHA-256 of the secret: keys are 32 random bytes, so a slow hash adds nothing but latency. */
  @Property({ type: 'string', columnType: 'char(64)', hidden: true })
  @Unique()
  secretHash!: string;

  @Field({ nullable: true, description: 'When the key was revoked; null while it works.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;
}
