import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** The contacts a customer changes themself, each confirmed with a code sent to the new value. */
export enum ContactKind {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}

export const CODE_LENGTH = 6;

/** Six random digits: easy to type from an SMS, and guessing is capped by the attempts and the expiry. */
export function newContactCode(): string {
  return String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0');
}

/** Stored instead of the code; salted with the change's id so equal codes of two changes differ at rest. */
export function hashContactCode(verificationId: string, code: string): string {
  return createHash('sha256').update(`${verificationId}:${code}`).digest('hex');
}

export function contactCodeMatches(verificationId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashContactCode(verificationId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** What a customer typed: spaces and dashes dropped ("123 456"); null if it cannot be a code. */
export function normalizeContactCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CODE_LENGTH}}$`).test(code) ? code : null;
}
