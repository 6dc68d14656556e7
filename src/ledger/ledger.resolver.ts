import { SafeIntResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { Customer, type CustomerRecord } from '../customers/customer.entity';
import { requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { PAGE_AFTER, PAGE_FIRST } from '../shared/graphql/connection';
import { TenancyService } from '../tenancy/tenancy.service';
import { PointsExpiryPolicy, Tenant } from '../tenancy/tenant.entity';
import { ledgerError, LedgerErrorCode } from './ledger.errors';
import { LedgerService } from './ledger.service';
import {
  AdjustPointsInput,
  Balance,
  BalanceAfter,
  EarnPointsInput,
  EntryView,
  LedgerIntegrity,
  PointsResult,
  PointsTransactionConnection,
  RedeemPointsInput,
  ReverseTransactionInput,
  TransactionView,
  TransferPointsInput,
} from './ledger.types';
import { verifyLedger } from './ledger.verifier';
import { LedgerReadService } from './ledger-reads.service';

@Resolver()
export class LedgerResolver {
  constructor(
    private readonly ledger: LedgerService,
    private readonly tenancy: TenancyService,
  ) {}

  @Authorized(Access.earnPoints)
  @Mutation(() => PointsResult, {
    description: 'Credits points outside a purchase (a gesture, a partner, a campaign). Staff other than ANALYST.',
  })
  earnPoints(
    @Arg('input', { description: 'Who earns how many points, and why.' }) input: EarnPointsInput,
    @Ctx() ctx: Context,
  ): Promise<PointsResult> {
    return this.ledger.earn(ctx, input);
  }

  @Authorized(Access.redeemPoints)
  @Mutation(() => PointsResult, {
    description:
      'INSUFFICIENT_POINTS when the available balance does not cover it. Staff other than ANALYST, or the customer themself.',
  })
  redeemPoints(
    @Arg('input', { description: 'Who spends how many points, and why.' }) input: RedeemPointsInput,
    @Ctx() ctx: Context,
  ): Promise<PointsResult> {
    return this.ledger.redeem(ctx, input);
  }

  @Authorized(Access.adjustPoints)
  @Mutation(() => PointsResult, {
    description: 'A manual correction, up or down, with a reason code for reporting. OWNER, ADMIN or SUPERVISOR.',
  })
  adjustPoints(
    @Arg('input', { description: 'The customer, the signed points and the reason.' }) input: AdjustPointsInput,
    @Ctx() ctx: Context,
  ): Promise<PointsResult> {
    return this.ledger.adjust(ctx, input);
  }

  @Authorized(Access.reversePoints)
  @Mutation(() => PointsResult, {
    description:
      'Reverses an earn (clawback) or a redemption (refund), whole or in part, as a new transaction. OWNER, ADMIN, SUPERVISOR, POS or SERVICE.',
  })
  reverseTransaction(
    @Arg('input', { description: 'The transaction to reverse, and how much of it.' }) input: ReverseTransactionInput,
    @Ctx() ctx: Context,
  ): Promise<PointsResult> {
    return this.ledger.reverse(ctx, input);
  }

  @Authorized(Access.transferPoints)
  @Mutation(() => PointsResult, {
    description:
      "The points keep their expiry dates. The balance returned is the sender's. OWNER, ADMIN, SUPERVISOR, AGENT, SERVICE, or the customer themself (from their own points).",
  })
  transferPoints(
    @Arg('input', { description: 'From whom to whom, how many points.' }) input: TransferPointsInput,
    @Ctx() ctx: Context,
  ): Promise<PointsResult> {
    return this.ledger.transfer(ctx, input);
  }

  @Authorized(Access.managePolicy)
  @Mutation(() => Tenant, {
    description:
      'Applies to points earned from now on (FIXED_MONTHS) or at the next expiry run (INACTIVITY_MONTHS). OWNER or ADMIN.',
  })
  setPointsExpiryPolicy(
    @Arg('policy', () => PointsExpiryPolicy, { description: 'When points expire from now on.' })
    policy: PointsExpiryPolicy,
    @Arg('months', () => Int, { description: 'Months for FIXED_MONTHS and INACTIVITY_MONTHS, 1 to 120.' })
    months: number,
    @Ctx() ctx: Context,
  ): Promise<Tenant> {
    if (!Number.isInteger(months) || months < 1 || months > 120) {
      throw ledgerError(LedgerErrorCode.POLICY_INVALID, 'months must be from 1 to 120', 'months');
    }
    return this.tenancy.setPointsExpiryPolicy(ctx, policy, months);
  }

  @Authorized(Access.verifyLedger)
  @Query(() => LedgerIntegrity, {
    description:
      "Proves the tenant's ledger invariants (the same checks as `npm run verify-ledger`). OWNER, ADMIN or AUDITOR.",
  })
  ledgerIntegrity(@Ctx() ctx: Context): Promise<LedgerIntegrity> {
    return verifyLedger(ctx.em, requireTenant(ctx));
  }
}

/** Points on the customer: one indexed row for the balance, a keyset page for the history. */
@Resolver(() => Customer)
export class CustomerPointsResolver {
  constructor(private readonly reads: LedgerReadService) {}

  @Authorized(Access.readCustomer)
  @FieldResolver(() => Balance, { description: "The customer's points now." })
  balance(@Root() customer: CustomerRecord, @Ctx() ctx: Context): Promise<Balance> {
    return ctx.loaders.balanceByCustomerId.load(customer.id);
  }

  @Authorized(Access.readCustomer)
  @FieldResolver(() => PointsTransactionConnection, { description: 'Newest first, including transfers received.' })
  pointsTransactions(
    @Root() customer: CustomerRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, PAGE_FIRST) first?: number,
    @Arg('after', () => String, PAGE_AFTER)
    after?: string,
  ): Promise<PointsTransactionConnection> {
    return this.reads.transactions(ctx, customer.id, first, after);
  }
}

/** What balanceRevision counts, said on both balance types. */
const BALANCE_REVISION =
  'Counts changes to the balance (each booking that moved these points), 0 before the first; not profile or tier changes: LoyaltyState.version is the one to resume subscriptions from.';

@Resolver(() => Balance)
export class BalanceResolver {
  constructor(private readonly reads: LedgerReadService) {}

  @FieldResolver(() => Int, { description: BALANCE_REVISION })
  balanceRevision(@Root() balance: Balance): number {
    return balance.version;
  }

  @FieldResolver(() => SafeIntResolver, {
    description: 'Spendable points that expire within the given number of days.',
  })
  expiringPoints(
    @Root() balance: Balance,
    @Arg('withinDays', () => Int, { description: 'Days from now, 0 to 3660.' }) withinDays: number,
    @Ctx() ctx: Context,
  ): Promise<number> {
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 3660) {
      throw ledgerError(LedgerErrorCode.DATE_INVALID, 'withinDays must be from 0 to 3660', 'withinDays');
    }
    return this.reads.expiringPoints(ctx, balance.customerId, withinDays);
  }
}

@Resolver(() => BalanceAfter)
export class BalanceAfterResolver {
  @FieldResolver(() => Int, { description: `${BALANCE_REVISION} This one is the revision the transaction made.` })
  balanceRevision(@Root() balance: BalanceAfter): number {
    return balance.version;
  }
}

@Resolver(() => TransactionView)
export class TransactionEntriesResolver {
  @FieldResolver(() => [EntryView], { description: 'The legs of the transaction; they sum to zero.' })
  entries(@Root() transaction: TransactionView, @Ctx() ctx: Context): Promise<EntryView[]> {
    return ctx.loaders.entriesByTransactionId.load(transaction.id);
  }
}
