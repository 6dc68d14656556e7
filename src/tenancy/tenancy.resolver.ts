import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import { callerRole } from '../shared/auth/caller';
import { requireCaller } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { ApiKey } from './api-key.entity';
import { TenancyService } from './tenancy.service';
import {
  CreateApiKeyInput,
  CreatedApiKey,
  CreatedTenant,
  CreateTenantInput,
  CustomerTokenProvider,
  CustomerTokenProviderInput,
  RotateCustomerTokenSecretInput,
  RotatedCustomerTokenSecret,
  Viewer,
} from './tenancy.types';
import { Tenant } from './tenant.entity';

@Resolver()
export class TenancyResolver {
  constructor(private readonly tenancy: TenancyService) {}

  @Authorized(Access.platform)
  @Mutation(() => CreatedTenant, { description: 'Platform operator only (ADMIN_TOKEN).' })
  createTenant(
    @Arg('input', { description: 'The business.' }) input: CreateTenantInput,
    @Ctx() ctx: Context,
  ): Promise<CreatedTenant> {
    return this.tenancy.createTenant(ctx.em, input);
  }

  @Authorized(Access.rotateSecrets)
  @Mutation(() => String, {
    description: 'OWNER only. A new HMAC secret for /ingest/:source, shown once; the old one stops working at once.',
  })
  rotateIngestSecret(@Ctx() ctx: Context): Promise<string> {
    return this.tenancy.rotateIngestSecret(ctx);
  }

  @Authorized(Access.rotateSecrets)
  @Mutation(() => RotatedCustomerTokenSecret, {
    description:
      'OWNER only. A new current secret for customer tokens; the one it replaces stays accepted (as the previous one) until dropPreviousCustomerTokenSecret or the next rotation, so signed-in customers stay signed in.',
  })
  rotateCustomerTokenSecret(
    @Arg('input', { description: 'The idempotency key of the rotation.' }) input: RotateCustomerTokenSecretInput,
    @Ctx() ctx: Context,
  ): Promise<RotatedCustomerTokenSecret> {
    return this.tenancy.rotateCustomerTokenSecret(ctx, input);
  }

  @Authorized(Access.rotateSecrets)
  @Mutation(() => Boolean, {
    description:
      'OWNER only. Ends a rotation: tokens signed with the previous customer-token secret are refused. False when there was none.',
  })
  dropPreviousCustomerTokenSecret(@Ctx() ctx: Context): Promise<boolean> {
    return this.tenancy.dropPreviousCustomerTokenSecret(ctx);
  }

  @Authorized(Access.rotateSecrets)
  @Mutation(() => CustomerTokenProvider, {
    description:
      "OWNER only. Trusts the tenant's own identity provider for customer tokens (RS256 or ES256, keys from its JWKS), besides tokens signed with the tenant's secret. Replaces an earlier one.",
  })
  setCustomerTokenProvider(
    @Arg('input', { description: 'The provider.' }) input: CustomerTokenProviderInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerTokenProvider> {
    return this.tenancy.setCustomerTokenProvider(ctx, input);
  }

  @Authorized(Access.rotateSecrets)
  @Mutation(() => Boolean, {
    description: "OWNER only. Stops trusting the tenant's identity provider; false when it had none.",
  })
  removeCustomerTokenProvider(@Ctx() ctx: Context): Promise<boolean> {
    return this.tenancy.removeCustomerTokenProvider(ctx);
  }

  @Authorized(Access.readTenant)
  @Query(() => Tenant, { description: "The caller's tenant. Any staff key." })
  tenant(@Ctx() ctx: Context): Promise<Tenant> {
    return this.tenancy.currentTenant(ctx);
  }

  @Authorized(Access.anyCaller)
  @Query(() => Viewer, { description: 'Who the caller is: role, tenant, key, store or customer. Any caller.' })
  viewer(@Ctx() ctx: Context): Viewer {
    const caller = requireCaller(ctx);
    return {
      role: callerRole(caller),
      tenantId: caller.kind === 'platform' ? undefined : caller.tenantId,
      apiKeyId: caller.kind === 'apiKey' ? caller.keyId : undefined,
      storeId: caller.kind === 'apiKey' ? caller.storeId : undefined,
      customerId: caller.kind === 'customer' ? caller.customerId : undefined,
    };
  }

  @Authorized(Access.manageKeys)
  @Mutation(() => CreatedApiKey, {
    description: 'Creates an API key; its secret is in the answer, once. OWNER or ADMIN.',
  })
  createApiKey(
    @Arg('input', { description: "The key's name, role and, for POS, store." }) input: CreateApiKeyInput,
    @Ctx() ctx: Context,
  ): Promise<CreatedApiKey> {
    return this.tenancy.createApiKey(ctx, input);
  }

  @Authorized(Access.manageKeys)
  @Mutation(() => ApiKey, {
    description: 'Takes effect on the next request made with the key. Revoking twice is harmless. OWNER or ADMIN.',
  })
  revokeApiKey(
    @Arg('id', () => ID, { description: 'The key to revoke.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<ApiKey> {
    return this.tenancy.revokeApiKey(ctx, id);
  }

  @Authorized(Access.manageKeys)
  @Query(() => [ApiKey], {
    description: 'Every API key of the tenant, revoked ones included; never their secrets. OWNER or ADMIN.',
  })
  apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    return this.tenancy.listApiKeys(ctx);
  }
}
