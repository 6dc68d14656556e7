import { randomUUID } from 'node:crypto';

import type { RaisedSignal } from '../../src/signals/signal.types';
import { SignalType } from '../../src/signals/signal.types';
import {
  CreateSupportTeamDocument,
  GrantTierStatusDocument,
  OpenCaseDocument,
  SetRootCauseTaxonomyDocument,
} from '../generated/graphql';
import { type ApiClient, createCustomer, key, type Program, program, type TestGateway } from '../support';

export interface SupportFixture extends Program {
  /** FRONT escalates to LEVEL2, which escalates to MANAGERS (the top). */
  teams: { front: string; level2: string; managers: string; vip: string };
}

export async function createTeam(by: ApiClient, code: string, escalationTeamId?: string): Promise<string> {
  const { createSupportTeam } = await by.data(CreateSupportTeamDocument, {
    input: {
      idempotencyKey: randomUUID(),
      code,
      name: `Team ${code}`,
      escalationTeamId,
      supervisor: `lead of ${code}`,
    },
  });
  return createSupportTeam.id;
}

/** A tenant with Base / Silver / Gold tiers, two stores, a three-level escalation path and a VIP team. */
export async function supportProgram(gw: TestGateway): Promise<SupportFixture> {
  const base = await program(gw);
  const managers = await createTeam(base.tenant.owner, 'MANAGERS');
  const level2 = await createTeam(base.tenant.owner, 'LEVEL2', managers);
  const front = await createTeam(base.tenant.owner, 'FRONT', level2);
  const vip = await createTeam(base.tenant.owner, 'VIP', managers);
  await base.tenant.owner.data(SetRootCauseTaxonomyDocument, {
    idempotencyKey: randomUUID(),
    causes: [
      { code: 'DELIVERY', label: 'Delivery' },
      { code: 'LATE-DELIVERY', label: 'Late delivery', parentCode: 'DELIVERY' },
      { code: 'STAFF', label: 'Staff attitude' },
    ],
  });
  return { ...base, teams: { front, level2, managers, vip } };
}

/** Gives the customer limited-time status in a tier (the quickest way to a tier in a test). */
export async function giveTier(by: ApiClient, customerId: string, tierId: string): Promise<void> {
  await by.data(GrantTierStatusDocument, {
    input: {
      customerId,
      tierId,
      until: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      note: 'test',
      idempotencyKey: key(),
    },
  });
}

/** Raises a detractor signal as the feedback part does, through the gateway's own SignalService. */
export async function raiseDetractor(
  gw: TestGateway,
  tenantId: string,
  customerId: string,
  payload: { channel?: string; storeId?: string; topic?: string; score?: number } = {},
): Promise<{ signal: RaisedSignal | null; responseId: string }> {
  const responseId = randomUUID();
  const signal = await gw.gateway.orm.em.fork().transactional((tx) =>
    gw.gateway.services.signals.raise(tx, {
      tenantId,
      customerId,
      type: SignalType.DETRACTOR_RESPONSE,
      cause: responseId,
      payload: {
        responseId,
        surveyId: randomUUID(),
        kind: 'NPS',
        score: payload.score ?? 2,
        channel: 'WEB',
        ...payload,
      },
    }),
  );
  return { signal, responseId };
}

/** A case opened by hand by `by` for a new customer (or the one given). */
export async function openCase(by: ApiClient, customerId?: string, extra: { topic?: string } = {}) {
  const id = customerId ?? (await createCustomer(by)).id;
  const { openCase: opened } = await by.data(OpenCaseDocument, {
    input: { customerId: id, subject: 'Customer called about an order', idempotencyKey: key(), ...extra },
  });
  return opened;
}
