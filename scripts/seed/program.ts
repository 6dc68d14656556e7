import type { MikroORM } from '@mikro-orm/postgresql';

import { CasePriority } from '../../src/cases/case.logic';
import { RuleEffect, RuleStacking } from '../../src/earning/earning-rule.entity';
import { SurveyKind, SurveyTrigger } from '../../src/feedback/survey.logic';
import { BenefitKind } from '../../src/program/benefit.entity';
import { TermsKind } from '../../src/program/terms.entity';
import { TierMetric, TierWindow } from '../../src/program/tier.entity';
import type { Reward } from '../../src/rewards/reward.entity';
import type { Services } from '../../src/schema';
import type { Caller } from '../../src/shared/auth/caller';
import { StaffRole } from '../../src/shared/auth/roles';
import { Channel } from '../../src/shared/channel';
import type { Context } from '../../src/shared/context';

/** A demo API key: its id, for the caller it makes, and its secret, for demo.json. */
export interface DemoKey {
  id: string;
  secret: string;
}

/** The demo tenant's program and who acts in it: what the customers' history is then made with. */
export interface DemoProgram {
  tenantId: string;
  tenantName: string;
  stores: Awaited<ReturnType<Services['stores']['create']>>[];
  keys: { owner: DemoKey; supervisor: DemoKey; agent: DemoKey; tills: DemoKey[] };
  /** Till callers in the order of `stores`, each bound to its store. */
  callers: { owner: Caller; agent: Caller; tills: Caller[] };
  rewards: Reward[];
  survey: Awaited<ReturnType<Services['surveys']['create']>>;
}

/**
 * Creates a new demo tenant and its program through the services: stores, API keys, tiers and benefits, earning
 * rules, rewards, terms, support teams and SLAs, and the NPS survey.
 */
