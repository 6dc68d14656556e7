import { randomUUID } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { MikroORM } from '@mikro-orm/postgresql';
import pino, { type Logger } from 'pino';

import { createLoaders } from '../../src/loaders';
import type { Services } from '../../src/schema';
import type { Caller } from '../../src/shared/auth/caller';
import { Channel } from '../../src/shared/channel';
import { type Context, createContext, type SubscriptionBus } from '../../src/shared/context';
import { ReadBatch } from '../../src/shared/db/read-batch';
import { seedProgram } from './program';
import { person, Random } from './random';

export interface SeedOptions {
  customers: number;
  /** How far back purchases go, 1 to 12 (recordPurchase accepts a purchase up to a year old). */
  months: number;
  /** Same seed, same demo: names, baskets, dates relative to now. */
  seed: number;
  /** Where demo.json goes. */
  dataDir: string;
  /** The gateway's address as clients will reach it, e.g. http://localhost:4000. */
  gatewayUrl: string;
  /** Operations in flight at once; keep it at or under the ORM's pool size. */
  concurrency?: number;
  log?: Logger;
}

/** What `.data/demo.json` holds: what the examples and the console read when no key is given. */
export interface DemoFile {
  gatewayUrl: string;
  tenantId: string;
  storeId: string;
  storeCode: string;
  keys: { owner: string; supervisor: string; agent: string; pos: string };
  customers: { id: string; email: string; displayName: string }[];
  consoleUrl: string;
}

export interface SeedResult {
  demo: DemoFile;
  file: string;
  tenantName: string;
  counts: {
    customers: number;
    purchases: number;
    redemptions: number;
    cases: number;
    surveyResponses: number;
    detractors: number;
  };
  health: { scored: number; highRisk: number } | null;
  durationMs: number;
}

const DAY_MS = 86_400_000;
const MAX_MONTHS = 12;

/** How a demo customer shops: a few loyal heavy buyers, some regulars, many occasional ones, some gone quiet. */
enum Profile {
  HEAVY = 'HEAVY',
  REGULAR = 'REGULAR',
  OCCASIONAL = 'OCCASIONAL',
  LAPSED = 'LAPSED',
}

const PROFILE_SHARE: [Profile, number][] = [
  [Profile.HEAVY, 0.04],
  [Profile.REGULAR, 0.16],
  [Profile.OCCASIONAL, 0.6],
  [Profile.LAPSED, 0.2],
];

const CATALOGUE = [
  { sku: 'ESPRESSO', category: 'coffee', price: 250 },
  { sku: 'FLAT-WHITE', category: 'coffee', price: 420 },
  { sku: 'CROISSANT', category: 'bakery', price: 180 },
  { sku: 'SOURDOUGH', category: 'bakery', price: 650 },
  { sku: 'BEANS-ETHIOPIA-250G', category: 'coffee-beans', price: 1450 },
  { sku: 'BEANS-HOUSE-1KG', category: 'coffee-beans', price: 3900 },
  { sku: 'CHEESE-COMTE', category: 'deli', price: 1290 },
  { sku: 'OLIVE-OIL', category: 'deli', price: 1850 },
  { sku: 'MUG', category: 'homeware', price: 1600 },
  { sku: 'GIFT-BOX', category: 'homeware', price: 4900 },
] as const;

const NO_BUS: SubscriptionBus = {
  subscribe: () => {
    throw new Error('The seed does not subscribe');
  },
};

/** Runs `task` over `items` with at most `limit` in flight, in order of start. */
async function inPool<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function profileOf(random: Random): Profile {
  let roll = random.next();
  for (const [profile, share] of PROFILE_SHARE) {
    if (roll < share) return profile;
    roll -= share;
  }
  return Profile.OCCASIONAL;
}

/** Days ago (within the window) of each purchase of a customer of this profile, oldest first. */
function purchaseDays(random: Random, profile: Profile, windowDays: number): number[] {
  const perYear = { HEAVY: random.int(18, 26), REGULAR: random.int(5, 8), OCCASIONAL: random.int(1, 2), LAPSED: 0 };
  const days: number[] = [];
  if (profile === Profile.LAPSED) {
    // Bought regularly in the older part of the window, then stopped: what churn risk is for.
    const quietFrom = Math.max(1, Math.floor(windowDays * 0.45));
    for (let n = random.int(3, 5); n > 0; n -= 1) days.push(random.int(quietFrom, windowDays - 1));
  } else {
    const count = Math.max(1, Math.round((perYear[profile] * windowDays) / 365));
    for (let n = 0; n < count; n += 1) days.push(random.int(0, windowDays - 1));
  }
  return days.sort((a, b) => b - a);
}

