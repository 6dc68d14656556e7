import type { ProgramChangePayload } from './realtime.types';

/** Whether a program change concerns a till of this store: global ones do, promotions limited to other stores or regions do not. */
export function appliesToStore(
  change: Pick<ProgramChangePayload, 'storeIds' | 'regions'>,
  store: { id: string; region?: string | null },
): boolean {
  if (change.storeIds.length > 0 && !change.storeIds.includes(store.id)) return false;
  if (change.regions.length > 0 && !(store.region && change.regions.includes(store.region))) return false;
  return true;
}
