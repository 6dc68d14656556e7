import { randomUUID } from 'node:crypto';

import {
  CreateEarningRuleDocument,
  CreateTierDocument,
  CustomerTierDocument,
  type EarningRuleInput,
  RecordPurchaseBreakdownDocument,
  type RecordPurchaseInput,
  type TierWindow,
} from '../generated/graphql';
import type { ApiClient } from './client';
import { createStore, key } from './factories';
import type { TestGateway } from './gateway';
import { createTenant, type TenantFixture } from './tenant';

export interface Program {
  tenant: TenantFixture;
  tiers: Record<string, string>;
  north: { id: string };
  south: { id: string };
}

/** A tenant with Base / Silver (10,000 spend) / Gold (50,000 spend), calendar year, 30 days grace. */
export async function program(gw: TestGateway, window: TierWindow = 'CALENDAR_YEAR'): Promise<Program> {
  const tenant = await createTenant(gw);
  const tiers: Record<string, string> = {};
  for (const [code, rank, threshold] of [
    ['BASE', 0, 0],
    ['SILVER', 1, 10_000],
    ['GOLD', 2, 50_000],
  ] as const) {
    const created = await tenant.owner.data(CreateTierDocument, {
      input: { code, name: code, rank, metric: 'SPEND', threshold, window, graceDays: 30 },
    });
    tiers[code] = created.createTier.id;
  }
  const north = await createStore(tenant.owner, `N${randomUUID().slice(0, 5)}`, 'north');
  const south = await createStore(tenant.owner, `S${randomUUID().slice(0, 5)}`, 'south');
  return { tenant, tiers, north, south };
}

/** An earning rule or promotion of the program. */
export async function rule(p: Program, input: EarningRuleInput) {
  return (await p.tenant.owner.data(CreateEarningRuleDocument, { input })).createEarningRule;
}

/** A purchase at a store, with a fresh order id and idempotency key. */
export function purchase(
  customerId: string,
  storeId: string,
  lines: { sku: string; category?: string; quantity: number; unitPrice: number }[],
  extra: Partial<RecordPurchaseInput> = {},
): RecordPurchaseInput {
  return {
    customerId,
    storeId,
    channel: 'POS',
    orderId: `O-${randomUUID().slice(0, 8)}`,
    lines,
    idempotencyKey: key(),
    ...extra,
  };
}

/** Records a purchase and returns its breakdown. */
export async function record(p: Program, input: RecordPurchaseInput, token: ApiClient = p.tenant.owner) {
  return (await token.data(RecordPurchaseBreakdownDocument, { input })).recordPurchase;
}

/** The customer's tier, progress, history and balance. */
export async function tierOf(p: Program, customerId: string) {
  const { customer } = await p.tenant.owner.data(CustomerTierDocument, { id: customerId });
  // Every member of these programs holds a tier: the base one at least.
  return { ...customer, tier: customer.tier! };
}
