import type { EntityManager } from '@mikro-orm/postgresql';

import { createAccountLoaders } from './accounts/account.loaders';
import { createCaseLoaders } from './cases/case.loaders';
import { createConsentLoaders } from './customers/consent.loaders';
import { createCustomerLoaders } from './customers/customer.loaders';
import { createFeedbackLoaders } from './feedback/feedback.loaders';
import { createLedgerLoaders } from './ledger/ledger.loaders';
import { createProgramLoaders } from './program/program.loaders';
import type { Loaders } from './shared/context';
import { createStoreLoaders } from './stores/store.loaders';
import { createTimelineLoaders } from './timeline/timeline.loaders';

/** Every domain's DataLoaders over one request's EntityManager fork. */
export function createLoaders(em: EntityManager): Loaders {
  return {
    ...createCustomerLoaders(em),
    ...createStoreLoaders(em),
    ...createAccountLoaders(em),
    ...createLedgerLoaders(em),
    ...createProgramLoaders(em),
    ...createTimelineLoaders(em),
    ...createConsentLoaders(em),
    ...createFeedbackLoaders(em),
    ...createCaseLoaders(em),
  };
}
