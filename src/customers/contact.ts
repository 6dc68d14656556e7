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
