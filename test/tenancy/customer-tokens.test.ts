import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, type JWTPayload, jwtVerify, SignJWT } from 'jose';

import {
  AddCustomerIdentifierDocument,
  DropPreviousCustomerTokenSecretDocument,
  IssueCustomerTokenDocument,
  RotateCustomerTokenSecretDocument,
  SetCustomerTokenProviderDocument,
  ViewerRoleDocument,
} from '../generated/graphql';
import {
  ApiClient,
  createCustomer,
  createTenant,
  errorCode,
  key,
  startGateway,
  type TenantFixture,
  type TestGateway,
  unique,
} from '../support';

const HOUR = 3600;
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const VIEWER = `{ viewer { role tenantId customerId } }`;

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway();
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

/** A token as a business's sign-in service signs it; every claim can be left out or changed. */
function signed(
  secret: string,
  claims: JWTPayload,
  options: { alg?: string; lifetime?: number | null; iat?: boolean } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256' });
  if (options.iat !== false) jwt = jwt.setIssuedAt(now);
  if (options.lifetime !== null) jwt = jwt.setExpirationTime(now + (options.lifetime ?? HOUR));
  return jwt.sign(Buffer.from(secret));
}

async function viewerAs(token: string) {
  return new ApiClient(gw, token).gql<{ viewer: { role: string; tenantId: string; customerId: string } }>(VIEWER);
}

async function expectRefused(token: string): Promise<void> {
  const res = await viewerAs(token);
  expect(res.status).toBe(401);
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
}

async function expectCustomer(token: string, customerId: string, tenantId = tenant.tenantId): Promise<void> {
  const res = await viewerAs(token);
  expect(res.errors).toBeUndefined();
  expect(res.data?.viewer).toEqual({ role: 'CUSTOMER', tenantId, customerId });
}

