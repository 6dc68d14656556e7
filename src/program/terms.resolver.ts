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
import { canonicalLocale, TERMS_READERS, termsRoutingKey, TermsService } from './terms.service';
import { PublishTermsInput, PublishTermsResult, type TermsPublished } from './terms.types';

interface TermsArgs {
  channel: Channel;
  locale: string;
  kind?: TermsKind;
}

/** Authorises a `programTermsPublished` subscription when it starts; it only ever hears its own tenant. */
function subscribeToTerms({ args, context }: SubscribeResolverData<unknown, TermsArgs, Context>) {
  const kind = args.kind ?? TermsKind.PROGRAM_TERMS;
  assertRole(context, TERMS_READERS[kind]);
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
      'Publishes the next version for its kind, channel and locale, and pushes it to programTermsPublished subscribers. OWNER or ADMIN.',
  })
  publishProgramTerms(
    @Arg('input', { description: 'The text and where it applies.' }) input: PublishTermsInput,
    @Ctx() ctx: Context,
  ): Promise<PublishTermsResult> {
    return this.terms.publish(ctx, input);
  }

  @Authorized(Access.readProgram)
  @Query(() => ProgramTerms, {
    description:
      'The version in effect now; every channel asking gets the same one. "fr-CA" falls back to "fr". Program terms: any caller of the tenant; agent scripts: staff only (a customer gets FORBIDDEN).',
  })
  programTerms(
    @Arg('channel', () => Channel, { description: 'The channel that shows the text.' }) channel: Channel,
    @Arg('locale', { description: 'BCP 47 tag, e.g. "fr-CA".' }) locale: string,
    @Ctx() ctx: Context,
    @Arg('kind', () => TermsKind, {
      defaultValue: TermsKind.PROGRAM_TERMS,
      description: 'Program terms or an agent script.',
    })
    kind: TermsKind,
  ): Promise<ProgramTerms> {
    return this.terms.current(ctx, kind, channel, locale);
  }

  @Authorized(Access.readProgram)
  @Query(() => [ProgramTerms], {
    description:
      'Every version, newest first, including those not in effect yet. At most 100. Staff see them all; a customer sees the version in effect and those announced to follow it, and no agent scripts (FORBIDDEN).',
  })
  programTermsHistory(
    @Arg('channel', () => Channel, { description: 'The channel that shows the text.' }) channel: Channel,
    @Arg('locale', { description: 'BCP 47 tag, e.g. "fr-CA"; matched exactly, with no language fallback.' })
    locale: string,
    @Ctx() ctx: Context,
    @Arg('kind', () => TermsKind, {
      defaultValue: TermsKind.PROGRAM_TERMS,
      description: 'Program terms or an agent script.',
    })
    kind: TermsKind,
  ): Promise<ProgramTerms[]> {
    return this.terms.history(ctx, kind, channel, locale);
  }

  @Authorized(Access.acknowledgeScripts)
  @Mutation(() => ScriptAcknowledgement, {
    description:
      'Records that the calling agent read this script version (once; again changes nothing). OWNER, ADMIN, SUPERVISOR, AGENT or POS.',
  })
  acknowledgeScript(
    @Arg('termsId', () => ID, { description: 'The script version read.' }) termsId: string,
    @Ctx() ctx: Context,
  ): Promise<ScriptAcknowledgement> {
    return this.terms.acknowledge(ctx, termsId);
  }

  @Authorized(Access.manageProgram.concat(Access.grantStatus))
  @Query(() => [ScriptAcknowledgement], {
    description: 'Who acknowledged a script version, first first. OWNER, ADMIN or SUPERVISOR.',
  })
  scriptAcknowledgements(
    @Arg('termsId', () => ID, { description: 'The script version.' }) termsId: string,
    @Ctx() ctx: Context,
  ): Promise<ScriptAcknowledgement[]> {
    return this.terms.acknowledgements(ctx, termsId);
  }

  @Subscription(() => ProgramTerms, {
    subscribe: subscribeToTerms,
    description:
      'Each version published for this channel and locale, or for its language (what programTerms falls back to), as it is published. Program terms: any caller of the tenant; agent scripts: staff only.',
  })
  programTermsPublished(
    @Arg('channel', () => Channel, { description: 'The channel that shows the text.' }) _channel: Channel,
    @Arg('locale', { description: 'BCP 47 tag, e.g. "fr-CA".' }) _locale: string,
    @Arg('kind', () => TermsKind, {
      defaultValue: TermsKind.PROGRAM_TERMS,
      description: 'Program terms or an agent script.',
    })
    _kind: TermsKind,
    @Root() event: TermsPublished,
  ): ProgramTerms {
    return Object.assign(new ProgramTerms(), {
      ...event,
      effectiveFrom: new Date(event.effectiveFrom),
      createdAt: new Date(event.createdAt),
    });
  }
}
