import { createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';

import request from 'supertest';

import { ChannelSwitchesDocument, RecordInteractionDocument, type RecordInteractionInput } from '../generated/graphql';
import { createCustomer, createTenant, startGateway, type TenantFixture, type TestGateway } from '../support';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({
    env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0', INGEST_MAX_BODY_BYTES_BILLING: '4096' },
  });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

interface SignOptions {
  secret?: string;
  tenantId?: string;
  signedFor?: string;
  secondsAgo?: number;
  deliveryId?: string;
  /** A delivery id other than the one signed: a captured request sent again under a new id. */
  sentDeliveryId?: string;
}

/** The headers a sender signs a delivery with; every delivery has its own id, signed with the rest. */
function signedHeaders(source: string, raw: string, options: SignOptions = {}): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000) - (options.secondsAgo ?? 0));
  const deliveryId = options.deliveryId ?? randomUUID();
  const signature = createHmac('sha256', options.secret ?? tenant.ingestSecret)
    .update(`${timestamp}.${options.signedFor ?? source}.${deliveryId}.${raw}`)
    .digest('hex');
  return {
    'content-type': 'application/json',
    'x-loyalty-tenant': options.tenantId ?? tenant.tenantId,
    'x-loyalty-timestamp': timestamp,
    'x-loyalty-delivery': options.sentDeliveryId ?? deliveryId,
    'x-loyalty-signature': `sha256=${signature}`,
  };
}

function post(source: string, body: unknown, options: SignOptions & { tamper?: boolean } = {}) {
  const raw = JSON.stringify(body);
  const sent = options.tamper ? JSON.stringify({ ...(body as object), extra: 1 }) : raw;
  return request(gw.url)
    .post(`/ingest/${source}`)
    .set(signedHeaders(source, raw, options))
    .send(sent);
}

async function timelineOf(customerId: string) {
  return (
    await tenant.owner.data(
      `query ($id: ID!) { customer(id: $id) { timeline(first: 50) { edges { node { kind source sourceEventId channel actor summary data refType refId } } } } }`,
      { id: customerId },
    )
  ).customer.timeline.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
}

describe('POST /ingest/:source', () => {
  it('stores the good events of a batch, gives each bad one its own error, and stores nothing twice on a resend', async () => {
    const customer = await createCustomer(tenant.owner);
    const caseId = `CASE-${randomUUID().slice(0, 8)}`;
    const batch = {
      events: [
        {
          id: caseId,
          customer: { id: customer.id },
          kind: 'SUPPORT_CASE',
          channel: 'AGENT',
          occurredAt: '2026-11-20T10:00:00.000Z',
          actor: 'zendesk:agent-7',
          summary: 'Parcel never arrived',
          data: { priority: 'high' },
          ref: '48213',
        },
        {
          id: `CALL-${randomUUID().slice(0, 8)}`,
          customer: { identifiers: [{ kind: 'EMAIL', value: customer.email!.toUpperCase() }] },
          kind: 'INTERACTION',
          channel: 'AGENT',
          occurredAt: '2026-11-20T10:05:00.000Z',
          summary: 'Follow-up call',
          data: { type: 'call' },
        },
        {
          id: 'bad-kind',
          customer: { id: customer.id },
          kind: 'POINTS_EARNED',
          occurredAt: '2026-11-20T10:00:00.000Z',
          summary: 'forged',
        },
        {
          id: 'nobody',
          customer: { identifiers: [{ kind: 'EMAIL', value: 'nobody@example.com' }] },
          kind: 'NOTE',
          occurredAt: '2026-11-20T10:00:00.000Z',
          summary: 'x',
        },
        { customer: { id: customer.id }, kind: 'NOTE', occurredAt: '2026-11-20T10:00:00.000Z', summary: 'no id' },
      ],
    };
    const first = await post('support', batch);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ stored: 2, duplicates: 0, rejected: 3 });
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual([
      'STORED',
      'STORED',
      'REJECTED',
      'REJECTED',
      'REJECTED',
    ]);
    expect(first.body.results[2].error).toMatchObject({ field: 'events.2.kind' });
    expect(first.body.results[3].error).toMatchObject({ code: 'CUSTOMER_NOT_FOUND', field: 'events.3.customer' });
    expect(first.body.results[4].error).toMatchObject({ field: 'events.4.id' });

    const again = await post('support', batch);
    expect(again.body).toMatchObject({ stored: 0, duplicates: 2, rejected: 3 });
    const events = await timelineOf(customer.id);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ kind: 'INTERACTION', source: 'support', summary: 'Follow-up call' });
    expect(events[1]).toMatchObject({
      kind: 'SUPPORT_CASE',
      source: 'support',
      sourceEventId: caseId,
      channel: 'AGENT',
      actor: 'zendesk:agent-7',
      data: { priority: 'high' },
      refId: '48213',
    });
    // The same event id from another system is another event.
    expect((await post('crm', { events: [batch.events[0]] })).body.stored).toBe(1);
  });

  it('stores nothing when the signature does not match the bytes, the secret, or the tenant', async () => {
    const customer = await createCustomer(tenant.owner);
    const other = await createTenant(gw);
    const batch = {
      events: [
        {
          id: `N-${randomUUID()}`,
          customer: { id: customer.id },
          kind: 'NOTE',
          occurredAt: new Date().toISOString(),
          summary: 'hello',
        },
      ],
    };
    expect((await post('crm', batch, { tamper: true })).status).toBe(401);
    // A batch signed for one source cannot be replayed to another, nor after the tolerance.
    expect((await post('support', batch, { signedFor: 'crm' })).status).toBe(401);
    expect((await post('crm', batch, { secondsAgo: 600 })).status).toBe(401);
    expect((await post('crm', batch, { secret: other.ingestSecret })).status).toBe(401);
    expect(
      (await post('crm', batch, { secret: other.ingestSecret, tenantId: other.tenantId })).body.results[0].error.code,
    ).toBe('CUSTOMER_NOT_FOUND');
    expect((await post('erp', batch)).status).toBe(404);
    expect(await timelineOf(customer.id)).toEqual([]);
    const rotated = (await tenant.owner.data(`mutation { rotateIngestSecret }`)).rotateIngestSecret;
    expect((await post('crm', batch)).status).toBe(401);
    expect((await post('crm', batch, { secret: rotated })).body.stored).toBe(1);
    tenant.ingestSecret = rotated;
  });
});