export async function seedProgram(
  orm: MikroORM,
  services: Services,
  contextOf: (caller: Caller) => Context,
): Promise<DemoProgram> {
  const keyCaller = (tenantId: string, keyId: string, role: StaffRole, storeId?: string): Caller => ({
    kind: 'apiKey',
    tenantId,
    keyId,
    role,
    storeId,
  });

  // A new tenant each run, numbered, so earlier demos stay as they were.
  const [{ count }] = await orm.em
    .fork()
    .execute<{ count: string }[]>(`select count(*) from tenant where name like 'Maison Verte (demo%'`);
  const tenantName = `Maison Verte (demo ${Number(count) + 1})`;
  const created = await services.tenancy.createTenant(orm.em.fork(), {
    name: tenantName,
    currency: 'EUR',
    timezone: 'Europe/Paris',
  });
  const tenantId = created.tenant.id;
  const ownerCaller = keyCaller(tenantId, created.ownerKey.apiKey.id, StaffRole.OWNER);
  const owner = () => contextOf(ownerCaller);

  const stores = [];
  for (const store of [
    { code: 'PAR-01', name: 'Maison Verte Paris Marais', region: 'Île-de-France' },
    { code: 'LYO-01', name: 'Maison Verte Lyon Croix-Rousse', region: 'Auvergne-Rhône-Alpes' },
    { code: 'BDX-01', name: 'Maison Verte Bordeaux Chartrons', region: 'Nouvelle-Aquitaine' },
  ])
    stores.push(await services.stores.create(owner(), store));

  const newKey = async (role: StaffRole, name: string, storeId?: string) => {
    const key = await services.tenancy.createApiKey(owner(), { role, name, storeId });
    return { id: key.apiKey.id, secret: key.secret };
  };
  const supervisorKey = await newKey(StaffRole.SUPERVISOR, 'Demo supervisor');
  const agentKey = await newKey(StaffRole.AGENT, 'Demo agent');
  const tillKeys: { id: string; secret: string }[] = [];
  for (const store of stores) tillKeys.push(await newKey(StaffRole.POS, `Till ${store.code}`, store.id));
  const tills = stores.map((store, index) => keyCaller(tenantId, tillKeys[index].id, StaffRole.POS, store.id));
  const agentCaller = keyCaller(tenantId, agentKey.id, StaffRole.AGENT);

  // The program: three spend-based tiers over a rolling year, benefits worded per channel.
  const tier = (code: string, name: string, rank: number, threshold: number) =>
    services.program.createTier(owner(), {
      code,
      name,
      rank,
      metric: TierMetric.SPEND,
      threshold,
      window: TierWindow.ROLLING_12_MONTHS,
    });
  const member = await tier('MEMBER', 'Member', 0, 0);
  const silver = await tier('SILVER', 'Silver', 1, 30_000);
  const gold = await tier('GOLD', 'Gold', 2, 100_000);
  const benefits = [
    {
      code: 'BIRTHDAY_TREAT',
      tierId: member.id,
      kind: BenefitKind.OTHER,
      title: 'A treat on your birthday',
      channels: [Channel.POS, Channel.MOBILE, Channel.WEB, Channel.AGENT],
      texts: [{ channel: Channel.POS, text: 'Birthday treat: offer a pastry' }],
    },
    {
      code: 'SILVER_POINTS',
      tierId: silver.id,
      kind: BenefitKind.POINTS_MULTIPLIER,
      value: 125,
      title: '25% more points on every purchase',
      channels: [Channel.POS, Channel.MOBILE, Channel.WEB],
      texts: [{ channel: Channel.POS, text: 'Silver: +25% points' }],
    },
    {
      code: 'SILVER_SHIPPING',
      tierId: silver.id,
      kind: BenefitKind.FREE_SHIPPING,
      title: 'Free delivery on online orders',
      channels: [Channel.WEB, Channel.MOBILE],
    },
    {
      code: 'GOLD_POINTS',
      tierId: gold.id,
      kind: BenefitKind.POINTS_MULTIPLIER,
      value: 150,
      title: 'Half as many points again on every purchase',
      channels: [Channel.POS, Channel.MOBILE, Channel.WEB],
      texts: [{ channel: Channel.POS, text: 'Gold: +50% points' }],
    },
    {
      code: 'GOLD_DISCOUNT',
      tierId: gold.id,
      kind: BenefitKind.PERCENT_DISCOUNT,
      value: 10,
      title: '10% off coffee beans',
      channels: [Channel.POS, Channel.WEB],
      texts: [{ channel: Channel.POS, text: 'Gold: 10% off beans' }],
    },
    {
      code: 'GOLD_SUPPORT',
      tierId: gold.id,
      kind: BenefitKind.DEDICATED_SUPPORT,
      title: 'A dedicated line to our team',
      channels: [Channel.AGENT, Channel.MOBILE],
      texts: [{ channel: Channel.AGENT, text: 'Gold member: answer first, offer a callback' }],
    },
  ];
  for (const benefit of benefits) await services.program.upsertBenefit(owner(), benefit);

  const rules = [
    {
      code: 'BEANS_DOUBLE',
      name: 'Double points on coffee beans',
      priority: 10,
      stacking: RuleStacking.STACKABLE,
      effect: RuleEffect.MULTIPLIER,
      value: 200,
      categories: ['coffee-beans'],
    },
    {
      code: 'BIG_BASKET',
      name: '50 bonus points from 60 € spent',
      priority: 20,
      stacking: RuleStacking.STACKABLE,
      effect: RuleEffect.FIXED_BONUS,
      value: 50,
      minSpend: 6_000,
    },
    {
      code: 'LYON_WELCOME',
      name: 'Lyon store opening: 1.5x points',
      priority: 30,
      stacking: RuleStacking.STACKABLE,
      effect: RuleEffect.MULTIPLIER,
      value: 150,
      regions: ['Auvergne-Rhône-Alpes'],
    },
  ];
  for (const rule of rules) await services.earningRules.create(owner(), rule);

  // Rewards from a coffee (most members can afford one) to a Gold-only workshop.
  const rewards: Reward[] = [];
  for (const reward of [
    { code: 'FREE_COFFEE', name: 'A coffee on us', pointsCost: 150, costToBusiness: 60, retailValue: 250 },
    { code: 'PASTRY', name: 'A pastry of your choice', pointsCost: 250, costToBusiness: 90, retailValue: 350 },
    { code: 'TOTE_BAG', name: 'Maison Verte tote bag', pointsCost: 800, costToBusiness: 300, retailValue: 1_200 },
    { code: 'VOUCHER_10', name: '10 € off your basket', pointsCost: 1_200, costToBusiness: 1_000, retailValue: 1_000 },
    {
      code: 'TASTING',
      name: 'Coffee tasting workshop',
      pointsCost: 5_000,
      costToBusiness: 2_500,
      retailValue: 4_500,
      eligibleTierIds: [gold.id],
    },
  ]) {
    const made = await services.rewards.create(owner(), reward);
    rewards.push(await services.rewards.activate(owner(), made.id, undefined));
  }

  const terms = [
    {
      kind: TermsKind.PROGRAM_TERMS,
      channel: Channel.WEB,
      title: 'Maison Verte Club: programme terms',
      body: 'Earn 1 point per euro spent in our stores and online. Points last 12 months from your last purchase. Silver from 300 € and Gold from 1,000 € spent over 12 months; a tier is kept for 12 months.',
    },
    {
      kind: TermsKind.PROGRAM_TERMS,
      channel: Channel.MOBILE,
      title: 'Club terms',
      body: '1 point per euro. Silver from 300 €, Gold from 1,000 € a year. Rewards from 150 points.',
    },
    {
      kind: TermsKind.AGENT_SCRIPT,
      channel: Channel.AGENT,
      title: 'Greeting and points enquiry',
      body: 'Greet the member by name. Confirm their tier and balance, and name any points expiring soon. If they are close to the next tier, say how much is left to spend. Before ending, ask whether there is anything else.',
    },
  ];
  for (const text of terms)
    await services.terms.publish(owner(), {
      ...text,
      locale: 'en',
      idempotencyKey: `demo-terms-${text.kind}-${text.channel}`,
    });

  // Support: a care team for everyone and a priority team for Gold, with SLAs per priority.
  const care = await services.supportConfig.createTeam(owner(), {
    code: 'CARE',
    name: 'Member care',
    idempotencyKey: 'demo-team-care',
  });
  const priorityTeam = await services.supportConfig.createTeam(owner(), {
    code: 'GOLD_CARE',
    name: 'Gold line',
    escalationTeamId: care.id,
    idempotencyKey: 'demo-team-gold',
  });
  await services.supportConfig.setRules(
    owner(),
    [
      { teamId: priorityTeam.id, tierId: gold.id },
      { teamId: care.id, topic: 'points' },
    ],
    'demo-routing',
  );
  await services.supportConfig.updateSettings(owner(), {
    defaultTeamId: care.id,
    escalationLeadMinutes: 60,
    slas: [
      { priority: CasePriority.P1, firstResponseMinutes: 30, resolutionMinutes: 240 },
      { priority: CasePriority.P2, firstResponseMinutes: 120, resolutionMinutes: 1_440 },
      { priority: CasePriority.P3, firstResponseMinutes: 480, resolutionMinutes: 4_320 },
      { priority: CasePriority.P4, firstResponseMinutes: 1_440, resolutionMinutes: 10_080 },
    ],
    idempotencyKey: 'demo-support-settings',
  });
  const survey = await services.surveys.create(owner(), {
    code: 'NPS_RELATIONSHIP',
    name: 'How likely are you to recommend us?',
    kind: SurveyKind.NPS,
    trigger: SurveyTrigger.RELATIONSHIP,
    question: 'How likely are you to recommend Maison Verte to a friend?',
    active: true,
    idempotencyKey: 'demo-survey-nps',
  });

  return {
    tenantId,
    tenantName,
    stores,
    keys: {
      owner: { id: created.ownerKey.apiKey.id, secret: created.ownerKey.secret },
      supervisor: supervisorKey,
      agent: agentKey,
      tills: tillKeys,
    },
    callers: { owner: ownerCaller, agent: agentCaller, tills },
    rewards,
    survey,
  };
}