describe('customer tokens signed with the tenant secret', () => {
  it('need the gateway as issuer, the tenant as audience, HS256 and a lifetime within the cap', async () => {
    const me = await createCustomer(tenant.owner);
    const other = await createTenant(gw);
    const claims = { tid: tenant.tenantId, sub: me.id, iss: 'loyalty-gateway', aud: tenant.tenantId };
    await expectCustomer(await signed(tenant.customerJwtSecret, claims), me.id);
    await expectCustomer(await signed(tenant.customerJwtSecret, claims, { lifetime: 24 * HOUR }), me.id);

    const refused = [
      signed(tenant.customerJwtSecret, { ...claims, iss: undefined }), // no issuer
      signed(tenant.customerJwtSecret, { ...claims, iss: 'someone-else' }),
      signed(tenant.customerJwtSecret, { ...claims, aud: undefined }), // no audience
      signed(tenant.customerJwtSecret, { ...claims, aud: other.tenantId }), // meant for another tenant
      signed(tenant.customerJwtSecret, claims, { lifetime: 24 * HOUR + 1 }), // longer than the 24 h cap
      signed(tenant.customerJwtSecret, claims, { lifetime: null }), // never expires
      signed(tenant.customerJwtSecret, claims, { iat: false }), // lifetime unknown
      signed(tenant.customerJwtSecret, claims, { alg: 'HS512' }),
      signed(tenant.customerJwtSecret, { ...claims, iat: Math.floor(Date.now() / 1000) + 10 * HOUR }, { iat: false }),
    ];
    for (const token of await Promise.all(refused)) await expectRefused(token);
  });

  it('issueCustomerToken signs what the gateway accepts, and no longer than the cap', async () => {
    const me = await createCustomer(tenant.owner);
    const { issueCustomerToken } = await tenant.owner.data(IssueCustomerTokenDocument, { customerId: me.id });
    const { payload, protectedHeader } = await jwtVerify(
      issueCustomerToken.token,
      Buffer.from(tenant.customerJwtSecret),
    );
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ iss: 'loyalty-gateway', aud: tenant.tenantId, tid: tenant.tenantId, sub: me.id });
    await expectCustomer(issueCustomerToken.token, me.id);

    const tooLong = await tenant.owner.gql(IssueCustomerTokenDocument, {
      customerId: me.id,
      ttlSeconds: 24 * HOUR + 1,
    });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOKEN_TTL_INVALID',
      field: 'ttlSeconds',
    });
  });

  it('follow a rotation: the previous secret stays accepted until dropped, and a replay returns the same secret', async () => {
    const t = await createTenant(gw);
    const me = await createCustomer(t.owner);
    const claims = { tid: t.tenantId, sub: me.id, iss: 'loyalty-gateway', aud: t.tenantId };
    const before = await signed(t.customerJwtSecret, claims);

    const idempotencyKey = key();
    const { rotateCustomerTokenSecret: rotated } = await t.owner.data(RotateCustomerTokenSecretDocument, {
      input: { idempotencyKey },
    });
    expect(rotated.replayed).toBe(false);
    expect(rotated.secret).not.toBe(t.customerJwtSecret);
    const replay = await t.owner.data(RotateCustomerTokenSecretDocument, { input: { idempotencyKey } });
    expect(replay.rotateCustomerTokenSecret).toEqual({ secret: rotated.secret, replayed: true });

    // Both secrets are trusted during the rotation; the gateway signs with the new one.
    await expectCustomer(before, me.id, t.tenantId);
    await expectCustomer(await signed(rotated.secret, claims), me.id, t.tenantId);
    const { issueCustomerToken } = await t.owner.data(IssueCustomerTokenDocument, { customerId: me.id });
    await expect(jwtVerify(issueCustomerToken.token, Buffer.from(rotated.secret))).resolves.toBeDefined();

    expect((await t.owner.data(DropPreviousCustomerTokenSecretDocument)).dropPreviousCustomerTokenSecret).toBe(true);
    await expectRefused(before);
    await expectCustomer(await signed(rotated.secret, claims), me.id, t.tenantId);
    expect((await t.owner.data(DropPreviousCustomerTokenSecretDocument)).dropPreviousCustomerTokenSecret).toBe(false);

    // A second rotation keeps two secrets: the oldest stops being trusted.
    const second = await t.owner.data(RotateCustomerTokenSecretDocument, { input: { idempotencyKey: key() } });
    const third = await t.owner.data(RotateCustomerTokenSecretDocument, { input: { idempotencyKey: key() } });
    await expectRefused(await signed(rotated.secret, claims));
    await expectCustomer(await signed(second.rotateCustomerTokenSecret.secret, claims), me.id, t.tenantId);
    await expectCustomer(await signed(third.rotateCustomerTokenSecret.secret, claims), me.id, t.tenantId);
  });

  it('are rotated by the owner only', async () => {
    const admin = await tenant.key('ADMIN');
    const res = await admin.gql(RotateCustomerTokenSecretDocument, { input: { idempotencyKey: key() } });
    expect(errorCode(res)).toBe('FORBIDDEN');
    const empty = await tenant.owner.gql(RotateCustomerTokenSecretDocument, { input: { idempotencyKey: ' ' } });
    expect(empty.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'IDEMPOTENCY_KEY_INVALID',
      field: 'input.idempotencyKey',
    });
  });
});

