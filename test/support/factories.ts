import { randomUUID } from 'node:crypto';

import { verifyLedger } from '../../src/ledger/ledger.verifier';
import {
  ActivateRewardDocument,
  CreateCustomerDocument,
  type CreateCustomerInput,
  CreateRewardDocument,
  CreateStoreDocument,
  CustomerBalanceDocument,
  EarnPointsDocument,
  type EarnPointsInput,
  RedeemPointsDocument,
  type RedeemPointsInput,
  type RewardInput,
} from '../generated/graphql';
import type { ApiClient } from './client';

/** A fresh idempotency key. */
export const key = (): string => randomUUID();

/** A short random suffix for codes and emails that must be unique. */
export const unique = (): string => randomUUID().slice(0, 8);

export const DAY_MS = 86_400_000;

export const inDays = (days: number): Date => new Date(Date.now() + days * DAY_MS);

let phoneCounter = 0;

/** A unique, valid French mobile number per call. */
export function uniquePhone(): string {
  phoneCounter += 1;
  const digits = String((Date.now() % 1_000_000) * 100 + (phoneCounter % 100))
    .padStart(8, '0')
    .slice(-8);
  return `+336${digits}`;
}

export async function createStore(
  by: ApiClient,
  code = `S${randomUUID().slice(0, 6)}`,
  region = 'north',
): Promise<{ id: string; code: string }> {
  return (await by.data(CreateStoreDocument, { input: { name: `Store ${code}`, code, region } })).createStore;
}

export async function createCustomer(
  by: ApiClient,
  input: CreateCustomerInput = {},
): Promise<{ id: string; email: string | null; phone: string | null; profileRevision: number }> {
  const { createCustomer: created } = await by.data(CreateCustomerDocument, {
    input: { email: `c-${unique()}@example.com`, ...input },
  });
  return {
    id: created.id,
    email: created.email ?? null,
    phone: created.phone ?? null,
    profileRevision: created.profileRevision,
  };
}

/** Books an earn through the ledger and returns its result (transaction, balance after, replayed). */
export async function earn(by: ApiClient, customerId: string, points: number, extra: Partial<EarnPointsInput> = {}) {
  const input = { customerId, points, reason: 'welcome', idempotencyKey: key(), ...extra };
  return (await by.data(EarnPointsDocument, { input })).earnPoints;
}

/** The customer's balance, with the points expiring within `days`. */
export async function balance(by: ApiClient, customerId: string, days = 30) {
  const { customer } = await by.data(CustomerBalanceDocument, { id: customerId, days });
  return customer.balance;
}

/** A reward created by `by` (DRAFT); the defaults are overridden by `input`. */
export async function createReward(by: ApiClient, input: Partial<RewardInput> = {}): Promise<string> {
  const { createReward: created } = await by.data(CreateRewardDocument, {
    input: {
      code: `R${randomUUID().slice(0, 6)}`,
      name: 'Tote bag',
      pointsCost: 100,
      costToBusiness: 80,
      retailValue: 500,
      ...input,
    },
  });
  return created.id;
}

/** A reward created and put live. */
export async function activeReward(by: ApiClient, input: Partial<RewardInput> = {}): Promise<string> {
  const id = await createReward(by, input);
  await by.data(ActivateRewardDocument, { id });
  return id;
}

/** The ledger of a tenant reconciles: balances match entries, every transaction balances. */
export async function expectLedgerClean(tenant: { tenantId: string; owner: ApiClient }): Promise<void> {
  const integrity = await verifyLedger(tenant.owner.gw.gateway.orm.em.fork(), tenant.tenantId);
  expect(integrity.discrepancies).toEqual([]);
}

/** Spends points through the ledger and returns its result. */
export async function redeem(
  by: ApiClient,
  customerId: string,
  points: number,
  extra: Partial<RedeemPointsInput> = {},
) {
  const input = { customerId, points, reason: 'gift', idempotencyKey: key(), ...extra };
  return (await by.data(RedeemPointsDocument, { input })).redeemPoints;
}
