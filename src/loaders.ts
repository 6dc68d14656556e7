import { createAccountLoaders } from './accounts/account.loaders';
import { createCaseLoaders } from './cases/case.loaders';
import { createConsentLoaders } from './customers/consent.loaders';
import { createCustomerLoaders } from './customers/customer.loaders';
import { createFeedbackLoaders } from './feedback/feedback.loaders';
import { createHealthLoaders } from './health/health.loaders';
import { BALANCE_WITH_CUSTOMER, createLedgerLoaders } from './ledger/ledger.loaders';
import { createProgramLoaders } from './program/program.loaders';
import type { Loaders, LoaderSources } from './shared/context';
import { createStoreLoaders } from './stores/store.loaders';
import { createTimelineLoaders } from './timeline/timeline.loaders';

/** Every domain's DataLoaders over one request's batched plain reads and (made on first use) its EntityManager fork. */
export function createLoaders({ em, reads, tenantId }: LoaderSources): Loaders {
  const ledger = createLedgerLoaders(reads);
  return {
    // A customer's balance comes with the customer, in the same read.
    ...createCustomerLoaders(reads, tenantId, {
      join: BALANCE_WITH_CUSTOMER.join,
      row: BALANCE_WITH_CUSTOMER.row,
      onRow: (customerId, row) => BALANCE_WITH_CUSTOMER.prime(ledger, customerId, row),
    }),
    ...createStoreLoaders(em),
    ...createAccountLoaders(em),
    ...ledger,
    ...createProgramLoaders(reads),
    ...createTimelineLoaders(reads),
    ...createConsentLoaders(em),
    ...createFeedbackLoaders(em),
    ...createCaseLoaders(em),
    ...createHealthLoaders(reads),
  };
}
