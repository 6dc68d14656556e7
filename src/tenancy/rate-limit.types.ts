import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The roles a tenant sets rate limits for: its staff roles, and its customers. */
export enum RateLimitRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  ANALYST = 'ANALYST',
  SUPERVISOR = 'SUPERVISOR',
  AGENT = 'AGENT',
  POS = 'POS',
  SERVICE = 'SERVICE',
  CUSTOMER = 'CUSTOMER',
}

registerEnumType(RateLimitRole, {
  name: 'RateLimitRole',
  description: 'Whom a rate limit counts: each API key of a staff role, or each customer (CUSTOMER).',
  valuesConfig: {
    OWNER: { description: 'Each OWNER key.' },
    ADMIN: { description: 'Each ADMIN key.' },
    ANALYST: { description: 'Each ANALYST key.' },
    SUPERVISOR: { description: 'Each SUPERVISOR key.' },
    AGENT: { description: 'Each AGENT key.' },
    POS: { description: 'Each till (POS key).' },
    SERVICE: { description: 'Each SERVICE key.' },
    CUSTOMER: { description: 'Each customer, over all their tokens.' },
  },
});

@ObjectType({ description: 'How many operations per minute one caller of a role may send.' })
export class RoleRateLimit {
  @Field(() => RateLimitRole, { description: 'The role.' })
  role!: RateLimitRole;

  @Field(() => Int, {
    description: 'GraphQL operations (HTTP requests and WebSocket subscribe messages) per minute, per key or customer.',
  })
  operationsPerMinute!: number;

  @Field({ description: "True when the tenant set it; false when it is the gateway's default." })
  tenantDefined!: boolean;
}

@InputType({ description: "One role's limit; null puts the role back on the gateway's default." })
export class RoleRateLimitInput {
  @Field(() => RateLimitRole, { description: 'The role.' })
  role!: RateLimitRole;

  @Field(() => Int, { nullable: true, description: 'Operations per minute, 1 to 1,000,000; null for the default.' })
  operationsPerMinute?: number | null;
}

@InputType({ description: 'Rate limits to change; roles not listed keep theirs.' })
export class SetRateLimitsInput {
  @Field({ description: 'Chosen by the client, 1 to 200 characters: a retry with the same key changes nothing again.' })
  idempotencyKey!: string;

  @Field(() => [RoleRateLimitInput], { description: 'The roles to change, each at most once.' })
  limits!: RoleRateLimitInput[];
}
