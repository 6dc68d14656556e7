/** A purchased line as stored: what was bought, and what earlier refunds already took from it. */
export interface PurchasedLine {
  lineNo: number;
  sku: string;
  quantity: number;
  /** Minor units. */
  unitPrice: number;
  points: number;
  refundedQuantity: number;
  refundedPoints: number;
}

/** Units of a SKU to refund. */
export interface RefundedUnits {
  sku: string;
  quantity: number;
}

export type RefundAllocation =
  | {
      ok: true;
      /** Every purchased line, in the order given, with what is refunded of it after this refund. */
      lines: PurchasedLine[];
      /** Money refunded, in minor units. */
      amount: number;
      /** Points the refunded units had earned. */
      points: number;
    }
  | {
      ok: false;
      /** The first requested line the purchase cannot cover, by its index in the request. */
      index: number;
      sku: string;
      /** Units of that SKU still unrefunded once the requested lines before it are taken. */
      unrefunded: number;
    };

/**
 * Spreads a refund over a purchase's lines. Each requested line takes units of its SKU from the purchased
 * lines in the order given, skipping units already refunded. Refunded units take their share of the line's
 * points, rounded down, and the last units of a line take whatever points it has left, so refunding a whole
 * purchase, in one refund or several, returns exactly the points it earned.
 */
export function allocateRefund(
  purchased: readonly PurchasedLine[],
  wanted: readonly RefundedUnits[],
): RefundAllocation {
  const lines = purchased.map((line) => ({ ...line }));
  let amount = 0;
  let points = 0;
  for (const [index, request] of wanted.entries()) {
    let left = request.quantity;
    for (const line of lines.filter((candidate) => candidate.sku === request.sku)) {
      const open = line.quantity - line.refundedQuantity;
      const take = Math.min(open, left);
      if (take === 0) continue;
      const linePoints =
        take === open ? line.points - line.refundedPoints : Math.floor((line.points * take) / line.quantity);
      line.refundedQuantity += take;
      line.refundedPoints += linePoints;
      amount += take * line.unitPrice;
      points += linePoints;
      left -= take;
    }
    if (left > 0) return { ok: false, index, sku: request.sku, unrefunded: request.quantity - left };
  }
  return { ok: true, lines, amount, points };
}
