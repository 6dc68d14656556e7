import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import {
  CreateSupportTeamInput,
  RoutingRule,
  RoutingRuleInput,
  SupportSettings,
  SupportTeam,
  UpdateSupportSettingsInput,
  UpdateSupportTeamInput,
} from './support.types';
import type { SupportConfigService } from './support-config.service';

@Resolver(() => SupportTeam)
export class SupportConfigResolver {
  constructor(private readonly config: SupportConfigService) {}

  @Authorized(Access.workCases)
  @Query(() => [SupportTeam], { description: "The tenant's support teams, by code. Support staff." })
  supportTeams(@Ctx() ctx: Context): Promise<SupportTeam[]> {
    return this.config.teams(ctx);
  }

  @Authorized(Access.workCases)
  @Query(() => [RoutingRule], { description: 'The routing rules, in the order they are tried. Support staff.' })
  routingRules(@Ctx() ctx: Context): Promise<RoutingRule[]> {
    return this.config.rules(ctx);
  }

  @Authorized(Access.workCases)
  @Query(() => SupportSettings, {
    description: 'Default team, SLAs, priorities by tier, goodwill bounds. Support staff.',
  })
  supportSettings(@Ctx() ctx: Context): Promise<SupportSettings> {
    return this.config.settings(ctx);
  }

  @Authorized(Access.manageSupport)
  @Mutation(() => SupportTeam, { description: 'Creates a support team. OWNER or ADMIN.' })
  createSupportTeam(
    @Arg('input', { description: 'The team.' }) input: CreateSupportTeamInput,
    @Ctx() ctx: Context,
  ): Promise<SupportTeam> {
    return this.config.createTeam(ctx, input);
  }

  @Authorized(Access.manageSupport)
  @Mutation(() => SupportTeam, {
    description: 'Changes a team: name, supervisor, the team it escalates to (never a loop). OWNER or ADMIN.',
  })
  updateSupportTeam(
    @Arg('id', () => ID, { description: 'The team.' }) id: string,
    @Arg('input', { description: 'What changes.' }) input: UpdateSupportTeamInput,
    @Ctx() ctx: Context,
  ): Promise<SupportTeam> {
    return this.config.updateTeam(ctx, id, input);
  }

  @Authorized(Access.manageSupport)
  @Mutation(() => [RoutingRule], {
    description: 'Replaces the routing rules with this list, tried in its order; the first match wins. OWNER or ADMIN.',
  })
  setRoutingRules(
    @Arg('rules', () => [RoutingRuleInput], { description: 'Every rule, in order; [] removes them all.' })
    rules: RoutingRuleInput[],
    @Arg('idempotencyKey', {
      description:
        'A retry with the same key and arguments returns the first answer as it is now, without a second change; the same key with other arguments, or from another caller, is a CONFLICT.',
    })
    idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<RoutingRule[]> {
    return this.config.setRules(ctx, rules, idempotencyKey);
  }

  @Authorized(Access.manageSupport)
  @Mutation(() => SupportSettings, { description: 'Changes the support settings. OWNER or ADMIN.' })
  updateSupportSettings(
    @Arg('input', { description: 'What changes.' }) input: UpdateSupportSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<SupportSettings> {
    return this.config.updateSettings(ctx, input);
  }

  @FieldResolver(() => SupportTeam, { nullable: true, description: 'The next level of the routing path.' })
  escalationTeam(@Root() team: SupportTeam, @Ctx() ctx: Context): Promise<SupportTeam | null> | null {
    return team.escalationTeamId
      ? ctx.loaders.supportTeamById.load(`${requireTenant(ctx)}:${team.escalationTeamId}`)
      : null;
  }
}
