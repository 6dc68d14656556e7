import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  type SubscribeResolverData,
  Subscription,
} from 'type-graphql';

import { Topic } from '../realtime/pubsub';
import { assertMayActOnCustomer, assertRole, requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { PAGE_AFTER, PAGE_FIRST } from '../shared/graphql/connection';
import { Customer, type CustomerRecord } from './customer.entity';
import { customerOrNotFound } from './customer.lookup';
import { customerRoutingKey, CustomerService } from './customer.service';
import {
  CreateCustomerInput,
  CustomerConnection,
  CustomerToken,
  CustomerUpdate,
  UpdateCustomerInput,
} from './customer.types';
import { IdentifierService } from './identifier.service';
import { AddIdentifierInput, Identifier, ResolveCustomerInput, ResolveCustomerResult } from './identifier.types';

/** Authorises a `customerUpdated` subscription when it starts, then hands back its event stream. */
async function subscribeToCustomer({ args, context }: SubscribeResolverData<unknown, { customerId: string }, Context>) {
  assertRole(context, Access.readCustomer);
  const tenantId = requireTenant(context);
  const customerId = String(args.customerId);
  assertMayActOnCustomer(context, customerId);
  // The loader is tenant-filtered: a customer of another tenant is simply not found.
  await customerOrNotFound(context, customerId, 'customerId');
  return context.bus.subscribe(Topic.CUSTOMER_UPDATED, customerRoutingKey(tenantId, customerId));
}

@Resolver(() => Customer)
export class CustomerResolver {
  constructor(
    private readonly customerService: CustomerService,
    private readonly identifierService: IdentifierService,
  ) {}

  @Authorized(Access.writeCustomers)
  @Mutation(() => Customer, { description: 'Creates a member profile. Staff other than ANALYST.' })
  createCustomer(
    @Arg('input', { description: 'The new profile; an email or a phone is required.' }) input: CreateCustomerInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerRecord> {
    return this.customerService.create(ctx, input);
  }

  @Authorized(Access.updateCustomer)
  @Mutation(() => Customer, {
    description:
      'A customer token may update only its own profile. Staff other than ANALYST, or the customer themself.',
  })
  updateCustomer(
    @Arg('input', { description: 'The customer and the fields to change.' }) input: UpdateCustomerInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerRecord> {
    return this.customerService.update(ctx, input);
  }

  @Authorized(Access.readCustomer)
  @Query(() => Customer, {
    description:
      "One customer of the caller's tenant; a merged profile's id answers with its survivor. Staff, or the customer themself.",
  })
  customer(
    @Arg('id', () => ID, { description: "The customer's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<CustomerRecord> {
    return this.customerService.get(ctx, id);
  }

  @Authorized(Access.searchCustomers)
  @Query(() => CustomerConnection, {
    description:
      'Customers of the tenant, newest first; merged profiles and account pools are not listed. Any staff key.',
  })
  customers(
    @Ctx() ctx: Context,
    @Arg('search', () => String, {
      nullable: true,
      description: 'An email prefix, a phone number, or part of the name.',
    })
    search?: string,
    @Arg('first', () => Int, PAGE_FIRST) first?: number,
    @Arg('after', () => String, PAGE_AFTER)
    after?: string,
  ): Promise<CustomerConnection> {
    return this.customerService.search(ctx, { search, first, after });
  }

  @Authorized(Access.issueCustomerTokens)
  @Mutation(() => CustomerToken, {
    description:
      "Signs a customer token with the tenant's secret, for back ends that do not sign their own. OWNER, ADMIN or SERVICE.",
  })
  issueCustomerToken(
    @Arg('customerId', () => ID, { description: 'The customer the token is for.' }) customerId: string,
    @Ctx() ctx: Context,
    @Arg('ttlSeconds', () => Int, {
      defaultValue: 3600,
      description:
        "How long the token is valid: 60 seconds to the gateway's cap (CUSTOMER_TOKEN_MAX_TTL_SECONDS, 24 h by default).",
    })
    ttlSeconds: number,
  ): Promise<CustomerToken> {
    return this.customerService.issueToken(ctx, customerId, ttlSeconds);
  }

  @Authorized(Access.writeCustomers)
  @Mutation(() => ResolveCustomerResult, {
    description:
      'Finds the one customer the identifiers belong to (adding those it lacks), or creates one; AMBIGUOUS when they point at several. Staff other than ANALYST.',
  })
  resolveCustomer(
    @Arg('input', { description: 'The identifiers a channel or system knows the customer by.' })
    input: ResolveCustomerInput,
    @Ctx() ctx: Context,
  ): Promise<ResolveCustomerResult> {
    return this.identifierService.resolve(ctx, input);
  }

  @Authorized(Access.updateCustomer)
  @Mutation(() => Customer, {
    description:
      'Adding one the customer already holds changes nothing; one another customer holds is CONFLICT. Staff other than ANALYST, or the customer themself.',
  })
  addCustomerIdentifier(
    @Arg('input', { description: 'The customer and the identifier to add.' }) input: AddIdentifierInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerRecord> {
    return this.identifierService.add(ctx, input);
  }

  @Authorized(Access.readCustomer)
  @FieldResolver(() => [Identifier], {
    description: 'Every way other systems know the customer: email, phone, cards, CRM and POS ids, devices.',
  })
  identifiers(@Root() customer: CustomerRecord, @Ctx() ctx: Context): Promise<Identifier[]> {
    return ctx.loaders.identifiersByCustomer.load(customer.id);
  }

  @FieldResolver(() => Int, {
    description:
      'Counts changes to the profile (contact, name, segments, address, identifiers, account, merges), starting at 1; not to points or tier: LoyaltyState.version is the one to resume subscriptions from.',
  })
  profileRevision(@Root() customer: CustomerRecord): number {
    return customer.version;
  }

  @Subscription(() => CustomerUpdate, {
    subscribe: subscribeToCustomer,
    description: "Every change to the customer's profile. Staff of the tenant, or the customer themself.",
  })
  customerUpdated(
    @Arg('customerId', () => ID, { description: 'The customer to follow.' }) _customerId: string,
    @Root() update: CustomerUpdate,
  ): CustomerUpdate {
    // Events written before profileRevision existed carry only version.
    return { ...update, profileRevision: update.profileRevision ?? update.version };
  }
}
