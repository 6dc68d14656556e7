import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { Customer, type CustomerRecord } from './customer.entity';
import { CustomerMerge } from './merge.entity';
import { MergeService } from './merge.service';
import {
  MergeCustomersInput,
  MergeCustomersResult,
  UnmergeCustomersInput,
  UnmergeCustomersResult,
} from './merge.types';

@Resolver(() => Customer)
export class CustomerMergeResolver {
  constructor(private readonly mergeService: MergeService) {}

  @Authorized(Access.mergeCustomers)
  @Mutation(() => MergeCustomersResult, {
    description:
      "Merges a duplicate into a survivor: identifiers, points (a ledger transfer keeping every lot's dates), timeline and the higher tier. The duplicate's id then answers with the survivor. OWNER, ADMIN or SUPERVISOR.",
  })
  mergeCustomers(
    @Arg('input', { description: 'The survivor, the duplicate and why.' }) input: MergeCustomersInput,
    @Ctx() ctx: Context,
  ): Promise<MergeCustomersResult> {
    return this.mergeService.merge(ctx, input);
  }

  @Authorized(Access.mergeCustomers)
  @Mutation(() => UnmergeCustomersResult, {
    description:
      'Undoes a merge: identifiers, timeline and the unspent part of the points that came over go back; the report says what could not. OWNER, ADMIN or SUPERVISOR.',
  })
  unmergeCustomers(
    @Arg('input', { description: 'The merge to undo.' }) input: UnmergeCustomersInput,
    @Ctx() ctx: Context,
  ): Promise<UnmergeCustomersResult> {
    return this.mergeService.unmerge(ctx, input);
  }

  @Authorized(Access.readMerges)
  @Query(() => CustomerMerge, {
    description:
      'One merge, with what it moved and, once undone, its unmerge report. OWNER, ADMIN, ANALYST, SUPERVISOR or AGENT.',
  })
  customerMerge(
    @Arg('id', () => ID, { description: "The merge's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<CustomerMerge> {
    return this.mergeService.get(ctx, id);
  }

  @Authorized(Access.readMerges)
  @FieldResolver(() => [CustomerMerge], {
    description: 'Merges this customer took part in, as survivor or as the merged profile, newest first.',
  })
  merges(@Root() customer: CustomerRecord, @Ctx() ctx: Context): Promise<CustomerMerge[]> {
    return this.mergeService.ofCustomer(ctx.em, requireTenant(ctx), customer.id);
  }
}
