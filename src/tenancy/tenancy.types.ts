import { Field, ID, InputType, ObjectType } from 'type-graphql';

import { IdentifierKind } from '../customers/identifier.logic';
import { StaffRole } from '../shared/auth/roles';
import { ApiKey } from './api-key.entity';
import { Tenant } from './tenant.entity';

@InputType({ description: 'A new business.' })
export class CreateTenantInput {
  @Field({ description: "The business's name." })
  name!: string;

  @Field({ description: 'ISO 4217 code, e.g. EUR.' })
  currency!: string;

  @Field({ description: 'IANA time zone, e.g. Europe/Paris.' })
  timezone!: string;
}

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field(() => StaffRole, { description: 'What the key may do.' })
  role!: StaffRole;

  @Field({ description: 'A name to recognise the key by.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Required for POS keys, refused for others.' })
  storeId?: string;
}

@ObjectType({ description: 'A new API key: the secret is shown here once and never again.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key.' })
  apiKey!: ApiKey;

  @Field({ description: 'Send as "Authorization: Bearer <secret>". Shown once.' })
  secret!: string;
}

@ObjectType({ description: 'A new tenant with its first owner key and its secrets, each shown once.' })
export class CreatedTenant {
  @Field(() => Tenant, { description: 'The tenant.' })
  tenant!: Tenant;

  @Field(() => CreatedApiKey, { description: 'The first OWNER key of the tenant.' })
  ownerKey!: CreatedApiKey;

  @Field({
    description:
      'HS256 secret with which the business signs customer tokens (claims: sub, tid, iss, aud = the tenant id, iat, exp). Shown once.',
  })
  customerJwtSecret!: string;

  @Field({
    description:
      'HMAC-SHA256 key with which other systems (CRM, support, billing, POS) sign what they post to /ingest/:source. Shown once.',
  })
  ingestSecret!: string;
}

@ObjectType({ description: 'Who the bearer token belongs to.' })
export class Viewer {
  @Field({ description: 'OWNER, ADMIN, ANALYST, SUPERVISOR, AGENT, POS, SERVICE, CUSTOMER or PLATFORM.' })
  role!: string;

  @Field(() => ID, { nullable: true, description: "The caller's tenant; null for the platform operator." })
  tenantId?: string;

  @Field(() => ID, { nullable: true, description: 'The API key, for staff callers.' })
  apiKeyId?: string;

  @Field(() => ID, { nullable: true, description: 'The store a POS key is bound to.' })
  storeId?: string;

  @Field(() => ID, { nullable: true, description: 'The customer, for a customer token.' })
  customerId?: string;
}

@InputType({ description: 'A rotation of the secret that signs customer tokens.' })
export class RotateCustomerTokenSecretInput {
  @Field({ description: 'Resending the same key returns the same secret instead of rotating again.' })
  idempotencyKey!: string;
}

@ObjectType({
  description: 'The new current secret that signs customer tokens; the one it replaces is still accepted.',
})
export class RotatedCustomerTokenSecret {
  @Field({
    description: 'HS256 secret to sign new customer tokens with. Shown once (and to a replay of the same key).',
  })
  secret!: string;

  @Field({ description: 'True when this answers an earlier request with the same idempotency key.' })
  replayed!: boolean;
}

@InputType({ description: "The tenant's own identity provider, whose tokens its customers sign in with." })
export class CustomerTokenProviderInput {
  @Field({ description: "URL of the provider's JSON Web Key Set (https; http only to a loopback address)." })
  jwksUrl!: string;

  @Field({ description: 'The `iss` its tokens carry; with the audience, it must be unique across tenants.' })
  issuer!: string;

  @Field({ description: 'The `aud` its tokens carry for this gateway.' })
  audience!: string;

  @Field({ nullable: true, description: 'The claim naming the customer; default `sub`.' })
  customerClaim?: string;

  @Field(() => IdentifierKind, {
    nullable: true,
    description:
      "The claim holds a customer identifier of this kind (not EMAIL, PHONE or DEVICE_ID, which customers set themselves); null: it holds the customer's id.",
  })
  identifierKind?: IdentifierKind | null;
}

@ObjectType({ description: "The tenant's own identity provider, trusted for customer tokens (RS256 or ES256)." })
export class CustomerTokenProvider {
  @Field({ description: "URL of the provider's JSON Web Key Set." })
  jwksUrl!: string;

  @Field({ description: 'The `iss` its tokens must carry.' })
  issuer!: string;

  @Field({ description: 'The `aud` its tokens must carry.' })
  audience!: string;

  @Field({ description: 'The claim naming the customer.' })
  customerClaim!: string;

  @Field(() => IdentifierKind, {
    nullable: true,
    description: "The kind of customer identifier the claim holds; null: the customer's id.",
  })
  identifierKind?: IdentifierKind | null;
}
