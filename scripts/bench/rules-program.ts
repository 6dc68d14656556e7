import { randomUUID } from 'node:crypto';

import { RuleEffect, RuleStacking } from '../../src/earning/earning-rule.entity';
import { graphql } from './lib';

/** The program bench:rules and bench:purchase run against: one store, 50 rules, members in a segment. */

const CATEGORIES = ['food', 'drinks', 'snacks', 'home', 'beauty'];
const REGIONS = ['north', 'south', 'east', 'west'];

/** 50 rule definitions: varied enough that every condition and effect is exercised on most purchases. */
export function ruleInputs(storeIds: string[]): Record<string, unknown>[] {
  return Array.from({ length: 50 }, (_, i) => {
    const effect = [RuleEffect.MULTIPLIER, RuleEffect.POINTS_PER_UNIT, RuleEffect.FIXED_BONUS][i % 3];
    return {
      code: `RULE_${String(i).padStart(2, '0')}`,
      name: `Rule ${i}`,
      priority: i % 7,
      stacking: i % 10 === 9 ? RuleStacking.EXCLUSIVE : RuleStacking.STACKABLE,
      effect,
      value: effect === RuleEffect.MULTIPLIER ? 110 + (i % 5) * 10 : 1 + (i % 4),
      ...(i % 4 === 1 ? { categories: [CATEGORIES[i % CATEGORIES.length]] } : {}),
      ...(i % 6 === 2 ? { skus: [`SKU-${i % 10}`, `SKU-${(i + 3) % 10}`] } : {}),
      ...(i % 5 === 3 ? { regions: [REGIONS[i % REGIONS.length]] } : {}),
      ...(i % 11 === 4 && storeIds.length > 0 ? { storeIds: [storeIds[0]] } : {}),
      ...(i % 8 === 5 ? { daysOfWeek: [1, 2, 3, 4, 5, 6, 7] } : {}),
      ...(i % 9 === 6 ? { segments: ['regulars'] } : {}),
      ...(i % 7 === 0 ? { minSpend: 1_000 } : {}),
      ...(i % 5 === 0 ? { capPerPurchase: 200 } : {}),
      ...(i % 13 === 0 ? { capPerCustomer: 1_000_000, customerCapPeriod: 'MONTH' } : {}),
      ...(i % 12 === 0 && !process.env.NO_BUDGET ? { budget: 1_000_000_000 } : {}),
    };
  });
}

/** A 10-line basket. */
export const LINES = Array.from({ length: 10 }, (_, i) => ({
  sku: `SKU-${i}`,
  category: CATEGORIES[i % CATEGORIES.length],
  quantity: 1 + (i % 3),
  unitPrice: 199 + i * 137,
}));

/** A tenant with a store in region north, the 50 rules and `members` customers in segment "regulars". */
export async function setUpProgram(
  url: string,
  adminToken: string,
  members: number,
): Promise<{ key: string; storeId: string; customers: string[] }> {
  const { createTenant } = await graphql<{ createTenant: { ownerKey: { secret: string } } }>(
    url,
    adminToken,
    `
      mutation {
        createTenant(input: { name: "Bench", currency: "EUR", timezone: "Europe/Paris" }) {
          ownerKey {
            secret
          }
        }
      }
    `,
    {},
  );
  const key = createTenant.ownerKey.secret;
  const { createStore } = await graphql<{ createStore: { id: string } }>(
    url,
    key,
    `
      mutation {
        createStore(input: { name: "North", code: "N1", region: "north" }) {
          id
        }
      }
    `,
    {},
  );
  for (const input of ruleInputs([createStore.id])) {
    await graphql(
      url,
      key,
      `
        mutation ($input: EarningRuleInput!) {
          createEarningRule(input: $input) {
            id
          }
        }
      `,
      { input },
    );
  }
  const customers: string[] = [];
  for (let i = 0; i < members; i += 1) {
    const { createCustomer } = await graphql<{ createCustomer: { id: string } }>(
      url,
      key,
      `
        mutation ($e: String) {
          createCustomer(input: { email: $e, segments: ["regulars"] }) {
            id
          }
        }
      `,
      { e: `bench-${i}-${randomUUID().slice(0, 6)}@example.com` },
    );
    customers.push(createCustomer.id);
  }
  return { key, storeId: createStore.id, customers };
}
