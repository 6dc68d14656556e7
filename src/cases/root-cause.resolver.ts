import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import type { RootCauseService } from './root-cause.service';
import { RootCause, RootCauseAudit, RootCauseInput, RootCauseReview } from './root-cause.types';

@Resolver()
export class RootCauseResolver {
  constructor(private readonly causes: RootCauseService) {}

  @Authorized(Access.workCases)
  @Query(() => [RootCause], { description: "The tenant's root-cause taxonomy, by code. Support staff." })
  rootCauses(
    @Arg('includeRetired', { defaultValue: false, description: 'Also the retired causes.' }) includeRetired: boolean,
    @Ctx() ctx: Context,
  ): Promise<RootCause[]> {
    return this.causes.causes(ctx, includeRetired);
  }

  @Authorized(Access.manageSupport)
  @Mutation(() => [RootCause], {
    description:
      'Makes this list the taxonomy: causes are added or updated, those left out retired (cases keep them). OWNER or ADMIN.',
  })
  setRootCauseTaxonomy(
    @Arg('causes', () => [RootCauseInput], { description: 'Every current cause; a parent must be in the list.' })
    causes: RootCauseInput[],
    @Arg('idempotencyKey', {
      description:
        'A retry with the same key and arguments returns the first answer as it is now, without a second change; the same key with other arguments, or from another caller, is a CONFLICT.',
    })
    idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<RootCause[]> {
    return this.causes.setTaxonomy(ctx, causes, idempotencyKey);
  }

  @Authorized(Access.auditRootCauses)
  @Query(() => RootCauseAudit, {
    description:
      'A random sample of closed cases not yet reviewed, to confirm or correct their root cause, and the agreement rate of reviews so far. OWNER or SUPERVISOR.',
  })
  rootCauseAudit(
    @Arg('sampleSize', () => Int, { description: 'How many cases, 1 to 100.' }) sampleSize: number,
    @Ctx() ctx: Context,
    @Arg('since', { nullable: true, description: 'Cases closed from then on (sample default: the last 90 days).' })
    since?: Date,
    @Arg('until', { nullable: true, description: 'Cases closed before then.' }) until?: Date,
  ): Promise<RootCauseAudit> {
    return this.causes.audit(ctx, sampleSize, since, until);
  }

  @Authorized(Access.auditRootCauses)
  @Mutation(() => RootCauseReview, {
    description:
      "Reviews a closed case's root cause: agreement, or a correction the case then takes. Once per case (the same answer again returns it). OWNER or SUPERVISOR.",
  })
  confirmRootCause(
    @Arg('caseId', () => ID, { description: 'The closed case.' }) caseId: string,
    @Arg('idempotencyKey', {
      description:
        'A retry with the same key and arguments returns the first answer as it is now, without a second change; the same key with other arguments, or from another caller, is a CONFLICT.',
    })
    idempotencyKey: string,
    @Ctx() ctx: Context,
    @Arg('correctRootCause', { nullable: true, description: 'The right cause, when the case has the wrong one.' })
    correctRootCause?: string,
  ): Promise<RootCauseReview> {
    return this.causes.confirm(ctx, caseId, idempotencyKey, correctRootCause);
  }
}
