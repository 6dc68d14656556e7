import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type ContainerType, type PubSub } from 'type-graphql';

import { BusinessAccountResolver, CustomerAccountResolver } from './accounts/account.resolver';
import type { AccountService } from './accounts/account.service';
import { CaseResolver, CustomerCasesResolver } from './cases/case.resolver';
import type { CaseService } from './cases/case.service';
import { CaseStreamResolver } from './cases/case-stream.resolver';
import { GoodwillResolver } from './cases/goodwill.resolver';
import type { GoodwillService } from './cases/goodwill.service';
import { RootCauseResolver } from './cases/root-cause.resolver';
import type { RootCauseService } from './cases/root-cause.service';
import type { SlaJobs } from './cases/sla.jobs';
import { SupportConfigResolver } from './cases/support-config.resolver';
import type { SupportConfigService } from './cases/support-config.service';
import { ConsentResolver } from './customers/consent.resolver';
import type { ConsentService } from './customers/consent.service';
import { ContactVerificationResolver } from './customers/contact-verification.resolver';
import type { ContactVerificationService } from './customers/contact-verification.service';
import { CustomerResolver } from './customers/customer.resolver';
import type { CustomerService } from './customers/customer.service';
import { HygieneResolver } from './customers/hygiene.resolver';
import type { HygieneService } from './customers/hygiene.service';
import type { IdentifierService } from './customers/identifier.service';
import { CustomerMergeResolver } from './customers/merge.resolver';
import type { MergeService } from './customers/merge.service';
import { EarningResolver } from './earning/earning.resolver';
import type { EarningRuleService } from './earning/earning-rule.service';
import type { ProgramConfigCache } from './earning/program-config';
import type { PurchaseService } from './earning/purchase.service';
import { CustomerFeedbackResolver, FeedbackResolver, SurveyResponseResolver } from './feedback/feedback.resolver';
import type { FeedbackSettingsService } from './feedback/feedback-settings.service';
import type { SurveyService } from './feedback/survey.service';
import type { SurveyResponseService } from './feedback/survey-response.service';
import { CustomerHealthResolver, HealthResolver } from './health/health.resolver';
import type { HealthScoring } from './health/health.scoring';
import type { HealthService } from './health/health.service';
import { InsightResolver } from './insights/insight.resolver';
import type { InsightService } from './insights/insight.service';
import {
  BalanceAfterResolver,
  BalanceResolver,
  CustomerPointsResolver,
  LedgerResolver,
  TransactionEntriesResolver,
} from './ledger/ledger.resolver';
import type { LedgerService } from './ledger/ledger.service';
import type { LedgerReadService } from './ledger/ledger-reads.service';
import type { PlaybookEngine } from './playbooks/playbook.engine';
import { PlaybookResolver } from './playbooks/playbook.resolver';
import type { PlaybookService } from './playbooks/playbook.service';
import { OfflineSyncResolver } from './pos/offline-sync.resolver';
import type { OfflineSyncService } from './pos/offline-sync.service';
import { CustomerTierResolver, ProgramResolver, ProgramSettingsResolver } from './program/program.resolver';
import type { ProgramService } from './program/program.service';
import { TermsResolver } from './program/terms.resolver';
import type { TermsService } from './program/terms.service';
import type { TierService } from './program/tier.service';
import { LoyaltyStateResolver } from './realtime/loyalty-state.resolver';
import { RealtimeResolver } from './realtime/realtime.resolver';
import { RewardResolver } from './rewards/reward.resolver';
import type { RewardService } from './rewards/reward.service';
import { authChecker } from './shared/auth/auth-checker';
import type { SignalService } from './signals/signal.service';
import { StoreResolver } from './stores/store.resolver';
import type { StoreService } from './stores/store.service';
import { RateLimitResolver } from './tenancy/rate-limit.resolver';
import type { RateLimitService } from './tenancy/rate-limit.service';
import { RoleLimitResolver } from './tenancy/role-limit.resolver';
import type { RoleLimitService } from './tenancy/role-limit.service';
import { TenancyResolver } from './tenancy/tenancy.resolver';
import type { TenancyService } from './tenancy/tenancy.service';
import type { ChannelSwitchService } from './timeline/channel-switch.service';
import { CustomerTimelineResolver, TimelineResolver } from './timeline/timeline.resolver';
import type { TimelineService } from './timeline/timeline.service';

