import 'reflect-metadata';

import { SignJWT } from 'jose';
import WebSocket from 'ws';

import { CloseReason, ownReason } from '../../src/realtime/close-codes';
import { createCustomer, createTenant, startGateway, type TenantFixture, type TestGateway } from '../support';

const REVOKE = `mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({ env: { WS_MAX_CONNECTIONS_PER_KEY: '1' } });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

interface Closed {
  code: number;
  reason: string;
}

/** A socket speaking graphql-transport-ws by hand, so the test sees the close frame exactly as sent. */
async function connect(): Promise<{ socket: WebSocket; closed: Promise<Closed> }> {
  const socket = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
  socket.on('error', () => undefined);
  const closed = new Promise<Closed>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, closed };
}

/** Opens a socket and sends `connection_init` with these params; resolves when acknowledged or closed. */
async function init(
  params: Record<string, unknown>,
): Promise<{ socket: WebSocket; acked: boolean; closed: Promise<Closed> }> {
  const { socket, closed } = await connect();
  const acked = new Promise<boolean>((resolve) => {
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') resolve(true);
    });
    void closed.then(() => resolve(false));
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: params }));
  return { socket, acked: await acked, closed };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('WebSocket close codes carry a coded reason', () => {
  it('closes a connection without a token with 4401 UNAUTHENTICATED, saying how to send one', async () => {
    const { acked, closed } = await init({});
    expect(acked).toBe(false);
    const { code, reason } = await closed;
    expect(code).toBe(4401);
    expect(reason).toMatch(/^UNAUTHENTICATED: /);
    expect(reason).toContain('connectionParams { authorization: "Bearer <');
  });

  it('closes a connection with a bad token with 4401 UNAUTHENTICATED', async () => {
    for (const params of [bearer('lgk_not-a-key'), bearer('not.a.jwt'), { authorization: 'Basic abc' }]) {
      const { acked, closed } = await init(params);
      expect(acked).toBe(false);
      expect(await closed).toEqual({
        code: 4401,
        reason: expect.stringMatching(/^UNAUTHENTICATED: .*connectionParams \{ authorization: "Bearer <key>" \}$/),
      });
    }
  });

  it('closes a connection with an expired customer token with 4401 TOKEN_EXPIRED, saying to get a new one', async () => {
    const customer = await createCustomer(tenant.owner);
    const expired = await new SignJWT({ tid: tenant.tenantId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(customer.id)
      .setIssuer('loyalty-gateway')
      .setAudience(tenant.tenantId)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(Buffer.from(tenant.customerJwtSecret));
    const { acked, closed } = await init(bearer(expired));
    expect(acked).toBe(false);
    expect(await closed).toEqual({ code: 4401, reason: CloseReason.TOKEN_EXPIRED });
    expect(CloseReason.TOKEN_EXPIRED).toMatch(/^TOKEN_EXPIRED: .*get a new one/);
  });

  it('closes a connection with a revoked key with 4401 KEY_REVOKED, and an open one with 4403 KEY_REVOKED', async () => {
    const agent = await tenant.agent();
    const open = await init(bearer(agent.secret));
    expect(open.acked).toBe(true);
    await tenant.owner.data(REVOKE, { id: agent.id });
    expect(await open.closed).toEqual({ code: 4403, reason: expect.stringMatching(/^KEY_REVOKED: /) });

    const again = await init(bearer(agent.secret));
    expect(again.acked).toBe(false);
    expect(await again.closed).toEqual({ code: 4401, reason: expect.stringMatching(/^KEY_REVOKED: /) });
  });

  it('closes a connection over WS_MAX_CONNECTIONS_PER_KEY with 4429 TOO_MANY_CONNECTIONS', async () => {
    const agent = await tenant.agent();
    const first = await init(bearer(agent.secret));
    expect(first.acked).toBe(true);
    try {
      const second = await init(bearer(agent.secret));
      expect(second.acked).toBe(false);
      expect(await second.closed).toEqual({
        code: 4429,
        reason: 'TOO_MANY_CONNECTIONS: at most 1 open connections per key or customer; close one first',
      });
    } finally {
      first.socket.close();
    }
  });

  it("gives graphql-ws's own closes a coded reason too", async () => {
    const twice = await init(bearer(tenant.owner.secret));
    expect(twice.acked).toBe(true);
    twice.socket.send(JSON.stringify({ type: 'connection_init', payload: bearer(tenant.owner.secret) }));
    expect(await twice.closed).toEqual({ code: 4429, reason: expect.stringMatching(/^BAD_REQUEST: /) });

    const garbage = await connect();
    garbage.socket.send('not json');
    expect(await garbage.closed).toEqual({ code: 4400, reason: expect.stringMatching(/^BAD_REQUEST: /) });

    const early = await connect();
    early.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } }));
    expect(await early.closed).toEqual({ code: 4401, reason: expect.stringMatching(/^UNAUTHENTICATED: /) });
  });

  it('closes open sockets with 1001 GOING_AWAY when the gateway shuts down', async () => {
    const other = await startGateway();
    const otherTenant = await createTenant(other);
    const socket = new WebSocket(other.wsUrl, 'graphql-transport-ws');
    socket.on('error', () => undefined);
    const closed = new Promise<Closed>((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    const acked = new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: bearer(otherTenant.owner.secret) }));
    await acked;
    await other.close();
    expect(await closed).toEqual({ code: 1001, reason: expect.stringMatching(/^GOING_AWAY: /) });
  });

  it('keeps every reason within the 123 bytes a close frame allows', () => {
    const reasons = Object.values(CloseReason).map((reason) =>
      typeof reason === 'function' ? reason(1_000_000) : reason,
    );
    // The reasons given to ws's and graphql-ws's own closes, with the largest settings a deployment could use.
    const own = [1001, 1009, 4400, 4401, 4406, 4408, 4409, 4429, 4500].map((code) =>
      ownReason(code, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    );
    expect(own).not.toContain(undefined);
    for (const reason of [...reasons, ...own]) expect(Buffer.byteLength(reason!)).toBeLessThanOrEqual(123);
  });
});
