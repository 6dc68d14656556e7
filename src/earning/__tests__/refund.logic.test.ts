import { allocateRefund, type PurchasedLine } from '../refund.logic';

function line(overrides: Partial<PurchasedLine>): PurchasedLine {
  return {
    lineNo: 1,
    sku: 'A',
    quantity: 3,
    unitPrice: 500,
    points: 10,
    refundedQuantity: 0,
    refundedPoints: 0,
    ...overrides,
  };
}

describe('allocateRefund', () => {
  it('refunds part of a line with its share of the points, rounded down, and the money of the units', () => {
    const result = allocateRefund([line({})], [{ sku: 'A', quantity: 1 }]);
    expect(result).toEqual({
      ok: true,
      lines: [line({ refundedQuantity: 1, refundedPoints: 3 })],
      amount: 500,
      points: 3,
    });
  });

  it('gives the last units of a line whatever points it has left, so refunds one by one return them all', () => {
    let lines = [line({})];
    const taken: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const result = allocateRefund(lines, [{ sku: 'A', quantity: 1 }]);
      if (!result.ok) throw new Error('refused');
      taken.push(result.points);
      lines = result.lines;
    }
    expect(taken).toEqual([3, 3, 4]);
    expect(lines[0]).toMatchObject({ refundedQuantity: 3, refundedPoints: 10 });
  });

  it('rounds each partial refund from the line as bought, not from what is left of it', () => {
    const result = allocateRefund(
      [line({ quantity: 4, points: 10, refundedQuantity: 1, refundedPoints: 2 })],
      [{ sku: 'A', quantity: 2 }],
    );
    // 10 * 2 / 4 = 5, although 8 points are left over 3 units.
    expect(result).toMatchObject({ ok: true, points: 5 });
  });

  it('returns exactly all points when the whole purchase is refunded at once', () => {
    const result = allocateRefund(
      [line({ points: 7 }), line({ lineNo: 2, sku: 'B', quantity: 1, unitPrice: 250, points: 1 })],
      [
        { sku: 'A', quantity: 3 },
        { sku: 'B', quantity: 1 },
      ],
    );
    expect(result).toMatchObject({ ok: true, amount: 1750, points: 8 });
  });

  it('takes units of a SKU across its lines in order, skipping lines already refunded', () => {
    const result = allocateRefund(
      [
        line({ lineNo: 1, quantity: 2, points: 4, refundedQuantity: 2, refundedPoints: 4 }),
        line({ lineNo: 2, quantity: 2, points: 6, unitPrice: 300 }),
        line({ lineNo: 3, quantity: 5, points: 5, unitPrice: 100 }),
      ],
      [{ sku: 'A', quantity: 3 }],
    );
    expect(result).toEqual({
      ok: true,
      lines: [
        line({ lineNo: 1, quantity: 2, points: 4, refundedQuantity: 2, refundedPoints: 4 }),
        line({ lineNo: 2, quantity: 2, points: 6, unitPrice: 300, refundedQuantity: 2, refundedPoints: 6 }),
        line({ lineNo: 3, quantity: 5, points: 5, unitPrice: 100, refundedQuantity: 1, refundedPoints: 1 }),
      ],
      amount: 700,
      points: 7,
    });
  });

  it('counts what earlier lines of the same refund took', () => {
    const result = allocateRefund(
      [line({ quantity: 3 })],
      [
        { sku: 'A', quantity: 2 },
        { sku: 'A', quantity: 2 },
      ],
    );
    expect(result).toEqual({ ok: false, index: 1, sku: 'A', unrefunded: 1 });
  });

  it('refuses more units than are left unrefunded, naming the first line that cannot be covered', () => {
    expect(allocateRefund([line({ refundedQuantity: 2, refundedPoints: 6 })], [{ sku: 'A', quantity: 2 }])).toEqual({
      ok: false,
      index: 0,
      sku: 'A',
      unrefunded: 1,
    });
    expect(allocateRefund([line({})], [{ sku: 'B', quantity: 1 }])).toEqual({
      ok: false,
      index: 0,
      sku: 'B',
      unrefunded: 0,
    });
  });

  it('refunds units that earned no points with nothing to claw back', () => {
    const result = allocateRefund([line({ points: 0 })], [{ sku: 'A', quantity: 1 }]);
    expect(result).toMatchObject({ ok: true, amount: 500, points: 0 });
    const rest = allocateRefund(
      [line({ quantity: 2, points: 1, refundedQuantity: 1, refundedPoints: 1 })],
      [{ sku: 'A', quantity: 1 }],
    );
    expect(rest).toMatchObject({ ok: true, points: 0 });
  });

  it('leaves the lines it was given untouched', () => {
    const purchased = [line({})];
    allocateRefund(purchased, [{ sku: 'A', quantity: 2 }]);
    expect(purchased).toEqual([line({})]);
  });
});
