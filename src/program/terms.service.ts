import { recordEvent } from '../outbox/outbox';
import { Topic } from '../realtime/pubsub';
import { callerLabel } from '../shared/auth/caller';
import { assertRole, callerHasRole, requireCaller, requireTenant } from '../shared/auth/guards';
import { Access, type CallerRole } from '../shared/auth/roles';
import type { Channel } from '../shared/channel';
import type { Context } from '../shared/context';
import {
  claimIdempotencyKey,
  findIdempotentResult,
  idempotencyKeyOf,
  IdempotencyScope,
  type IdempotentRequest,
  requestHash,
} from '../shared/idempotency';
import { isUuid, requiredText } from '../shared/validation';
import { programError, ProgramErrorCode } from './program.errors';
import { ProgramTerms, ScriptAcknowledgement, TermsKind } from './terms.entity';
import type { PublishTermsInput, PublishTermsResult, TermsPublished } from './terms.types';

const MAX_BODY = 100_000;
/** Publishing "now" from a client whose clock runs a little behind is still now. */
const CLOCK_SKEW_MS = 60_000;

/** Who reads each kind of text: program terms are for every caller of the tenant, agent scripts for staff. */
export const TERMS_READERS: Record<TermsKind, readonly CallerRole[]> = {
  [TermsKind.PROGRAM_TERMS]: Access.readProgram,
  [TermsKind.AGENT_SCRIPT]: Access.readScripts,
};

/** Canonical BCP 47 ("EN-gb" is "en-GB"), or BAD_USER_INPUT naming the field. */
export function canonicalLocale(raw: string, field: string): string {
  try {
    const [locale] = Intl.getCanonicalLocales(raw.trim());
    if (locale) return locale;
  } catch {
    // RangeError: not a well-formed tag.
  }
  throw programError(ProgramErrorCode.TERMS_INVALID, `"${raw}" is not a BCP 47 locale such as "en" or "fr-CA"`, field);
}

/** The routing key subscribers of one kind, channel and locale listen on; the tenant is part of it. */
export function termsRoutingKey(tenantId: string, kind: TermsKind, channel: Channel, locale: string): string {
  return `${tenantId}:${kind}:${channel}:${locale}`;
}

function published(terms: ProgramTerms): TermsPublished {
  return {
    id: terms.id,
    kind: terms.kind,
    channel: terms.channel,
    locale: terms.locale,
    version: terms.version,
    title: terms.title,
    body: terms.body,
    effectiveFrom: terms.effectiveFrom.toISOString(),
    publishedBy: terms.publishedBy,
    createdAt: terms.createdAt.toISOString(),
  };
}

