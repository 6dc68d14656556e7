import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  type SubscribeResolverData,
  Subscription,
} from 'type-graphql';

import { Topic } from '../realtime/pubsub';
import { assertRole, requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import { Channel } from '../shared/channel';
import type { Context } from '../shared/context';
import { ProgramTerms, ScriptAcknowledgement, TermsKind } from './terms.entity';
import { canonicalLocale, termsRoutingKey, TermsService } from './terms.service';
import { PublishTermsInput, PublishTermsResult, type TermsPublished } from './terms.types';

interface TermsArgs {
  channel: Channel;
  locale: string;
  kind?: TermsKind;
}

/** Authorises a `programTermsPublished` subscription when it starts; it only ever hears its own tenant. */
function subscribeToTerms({ args, context }: SubscribeResolverData<unknown, TermsArgs, Context>) {
  const kind = args.kind ?? TermsKind.PROGRAM_TERMS;
  assertRole(context, kind === TermsKind.AGENT_SCRIPT ? Access.acknowledgeScripts : Access.readProgram);
  const tenantId = requireTenant(context);
  const locale = canonicalLocale(String(args.locale), 'locale');
  // A regional locale shows its language's text until it has its own, so it hears both.
  const locales = [...new Set([locale, locale.split('-')[0]])];
  return context.bus.subscribe(
    Topic.PROGRAM_TERMS_PUBLISHED,
    locales.map((each) => termsRoutingKey(tenantId, kind, args.channel, each)),
  );
}

@Resolver(() => ProgramTerms)
export class TermsResolver {
  constructor(private readonly terms: TermsService) {}

  @Authorized(Access.manageProgram)
  @Mutation(() => PublishTermsResult, {
    description:
      'Publishes the next version for its kind, channel and locale, and pushes it to programTermsPublished subscribers.',
  })
  publishProgramTerms(@Arg('input') input: PublishTermsInput, @Ctx() ctx: Context): Promise<PublishTermsResult> {
    return this.terms.publish(ctx, input);
  }

  @Authorized(Access.readProgram)
  @Query(() => ProgramTerms, {
    description: 'The version in effect now; every channel asking gets the same one. "fr-CA" falls back to "fr".',
  })
  programTerms(
    @Arg('channel', () => Channel) channel: Channel,
    @Arg('locale') locale: string,
    @Ctx() ctx: Context,
    @Arg('kind', () => TermsKind, { defaultValue: TermsKind.PROGRAM_TERMS }) kind: TermsKind,
  ): Promise<ProgramTerms> {
    return this.terms.current(ctx, kind, channel, locale);
  }

  @Authorized(Access.readProgram)
  @Query(() => [ProgramTerms], { description: 'Every version, newest first, including those not in effect yet.' })
  programTermsHistory(
    @Arg('channel', () => Channel) channel: Channel,
    @Arg('locale') locale: string,
    @Ctx() ctx: Context,
    @Arg('kind', () => TermsKind, { defaultValue: TermsKind.PROGRAM_TERMS }) kind: TermsKind,
  ): Promise<ProgramTerms[]> {
    return this.terms.history(ctx, kind, channel, locale);
  }

  @Authorized(Access.acknowledgeScripts)
  @Mutation(() => ScriptAcknowledgement, {
    description: 'Records that the calling agent read this script version (once; again changes nothing).',
  })
  acknowledgeScript(@Arg('termsId', () => ID) termsId: string, @Ctx() ctx: Context): Promise<ScriptAcknowledgement> {
    return this.terms.acknowledge(ctx, termsId);
  }

  @Authorized(Access.manageProgram.concat(Access.grantStatus))
  @Query(() => [ScriptAcknowledgement], { description: 'Who acknowledged a script version, first first.' })
  scriptAcknowledgements(
    @Arg('termsId', () => ID) termsId: string,
    @Ctx() ctx: Context,
  ): Promise<ScriptAcknowledgement[]> {
    return this.terms.acknowledgements(ctx, termsId);
  }

  @Subscription(() => ProgramTerms, {
    subscribe: subscribeToTerms,
    description:
      'Each version published for this channel and locale, or for its language (what programTerms falls back to), as it is published. Agent scripts: staff only.',
  })
  programTermsPublished(
    @Arg('channel', () => Channel) _channel: Channel,
    @Arg('locale') _locale: string,
    @Arg('kind', () => TermsKind, { defaultValue: TermsKind.PROGRAM_TERMS }) _kind: TermsKind,
    @Root() event: TermsPublished,
  ): ProgramTerms {
    return Object.assign(new ProgramTerms(), {
      ...event,
      effectiveFrom: new Date(event.effectiveFrom),
      createdAt: new Date(event.createdAt),
    });
  }
}
