import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  type SubscribeResolverData,
  Subscription,
} from 'type-graphql';

import { Customer, type CustomerRecord } from '../customers/customer.entity';
import { assertRole } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { PAGE_AFTER, PAGE_FIRST } from '../shared/graphql/connection';
import { ChurnRiskLevel } from './health.logic';
import { followChurnRisk, type HealthService } from './health.service';
import {
  AtRiskCustomerConnection,
  ChurnRisk,
  ChurnRiskRaisedEvent,
  HealthScore,
  HealthSettings,
  SetChurnThresholdsInput,
  SetChurnThresholdsResult,
  SetHealthWeightsInput,
  SetHealthWeightsResult,
} from './health.types';

/**
 * Health and churn risk on the customer. Internal profiling: staff who serve or analyse customers (readHealth);
 * a customer token selecting them gets FORBIDDEN, as do tills and integrations.
 */
@Resolver(() => Customer)
export class CustomerHealthResolver {
  constructor(private readonly service: HealthService) {}

  @Authorized(Access.readHealth)
  @FieldResolver(() => HealthScore, {
    nullable: true,
    description:
      'The composite health score, explained. Null until first scored, and for a customer who opted out of PROFILING. Staff only (readHealth).',
  })
  health(@Root() customer: CustomerRecord, @Ctx() ctx: Context): Promise<HealthScore | null> {
    return this.service.health(ctx, customer.id);
  }

  @Authorized(Access.readHealth)
  @FieldResolver(() => ChurnRisk, {
    nullable: true,
    description:
      'Churn risk and its reasons. Null until first scored, and for a customer who opted out of PROFILING. Staff only (readHealth).',
  })
  churnRisk(@Root() customer: CustomerRecord, @Ctx() ctx: Context): Promise<ChurnRisk | null> {
    return this.service.churnRisk(ctx, customer.id);
  }
}

@Resolver()
export class HealthResolver {
  constructor(private readonly health: HealthService) {}

  @Authorized(Access.readHealth)
  @Query(() => HealthSettings, {
    description: 'How health scores and churn risk are computed in this tenant: weights, scales, bands, thresholds.',
  })
  healthSettings(@Ctx() ctx: Context): Promise<HealthSettings> {
    return this.health.settings(ctx);
  }

  @Authorized(Access.readHealth)
  @Query(() => AtRiskCustomerConnection, {
    description:
      'Customers at risk of churning, highest risk score first (then by id), from the last scoring. Staff only (readHealth).',
  })
  atRiskCustomers(
    @Ctx() ctx: Context,
    @Arg('segment', () => String, {
      nullable: true,
      description: 'Only customers in this segment (a value of Customer.segments); all when null.',
    })
    segment?: string | null,
    @Arg('minLevel', () => ChurnRiskLevel, { nullable: true, description: 'The lowest level listed; default MEDIUM.' })
    minLevel?: ChurnRiskLevel | null,
    @Arg('first', () => Int, PAGE_FIRST)
    first?: number | null,
    @Arg('after', () => String, PAGE_AFTER)
    after?: string | null,
  ): Promise<AtRiskCustomerConnection> {
    return this.health.atRisk(ctx, { segment, minLevel, first, after });
  }

  @Authorized(Access.manageHealth)
  @Mutation(() => SetHealthWeightsResult, {
    description:
      'Sets the weights of the health components (and optionally the scales and band limits); every customer is scored again on the next run of the health job. OWNER or ADMIN.',
  })
  setHealthWeights(
    @Arg('input', { description: 'The weights, scales and bands.' }) input: SetHealthWeightsInput,
    @Ctx() ctx: Context,
  ): Promise<SetHealthWeightsResult> {
    return this.health.setWeights(ctx, input);
  }

  @Authorized(Access.manageHealth)
  @Mutation(() => SetChurnThresholdsResult, {
    description:
      "Sets a segment's acceptable churn (or the tenant default's): the expected gap between activities and the MEDIUM and HIGH cut-offs. Customers are scored again on the next run of the health job. OWNER or ADMIN.",
  })
  setChurnThresholds(
    @Arg('input', { description: 'The segment and its thresholds.' }) input: SetChurnThresholdsInput,
    @Ctx() ctx: Context,
  ): Promise<SetChurnThresholdsResult> {
    return this.health.setThresholds(ctx, input);
  }

  @Subscription(() => ChurnRiskRaisedEvent, {
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { sinceVersion?: number | null }, Context>) => {
      assertRole(context, Access.readHealth);
      return followChurnRisk(context, args.sinceVersion ?? null);
    },
    description:
      'Each customer of the tenant crossing into HIGH churn risk, once per crossing. With sinceVersion: the crossings after it first (MISSED; none when older than the outbox keeps), then LIVE ones, in order, each once. Without: LIVE ones from now. Staff only (readHealth).',
  })
  churnRiskRaised(
    @Arg('sinceVersion', () => Int, {
      nullable: true,
      description: 'The last version the client has; the crossings after it come first.',
    })
    _sinceVersion: number | undefined,
    @Root() event: ChurnRiskRaisedEvent,
  ): ChurnRiskRaisedEvent {
    return event;
  }
}