/** Versioned program terms and agent scripts: one current version per kind, channel and locale for everyone. */
export class TermsService {
  async publish(ctx: Context, input: PublishTermsInput): Promise<PublishTermsResult> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const request: IdempotentRequest = {
      tenantId,
      scope: IdempotencyScope.TERMS_PUBLISH,
      principal: actor,
      key: idempotencyKeyOf(input.idempotencyKey),
      hash: requestHash('publishProgramTerms', input),
    };
    const earlier = await findIdempotentResult(ctx.em, request);
    if (earlier) return this.replay(ctx, earlier);
    const locale = canonicalLocale(input.locale, 'input.locale');
    const title = requiredText(input.title, 'input.title', 200);
    const body = requiredText(input.body, 'input.body', MAX_BODY);
    const now = Date.now();
    const effectiveFrom = input.effectiveFrom ?? new Date(now);
    if (Number.isNaN(effectiveFrom.getTime()) || effectiveFrom.getTime() < now - CLOCK_SKEW_MS) {
      throw programError(
        ProgramErrorCode.TERMS_INVALID,
        'input.effectiveFrom cannot be in the past: published versions are what members were shown',
        'input.effectiveFrom',
      );
    }
    const kind = input.kind ?? TermsKind.PROGRAM_TERMS;
    return this.insert(ctx, { kind, input, locale, title, body, effectiveFrom, actor, request });
  }

  private async insert(
    ctx: Context,
    args: {
      kind: TermsKind;
      input: PublishTermsInput;
      locale: string;
      title: string;
      body: string;
      effectiveFrom: Date;
      actor: string;
      request: IdempotentRequest;
    },
  ): Promise<PublishTermsResult> {
    const { kind, input, locale, title, body, effectiveFrom, actor, request } = args;
    const { tenantId } = request;
    const outcome = await ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request);
      if (claim.replayed) return claim;
      // One publisher at a time per text, so versions are 1, 2, 3... with no gap and no clash.
      await tx.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [
        termsRoutingKey(tenantId, kind, input.channel, locale),
      ]);
      const [{ next }] = await tx.execute<{ next: number }[]>(
        `select coalesce(max(version), 0) + 1 as next from program_terms where tenant_id = ? and kind = ? and channel = ? and locale = ?`,
        [tenantId, kind, input.channel, locale],
      );
      const created = tx.create(ProgramTerms, {
        id: claim.resultId,
        tenant: tenantId,
        kind,
        channel: input.channel,
        locale,
        version: next,
        title,
        body,
        effectiveFrom,
        publishedBy: actor,
        idempotencyKey: request.key,
        requestHash: request.hash,
      });
      // Pushed to every channel after commit, through the outbox: never for a publication that rolled back.
      recordEvent(tx, {
        tenantId,
        topic: Topic.PROGRAM_TERMS_PUBLISHED,
        routingKey: termsRoutingKey(tenantId, kind, input.channel, locale),
        payload: { ...published(created) },
      });
      return { replayed: false as const, terms: created };
    });
    return outcome.replayed ? this.replay(ctx, outcome.resultId) : { terms: outcome.terms, replayed: false };
  }

  /**
   * The version in effect now for a kind, channel and locale: the highest version whose date has come.
   * A regional locale falls back to its language ("fr-CA" reads "fr" until it has its own text).
   */
  async current(ctx: Context, kind: TermsKind, channel: Channel, rawLocale: string): Promise<ProgramTerms> {
    requireTenant(ctx);
    assertRole(ctx, TERMS_READERS[kind]);
    const locale = canonicalLocale(rawLocale, 'locale');
    const language = locale.split('-')[0];
    const found = await ctx.em.find(
      ProgramTerms,
      { kind, channel, locale: { $in: [locale, language] }, effectiveFrom: { $lte: new Date() } },
      { orderBy: { version: 'desc' } },
    );
    const terms = found.find((candidate) => candidate.locale === locale) ?? found[0];
    if (!terms)
      throw programError(
        ProgramErrorCode.TERMS_NOT_FOUND,
        `No ${kind} published for ${channel} in ${locale}`,
        'locale',
      );
    return terms;
  }

  /**
   * Every version, newest first, including those not in effect yet. A caller without `readTermsHistory` (a
   * customer) gets what is customer-facing: the version in effect and those announced to follow it.
   */
  async history(ctx: Context, kind: TermsKind, channel: Channel, rawLocale: string): Promise<ProgramTerms[]> {
    requireTenant(ctx);
    assertRole(ctx, TERMS_READERS[kind]);
    const locale = canonicalLocale(rawLocale, 'locale');
    const versions = await ctx.em.find(
      ProgramTerms,
      { kind, channel, locale },
      { orderBy: { version: 'desc' }, limit: 100 },
    );
    if (callerHasRole(ctx, Access.readTermsHistory)) return versions;
    const now = new Date();
    const inEffect = versions.find((terms) => terms.effectiveFrom <= now);
    // A future version numbered below the one in effect never takes effect (the highest version whose date has come wins).
    return versions.filter(
      (terms) => terms === inEffect || (terms.effectiveFrom > now && terms.version > (inEffect?.version ?? 0)),
    );
  }

  /** An agent confirms they read a script version; saying so again changes nothing. */
  async acknowledge(ctx: Context, termsId: string): Promise<ScriptAcknowledgement> {
    const tenantId = requireTenant(ctx);
    const actor = callerLabel(requireCaller(ctx));
    const terms = isUuid(termsId) ? await ctx.em.findOne(ProgramTerms, { id: termsId }) : null;
    if (!terms) throw programError(ProgramErrorCode.TERMS_NOT_FOUND, `No published text ${termsId}`, 'termsId');
    if (terms.kind !== TermsKind.AGENT_SCRIPT)
      throw programError(ProgramErrorCode.TERMS_INVALID, 'Only agent scripts are acknowledged', 'termsId');
    await ctx.em.execute(
      `insert into script_acknowledgement (id, created_at, tenant_id, terms_id, version, actor) values (gen_random_uuid(), now(), ?, ?, ?, ?)
       on conflict (terms_id, actor) do nothing`,
      [tenantId, terms.id, terms.version, actor],
    );
    return ctx.em.findOneOrFail(ScriptAcknowledgement, { termsId: terms.id, actor }, { refresh: true });
  }

  async acknowledgements(ctx: Context, termsId: string): Promise<ScriptAcknowledgement[]> {
    const tenantId = requireTenant(ctx);
    if (!isUuid(termsId)) return [];
    return ctx.em.find(ScriptAcknowledgement, { tenantId, termsId }, { orderBy: { createdAt: 'asc' } });
  }

  private async replay(ctx: Context, termsId: string): Promise<PublishTermsResult> {
    return { terms: await ctx.em.findOneOrFail(ProgramTerms, { id: termsId }, { refresh: true }), replayed: true };
  }
}
