import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { Customer, type CustomerRecord } from '../customers/customer.entity';
import { customerOrNotFound } from '../customers/customer.lookup';
import { assertMayActOnCustomer, requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import { Channel } from '../shared/channel';
import type { Context } from '../shared/context';
import { pageSize } from '../shared/graphql/connection';
import { PointsExpiryPolicy, Tenant } from '../tenancy/tenant.entity';
import { Benefit, type BenefitRecord } from './benefit.entity';
import { programError, ProgramErrorCode } from './program.errors';
import { ProgramService } from './program.service';
import {
  BenefitInput,
  GrantTierStatusInput,
  RecognisedBenefit,
  TierChangeView,
  TierEvaluation,
  TierInput,
  TierStatus,
  UpdateProgramSettingsInput,
} from './program.types';
import { ProgramSettings } from './program-settings.entity';
import { Tier, type TierRecord } from './tier.entity';
import { TierService } from './tier.service';

@Resolver()
export class ProgramResolver {
  constructor(
    private readonly program: ProgramService,
    private readonly tierService: TierService,
  ) {}

  @Authorized(Access.readProgram)
  @Query(() => ProgramSettings, {
    description:
      "The tenant's program economics (earn rate, rounding, pending days, point value). Any caller of the tenant.",
  })
  programSettings(@Ctx() ctx: Context): Promise<ProgramSettings> {
    return this.program.settings(ctx.em, requireTenant(ctx));
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => ProgramSettings, {
    description: 'Changes the program economics; purchases recorded from then on use them. OWNER or ADMIN.',
  })
  updateProgramSettings(
    @Arg('input', { description: 'The fields to change.' }) input: UpdateProgramSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<ProgramSettings> {
    return this.program.updateSettings(ctx, input);
  }

  @Authorized(Access.readProgram)
  @Query(() => [Tier], { description: 'Lowest rank first. Any caller of the tenant.' })
  tiers(@Ctx() ctx: Context): Promise<TierRecord[]> {
    return ctx.loaders.tiersByTenant.load(requireTenant(ctx));
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => Tier, {
    description: 'Adds a tier; members reach it at their next purchase or evaluation. OWNER or ADMIN.',
  })
  createTier(@Arg('input', { description: 'The tier.' }) input: TierInput, @Ctx() ctx: Context): Promise<Tier> {
    return this.program.createTier(ctx, input);
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => Tier, {
    description: 'Takes effect at the next purchase or evaluation; nobody moves at once. OWNER or ADMIN.',
  })
  updateTier(
    @Arg('id', () => ID, { description: 'The tier to change.' }) id: string,
    @Arg('input', { description: 'The whole new definition.' }) input: TierInput,
    @Ctx() ctx: Context,
  ): Promise<Tier> {
    return this.program.updateTier(ctx, id, input);
  }

  @Authorized(Access.readProgram)
  @Query(() => [Benefit], { description: 'Every active tier benefit as configured. Any caller of the tenant.' })
  tierBenefits(@Ctx() ctx: Context): Promise<BenefitRecord[]> {
    return ctx.loaders.benefitsByTenant.load(requireTenant(ctx));
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => Benefit, {
    description: 'Creates the benefit, or replaces the one with the same code. OWNER or ADMIN.',
  })
  upsertBenefit(
    @Arg('input', { description: 'The benefit, identified by its code.' }) input: BenefitInput,
    @Ctx() ctx: Context,
  ): Promise<Benefit> {
    return this.program.upsertBenefit(ctx, input);
  }

  @Authorized(Access.readCustomer)
  @Query(() => [RecognisedBenefit], {
    description:
      'What the member is entitled to on this channel: the same answer for every caller. Staff, or the customer themself.',
  })
  async benefits(
    @Arg('customerId', () => ID, { description: 'The member.' }) customerId: string,
    @Arg('channel', () => Channel, { description: 'The channel that will present the benefits.' }) channel: Channel,
    @Ctx() ctx: Context,
  ): Promise<RecognisedBenefit[]> {
    assertMayActOnCustomer(ctx, customerId);
    await customerOrNotFound(ctx, customerId, 'customerId');
    return this.tierService.benefits(ctx, customerId, channel);
  }

  @Authorized(Access.grantStatus)
  @Mutation(() => TierStatus, {
    nullable: true,
    description:
      'Limited-time status; the grant and its note are recorded in the tier history. OWNER, ADMIN or SUPERVISOR.',
  })
  grantTierStatus(
    @Arg('input', { description: 'The member, the tier, until when and why.' }) input: GrantTierStatusInput,
    @Ctx() ctx: Context,
  ): Promise<TierStatus | null> {
    return this.tierService.grant(ctx, input);
  }

  @Authorized(Access.manageProgram)
  @Mutation(() => TierEvaluation, {
    description: 'What `npm run evaluate-tiers` does, for this tenant, now. OWNER or ADMIN.',
  })
  async evaluateTiers(@Ctx() ctx: Context): Promise<TierEvaluation> {
    const evaluation = await this.tierService.evaluate(ctx.em, requireTenant(ctx), new Date());
    if (!evaluation)
      throw programError(
        ProgramErrorCode.EVALUATION_RUNNING,
        'Another evaluation of this program is running; try again shortly',
      );
    return evaluation;
  }
}

/** The parts of the program's economics that live on the tenant, shown with the rest. */
@Resolver(() => ProgramSettings)
export class ProgramSettingsResolver {
  constructor(private readonly program: ProgramService) {}

  @FieldResolver(() => String, { description: 'ISO 4217; every money figure is in its minor unit.' })
  async currency(@Root() settings: ProgramSettings, @Ctx() ctx: Context): Promise<string> {
    return (await this.tenant(settings, ctx)).currency;
  }

  @FieldResolver(() => PointsExpiryPolicy, { description: 'Set with setPointsExpiryPolicy.' })
  async pointsExpiryPolicy(@Root() settings: ProgramSettings, @Ctx() ctx: Context): Promise<PointsExpiryPolicy> {
    return (await this.tenant(settings, ctx)).pointsExpiryPolicy;
  }

  @FieldResolver(() => Int, { description: 'Months used by the expiry policy (ignored for NONE).' })
  async pointsExpiryMonths(@Root() settings: ProgramSettings, @Ctx() ctx: Context): Promise<number> {
    return (await this.tenant(settings, ctx)).pointsExpiryMonths;
  }

  private tenant(settings: ProgramSettings, ctx: Context): Promise<Tenant> {
    return this.program.tenantOf(ctx.em, settings);
  }
}

@Resolver(() => Customer)
export class CustomerTierResolver {
  constructor(private readonly tiers: TierService) {}

  @Authorized(Access.readCustomer)
  @FieldResolver(() => TierStatus, { nullable: true, description: 'Null while the program has no tiers.' })
  tier(@Root() customer: CustomerRecord, @Ctx() ctx: Context): Promise<TierStatus | null> {
    return this.tiers.status(ctx, customer.id);
  }

  @Authorized(Access.readCustomer)
  @FieldResolver(() => [TierChangeView], { description: 'Newest first.' })
  tierHistory(
    @Root() customer: CustomerRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'How many changes at most, 1 to 100; default 20.' })
    first?: number,
  ): Promise<TierChangeView[]> {
    return this.tiers.history(ctx, customer.id, pageSize(first));
  }
}
