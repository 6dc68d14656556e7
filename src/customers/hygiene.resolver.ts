import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { MaxPageSize } from '../shared/graphql/query-cost';
import { HygieneService } from './hygiene.service';
import { DataQualityReport, DuplicateCandidate } from './hygiene.types';

@Resolver()
export class HygieneResolver {
  constructor(private readonly hygiene: HygieneService) {}

  @Authorized(Access.customerHygiene)
  @Query(() => [DuplicateCandidate], {
    description:
      'Pairs of profiles that are probably one person, highest score first; merge them with mergeCustomers. OWNER, ADMIN, ANALYST or SUPERVISOR.',
  })
  @MaxPageSize(500)
  duplicateCandidates(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many pairs at most, 1 to 500.' }) first: number,
    @Arg('minScore', () => Int, { defaultValue: 50, description: 'Only pairs scoring at least this, 0 to 100.' })
    minScore: number,
  ): Promise<DuplicateCandidate[]> {
    return this.hygiene.duplicateCandidates(ctx, { first, minScore });
  }

  @Authorized(Access.customerHygiene)
  @Query(() => DataQualityReport, {
    description:
      'Missing or invalid contact data, invalid identifiers and inactive profiles: counts and first examples. OWNER, ADMIN, ANALYST or SUPERVISOR.',
  })
  dataQualityReport(
    @Ctx() ctx: Context,
    @Arg('inactiveMonths', () => Int, {
      defaultValue: 12,
      description: 'Months without activity after which a profile counts as INACTIVE, 1 to 120.',
    })
    inactiveMonths: number,
    @Arg('examples', () => Int, { defaultValue: 5, description: 'Examples listed per check, 0 to 50.' })
    examples: number,
  ): Promise<DataQualityReport> {
    return this.hygiene.dataQualityReport(ctx, { inactiveMonths, examples });
  }
}
