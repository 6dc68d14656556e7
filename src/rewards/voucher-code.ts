import { randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed at a till is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters, 60 random bits: guessing a live code is out of reach. */
export function newVoucherCode(): string {
  let code = '';
  for (let index = 0; index < 12; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What a till or a customer typed, as stored: upper case, separators dropped, look-alikes mapped. */
export function normalizeVoucherCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

export function formatVoucherCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}
