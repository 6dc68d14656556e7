import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  buildSchema,
  Kind,
  NoDeprecatedCustomRule,
  type OperationDefinitionNode,
  OperationTypeNode,
  validate,
} from 'graphql';

import * as operations from '../../schema/operations/generated';
import { ApiClient, collect, purchase, record, startGateway, type TestGateway, type Variables } from '../support';
import { type ClientsFixture, clientsFixture } from './fixture';

type Document = TypedDocumentNode<unknown, Variables>;

/** Every operation of schema/operations, by name, with its channel (the folder it lives in, by prefix). */
const documents = Object.entries(operations as unknown as Record<string, unknown>)
  .filter(([name]) => name.endsWith('Document'))
  .map(([name, doc]) => ({ name: name.slice(0, -'Document'.length), doc: doc as Document }))
  .filter(({ doc }) => doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION));

const kindOf = (doc: Document) =>
  (doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode).operation;

describe('schema/operations: each channel runs its operations with its own role', () => {
  let gw: TestGateway;
  let f: ClientsFixture;
  let callers: { agent: ApiClient; pos: ApiClient; customer: ApiClient; owner: ApiClient };

  beforeAll(async () => {
    gw = await startGateway();
    f = await clientsFixture(gw);
    const t = f.program.tenant;
    callers = {
      owner: t.owner,
      agent: new ApiClient(gw, f.keys.agent),
      pos: new ApiClient(gw, f.keys.pos),
      customer: await t.customer(f.customer.id),
    };
  });
  afterAll(() => gw.close());

  const customerId = () => f.customer.id;
  const sale = () => record(f.program, purchase(f.customer.id, f.storeId, [{ sku: 'A', quantity: 1, unitPrice: 900 }]));

  /** Who runs each operation, with what, and (for subscriptions) the change that makes it push. */
  const cases: Record<
    string,
    { as: keyof typeof callers; vars: () => Variables | Promise<Variables>; trigger?: () => Promise<unknown> }
  > = {
    AgentSearchCustomers: { as: 'agent', vars: () => ({ search: f.customer.email }) },
    AgentCustomer360: { as: 'agent', vars: () => ({ id: customerId() }) },
    AgentTimeline: { as: 'agent', vars: () => ({ id: customerId() }) },
    AgentRecordNote: {
      as: 'agent',
      vars: () => ({
        input: { customerId: customerId(), kind: 'NOTE', summary: 'note', idempotencyKey: randomUUID() },
      }),
    },
    AgentTimelineEventAdded: { as: 'agent', vars: () => ({ customerId: customerId() }), trigger: sale },
    AgentLoyaltyStateChanged: { as: 'agent', vars: () => ({ customerId: customerId() }) },
    AgentScript: { as: 'agent', vars: () => ({ locale: 'en' }) },
    AgentAcknowledgeScript: {
      as: 'agent',
      vars: async () => {
        const { programTerms } = await callers.agent.data(operations.AgentScriptDocument, { locale: 'en' });
        return { termsId: programTerms.id };
      },
    },
    PosViewer: { as: 'pos', vars: () => ({}) },
    PosFindCustomer: { as: 'pos', vars: () => ({ identifier: { kind: 'EMAIL', value: f.customer.email } }) },
    PosCustomerState: { as: 'pos', vars: () => ({ customerId: customerId() }) },
    PosStoreProgram: { as: 'pos', vars: () => ({}) },
    PosRecordPurchase: {
      as: 'pos',
      vars: () => ({
        input: {
          customerId: customerId(),
          orderId: `O-${randomUUID()}`,
          idempotencyKey: randomUUID(),
          lines: [{ sku: 'A', quantity: 1, unitPrice: 500 }],
        },
      }),
    },
    PosSyncOfflineOperations: {
      as: 'pos',
      vars: () => ({
        storeId: f.storeId,
        operations: [
          {
            type: 'PURCHASE',
            idempotencyKey: randomUUID(),
            occurredAt: new Date().toISOString(),
            customerId: customerId(),
            orderId: `O-${randomUUID()}`,
            lines: [{ sku: 'A', quantity: 1, unitPrice: 500 }],
          },
        ],
      }),
    },
    PosBenefitsChanged: {
      as: 'pos',
      vars: () => ({ storeId: f.storeId }),
      trigger: () =>
        f.program.tenant.owner.data(`mutation ($i: BenefitInput!) { upsertBenefit(input: $i) { id } }`, {
          i: {
            tierId: f.program.tiers.GOLD,
            code: `B${randomUUID().slice(0, 6)}`,
            kind: 'FREE_SHIPPING',
            title: 'Free shipping',
            channels: ['POS'],
          },
        }),
    },
    PosLoyaltyStateChanged: { as: 'pos', vars: () => ({ customerId: customerId() }) },
    MobileIssueCustomerToken: { as: 'owner', vars: () => ({ customerId: customerId(), ttlSeconds: 60 }) },
    MobileHome: { as: 'customer', vars: () => ({ customerId: customerId() }) },
    MobileRewards: { as: 'customer', vars: () => ({}) },
    MobileRedeemReward: {
      as: 'customer',
      vars: () => ({
        input: { customerId: customerId(), rewardId: f.rewardId, channel: 'MOBILE', idempotencyKey: randomUUID() },
      }),
    },
    MobileLoyaltyStateChanged: { as: 'customer', vars: () => ({ customerId: customerId() }) },
  };

  it('uses no deprecated field or argument', () => {
    const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
    // Codegen puts the fragments an operation spreads into its document, so each validates alone.
    const used = documents.flatMap(({ name, doc }) =>
      validate(schema, doc, [NoDeprecatedCustomRule]).map((e) => `${name}: ${e.message}`),
    );
    expect(used).toEqual([]);
  });

  it('covers every operation (a new one needs its case here)', () => {
    expect(documents.map((d) => d.name).sort()).toEqual(Object.keys(cases).sort());
  });

  it.each(documents.map((d) => [d.name, d.doc] as const))('%s', async (name, doc) => {
    const c = cases[name];
    const caller = callers[c.as];
    const variables = await c.vars();
    if (kindOf(doc) !== OperationTypeNode.SUBSCRIPTION) {
      const res = await caller.gql(doc, variables);
      expect(res.errors).toBeUndefined();
      expect(res.data).toBeTruthy();
      return;
    }
    const ws = caller.ws();
    try {
      const events = collect(ws, doc, variables);
      // Without sinceVersion the state pushes its current version at once; other pushes need a change.
      if (c.trigger) {
        await new Promise((r) => setTimeout(r, 300));
        await c.trigger();
      }
      const [first] = await events.next(1);
      expect(first.errors).toBeUndefined();
      expect(first.data).toBeTruthy();
      events.stop();
    } finally {
      await ws.dispose();
    }
  });
});
