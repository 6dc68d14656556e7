import { randomUUID } from 'node:crypto';

import {
  AcknowledgeScriptDocument,
  ProgramTermsDocument,
  ProgramTermsHistoryDocument,
  ProgramTermsPublishedDocument,
  PublishProgramTermsDocument,
  type PublishTermsInput,
} from '../generated/graphql';
import {
  type ApiClient,
  collect,
  createCustomer,
  createTenant,
  startGateway,
  type TenantFixture,
  type TestGateway,
  uniquePrefix,
  untilRedisListening,
} from '../support';

let gwA: TestGateway;
let gwB: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  // Two instances sharing PostgreSQL and Redis: a publication on A reaches subscribers on B.
  const prefix = uniquePrefix('terms');
  [gwA, gwB] = await Promise.all([startGateway({ redisPrefix: prefix }), startGateway({ redisPrefix: prefix })]);
  tenant = await createTenant(gwA);
});
afterAll(async () => {
  await Promise.all([gwA.close(), gwB.close()]);
});

function publish(
  input: Pick<PublishTermsInput, 'channel' | 'locale'> & Partial<PublishTermsInput>,
  token: ApiClient = tenant.owner,
  gw = gwA,
) {
  return token.on(gw).gql(PublishProgramTermsDocument, {
    input: {
      kind: 'PROGRAM_TERMS',
      title: 'Terms',
      body: 'Points expire after 24 months.',
      idempotencyKey: randomUUID(),
      ...input,
    },
  });
}

