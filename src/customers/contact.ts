import { isEmail } from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type Normalized = { ok: true; value: string } | { ok: false; reason: string };

/** Emails are matched case-insensitively in practice, so they are stored trimmed and lower-cased. */
export function normalizeEmail(raw: string): Normalized {
  const value = raw.trim().toLowerCase();
  if (!isEmail(value, { allow_display_name: false, require_tld: true })) {
    return { ok: false, reason: `"${raw}" is not an email address` };
  }
  return { ok: true, value };
}

/**
 * Phones are stored in E.164 so the same number typed two ways is one identifier. Without a tenant
 * country to assume, a number must carry its country code.
 */
export function normalizePhone(raw: string): Normalized {
  const trimmed = raw.trim();
  const parsed = parsePhoneNumberFromString(trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed);
  if (!parsed) return { ok: false, reason: `"${raw}" is not a phone number in international format (+country code)` };
  if (!parsed.isValid()) return { ok: false, reason: `"${raw}" is not a valid phone number` };
  return { ok: true, value: parsed.number };
}

/** Escapes LIKE wildcards so a search for "50%" looks for the text "50%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export interface PostalAddress {
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
}

/**
 * Trims and collapses spaces; postal codes are upper-cased without spaces ("sw1a 1aa" and "SW1A1AA" are
 * one code), so the same address typed twice compares equal. Returns the field at fault when too long.
 */
export function normalizeAddress(raw: {
  line?: string | null;
  postalCode?: string | null;
  city?: string | null;
}): PostalAddress | { field: string; reason: string } {
  const clean = (value: string | null | undefined) => {
    const text = (value ?? '').replace(/\s+/g, ' ').trim();
    return text === '' ? null : text;
  };
  const address = {
    addressLine: clean(raw.line),
    postalCode: clean(raw.postalCode)?.replace(/ /g, '').toUpperCase() ?? null,
    city: clean(raw.city),
  };
  if ((address.addressLine?.length ?? 0) > 200)
    return { field: 'line', reason: 'The address line takes at most 200 characters' };
  if ((address.postalCode?.length ?? 0) > 16)
    return { field: 'postalCode', reason: 'A postal code takes at most 16 characters' };
  if ((address.city?.length ?? 0) > 100) return { field: 'city', reason: 'The city takes at most 100 characters' };
  return address;
}
