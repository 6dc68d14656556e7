import { consentAllowsSql, ConsentPurpose } from '../../src/customers/consent.logic';
import { consentGranted } from '../../src/customers/consent.service';
import { CustomerConsentsDocument, SetConsentDocument, type SetConsentInput } from '../generated/graphql';
import { createCustomer, createTenant, errorCode, key, startGateway, type TestGateway } from '../support';
import { rows } from './fixtures';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0' } });
});
afterAll(() => gw.close());

const consentInput = (customerId: string, extra: Partial<SetConsentInput> = {}): SetConsentInput => ({
  customerId,
  purpose: 'SURVEYS',
  granted: true,
  source: 'app-settings',
  idempotencyKey: key(),
  ...extra,
});

describe('consent', () => {
  it('shows each purpose by default (opt-in off, profiling on) until the customer chooses', async () => {
    const tenant = await createTenant(gw);
    const customer = await createCustomer(tenant.owner);
    const { customer: before } = await tenant.owner.data(CustomerConsentsDocument, { id: customer.id });
    expect(before.consents).toEqual([
      { purpose: 'MARKETING', granted: false, source: null, recordedAt: null },
      { purpose: 'SURVEYS', granted: false, source: null, recordedAt: null },
      { purpose: 'PROFILING', granted: true, source: null, recordedAt: null },
    ]);

    const self = await tenant.customer(customer.id);
    const given = await self.data(SetConsentDocument, { input: consentInput(customer.id) });
    expect(given.setConsent).toMatchObject({
      consent: { purpose: 'SURVEYS', granted: true, source: 'app-settings' },
      changed: true,
      replayed: false,
    });
    await self.data(SetConsentDocument, {
      input: consentInput(customer.id, { purpose: 'PROFILING', granted: false, source: 'privacy-centre' }),
    });
    const { customer: after } = await self.data(CustomerConsentsDocument, { id: customer.id });
    expect(after.consents.map(({ purpose, granted, source }) => ({ purpose, granted, source }))).toEqual([
      { purpose: 'MARKETING', granted: false, source: null },
      { purpose: 'SURVEYS', granted: true, source: 'app-settings' },
      { purpose: 'PROFILING', granted: false, source: 'privacy-centre' },
    ]);
    expect(after.consents[1].recordedAt).toBe(given.setConsent.consent.recordedAt);
  });

  it('records each change once on the timeline; the same choice again changes nothing and keeps its source', async () => {
    const tenant = await createTenant(gw);
    const customer = await createCustomer(tenant.owner);
    const agent = await tenant.agent();
    const first = await agent.data(SetConsentDocument, { input: consentInput(customer.id, { source: 'call' }) });
    const again = await agent.data(SetConsentDocument, { input: consentInput(customer.id, { source: 'web-form' }) });
    expect(again.setConsent).toMatchObject({ changed: false, consent: { granted: true, source: 'call' } });
    expect(again.setConsent.consent.recordedAt).toBe(first.setConsent.consent.recordedAt);
    const withdrawn = await agent.data(SetConsentDocument, {
      input: consentInput(customer.id, { granted: false, source: 'unsubscribe-link' }),
    });
    expect(withdrawn.setConsent).toMatchObject({ changed: true, consent: { granted: false } });

    const timeline = await rows<{ channel: string; actor: string; data: Record<string, unknown> }>(
      gw,
      `select channel, actor, data from timeline_event where customer_id = ? and kind = 'CONSENT_CHANGED' order by occurred_at, id`,
      [customer.id],
    );
    expect(timeline).toEqual([
      { channel: 'AGENT', actor: `key:${agent.id}`, data: { purpose: 'SURVEYS', granted: true, source: 'call' } },
      {
        channel: 'AGENT',
        actor: `key:${agent.id}`,
        data: { purpose: 'SURVEYS', granted: false, source: 'unsubscribe-link' },
      },
    ]);
  });

  it('replays a retry without recording twice, and refuses the key for another choice or caller', async () => {
    const tenant = await createTenant(gw);
    const customer = await createCustomer(tenant.owner);
    const input = consentInput(customer.id, { purpose: 'MARKETING' });
    const first = await tenant.owner.data(SetConsentDocument, { input });
    const retry = await tenant.owner.data(SetConsentDocument, { input });
    expect(retry.setConsent).toEqual({ ...first.setConsent, replayed: true });

    const other = await tenant.owner.gql(SetConsentDocument, { input: { ...input, granted: false } });
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      field: 'input.idempotencyKey',
    });
    const agent = await tenant.agent();
    expect((await agent.gql(SetConsentDocument, { input })).errors?.[0]?.extensions?.reason).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    const changes = await rows(gw, `select 1 from timeline_event where customer_id = ? and kind = 'CONSENT_CHANGED'`, [
      customer.id,
    ]);
    expect(changes).toHaveLength(1);
    const stored = await rows<{ granted: boolean }>(gw, `select granted from customer_consent where customer_id = ?`, [
      customer.id,
    ]);
    expect(stored).toEqual([{ granted: true }]);
  });

  it('lets a customer token set only its own, refuses ANALYST, and keeps tenants apart', async () => {
    const tenant = await createTenant(gw);
    const mine = await createCustomer(tenant.owner);
    const theirs = await createCustomer(tenant.owner);
    const self = await tenant.customer(mine.id);
    const foreign = await self.gql(SetConsentDocument, { input: consentInput(theirs.id) });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_CUSTOMER' });
    const analyst = await tenant.key('ANALYST');
    expect(errorCode(await analyst.gql(SetConsentDocument, { input: consentInput(mine.id) }))).toBe('FORBIDDEN');

    const other = await createTenant(gw);
    const elsewhere = await other.owner.gql(SetConsentDocument, { input: consentInput(mine.id) });
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
    const blank = await tenant.owner.gql(SetConsentDocument, { input: consentInput(mine.id, { source: '  ' }) });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.source' });
    const stored = await rows(gw, `select 1 from customer_consent where customer_id in (?, ?)`, [mine.id, theirs.id]);
    expect(stored).toEqual([]);
  });

  it('answers the same through the helpers other domains call, per customer and set-based', async () => {
    const tenant = await createTenant(gw);
    const opted = await createCustomer(tenant.owner);
    const silent = await createCustomer(tenant.owner);
    await tenant.owner.data(SetConsentDocument, {
      input: consentInput(opted.id, { purpose: 'PROFILING', granted: false }),
    });
    await tenant.owner.data(SetConsentDocument, { input: consentInput(opted.id, { purpose: 'MARKETING' }) });
    const em = gw.gateway.orm.em.fork();
    const check = (id: string, purpose: ConsentPurpose) => consentGranted(em, tenant.tenantId, id, purpose);
    expect(await check(opted.id, ConsentPurpose.PROFILING)).toBe(false);
    expect(await check(silent.id, ConsentPurpose.PROFILING)).toBe(true);
    expect(await check(opted.id, ConsentPurpose.MARKETING)).toBe(true);
    expect(await check(silent.id, ConsentPurpose.MARKETING)).toBe(false);

    const profiled = await rows<{ id: string }>(
      gw,
      `select c.id from customer c where c.tenant_id = ? and ${consentAllowsSql('c.id', ConsentPurpose.PROFILING)}`,
      [tenant.tenantId],
    );
    expect(profiled.map((row) => row.id)).toEqual([silent.id]);
    const marketable = await rows<{ id: string }>(
      gw,
      `select c.id from customer c where c.tenant_id = ? and ${consentAllowsSql('c.id', ConsentPurpose.MARKETING)}`,
      [tenant.tenantId],
    );
    expect(marketable.map((row) => row.id)).toEqual([opted.id]);
  });
});
