import { createHash } from 'node:crypto';

export interface OpenLot {
  id: string;
  remaining: number;
  expiresAt: Date | null;
}

export interface LotTake {
  lotId: string;
  points: number;
  expiresAt: Date | null;
}

/**
 * First-to-expire first: lots with an expiry date before lots without one, earlier dates first, then
 * the order given (oldest first). Returns what to take from each lot; throws if the lots cannot cover it,
 * which means the balance and the lots disagree (verify-ledger would say so too).
 */
export function planConsumption(lots: readonly OpenLot[], points: number, preferLotId?: string): LotTake[] {
  const ordered = lots
    .map((lot, index) => ({ lot, index }))
    .sort((a, b) => {
      if (preferLotId && (a.lot.id === preferLotId) !== (b.lot.id === preferLotId))
        return a.lot.id === preferLotId ? -1 : 1;
      const ax = a.lot.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
      const bx = b.lot.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
      return ax - bx || a.index - b.index;
    });
  const takes: LotTake[] = [];
  let left = points;
  for (const { lot } of ordered) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    if (take > 0) {
      takes.push({ lotId: lot.id, points: take, expiresAt: lot.expiresAt });
      left -= take;
    }
  }
  if (left > 0) throw new Error(`lots cover ${points - left} of ${points} points`);
  return takes;
}

/** Stable JSON: object keys sorted, dates as ISO strings, undefined dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What an idempotency key is bound to: the operation and its whole input except the key itself. */
export function requestHash(operation: string, input: object): string {
  const { idempotencyKey: _key, ...rest } = input as { idempotencyKey?: string };
  return createHash('sha256')
    .update(`${operation}:${canonicalJson(rest)}`)
    .digest('hex');
}
