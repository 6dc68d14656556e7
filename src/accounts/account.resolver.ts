import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { Customer, type CustomerRecord } from '../customers/customer.entity';
import { Balance } from '../ledger/ledger.types';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { MaxPageSize } from '../shared/graphql/query-cost';
import { AccountService } from './account.service';
import {
  BusinessAccountResult,
  CreateBusinessAccountInput,
  SetAccountMembershipInput,
  UpdateBusinessAccountInput,
} from './account.types';
import { BusinessAccount } from './business-account.entity';

@Resolver(() => BusinessAccount)
export class BusinessAccountResolver {
  constructor(private readonly accounts: AccountService) {}

  @Authorized(Access.manageAccounts)
  @Mutation(() => BusinessAccountResult, {
    description:
      'Creates a B2B account; the same code with the same details again is a replay. OWNER, ADMIN, SUPERVISOR or SERVICE.',
  })
  createBusinessAccount(
    @Arg('input', { description: 'The account to create.' }) input: CreateBusinessAccountInput,
    @Ctx() ctx: Context,
  ): Promise<BusinessAccountResult> {
    return this.accounts.create(ctx, input);
  }

  @Authorized(Access.manageAccounts)
  @Mutation(() => BusinessAccount, {
    description: 'Renames an account or turns pooling on or off. OWNER, ADMIN, SUPERVISOR or SERVICE.',
  })
  updateBusinessAccount(
    @Arg('input', { description: 'The account and the fields to change.' }) input: UpdateBusinessAccountInput,
    @Ctx() ctx: Context,
  ): Promise<BusinessAccount> {
    return this.accounts.update(ctx, input);
  }

  @Authorized(Access.manageAccounts)
  @Mutation(() => Customer, {
    description: 'Setting the account a customer already has changes nothing. OWNER, ADMIN, SUPERVISOR or SERVICE.',
  })
  setAccountMembership(
    @Arg('input', { description: 'The customer and the account to put them in, or none.' })
    input: SetAccountMembershipInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerRecord> {
    return this.accounts.setMembership(ctx, input);
  }

  @Authorized(Access.readAccounts)
  @Query(() => BusinessAccount, { description: "A B2B account of the caller's tenant. Any staff key." })
  businessAccount(
    @Arg('id', () => ID, { description: "The account's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<BusinessAccount> {
    return this.accounts.get(ctx, id);
  }

  @Authorized(Access.readAccounts)
  @FieldResolver(() => [Customer], { description: 'Oldest first.' })
  @MaxPageSize(200)
  members(
    @Root() account: BusinessAccount,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many members at most; at most 200 are returned.' })
    first: number,
  ): Promise<CustomerRecord[]> {
    return this.accounts.members(ctx, account, first);
  }

  @Authorized(Access.readCustomer)
  @FieldResolver(() => Balance, {
    nullable: true,
    description: 'The pooled points (null when the account does not pool).',
  })
  async poolBalance(@Root() account: BusinessAccount, @Ctx() ctx: Context): Promise<Balance | null> {
    return account.poolPoints && account.poolCustomerId
      ? ctx.loaders.balanceByCustomerId.load(account.poolCustomerId)
      : null;
  }
}

@Resolver(() => Customer)
export class CustomerAccountResolver {
  @Authorized(Access.readCustomer)
  @FieldResolver(() => BusinessAccount, {
    nullable: true,
    description: 'The company this customer belongs to; its pool is where their purchase points go when it pools.',
  })
  async businessAccount(@Root() customer: CustomerRecord, @Ctx() ctx: Context): Promise<BusinessAccount | null> {
    return customer.businessAccountId ? ctx.loaders.businessAccountById.load(customer.businessAccountId) : null;
  }
}
