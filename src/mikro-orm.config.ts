import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';

import { migrationsList } from '../migrations';
import { BusinessAccount } from './accounts/business-account.entity';
import { Customer } from './customers/customer.entity';
import { CustomerIdentifier } from './customers/identifier.entity';
import { CustomerMerge } from './customers/merge.entity';
import { EarningRule, RuleUsage } from './earning/earning-rule.entity';
import { Purchase, PurchaseLine, PurchaseRefund } from './earning/purchase.entity';
import {
  LedgerEntry,
  LedgerTransaction,
  PointsBalance,
  PointsImport,
  PointsLot,
  PointsLotConsumption,
} from './ledger/ledger.entity';
import { OutboxEvent } from './outbox/outbox-event.entity';
import { Benefit } from './program/benefit.entity';
import { ProgramConfigVersion } from './program/program-config.entity';
import { ProgramSettings } from './program/program-settings.entity';
import { ProgramTerms, ScriptAcknowledgement } from './program/terms.entity';
import { CustomerTier, Tier, TierChange } from './program/tier.entity';
import { LoyaltyStateVersion } from './realtime/loyalty-state.entity';
import { Reward, RewardGuardrailOverride, Voucher } from './rewards/reward.entity';
import { DATABASE_CODE_TABLE } from './shared/db/database-code';
import { TENANT_FILTER, type TenantFilterParams } from './shared/db/tenant-filter';
import { Store } from './stores/store.entity';
import { ApiKey } from './tenancy/api-key.entity';
import { CUSTOMER_TOKEN_TABLES } from './tenancy/credentials.store';
import { Tenant } from './tenancy/tenant.entity';
import { TimelineEvent } from './timeline/timeline.entity';

/** Entities whose every query is scoped by the `tenant` filter. */
export const TENANT_OWNED = [
  ApiKey,
  Store,
  Customer,
  ProgramSettings,
  Tier,
  Benefit,
  EarningRule,
  Reward,
  BusinessAccount,
  ProgramTerms,
];

/**
 * `snapshot` is on only for `npm run migration:create`: applying migrations would otherwise rewrite the
 * committed snapshot from the database on every start and test run.
 */
export function ormConfig(clientUrl: string, poolMax = 20, log?: (message: string) => void, snapshot = false): Options {
  return defineConfig({
    clientUrl,
    // Ledger tables are written in SQL by the ledger (src/ledger), which scopes every statement by tenant itself.
    entities: [
      Tenant,
      OutboxEvent,
      ...TENANT_OWNED,
      LedgerTransaction,
      LedgerEntry,
      PointsBalance,
      PointsLot,
      PointsLotConsumption,
      PointsImport,
      // Written in SQL by their services, which scope every statement by tenant themselves.
      CustomerIdentifier,
      CustomerTier,
      TierChange,
      RuleUsage,
      Purchase,
      PurchaseLine,
      PurchaseRefund,
      RewardGuardrailOverride,
      Voucher,
      TimelineEvent,
      CustomerMerge,
      ScriptAcknowledgement,
      LoyaltyStateVersion,
      ProgramConfigVersion,
    ],
    extensions: [Migrator],
    // Written in SQL (by migrate() for the database code it applied, by tenancy/ for customer-token settings);
    // no entity maps them, and no schema diff may drop them.
    schemaGenerator: { skipTables: [DATABASE_CODE_TABLE, ...CUSTOMER_TOKEN_TABLES] },
    // Requests and jobs each fork their own EntityManager; the global one must never hold state.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: poolMax },
    filters: {
      [TENANT_FILTER]: {
        cond: (args: TenantFilterParams) => ({ tenant: args.tenantId }),
        entity: TENANT_OWNED.map((entity) => entity.name),
        default: true,
      },
    },
    migrations: {
      // Listed in code (migrations/index.ts) so ts-jest, swc and compiled JS all load the same set.
      migrationsList,
      path: 'migrations',
      pathTs: 'migrations',
      snapshot,
      snapshotName: '.snapshot-loyalty',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
    },
    debug: false,
    // Under Jest (swc) MikroORM cannot tell it runs TypeScript; it must, or discovery breaks.
    preferTs: process.env.JEST_WORKER_ID !== undefined,
    ...(log ? { logger: log } : {}),
  });
}