describe('program terms', () => {
  it('gives every channel the version in effect, numbers versions, keeps future ones for their date, and falls back to the language', async () => {
    const first = (await publish({ channel: 'WEB', locale: 'en-gb', title: 'Terms v1' })).data!.publishProgramTerms
      .terms;
    expect(first).toMatchObject({ channel: 'WEB', locale: 'en-GB', version: 1, title: 'Terms v1' });
    expect(first.publishedBy).toMatch(/^key:/);
    await publish({
      channel: 'WEB',
      locale: 'en-GB',
      title: 'Terms v2',
      effectiveFrom: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const customer = await createCustomer(tenant.owner);
    const token = await tenant.customer(customer.id);
    for (const [gw, caller] of [
      [gwA, tenant.owner],
      [gwB, token],
    ] as const) {
      expect(
        (await caller.on(gw).data(ProgramTermsDocument, { channel: 'WEB', locale: 'en-GB' })).programTerms,
      ).toEqual({
        version: 1,
        locale: 'en-GB',
        title: 'Terms v1',
      });
    }
    expect(
      (await tenant.owner.data(ProgramTermsHistoryDocument, { channel: 'WEB', locale: 'en-GB' })).programTermsHistory,
    ).toEqual([{ version: 2 }, { version: 1 }]);

    await publish({ channel: 'MOBILE', locale: 'fr', title: 'Conditions' });
    expect(
      (await tenant.owner.data(ProgramTermsDocument, { channel: 'MOBILE', locale: 'fr-CA' })).programTerms,
    ).toMatchObject({
      locale: 'fr',
      title: 'Conditions',
    });
    const missing = await tenant.owner.gql(ProgramTermsDocument, { channel: 'POS', locale: 'de' });
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TERMS_NOT_FOUND',
      field: 'locale',
    });
    // Another tenant has its own texts.
    const other = await createTenant(gwA);
    expect(
      (await other.owner.gql(ProgramTermsDocument, { channel: 'WEB', locale: 'en-GB' })).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('replays a retried publication, validates input naming the field, and lets only owners and admins publish', async () => {
    const key = randomUUID();
    const input = { channel: 'POS' as const, locale: 'nl', title: 'Voorwaarden', idempotencyKey: key };
    const once = (await publish(input)).data!.publishProgramTerms;
    const twice = (await publish(input)).data!.publishProgramTerms;
    expect(twice).toEqual({ ...once, replayed: true });
    expect((await publish({ ...input, title: 'Other' })).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect((await publish({ channel: 'POS', locale: 'not a locale!' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.locale',
    });
    expect(
      (await publish({ channel: 'POS', locale: 'nl', effectiveFrom: '2020-01-01T00:00:00Z' })).errors?.[0]?.extensions,
    ).toMatchObject({ field: 'input.effectiveFrom' });
    const agent = await tenant.agent();
    expect((await publish({ channel: 'POS', locale: 'nl' }, agent)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await tenant.owner.data(ProgramTermsHistoryDocument, { channel: 'POS', locale: 'nl' })).programTermsHistory,
    ).toEqual([{ version: 1 }]);
  });

  it('pushes a publication made on one instance to subscribers of that channel and locale on another, and to no other tenant', async () => {
    const other = await createTenant(gwA);
    const [mine, theirs] = [tenant.owner.on(gwB).ws(), other.owner.on(gwB).ws()];
    try {
      const sub = collect(mine, ProgramTermsPublishedDocument, { channel: 'MOBILE', locale: 'es' });
      const foreign = collect(theirs, ProgramTermsPublishedDocument, { channel: 'MOBILE', locale: 'es' });
      const otherLocale = collect(mine, ProgramTermsPublishedDocument, { channel: 'MOBILE', locale: 'pt' });
      // A regional screen shows its language's text (the fallback), so it hears those publications too.
      const regional = collect(mine, ProgramTermsPublishedDocument, { channel: 'MOBILE', locale: 'es-MX' });
      await untilRedisListening(gwB, 'PROGRAM_TERMS_PUBLISHED');
      await publish({ channel: 'MOBILE', locale: 'es', title: 'Términos v1' });
      await publish({ channel: 'MOBILE', locale: 'es', title: 'Términos v2' });
      const events = await sub.next(2);
      expect(events.map((event) => event.data?.programTermsPublished)).toEqual([
        { version: 1, title: 'Términos v1', locale: 'es', channel: 'MOBILE' },
        { version: 2, title: 'Términos v2', locale: 'es', channel: 'MOBILE' },
      ]);
      expect((await regional.next(2)).map((event) => event.data?.programTermsPublished.title)).toEqual([
        'Términos v1',
        'Términos v2',
      ]);
      await new Promise((r) => setTimeout(r, 200));
      expect(foreign.events).toEqual([]);
      expect(otherLocale.events).toEqual([]);
      [sub, foreign, otherLocale, regional].forEach((s) => s.stop());
    } finally {
      await Promise.all([mine.dispose(), theirs.dispose()]);
    }
  });
});

describe('agent scripts', () => {
  it('are acknowledged once per agent and version, listed for supervisors, and hidden from customers', async () => {
    const script = (await publish({ kind: 'AGENT_SCRIPT', channel: 'AGENT', locale: 'en', title: 'Explaining expiry' }))
      .data!.publishProgramTerms.terms;
    const agent = await tenant.agent();
    const first = (await agent.data(AcknowledgeScriptDocument, { id: script.id })).acknowledgeScript;
    const again = (await agent.on(gwB).data(AcknowledgeScriptDocument, { id: script.id })).acknowledgeScript;
    expect(again).toEqual(first);
    expect(first).toMatchObject({ termsId: script.id, version: 1, actor: `key:${agent.id}` });
    const listed = (
      await tenant.owner.data(`query ($id: ID!) { scriptAcknowledgements(termsId: $id) { actor } }`, { id: script.id })
    ).scriptAcknowledgements;
    expect(listed).toEqual([{ actor: `key:${agent.id}` }]);
    const terms = (await publish({ channel: 'AGENT', locale: 'en' })).data!.publishProgramTerms.terms;
    expect((await agent.gql(AcknowledgeScriptDocument, { id: terms.id })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'termsId',
    });
    const customer = await createCustomer(tenant.owner);
    const token = await tenant.customer(customer.id);
    const client = token.ws();
    try {
      const denied = collect(client, ProgramTermsPublishedDocument, {
        channel: 'AGENT',
        locale: 'en',
        kind: 'AGENT_SCRIPT',
      });
      await denied.done;
      expect(denied.events[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await client.dispose();
    }
  });
});

describe('what a customer reads', () => {
  it('is the program terms in effect and those announced to follow, never agent scripts, superseded versions or who published', async () => {
    const locale = 'de-AT';
    await publish({ channel: 'MOBILE', locale, title: 'AGB v1' });
    await publish({ channel: 'MOBILE', locale, title: 'AGB v2' });
    await publish({
      channel: 'MOBILE',
      locale,
      title: 'AGB v3',
      effectiveFrom: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await publish({ kind: 'AGENT_SCRIPT', channel: 'MOBILE', locale, title: 'Retention script: offer 500 points' });
    await publish({
      kind: 'AGENT_SCRIPT',
      channel: 'MOBILE',
      locale,
      title: 'Next month: offer 200 points',
      effectiveFrom: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const customer = await createCustomer(tenant.owner);
    const me = await tenant.customer(customer.id);
    const history = async (caller: ApiClient, kind: 'PROGRAM_TERMS' | 'AGENT_SCRIPT') =>
      caller.gql(ProgramTermsHistoryDocument, { channel: 'MOBILE', locale, kind });

    // Advance notice of v3, the version in effect, and not v1, which no longer applies.
    expect((await history(me, 'PROGRAM_TERMS')).data?.programTermsHistory).toEqual([{ version: 3 }, { version: 2 }]);
    expect((await history(tenant.owner, 'PROGRAM_TERMS')).data?.programTermsHistory).toEqual([
      { version: 3 },
      { version: 2 },
      { version: 1 },
    ]);
    for (const res of [
      await history(me, 'AGENT_SCRIPT'),
      await me.gql(ProgramTermsDocument, { channel: 'MOBILE', locale, kind: 'AGENT_SCRIPT' }),
      await me.gql(
        `query ($locale: String!) { programTerms(channel: MOBILE, locale: $locale) { title publishedBy } }`,
        {
          locale,
        },
      ),
    ]) {
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_FORBIDDEN' });
      expect(JSON.stringify(res.data ?? null)).not.toMatch(/offer|key:/);
    }
    expect((await me.data(ProgramTermsDocument, { channel: 'MOBILE', locale })).programTerms.title).toBe('AGB v2');
    const agent = await tenant.agent();
    expect((await history(agent, 'AGENT_SCRIPT')).data?.programTermsHistory).toEqual([{ version: 2 }, { version: 1 }]);
  });
});
