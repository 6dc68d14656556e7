import type { Client } from 'graphql-ws';

import { Authenticator } from '../../src/shared/auth/authenticator';
import { CustomerUpdatedDocument, UpdateCustomerVersionDocument } from '../generated/graphql';
import {
  ApiClient,
  collect,
  createCustomer,
  createTenant,
  startGateway,
  type TenantFixture,
  type TestGateway,
  uniquePrefix,
  untilRedisListening,
} from '../support';

const REVOKE = `mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;

let gwA: TestGateway;
let gwB: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  // Two instances sharing PostgreSQL and Redis, as two replicas behind a load balancer.
  const prefix = uniquePrefix('reauth');
  [gwA, gwB] = await Promise.all([startGateway({ redisPrefix: prefix }), startGateway({ redisPrefix: prefix })]);
  tenant = await createTenant(gwA);
});
afterAll(async () => {
  await Promise.all([gwA.close(), gwB.close()]);
});

/** How the subscription ended (a CloseEvent, errors, 'completed'), or 'still open' after `ms`. */
async function endOf(done: Promise<void>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    done.then(
      () => 'completed',
      (error: unknown) => error,
    ),
    new Promise((resolve) => (timer = setTimeout(() => resolve('still open'), ms))),
  ]).finally(() => clearTimeout(timer));
}

describe('open subscriptions follow their credential', () => {
  it('closes the sockets of an API key revoked on one instance, on every instance (4403)', async () => {
    const customer = await createCustomer(tenant.owner);
    const agent = await tenant.agent();
    const clients: Client[] = [agent.ws(), agent.on(gwB).ws()];
    try {
      const subs = clients.map((client) => collect(client, CustomerUpdatedDocument, { id: customer.id }));
      await untilRedisListening(gwB, 'CUSTOMER_UPDATED');
      await untilRedisListening(gwB, 'API_KEY_REVOKED');
      await tenant.owner.data(UpdateCustomerVersionDocument, { input: { id: customer.id, displayName: 'before' } });
      for (const sub of subs) await sub.next(1);

      await tenant.owner.data(REVOKE, { id: agent.id });
      for (const sub of subs) {
        expect(await endOf(sub.done, 5000)).toMatchObject({
          code: 4403,
          reason: 'KEY_REVOKED: the API key was revoked; connect with another key',
        });
      }
      // Nothing committed after the revocation reaches the key.
      await tenant.owner.data(UpdateCustomerVersionDocument, { input: { id: customer.id, displayName: 'after' } });
      await new Promise((r) => setTimeout(r, 200));
      for (const sub of subs) expect(sub.events.map((e) => e.data?.customerUpdated.displayName)).toEqual(['before']);
    } finally {
      for (const client of clients) await client.dispose();
    }
  });

  it("closes a customer's socket when the token expires (4401), having delivered events until then", async () => {
    const customer = await createCustomer(tenant.owner);
    // Signed the way the gateway signs (issueCustomerToken allows 60 s at least; this test wants 3 s).
    const signer = new Authenticator(
      {
        apiKeyBySecretHash: () => Promise.resolve(undefined),
        customerTokenSecrets: () => Promise.resolve([tenant.customerJwtSecret]),
        customerTokenProvider: () => Promise.resolve(undefined),
        customerByIdentifier: () => Promise.resolve(undefined),
      },
      'unused-admin-token',
      { issuer: 'loyalty-gateway', maxTtlSeconds: 86_400 },
    );
    const { token } = await signer.signCustomerToken(tenant.tenantId, customer.id, 3);
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
    const client = new ApiClient(gwB, token).ws();
    try {
      const sub = collect(client, CustomerUpdatedDocument, { id: customer.id });
      await untilRedisListening(gwB, 'CUSTOMER_UPDATED');
      await tenant.owner.data(UpdateCustomerVersionDocument, { input: { id: customer.id, displayName: 'valid' } });
      await sub.next(1);

      expect(await endOf(sub.done, 5000)).toMatchObject({
        code: 4401,
        reason: 'TOKEN_EXPIRED: the customer token expired; get a new one and reconnect',
      });
      expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
    } finally {
      await client.dispose();
    }
  });
});
