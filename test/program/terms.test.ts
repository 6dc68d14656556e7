import { randomUUID } from 'node:crypto';

import { createApiKey, createCustomer, createTenant, customerToken, type TenantFixture } from '../support/factories';
import {
  collect,
  gql,
  gqlOk,
  startGateway,
  type TestGateway,
  uniquePrefix,
  untilRedisListening,
  wsClient,
} from '../support/gateway';

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

const PUBLISH = `mutation ($input: PublishTermsInput!) { publishProgramTerms(input: $input) { replayed terms { id kind channel locale version title effectiveFrom publishedBy } } }`;
const CURRENT = `query ($channel: Channel!, $locale: String!, $kind: TermsKind) { programTerms(channel: $channel, locale: $locale, kind: $kind) { version locale title } }`;
const HISTORY = `query ($channel: Channel!, $locale: String!) { programTermsHistory(channel: $channel, locale: $locale) { version } }`;
const PUSHED = `subscription ($channel: Channel!, $locale: String!, $kind: TermsKind) { programTermsPublished(channel: $channel, locale: $locale, kind: $kind) { version title locale channel } }`;

function publish(input: Record<string, unknown>, token = tenant.ownerKey, gw = gwA) {
  return gql(
    gw,
    PUBLISH,
    {
      input: {
        kind: 'PROGRAM_TERMS',
        title: 'Terms',
        body: 'Points expire after 24 months.',
        idempotencyKey: randomUUID(),
        ...input,
      },
    },
    token,
  );
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
    const customer = await createCustomer(gwA, tenant.ownerKey);
    const token = await customerToken(gwA, tenant.ownerKey, customer.id);
    for (const [gw, caller] of [
      [gwA, tenant.ownerKey],
      [gwB, token],
    ] as const) {
      expect((await gqlOk(gw, CURRENT, { channel: 'WEB', locale: 'en-GB' }, caller)).programTerms).toEqual({
        version: 1,
        locale: 'en-GB',
        title: 'Terms v1',
      });
    }
    expect(
      (await gqlOk(gwA, HISTORY, { channel: 'WEB', locale: 'en-GB' }, tenant.ownerKey)).programTermsHistory,
    ).toEqual([{ version: 2 }, { version: 1 }]);

    await publish({ channel: 'MOBILE', locale: 'fr', title: 'Conditions' });
    expect(
      (await gqlOk(gwA, CURRENT, { channel: 'MOBILE', locale: 'fr-CA' }, tenant.ownerKey)).programTerms,
    ).toMatchObject({ locale: 'fr', title: 'Conditions' });
    const missing = await gql(gwA, CURRENT, { channel: 'POS', locale: 'de' }, tenant.ownerKey);
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TERMS_NOT_FOUND',
      field: 'locale',
    });
    // Another tenant has its own texts.
    const other = await createTenant(gwA);
    expect(
      (await gql(gwA, CURRENT, { channel: 'WEB', locale: 'en-GB' }, other.ownerKey)).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('replays a retried publication, validates input naming the field, and lets only owners and admins publish', async () => {
    const key = randomUUID();
    const input = { channel: 'POS', locale: 'nl', title: 'Voorwaarden', idempotencyKey: key };
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
    const agent = await createApiKey(gwA, tenant.ownerKey, 'AGENT');
    expect((await publish({ channel: 'POS', locale: 'nl' }, agent.secret)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await gqlOk(gwA, HISTORY, { channel: 'POS', locale: 'nl' }, tenant.ownerKey)).programTermsHistory).toEqual([
      { version: 1 },
    ]);
  });

  it('pushes a publication made on one instance to subscribers of that channel and locale on another, and to no other tenant', async () => {
    const other = await createTenant(gwA);
    const [mine, theirs] = [wsClient(gwB, tenant.ownerKey), wsClient(gwB, other.ownerKey)];
    try {
      const sub = collect(mine, PUSHED, { channel: 'MOBILE', locale: 'es' });
      const foreign = collect(theirs, PUSHED, { channel: 'MOBILE', locale: 'es' });
      const otherLocale = collect(mine, PUSHED, { channel: 'MOBILE', locale: 'pt' });
      // A regional screen shows its language's text (the fallback), so it hears those publications too.
      const regional = collect(mine, PUSHED, { channel: 'MOBILE', locale: 'es-MX' });
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
    const agent = await createApiKey(gwA, tenant.ownerKey, 'AGENT');
    const ACK = `mutation ($id: ID!) { acknowledgeScript(termsId: $id) { termsId version actor createdAt } }`;
    const first = (await gqlOk(gwA, ACK, { id: script.id }, agent.secret)).acknowledgeScript;
    const again = (await gqlOk(gwB, ACK, { id: script.id }, agent.secret)).acknowledgeScript;
    expect(again).toEqual(first);
    expect(first).toMatchObject({ termsId: script.id, version: 1, actor: `key:${agent.id}` });
    const listed = (
      await gqlOk(
        gwA,
        `query ($id: ID!) { scriptAcknowledgements(termsId: $id) { actor } }`,
        { id: script.id },
        tenant.ownerKey,
      )
    ).scriptAcknowledgements;
    expect(listed).toEqual([{ actor: `key:${agent.id}` }]);
    const terms = (await publish({ channel: 'AGENT', locale: 'en' })).data!.publishProgramTerms.terms;
    expect((await gql(gwA, ACK, { id: terms.id }, agent.secret)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'termsId',
    });
    const customer = await createCustomer(gwA, tenant.ownerKey);
    const token = await customerToken(gwA, tenant.ownerKey, customer.id);
    const client = wsClient(gwA, token);
    try {
      const denied = collect(client, PUSHED, { channel: 'AGENT', locale: 'en', kind: 'AGENT_SCRIPT' });
      await denied.done;
      expect(denied.events[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await client.dispose();
    }
  });
});
