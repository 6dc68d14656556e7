import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { Customer, type CustomerRecord } from '../customers/customer.entity';
import { requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { decodeCursor, PAGE_AFTER, PAGE_FIRST, pageSize, toConnection } from '../shared/graphql/connection';
import { TimelineEventView } from '../timeline/timeline.types';
import { CaseAction, CaseStatus } from './case.logic';
import type { CaseService } from './case.service';
import {
  AddCaseNoteInput,
  CaseChangeInput,
  CaseFilter,
  OpenCaseInput,
  ReopenCaseInput,
  ResolveCaseInput,
  SupportCase,
  SupportCaseConnection,
} from './case.types';
import { GoodwillGrant } from './goodwill.types';
import { SupportTeam } from './support.types';

@Resolver(() => SupportCase)
export class CaseResolver {
  constructor(private readonly service: CaseService) {}

  @Authorized(Access.workCases)
  @Query(() => SupportCase, {
    nullable: true,
    description: 'One support case; null when there is none. Support staff.',
  })
  case(
    @Arg('id', () => ID, { description: 'The case.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<SupportCase | null> {
    return this.service.get(ctx, id);
  }

  @Authorized(Access.workCases)
  @Query(() => SupportCaseConnection, { description: 'Support cases, newest first. Support staff.' })
  cases(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true, description: 'Only the cases that match every condition.' })
    filter?: CaseFilter,
    @Arg('first', () => Int, PAGE_FIRST) first?: number,
    @Arg('after', () => String, PAGE_AFTER) after?: string,
  ): Promise<SupportCaseConnection> {
    return this.service.list(ctx, filter, first, after);
  }

  @Authorized(Access.workCases)
  @Mutation(() => SupportCase, {
    description: "Opens a case by hand: routed by the tenant's rules, with SLAs by the customer's tier. Support staff.",
  })
  openCase(
    @Arg('input', { description: 'The customer and what it is about.' }) input: OpenCaseInput,
    @Ctx() ctx: Context,
  ) {
    return this.service.open(ctx, input);
  }

  @Authorized(Access.workCases)
  @Mutation(() => SupportCase, { description: 'The first response: OPEN to ACKNOWLEDGED. Support staff.' })
  acknowledgeCase(@Arg('input', { description: 'The case.' }) input: CaseChangeInput, @Ctx() ctx: Context) {
    return this.service.change(ctx, CaseAction.ACKNOWLEDGE, input);
  }

  @Authorized(Access.workCases)
  @Mutation(() => SupportCase, {
    description:
      'Work starts: OPEN or ACKNOWLEDGED to IN_PROGRESS (from OPEN, it is the first response too). Support staff.',
  })
  startCase(@Arg('input', { description: 'The case.' }) input: CaseChangeInput, @Ctx() ctx: Context) {
    return this.service.change(ctx, CaseAction.START, input);
  }

  @Authorized(Access.workCases)
  @Mutation(() => SupportCase, {
    description: 'Any open case to RESOLVED, with a root cause from the taxonomy. Support staff.',
  })
  resolveCase(
    @Arg('input', { description: 'The case and its root cause.' }) input: ResolveCaseInput,
    @Ctx() ctx: Context,
  ) {
    return this.service.change(ctx, CaseAction.RESOLVE, input);
  }

  @Authorized(Access.workCases)
  @Mutation(() => SupportCase, { description: 'RESOLVED back to IN_PROGRESS, with a reason. Support staff.' })
  reopenCase(@Arg('input', { description: 'The case and why.' }) input: ReopenCaseInput, @Ctx() ctx: Context) {
    return this.service.change(ctx, CaseAction.REOPEN, {
      caseId: input.caseId,
      idempotencyKey: input.idempotencyKey,
      note: input.reason,
    });
  }

  @Authorized(Access.workCases)
  @Mutation(() => SupportCase, { description: 'RESOLVED to CLOSED, for good. Support staff.' })
  closeCase(@Arg('input', { description: 'The case.' }) input: CaseChangeInput, @Ctx() ctx: Context) {
    return this.service.change(ctx, CaseAction.CLOSE, input);
  }

  @Authorized(Access.workCases)
  @Mutation(() => SupportCase, {
    description: "A note on a case in any status, on the customer's timeline; the case is unchanged. Support staff.",
  })
  addCaseNote(@Arg('input', { description: 'The case and the note.' }) input: AddCaseNoteInput, @Ctx() ctx: Context) {
    return this.service.change(ctx, 'NOTE', {
      caseId: input.caseId,
      idempotencyKey: input.idempotencyKey,
      note: input.text,
    });
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer (their survivor, after a merge).' })
  customer(@Root() supportCase: SupportCase, @Ctx() ctx: Context): Promise<CustomerRecord | null> {
    return ctx.loaders.customerById.load(supportCase.customerId);
  }

  @FieldResolver(() => SupportTeam, { nullable: true, description: 'The team the case is with; null when none.' })
  team(@Root() supportCase: SupportCase, @Ctx() ctx: Context): Promise<SupportTeam | null> | null {
    return supportCase.teamId ? ctx.loaders.supportTeamById.load(`${requireTenant(ctx)}:${supportCase.teamId}`) : null;
  }

  @FieldResolver(() => [TimelineEventView], {
    description:
      "The case's events on the customer's timeline, oldest first: its changes, notes, escalations and goodwill.",
  })
  history(@Root() supportCase: SupportCase, @Ctx() ctx: Context): Promise<TimelineEventView[]> {
    return ctx.loaders.caseHistory.load(`${requireTenant(ctx)}:${supportCase.id}`);
  }

  @FieldResolver(() => [GoodwillGrant], { description: 'Goodwill granted or requested from the case, oldest first.' })
  goodwill(@Root() supportCase: SupportCase, @Ctx() ctx: Context): Promise<GoodwillGrant[]> {
    return ctx.loaders.goodwillByCase.load(`${requireTenant(ctx)}:${supportCase.id}`);
  }
}

@Resolver(() => Customer)
export class CustomerCasesResolver {
  @Authorized(Access.workCases)
  @FieldResolver(() => SupportCaseConnection, {
    description: "The customer's support cases, newest first. Support staff.",
  })
  async cases(
    @Root() customer: CustomerRecord,
    @Ctx() ctx: Context,
    @Arg('status', () => [CaseStatus], { nullable: true, description: 'Only cases in one of these statuses.' })
    status?: CaseStatus[],
    @Arg('first', () => Int, PAGE_FIRST) first?: number,
    @Arg('after', () => String, PAGE_AFTER) after?: string,
  ): Promise<SupportCaseConnection> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const rows = await ctx.loaders
      .customerCases({ tenantId: requireTenant(ctx), limit: limit + 1, after: cursor, statuses: status })
      .load(customer.id);
    return toConnection(rows, limit, (c) => ({ at: c.openedAt, id: c.id }), cursor);
  }
}