function basket(
  random: Random,
  profile: Profile,
): { sku: string; category: string; quantity: number; unitPrice: number }[] {
  const lineCount = profile === Profile.HEAVY ? random.int(2, 5) : random.int(1, 3);
  const chosen = new Map<string, { sku: string; category: string; quantity: number; unitPrice: number }>();
  for (let n = 0; n < lineCount; n += 1) {
    const item = random.pick(CATALOGUE);
    const line = chosen.get(item.sku);
    if (line) line.quantity += 1;
    else
      chosen.set(item.sku, {
        sku: item.sku,
        category: item.category,
        quantity: random.int(1, 2),
        unitPrice: item.price,
      });
  }
  return [...chosen.values()];
}

/**
 * Creates one demo tenant through the services (the gateway's own code paths: ledger, tiers, outbox rows, signals,
 * timeline), so it is as consistent as one filled through the API. Writes demo.json and returns what it made.
 */
export async function seedDemo(orm: MikroORM, services: Services, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const months = Math.min(MAX_MONTHS, Math.max(1, Math.floor(options.months)));
  const customerCount = Math.max(1, Math.floor(options.customers));
  const concurrency = options.concurrency ?? 4;
  const log = options.log ?? pino({ level: 'silent' });
  const random = new Random(options.seed);
  const now = Date.now();
  // A day short of the limit recordPurchase enforces, so a slow run stays inside it.
  const windowDays = Math.min(364, Math.round(months * 30.4));

  const deps = { orm, bus: NO_BUS, reads: new ReadBatch(orm.em.getDriver()), createLoaders };
  const contextOf = (caller: Caller): Context => createContext(deps, caller, randomUUID(), log);

  const program = await seedProgram(orm, services, contextOf);
  const { tenantId, tenantName, stores, rewards, survey } = program;
  const { owner: ownerCaller, agent: agentCaller, tills } = program.callers;
  const owner = () => contextOf(ownerCaller);

  // Customers, each with a profile drawn in order, so the same seed makes the same people.
  const plans = Array.from({ length: customerCount }, (_, index) => {
    const profile = profileOf(random);
    const days = purchaseDays(random, profile, windowDays);
    return {
      index,
      profile,
      ...person(random, index),
      purchases: days.map((daysAgo) => ({
        daysAgo,
        minute: random.int(8 * 60, 19 * 60),
        online: random.chance(0.15),
        store: random.int(0, stores.length - 1),
        lines: basket(random, profile),
      })),
      redeem: random.next(),
      survey: random.next(),
      // Lapsed members are likelier to be unhappy.
      score: profile === Profile.LAPSED ? random.int(0, 8) : random.int(5, 10),
      complaint: random.chance(0.03),
    };
  });
  const customerIds: string[] = new Array<string>(customerCount);
  await inPool(plans, concurrency, async (plan) => {
    const customer = await services.customers.create(owner(), {
      email: plan.email,
      displayName: plan.displayName,
      segments: plan.profile === Profile.HEAVY ? ['regular'] : [],
    });
    customerIds[plan.index] = customer.id;
  });

  // A year of purchases, each through recordPurchase with its past occurredAt, at a till of its store or online.
  // One customer's purchases go in order (qualification reads what came before); customers run side by side.
  const earned = new Array<number>(customerCount).fill(0);
  let purchaseCount = 0;
  await inPool(plans, concurrency, async (plan) => {
    // One context per caller for this customer's purchases: the program (tiers, benefits, stores) does not
    // change while they are booked, so its loaders need not read it again for each.
    const contexts = new Map<Caller, Context>();
    const contextAs = (caller: Caller) => contexts.get(caller) ?? contexts.set(caller, contextOf(caller)).get(caller)!;
    for (const [n, purchase] of plan.purchases.entries()) {
      const day = new Date(now - purchase.daysAgo * DAY_MS);
      day.setUTCHours(0, 0, 0, 0);
      const occurredAt = new Date(Math.min(now - 60_000, day.getTime() + purchase.minute * 60_000));
      const orderId = `DEMO-${String(plan.index + 1).padStart(5, '0')}-${String(n + 1).padStart(3, '0')}`;
      const result = await services.purchases.record(contextAs(purchase.online ? ownerCaller : tills[purchase.store]), {
        customerId: customerIds[plan.index],
        occurredAt,
        orderId,
        channel: purchase.online ? Channel.WEB : undefined,
        lines: purchase.lines,
        idempotencyKey: orderId,
      });
      earned[plan.index] += result.totalPoints;
      purchaseCount += 1;
    }
  });

  // Redemptions today: about a third of those who can afford a reward take the dearest they can.
  let redemptions = 0;
  await inPool(plans, concurrency, async (plan) => {
    const affordable = rewards.filter(
      (reward) => reward.pointsCost <= earned[plan.index] && reward.eligibleTierIds.length === 0,
    );
    if (affordable.length === 0 || plan.redeem > 0.35) return;
    const reward = affordable[affordable.length - 1];
    await services.rewards.redeem(contextOf(tills[0]), {
      customerId: customerIds[plan.index],
      rewardId: reward.id,
      idempotencyKey: `demo-redeem-${plan.index + 1}`,
    });
    redemptions += 1;
  });

  // Survey answers taken by the care team (a fifth of members); a detractor's answer opens a case by itself.
  let responses = 0;
  let detractors = 0;
  await inPool(plans, concurrency, async (plan) => {
    const customerId = customerIds[plan.index];
    const score = plan.score;
    if (plan.survey < 0.2) {
      const { response } = await services.surveyResponses.submit(contextOf(agentCaller), {
        customerId,
        surveyId: survey.id,
        score,
        comment: score <= 6 ? 'Points from my last visit never showed up.' : undefined,
        topic: score <= 6 ? 'points' : undefined,
        idempotencyKey: `demo-nps-${plan.index + 1}`,
      });
      responses += 1;
      if (response.detractor) detractors += 1;
    }
    if (plan.complaint) {
      await services.cases.open(contextOf(agentCaller), {
        customerId,
        subject: 'Voucher not accepted at the till',
        topic: 'vouchers',
        idempotencyKey: `demo-case-${plan.index + 1}`,
      });
    }
  });
  // Cases opened by hand and by detractors' answers alike.
  const [{ cases }] = await orm.em
    .fork()
    .execute<{ cases: string }[]>(`select count(*) as cases from support_case where tenant_id = ?`, [tenantId]);

  // Health and churn once, as the gateway's job would, so the console has them from the start.
  const scoring = await services.healthScoring.scoreTenant(orm.em.fork(), tenantId, new Date());
  const [{ high }] = await orm.em
    .fork()
    .execute<{ high: string }[]>(
      `select count(*) as high from health_score where tenant_id = ? and churn_level = 'HIGH'`,
      [tenantId],
    );

  const demo: DemoFile = {
    gatewayUrl: options.gatewayUrl,
    tenantId,
    storeId: stores[0].id,
    storeCode: stores[0].code,
    keys: {
      owner: program.keys.owner.secret,
      supervisor: program.keys.supervisor.secret,
      agent: program.keys.agent.secret,
      pos: program.keys.tills[0].secret,
    },
    // The busiest buyers first: the examples use the first, whose points afford a reward to redeem.
    customers: plans
      .filter((plan) => plan.purchases.length > 0)
      .sort((a, b) => b.purchases.length - a.purchases.length || a.index - b.index)
      .slice(0, 10)
      .map((plan) => ({ id: customerIds[plan.index], email: plan.email, displayName: plan.displayName })),
    consoleUrl: `${options.gatewayUrl}/console`,
  };
  await mkdir(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'demo.json');
  // The keys are secrets: readable by this user only (the mode given to writeFile applies to a new file only).
  await writeFile(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return {
    demo,
    file,
    tenantName,
    counts: {
      customers: customerCount,
      purchases: purchaseCount,
      redemptions,
      cases: Number(cases),
      surveyResponses: responses,
      detractors,
    },
    health: scoring ? { scored: scoring.scored, highRisk: Number(high) } : null,
    durationMs: Date.now() - started,
  };
}
