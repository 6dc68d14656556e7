import type { EntityManager } from '@mikro-orm/postgresql';

import { entityByIdLoader } from '../shared/db/entity-loader';
import { Store } from './store.entity';

export function createStoreLoaders(em: () => EntityManager) {
  return { storeById: entityByIdLoader(em, Store) };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createStoreLoaders> {}
}
