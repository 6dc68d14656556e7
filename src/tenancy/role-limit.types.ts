import { SafeIntResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';

import { StaffRole } from '../shared/auth/roles';

@InputType({ description: 'How many points keys of one role may grant (earn, or adjust upwards).' })
export class SetRoleLimitInput {
  @Field(() => StaffRole, { description: 'The role limited; every role but OWNER.' })
  role!: StaffRole;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description: 'Most points one call may grant, 0 to 1,000,000,000; null for no limit.',
  })
  maxPointsPerCall?: number | null;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description: "Most points one key of the role may grant per day (the tenant's time zone); null for no limit.",
  })
  maxPointsPerDay?: number | null;

  @Field({
    description:
      'A retry with the same key and input returns the first result; the same key with other input, or from another caller, is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The points limits of one role in this tenant.' })
export class RoleLimit {
  @Field(() => StaffRole, { description: 'The role.' })
  role!: StaffRole;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Most points one call may grant; null for no limit.' })
  maxPointsPerCall?: number;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description: 'Most points one key of the role may grant per day; null for no limit.',
  })
  maxPointsPerDay?: number;

  @Field({ description: 'True while the tenant has not set its own limits for the role: the defaults apply.' })
  isDefault!: boolean;

  @Field({ nullable: true, description: 'Who set it (key:<id>); null for a default.' })
  setBy?: string;

  @Field({ nullable: true, description: 'When it was set; null for a default.' })
  setAt?: Date;
}

@ObjectType({ description: 'The limits a setRoleLimit call stored.' })
export class SetRoleLimitResult {
  @Field(() => RoleLimit, { description: 'The limits now in force for the role.' })
  limit!: RoleLimit;

  @Field({ description: 'True when this answers a retry with the same idempotency key.' })
  replayed!: boolean;
}
