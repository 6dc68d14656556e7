import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { ConsentPurpose } from './consent.logic';
import { consentOf, type ConsentRow } from './consent.service';
import type { Consent } from './consent.types';

/** Every purpose's consent per customer (recorded or default), one query per batch of customers. */
function consentsByCustomerLoader(em: () => EntityManager) {
  return new DataLoader<string, Consent[]>(async (customerIds) => {
    const rows = await em().execute<(ConsentRow & { customer_id: string })[]>(
      `select customer_id, purpose, granted, source, recorded_at from customer_consent where customer_id in (?)`,
      [[...customerIds]],
    );
    return customerIds.map((id) =>
      Object.values(ConsentPurpose).map((purpose) =>
        consentOf(
          purpose,
          rows.find((row) => row.customer_id === id && row.purpose === purpose),
        ),
      ),
    );
  });
}

export function createConsentLoaders(em: () => EntityManager) {
  /** Keys are ids of customers already loaded through the tenant filter. */
  return { consentsByCustomer: consentsByCustomerLoader(em) };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createConsentLoaders> {}
}