describe('ingestion of malformed events', () => {
  it('rejects each odd event on its own and still stores the good ones', async () => {
    const customer = await createCustomer(tenant.owner);
    const good = {
      customer: { id: customer.id.toUpperCase() },
      kind: 'NOTE',
      occurredAt: new Date().toISOString(),
      summary: 'fine',
    };
    const batch = {
      events: [
        { ...good, id: `ok-${randomUUID()}` },
        { ...good, id: `nul-${randomUUID()}`, summary: 'bad \u0000 byte' },
        { ...good, id: `data-${randomUUID()}`, data: { text: 'bad \u0000 byte' } },
        { ...good, id: `bc-${randomUUID()}`, occurredAt: '-000001-01-01T00:00:00Z' },
        { ...good, id: `null-id-${randomUUID()}`, customer: { identifiers: [null] } },
        { ...good, id: `cust-${randomUUID()}`, customer: 'someone' },
        null,
      ],
    };
    const res = await post('crm', batch);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'STORED',
      'REJECTED',
      'REJECTED',
      'REJECTED',
      'REJECTED',
      'REJECTED',
      'REJECTED',
    ]);
    expect(res.body.results.slice(1, 6).map((r: { error: { field: string } }) => r.error.field)).toEqual([
      'events.1.summary',
      'events.2.data',
      'events.3.occurredAt',
      'events.4.customer.identifiers.0',
      'events.5.customer',
    ]);
  });
});