describe("customer tokens from the tenant's own identity provider", () => {
  let jwks: Server;
  let jwksUrl: string;
  let rsa: PrivateKey;
  let ec: PrivateKey;

  beforeAll(async () => {
    const rsaPair = await generateKeyPair('RS256');
    const ecPair = await generateKeyPair('ES256');
    rsa = rsaPair.privateKey;
    ec = ecPair.privateKey;
    const keys = [
      { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ecPair.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    // The provider's key set, served locally: the test never reaches the internet.
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => jwks.close(resolve)));

  function idpToken(
    privateKey: PrivateKey,
    claims: JWTPayload,
    options: { alg?: string; kid?: string; lifetime?: number } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'rsa-1' })
      .setIssuedAt(now)
      .setExpirationTime(now + (options.lifetime ?? HOUR))
      .sign(privateKey);
  }

  it('are accepted with its issuer, audience and keys, naming the customer by an identifier', async () => {
    const t = await createTenant(gw);
    const issuer = `https://idp-${unique()}.example.com/`;
    const { setCustomerTokenProvider } = await t.owner.data(SetCustomerTokenProviderDocument, {
      input: { jwksUrl, issuer, audience: 'loyalty-app', identifierKind: 'CRM_ID' },
    });
    expect(setCustomerTokenProvider).toMatchObject({ issuer, audience: 'loyalty-app', customerClaim: 'sub' });
    const me = await createCustomer(t.owner);
    const crmId = `crm-${unique()}`;
    await t.owner.data(AddCustomerIdentifierDocument, { input: { customerId: me.id, kind: 'CRM_ID', value: crmId } });

    const claims = { iss: issuer, aud: 'loyalty-app', sub: crmId };
    await expectCustomer(await idpToken(rsa, claims), me.id, t.tenantId);
    await expectCustomer(await idpToken(ec, claims, { alg: 'ES256', kid: 'ec-1' }), me.id, t.tenantId);

    const stranger = (await generateKeyPair('RS256')).privateKey;
    const refused = [
      idpToken(stranger, claims), // a key not in the provider's set
      idpToken(rsa, { ...claims, aud: 'another-app' }),
      idpToken(rsa, { ...claims, iss: `${issuer}other` }),
      idpToken(rsa, { ...claims, sub: 'crm-nobody' }), // no such customer
      idpToken(rsa, claims, { lifetime: 24 * HOUR + 1 }),
      signed('any-secret-at-all', claims), // HS256 is not accepted for a provider
    ];
    for (const token of await Promise.all(refused)) await expectRefused(token);
    // The provider's tokens name customers of its tenant only.
    await expectRefused(await idpToken(rsa, { ...claims, tid: tenant.tenantId }));
  });

  it("can name the customer by the gateway's customer id", async () => {
    const t = await createTenant(gw);
    const issuer = `https://idp-${unique()}.example.com/`;
    await t.owner.data(SetCustomerTokenProviderDocument, {
      input: { jwksUrl, issuer, audience: 'web', customerClaim: 'customer_id' },
    });
    const me = await createCustomer(t.owner);
    await expectCustomer(
      await idpToken(rsa, { iss: issuer, aud: ['web', 'other'], sub: 'x', customer_id: me.id }),
      me.id,
      t.tenantId,
    );
    // The gateway's own tokens stay accepted beside the provider's.
    const viaGateway = await t.customer(me.id);
    expect((await viaGateway.data(ViewerRoleDocument)).viewer.role).toBe('CUSTOMER');
  });

  it('are configured by the owner, with a safe URL, a trusted identifier and an issuer no other tenant uses', async () => {
    const t = await createTenant(gw);
    const issuer = `https://idp-${unique()}.example.com/`;
    const input = { jwksUrl, issuer, audience: 'app' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ jwksUrl: 'http://idp.example.com/jwks.json' }, 'JWKS_URL_INVALID', 'input.jwksUrl'],
      [{ jwksUrl: 'not a url' }, 'JWKS_URL_INVALID', 'input.jwksUrl'],
      [{ identifierKind: 'EMAIL' }, 'IDENTIFIER_KIND_NOT_ALLOWED', 'input.identifierKind'],
      [{ identifierKind: 'DEVICE_ID' }, 'IDENTIFIER_KIND_NOT_ALLOWED', 'input.identifierKind'],
      [{ customerClaim: 'aud' }, 'CUSTOMER_CLAIM_INVALID', 'input.customerClaim'],
    ];
    for (const [change, reason, field] of cases) {
      const res = await t.owner.gql(SetCustomerTokenProviderDocument, {
        input: { ...input, ...change },
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
    }
    await t.owner.data(SetCustomerTokenProviderDocument, { input });
    const other = await createTenant(gw);
    const taken = await other.owner.gql(SetCustomerTokenProviderDocument, { input });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROVIDER_TAKEN' });
    const admin = await t.key('ADMIN');
    expect(errorCode(await admin.gql(SetCustomerTokenProviderDocument, { input }))).toBe('FORBIDDEN');
  });
});
