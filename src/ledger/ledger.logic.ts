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
