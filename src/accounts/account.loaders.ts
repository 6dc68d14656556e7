import type { EntityManager } from '@mikro-orm/postgresql';

import { entityByIdLoader } from '../shared/db/entity-loader';
import { BusinessAccount } from './business-account.entity';

export function createAccountLoaders(em: () => EntityManager) {
  return { businessAccountById: entityByIdLoader(em, BusinessAccount) };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createAccountLoaders> {}
}