describe('recordInteraction', () => {
  it("puts an agent's call on the timeline once, however often it is sent", async () => {
    const customer = await createCustomer(tenant.owner);
    const input: RecordInteractionInput = {
      customerId: customer.id,
      kind: 'INTERACTION',
      channel: 'AGENT',
      summary: 'Called about a missing parcel',
      data: { type: 'call', durationSeconds: 240 },
      idempotencyKey: randomUUID(),
    };
    const first = (await tenant.owner.data(RecordInteractionDocument, { input })).recordInteraction;
    const again = (await tenant.owner.data(RecordInteractionDocument, { input })).recordInteraction;
    expect(again).toEqual(first);
    expect(first).toMatchObject({
      kind: 'INTERACTION',
      channel: 'AGENT',
      data: { type: 'call', durationSeconds: 240 },
    });
    expect(await timelineOf(customer.id)).toHaveLength(1);
    const forged = await tenant.owner.gql(RecordInteractionDocument, {
      input: { ...input, kind: 'TIER_CHANGED', idempotencyKey: randomUUID() },
    });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    const unknown = await tenant.owner.gql(RecordInteractionDocument, {
      input: { ...input, customerId: randomUUID(), idempotencyKey: randomUUID() },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
  });

  it("keeps each caller's idempotency keys its own: the same key from two staff keys is two events", async () => {
    const [ada, bob] = [await createCustomer(tenant.owner), await createCustomer(tenant.owner)];
    const [first, second] = [await tenant.agent(), await tenant.agent()];
    const idempotencyKey = randomUUID();
    const input = (customerId: string): RecordInteractionInput => ({
      customerId,
      kind: 'INTERACTION',
      channel: 'AGENT',
      summary: 'Called about a missing parcel',
      idempotencyKey,
    });
    const forAda = (await first.data(RecordInteractionDocument, { input: input(ada.id) })).recordInteraction;
    const forBob = (await second.data(RecordInteractionDocument, { input: input(bob.id) })).recordInteraction;
    expect(forBob.id).not.toEqual(forAda.id);
    expect([forAda.actor, forBob.actor]).toEqual([`key:${first.id}`, `key:${second.id}`]);
    expect(await timelineOf(ada.id)).toHaveLength(1);
    expect(await timelineOf(bob.id)).toHaveLength(1);
    // Each stored event raised its own EVENT_INGESTED signal, for its own customer.
    const signals = await gw.gateway.orm.em
      .fork()
      .execute<{ customer_id: string }[]>(
        `select customer_id from customer_signal where tenant_id = ? and type = 'EVENT_INGESTED' and payload->>'timelineEventId' = any(?::text[])`,
        [tenant.tenantId, `{${forAda.id},${forBob.id}}`],
      );
    expect(signals.map((row) => row.customer_id).sort()).toEqual([ada.id, bob.id].sort());
    // A retry by each caller is its own event again; the same key with another request is a conflict.
    expect((await second.data(RecordInteractionDocument, { input: input(bob.id) })).recordInteraction).toEqual(forBob);
    expect((await first.data(RecordInteractionDocument, { input: input(ada.id) })).recordInteraction).toEqual(forAda);
    const reused = await first.gql(RecordInteractionDocument, { input: input(bob.id) });
    expect(reused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      field: 'input.idempotencyKey',
    });
    expect(await timelineOf(bob.id)).toHaveLength(1);
  });
});

describe('channel switches', () => {
  it('finds a customer going from the web to the phone within the window, and counts such switches across the tenant', async () => {
    const own = await createTenant(gw);
    const [ada, bob] = [await createCustomer(own.owner), await createCustomer(own.owner)];
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const event = (id: string, customerId: string, channel: string, at: string, summary: string) => ({
      id,
      customer: { id: customerId },
      kind: 'INTERACTION',
      channel,
      occurredAt: at,
      summary,
    });
    const batch = {
      events: [
        event('a1', ada.id, 'WEB', hoursAgo(30), 'Opened the returns page'),
        event('a2', ada.id, 'WEB', hoursAgo(29), 'Started a return'),
        event('a3', ada.id, 'AGENT', hoursAgo(27), 'Called about the return'),
        event('a4', ada.id, 'POS', hoursAgo(1), 'Visited the store'),
        event('b1', bob.id, 'WEB', hoursAgo(10), 'Signed in'),
        event('b2', bob.id, 'AGENT', hoursAgo(9), 'Chat with an agent'),
        event('b3', bob.id, 'API', hoursAgo(8), 'Back-office sync'),
      ],
    };
    expect((await post('crm', batch, { secret: own.ingestSecret, tenantId: own.tenantId })).body.stored).toBe(7);
    const ada24 = (await own.owner.data(ChannelSwitchesDocument, { id: ada.id, h: 24 })).channelSwitches;
    expect(ada24).toEqual([
      {
        from: { channel: 'WEB', summary: 'Started a return' },
        to: { channel: 'AGENT', summary: 'Called about the return' },
        minutesBetween: 120,
      },
    ]);
    expect((await own.owner.data(ChannelSwitchesDocument, { id: ada.id, h: 48 })).channelSwitches).toHaveLength(2);
    const summary = (
      await own.owner.data(
        `query ($since: DateTimeISO!) { channelSwitchSummary(since: $since, withinHours: 24) { from to switches customers } }`,
        { since: hoursAgo(48) },
      )
    ).channelSwitchSummary;
    expect(summary).toEqual([{ from: 'WEB', to: 'AGENT', switches: 2, customers: 2 }]);
    const bad = await own.owner.gql(ChannelSwitchesDocument, { id: ada.id, h: 0 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'withinHours' });
  });
});

interface IngestAnswer {
  status: number;
  body: { error?: { code?: string; reason?: string; message?: string } };
}

/** Sends the headers of a POST announcing `length` bytes, never the bytes, and waits for the answer. */
function headersOnly(source: string, headers: Record<string, string>, length: number): Promise<IngestAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${gw.url}/ingest/${source}`,
      { method: 'POST', headers: { ...headers, 'content-length': String(length) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as IngestAnswer['body'] });
          req.destroy();
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(3000, () => req.destroy(new Error('no answer while the body was not sent')));
    req.flushHeaders();
  });
}

describe('ingestion limits', () => {
  const note = (customerId: string, summary = 'hello') => ({
    id: `N-${randomUUID()}`,
    customer: { id: customerId },
    kind: 'NOTE',
    occurredAt: new Date().toISOString(),
    summary,
  });

  it('answers missing or malformed signature headers and a stale timestamp before reading the body', async () => {
    const missing = await headersOnly('crm', { 'x-loyalty-tenant': tenant.tenantId }, 1_000_000);
    expect(missing).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', reason: 'HEADERS_INVALID' } },
    });
    const badDelivery = await headersOnly('crm', signedHeaders('crm', '', { deliveryId: 'has.dots' }), 1_000_000);
    expect(badDelivery.body.error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'HEADERS_INVALID' });
    const stale = await headersOnly('crm', signedHeaders('crm', '', { secondsAgo: 600 }), 1_000_000);
    expect(stale.body.error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TIMESTAMP_OUT_OF_WINDOW' });
    expect((await headersOnly('erp', signedHeaders('erp', ''), 1_000_000)).status).toBe(404);
  });

  it("refuses a body over its source's cap, unread when its Content-Length says so", async () => {
    // Over the default 256 KiB: refused from its Content-Length, nothing read.
    const announced = await headersOnly('crm', signedHeaders('crm', ''), 300 * 1024);
    expect(announced).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    // This gateway caps billing at 4 KiB; the same batch is fine for crm.
    const customer = await createCustomer(tenant.owner);
    const batch = { events: Array.from({ length: 6 }, () => note(customer.id, 'x'.repeat(800))) };
    const billing = await post('billing', batch);
    expect(billing.status).toBe(413);
    expect((billing.body as IngestAnswer['body']).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect((await post('crm', batch)).body).toMatchObject({ stored: 6 });
  });

  it('accepts a delivery once: the same id again is a 409, and a captured request cannot take a new id', async () => {
    const customer = await createCustomer(tenant.owner);
    const batch = { events: [note(customer.id)] };
    const deliveryId = `crm-${randomUUID()}`;
    expect((await post('crm', batch, { deliveryId })).body).toMatchObject({ stored: 1 });
    const replay = await post('crm', batch, { deliveryId });
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ error: { code: 'CONFLICT', reason: 'DUPLICATE_DELIVERY' } });
    // The delivery id is signed: changing it breaks the signature.
    const renamed = await post('crm', batch, { deliveryId, sentDeliveryId: `crm-${randomUUID()}` });
    expect(renamed.status).toBe(401);
    // Another source's deliveries are its own.
    expect((await post('support', batch, { deliveryId })).status).toBe(200);
    // Sent twice at once, one is accepted.
    const twin = { events: [note(customer.id)] };
    const twinId = randomUUID();
    const both = await Promise.all([
      post('crm', twin, { deliveryId: twinId }),
      post('crm', twin, { deliveryId: twinId }),
    ]);
    expect(both.map((res) => res.status).sort()).toEqual([200, 409]);
    expect(await timelineOf(customer.id)).toHaveLength(3);
  });

  it('answers an unknown tenant exactly as it answers a wrong signature', async () => {
    const batch = { events: [note(randomUUID())] };
    const unknown = await post('crm', batch, { tenantId: randomUUID() });
    const wrong = await post('crm', batch, { secret: 'not-the-secret' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });
});
