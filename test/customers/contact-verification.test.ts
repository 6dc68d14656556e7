import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  ConfirmContactChangeDocument,
  type ContactKind,
  RequestContactChangeDocument,
  ResolveCustomerOutcomeDocument,
  UpdateCustomerVersionDocument,
} from '../generated/graphql';
import {
  type ApiClient,
  createCustomer,
  createTenant,
  key,
  startGateway,
  type TenantFixture,
  type TestGateway,
  unique,
  uniquePhone,
} from '../support';

const SECRET = 'contact-webhook-test-secret';

interface Delivery {
  id: string;
  customerId: string;
  kind: ContactKind;
  to: string;
  code: string;
  signatureValid: boolean;
}

/** The operator's email/SMS sender: receives the signed POSTs and keeps what it was asked to send. */
const deliveries: Delivery[] = [];
let sender: Server;
let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  sender = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-loyalty-timestamp']);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.contact-code.${body}`).digest('hex')}`;
      const parsed = JSON.parse(body) as Omit<Delivery, 'signatureValid'>;
      deliveries.push({ ...parsed, signatureValid: req.headers['x-loyalty-signature'] === expected });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => sender.listen(0, '127.0.0.1', resolve));
  const port = (sender.address() as AddressInfo).port;
  gw = await startGateway({
    env: {
      CONTACT_WEBHOOK_URL: `http://127.0.0.1:${port}/codes`,
      CONTACT_WEBHOOK_SECRET: SECRET,
      LEDGER_JOBS_INTERVAL_MS: '0',
      TIER_JOBS_INTERVAL_MS: '0',
    },
  });
  tenant = await createTenant(gw);
});
afterAll(async () => {
  await gw.close();
  await new Promise((resolve) => sender.close(resolve));
});

