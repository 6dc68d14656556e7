import { AppError } from '../errors';
import { canonicalJson, idempotencyKeyOf, requestHash } from '../idempotency';

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

describe('requestHash', () => {
  it('ignores key order and the idempotency key, but not the values', () => {
    const a = requestHash('earn', { customerId: 'c', points: 10, idempotencyKey: 'k1', reason: 'r' });
    expect(requestHash('earn', { reason: 'r', points: 10, customerId: 'c', idempotencyKey: 'k2' })).toBe(a);
    expect(requestHash('earn', { customerId: 'c', points: 11, reason: 'r' })).not.toBe(a);
    expect(requestHash('redeem', { customerId: 'c', points: 10, reason: 'r' })).not.toBe(a);
  });

  it('is stable: hashes stored before stay comparable', () => {
    // sha256 hex of `<operation>:<canonical JSON>`: stored hashes, and the migration's backfill of voucher
    // uses and cancellations, rely on exactly this form.
    expect(requestHash('consumeVoucher', { storeId: 's1', code: 'ABCD', idempotencyKey: 'k' })).toBe(
      '0942be4a064014b17e33063cb083ea6188839a046ea54b12d825755de02214e7',
    );
    expect(requestHash('cancelVoucher', { code: 'ABCD' })).toBe(
      '9781f595dfafcf48a5de65f99f2ca8877a1c5f1427969515576eee88db9fbb28',
    );
  });

  it('drops absent fields, so an optional field left out and sent as null hash the same', () => {
    expect(requestHash('op', { a: 1, b: undefined })).toBe(requestHash('op', { a: 1, b: null }));
    expect(requestHash('op', { a: 1 })).toBe(requestHash('op', { a: 1, b: null }));
  });

  it('writes dates as ISO strings and drops absent fields', () => {
    expect(canonicalJson({ b: day(1), a: undefined, c: null, d: [1, { y: 2, x: 1 }] })).toBe(
      '{"b":"2026-01-01T00:00:00.000Z","d":[1,{"x":1,"y":2}]}',
    );
  });
});

describe('idempotencyKeyOf', () => {
  it('trims the key', () => {
    expect(idempotencyKeyOf('  k-1 ')).toBe('k-1');
    expect(idempotencyKeyOf('x'.repeat(200))).toHaveLength(200);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['201 characters long', 'x'.repeat(201)],
  ])('refuses a key that is %s, with IDEMPOTENCY_KEY_INVALID naming the field', (_name, key) => {
    let error: unknown;
    try {
      idempotencyKeyOf(key);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'IDEMPOTENCY_KEY_INVALID',
      field: 'input.idempotencyKey',
    });
  });

  it('names another field when asked', () => {
    let error: unknown;
    try {
      idempotencyKeyOf('', 'operations.0.idempotencyKey');
    } catch (caught) {
      error = caught;
    }
    expect((error as AppError).field).toBe('operations.0.idempotencyKey');
  });
});