/** The services the resolvers call: singletons, built once by the composition root (app.ts). */
export interface Services {
  readonly signals: SignalService;
  readonly tenancy: TenancyService;
  readonly roleLimits: RoleLimitService;
  readonly stores: StoreService;
  readonly customers: CustomerService;
  readonly identifiers: IdentifierService;
  readonly contactVerification: ContactVerificationService;
  readonly merges: MergeService;
  readonly hygiene: HygieneService;
  readonly accounts: AccountService;
  readonly ledger: LedgerService;
  readonly ledgerReads: LedgerReadService;
  readonly program: ProgramService;
  readonly tiers: TierService;
  readonly terms: TermsService;
  readonly earningRules: EarningRuleService;
  readonly purchases: PurchaseService;
  readonly programConfig: ProgramConfigCache;
  readonly rewards: RewardService;
  readonly offlineSync: OfflineSyncService;
  readonly timeline: TimelineService;
  readonly channelSwitches: ChannelSwitchService;
  readonly rateLimits: RateLimitService;
  readonly consents: ConsentService;
  readonly surveys: SurveyService;
  readonly feedbackSettings: FeedbackSettingsService;
  readonly surveyResponses: SurveyResponseService;
  readonly supportConfig: SupportConfigService;
  readonly cases: CaseService;
  readonly goodwill: GoodwillService;
  readonly rootCauses: RootCauseService;
  readonly slaJobs: SlaJobs;
  readonly insights: InsightService;
  readonly playbooks: PlaybookService;
  /** Not called by resolvers: the playbook job (src/jobs.ts) and `npm run run-playbooks` drive it. */
  readonly playbookEngine: PlaybookEngine;
  readonly health: HealthService;
  readonly healthScoring: HealthScoring;
}

type ResolverClass = abstract new (...args: never[]) => object;
type ResolverEntry = readonly [ResolverClass, (services: Services) => object];

function resolver<T extends object>(
  type: abstract new (...args: never[]) => T,
  build: (services: Services) => T,
): ResolverEntry {
  return [type, build];
}

