import { Field, ID, InputType, ObjectType } from 'type-graphql';

import { StaffRole } from '../shared/auth/roles';
import { ApiKey } from './api-key.entity';
import { Tenant } from './tenant.entity';

@InputType()
export class CreateTenantInput {
  @Field()
  name!: string;

  @Field({ description: 'ISO 4217 code, e.g. EUR.' })
  currency!: string;

  @Field({ description: 'IANA time zone, e.g. Europe/Paris.' })
  timezone!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => StaffRole)
  role!: StaffRole;

  @Field()
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Required for POS keys, refused for others.' })
  storeId?: string;
}

@ObjectType({ description: 'A new API key: the secret is shown here once and never again.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field()
  secret!: string;
}

@ObjectType()
export class CreatedTenant {
  @Field(() => Tenant)
  tenant!: Tenant;

  @Field(() => CreatedApiKey, { description: 'The first OWNER key of the tenant.' })
  ownerKey!: CreatedApiKey;

  @Field({
    description: 'HS256 secret with which the business signs customer tokens (claims: sub, tid, exp). Shown once.',
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
  @Field()
  role!: string;

  @Field(() => ID, { nullable: true })
  tenantId?: string;

  @Field(() => ID, { nullable: true })
  apiKeyId?: string;

  @Field(() => ID, { nullable: true })
  storeId?: string;

  @Field(() => ID, { nullable: true })
  customerId?: string;
}