/** The code the sender was asked to deliver to this address (waits for the POST, sent after commit). */
async function codeSentTo(address: string): Promise<Delivery> {
  for (let i = 0; i < 100; i += 1) {
    const found = deliveries.filter((delivery) => delivery.to === address).at(-1);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no code was sent to ${address}`);
}

async function whoHas(kind: ContactKind, value: string) {
  const { resolveCustomer } = await tenant.owner.data(ResolveCustomerOutcomeDocument, {
    input: { identifiers: [{ kind, value }], createIfMissing: false },
  });
  return resolveCustomer.customer?.id ?? resolveCustomer.outcome;
}

function requestChange(me: ApiClient, kind: ContactKind, value: string, idempotencyKey = key()) {
  return me.gql(RequestContactChangeDocument, { input: { kind, value, idempotencyKey } });
}

async function member(): Promise<{ id: string; me: ApiClient }> {
  const customer = await createCustomer(tenant.owner);
  return { id: customer.id, me: await tenant.customer(customer.id) };
}

describe('contact changes by the customer', () => {
  it('identify the customer only once confirmed with the code sent to the new address', async () => {
    const { id, me } = await member();
    const email = `new.${unique()}@example.com`;
    // Setting it directly would make it identify them at once: refused, before anything is looked up.
    const direct = await me.gql(UpdateCustomerVersionDocument, { input: { id, email } });
    expect(direct.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'CONTACT_VERIFICATION_REQUIRED',
      field: 'input.email',
    });
    expect(await whoHas('EMAIL', email)).toBe('NOT_FOUND');

    const idempotencyKey = key();
    const requested = await requestChange(me, 'EMAIL', ` ${email.toUpperCase()} `, idempotencyKey);
    expect(requested.data?.requestContactChange).toMatchObject({ kind: 'EMAIL', replayed: false });
    const sent = await codeSentTo(email);
    expect(sent).toMatchObject({ customerId: id, kind: 'EMAIL', signatureValid: true });
    expect(sent.code).toMatch(/^\d{6}$/);
    // Pending: it identifies nobody yet.
    expect(await whoHas('EMAIL', email)).toBe('NOT_FOUND');
    // A retry answers as the first request did and sends no second code.
    const retried = await requestChange(me, 'EMAIL', email, idempotencyKey);
    expect(retried.data?.requestContactChange).toMatchObject({ kind: 'EMAIL', replayed: true });
    expect(
      (await requestChange(me, 'EMAIL', `other.${unique()}@example.com`, idempotencyKey)).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(deliveries.filter((delivery) => delivery.to === email)).toHaveLength(1);

    const wrong = sent.code === '000000' ? '111111' : '000000';
    const refused = await me.gql(ConfirmContactChangeDocument, { input: { kind: 'EMAIL', code: wrong } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CONTACT_CODE_INVALID',
      field: 'input.code',
    });
    const confirmed = await me.data(ConfirmContactChangeDocument, {
      input: { kind: 'EMAIL', code: `${sent.code.slice(0, 3)} ${sent.code.slice(3)}` },
    });
    expect(confirmed.confirmContactChange).toMatchObject({ id, email, profileRevision: 2 });
    expect(await whoHas('EMAIL', email)).toBe(id);
    // Confirming again (a retry after a lost answer) changes nothing.
    const again = await me.data(ConfirmContactChangeDocument, { input: { kind: 'EMAIL', code: sent.code } });
    expect(again.confirmContactChange.profileRevision).toBe(2);
  });

  it('answer the same whether or not another member has the value; only the holder of the code learns it', async () => {
    const holder = await createCustomer(tenant.owner, { phone: uniquePhone() });
    const [taker, fresh] = [await member(), await member()];
    const free = uniquePhone();
    const strip = (res: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) =>
      res.errors?.map(({ message, extensions }) => ({ message, extensions }));

    const directTaken = await taker.me.gql(UpdateCustomerVersionDocument, {
      input: { id: taker.id, phone: holder.phone },
    });
    const directFree = await fresh.me.gql(UpdateCustomerVersionDocument, { input: { id: fresh.id, phone: free } });
    expect(strip(directTaken)).toEqual(strip(directFree));
    expect(directTaken.errors?.[0]?.extensions?.reason).toBe('CONTACT_VERIFICATION_REQUIRED');

    const taken = await requestChange(taker.me, 'PHONE', holder.phone!);
    const unused = await requestChange(fresh.me, 'PHONE', free);
    const shape = (res: typeof taken) => ({
      errors: res.errors,
      kind: res.data?.requestContactChange.kind,
      replayed: res.data?.requestContactChange.replayed,
      minutes: Math.round((Date.parse(res.data!.requestContactChange.expiresAt) - Date.now()) / 60_000),
    });
    expect(shape(taken)).toEqual(shape(unused));
    expect(shape(taken)).toMatchObject({ kind: 'PHONE', replayed: false, minutes: 15 });

    // The code went to the member who has the number; confirming it tells them, and changes nothing.
    const toHolder = await codeSentTo(holder.phone!);
    const conflict = await taker.me.gql(ConfirmContactChangeDocument, {
      input: { kind: 'PHONE', code: toHolder.code },
    });
    expect(conflict.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONTACT_TAKEN' });
    expect(await whoHas('PHONE', holder.phone!)).toBe(holder.id);
    const toFresh = await codeSentTo(free);
    await fresh.me.data(ConfirmContactChangeDocument, { input: { kind: 'PHONE', code: toFresh.code } });
    expect(await whoHas('PHONE', free)).toBe(fresh.id);
  });

  it('take codes that are hashed at rest, expire, allow five attempts, and are voided by a newer request', async () => {
    const { id, me } = await member();
    const confirm = (code: string) => me.gql(ConfirmContactChangeDocument, { input: { kind: 'EMAIL', code } });
    const reason = (res: Awaited<ReturnType<typeof confirm>>) => res.errors?.[0]?.extensions?.reason;
    const db = gw.gateway.orm.em.fork();

    const first = `first.${unique()}@example.com`;
    await requestChange(me, 'EMAIL', first);
    const firstCode = (await codeSentTo(first)).code;
    const [stored] = await db.execute<{ code_hash: string }[]>(
      `select code_hash from contact_verification where customer_id = ? order by created_at desc limit 1`,
      [id],
    );
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(firstCode);

    // A newer request voids the first code.
    const second = `second.${unique()}@example.com`;
    await requestChange(me, 'EMAIL', second);
    const secondCode = (await codeSentTo(second)).code;
    if (firstCode !== secondCode) expect(reason(await confirm(firstCode))).toBe('CONTACT_CODE_INVALID');
    // Expired: refused even with the right code.
    await db.execute(`update contact_verification set expires_at = now() - interval '1 second' where customer_id = ?`, [
      id,
    ]);
    expect(reason(await confirm(secondCode))).toBe('CONTACT_CODE_EXPIRED');

    const third = `third.${unique()}@example.com`;
    await requestChange(me, 'EMAIL', third);
    const thirdCode = (await codeSentTo(third)).code;
    const wrong = thirdCode === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 5; attempt += 1) expect(reason(await confirm(wrong))).toBe('CONTACT_CODE_INVALID');
    // Five wrong codes use it up: the right one no longer works.
    expect(reason(await confirm(thirdCode))).toBe('CONTACT_CODE_EXPIRED');
    expect(await whoHas('EMAIL', third)).toBe('NOT_FOUND');
    expect(reason(await confirm('12 34'))).toBe('CONTACT_CODE_INVALID');
  });

  it('ration codes per customer and kind, so guesses cannot go on by asking for new codes', async () => {
    const { me } = await member();
    const first = key();
    for (let n = 1; n <= 5; n += 1) {
      const res = await requestChange(me, 'PHONE', uniquePhone(), n === 1 ? first : key());
      expect(res.errors).toBeUndefined();
    }
    const refused = await requestChange(me, 'PHONE', uniquePhone());
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED' });
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(3000);
    // A retry of a request already made still answers as before; other kinds have their own allowance.
    const replay = await me.gql(RequestContactChangeDocument, {
      input: { kind: 'PHONE', value: uniquePhone(), idempotencyKey: first },
    });
    expect(replay.errors?.[0]?.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await requestChange(me, 'EMAIL', `${unique()}@example.com`)).errors).toBeUndefined();
  });

  it('are for the customer themself; staff set the contacts they are given', async () => {
    const agent = await tenant.agent();
    const res = await requestChange(agent, 'EMAIL', `x.${unique()}@example.com`);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { me } = await member();
    expect((await requestChange(me, 'PHONE', '06 12')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PHONE_INVALID',
      field: 'input.value',
    });
    // Staff-entered contacts are asserted by the agent, and identify the customer at once.
    const customer = await createCustomer(tenant.owner);
    const email = `staff.${unique()}@example.com`;
    await agent.data(UpdateCustomerVersionDocument, { input: { id: customer.id, email } });
    expect(await whoHas('EMAIL', email)).toBe(customer.id);
  });
});