/** Every resolver of the API and what it is built from: the one list the schema is made of. */
const RESOLVERS = [
  resolver(TenancyResolver, (s) => new TenancyResolver(s.tenancy)),
  resolver(RateLimitResolver, (s) => new RateLimitResolver(s.rateLimits)),
  resolver(RoleLimitResolver, (s) => new RoleLimitResolver(s.roleLimits)),
  resolver(StoreResolver, (s) => new StoreResolver(s.stores)),
  resolver(CustomerResolver, (s) => new CustomerResolver(s.customers, s.identifiers)),
  resolver(ContactVerificationResolver, (s) => new ContactVerificationResolver(s.contactVerification)),
  resolver(CustomerMergeResolver, (s) => new CustomerMergeResolver(s.merges)),
  resolver(HygieneResolver, (s) => new HygieneResolver(s.hygiene)),
  resolver(BusinessAccountResolver, (s) => new BusinessAccountResolver(s.accounts)),
  resolver(CustomerAccountResolver, () => new CustomerAccountResolver()),
  resolver(LedgerResolver, (s) => new LedgerResolver(s.ledger, s.tenancy)),
  resolver(CustomerPointsResolver, (s) => new CustomerPointsResolver(s.ledgerReads)),
  resolver(BalanceResolver, (s) => new BalanceResolver(s.ledgerReads)),
  resolver(BalanceAfterResolver, () => new BalanceAfterResolver()),
  resolver(TransactionEntriesResolver, () => new TransactionEntriesResolver()),
  resolver(ProgramResolver, (s) => new ProgramResolver(s.program, s.tiers)),
  resolver(ProgramSettingsResolver, (s) => new ProgramSettingsResolver(s.program)),
  resolver(CustomerTierResolver, (s) => new CustomerTierResolver(s.tiers)),
  resolver(TermsResolver, (s) => new TermsResolver(s.terms)),
  resolver(LoyaltyStateResolver, () => new LoyaltyStateResolver()),
  resolver(RealtimeResolver, () => new RealtimeResolver()),
  resolver(OfflineSyncResolver, (s) => new OfflineSyncResolver(s.offlineSync)),
  resolver(EarningResolver, (s) => new EarningResolver(s.earningRules, s.purchases)),
  resolver(RewardResolver, (s) => new RewardResolver(s.rewards)),
  resolver(CustomerTimelineResolver, () => new CustomerTimelineResolver()),
  resolver(TimelineResolver, (s) => new TimelineResolver(s.channelSwitches, s.timeline)),
  resolver(ConsentResolver, (s) => new ConsentResolver(s.consents)),
  resolver(FeedbackResolver, (s) => new FeedbackResolver(s.surveys, s.feedbackSettings, s.surveyResponses)),
  resolver(CustomerFeedbackResolver, () => new CustomerFeedbackResolver()),
  resolver(SurveyResponseResolver, () => new SurveyResponseResolver()),
  resolver(SupportConfigResolver, (s) => new SupportConfigResolver(s.supportConfig)),
  resolver(CaseResolver, (s) => new CaseResolver(s.cases)),
  resolver(CustomerCasesResolver, () => new CustomerCasesResolver()),
  resolver(CaseStreamResolver, () => new CaseStreamResolver()),
  resolver(GoodwillResolver, (s) => new GoodwillResolver(s.goodwill)),
  resolver(RootCauseResolver, (s) => new RootCauseResolver(s.rootCauses)),
  resolver(InsightResolver, (s) => new InsightResolver(s.insights)),
  resolver(PlaybookResolver, (s) => new PlaybookResolver(s.playbooks)),
  resolver(CustomerHealthResolver, (s) => new CustomerHealthResolver(s.health)),
  resolver(HealthResolver, (s) => new HealthResolver(s.health)),
] as const;

/**
 * The gateway's schema. Without services (emitting or checking the SDL) no resolver is built: nothing is
 * resolved then, and type-graphql asks for instances only when a field runs.
 */
export async function buildGatewaySchema(services: Services | null, pubSub: PubSub): Promise<GraphQLSchema> {
  const instances = new Map<unknown, object>(services ? RESOLVERS.map(([type, build]) => [type, build(services)]) : []);
  const container: ContainerType = {
    get(someClass) {
      const instance = instances.get(someClass);
      if (!instance) throw new Error(`No resolver instance registered for ${(someClass as ResolverClass).name}`);
      return instance;
    },
  };
  // Spread back into a tuple: type-graphql's signature asks for a non-empty one.
  const [first, ...rest] = RESOLVERS.map(([type]) => type);
  const schema = await buildSchema({
    resolvers: [first, ...rest],
    container,
    authChecker,
    pubSub,
    // Inputs are validated by the services, which name the offending field; no class-validator pass.
    validate: false,
  });
  // type-graphql has no option for the root types' descriptions, and the schema is the API's documentation.
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) root.description = ROOT_DESCRIPTIONS[root.name];
  }
  return schema;
}

const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query: "Reads, always within the caller's tenant. Points are whole numbers; money is in minor units.",
  Mutation: 'Changes, each in one transaction. Those that take an idempotencyKey can be retried safely with it.',
  Subscription: 'Pushes over WebSocket (graphql-ws), authorised when the connection opens and again on subscribe.',
};

/** The SDL committed as schema/schema.graphql: sorted, so it changes only when the API does. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
