import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type ContainerType, type PubSub } from 'type-graphql';

import { BusinessAccountResolver, CustomerAccountResolver } from '../../accounts/account.resolver';
import { CustomerResolver } from '../../customers/customer.resolver';
import { HygieneResolver } from '../../customers/hygiene.resolver';
import { CustomerMergeResolver } from '../../customers/merge.resolver';
import { EarningResolver } from '../../earning/earning.resolver';
import {
  BalanceResolver,
  CustomerPointsResolver,
  LedgerResolver,
  TransactionEntriesResolver,
} from '../../ledger/ledger.resolver';
import { OfflineSyncResolver } from '../../pos/offline-sync.resolver';
import { CustomerTierResolver, ProgramResolver, ProgramSettingsResolver } from '../../program/program.resolver';
import { TermsResolver } from '../../program/terms.resolver';
import { LoyaltyStateResolver } from '../../realtime/loyalty-state.resolver';
import { RealtimeResolver } from '../../realtime/realtime.resolver';
import { RewardResolver } from '../../rewards/reward.resolver';
import { StoreResolver } from '../../stores/store.resolver';
import { TenancyResolver } from '../../tenancy/tenancy.resolver';
import { CustomerTimelineResolver, TimelineResolver } from '../../timeline/timeline.resolver';
import { authChecker } from '../auth/auth-checker';

export const RESOLVERS = [
  TenancyResolver,
  StoreResolver,
  CustomerResolver,
  CustomerMergeResolver,
  HygieneResolver,
  BusinessAccountResolver,
  CustomerAccountResolver,
  LedgerResolver,
  CustomerPointsResolver,
  BalanceResolver,
  TransactionEntriesResolver,
  ProgramResolver,
  ProgramSettingsResolver,
  CustomerTierResolver,
  TermsResolver,
  LoyaltyStateResolver,
  RealtimeResolver,
  OfflineSyncResolver,
  EarningResolver,
  RewardResolver,
  CustomerTimelineResolver,
  TimelineResolver,
] as const;

/** Resolver instances by class, built in app.ts; type-graphql asks this for each resolver. */
export type ResolverInstances = Map<Function, object>;

export async function buildGatewaySchema(resolvers: ResolverInstances, pubSub: PubSub): Promise<GraphQLSchema> {
  const container: ContainerType = {
    get(someClass) {
      const instance = resolvers.get(someClass as Function);
      if (!instance) throw new Error(`No resolver instance registered for ${(someClass as Function).name}`);
      return instance;
    },
  };
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
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
