import type { EntityManager } from '@mikro-orm/postgresql';

import { createAccountLoaders } from './accounts/account.loaders';
import { createCaseLoaders } from './cases/case.loaders';
import { createConsentLoaders } from './customers/consent.loaders';
import { createCustomerLoaders } from './customers/customer.loaders';
import { createFeedbackLoaders } from './feedback/feedback.loaders';
import { createHealthLoaders } from './health/health.loaders';
import { BALANCE_WITH_CUSTOMER, createLedgerLoaders } from './ledger/ledger.loaders';
import { createProgramLoaders } from './program/program.loaders';
import type { Loaders } from './shared/context';
import type { Reads } from './shared/db/read-batch';
import { createStoreLoaders } from './stores/store.loaders';
import { createTimelineLoaders } from './timeline/timeline.loaders';

/** Every domain's DataLoaders over one request's EntityManager fork and its batched plain reads. */
export function createLoaders(em: EntityManager, reads: Reads): Loaders {
  const ledger = createLedgerLoaders(reads);
  return {
    // A customer's balance comes with the customer, in the same statement.
    ...createCustomerLoaders(em, reads, {
      join: BALANCE_WITH_CUSTOMER.join,
      row: BALANCE_WITH_CUSTOMER.row,
      onRow: (customerId, row) => BALANCE_WITH_CUSTOMER.prime(ledger, customerId, row),
    }),
    ...createStoreLoaders(em),
    ...createAccountLoaders(em),
    ...ledger,
    ...createProgramLoaders(em, reads),
    ...createTimelineLoaders(reads),
    ...createConsentLoaders(em),
    ...createFeedbackLoaders(em),
    ...createCaseLoaders(em),
    ...createHealthLoaders(reads),
  };
}
