import { type Normalized, normalizeEmail, normalizePhone } from './contact';

/** The ways other systems and channels know a customer. Each value is unique within a tenant. */
export enum IdentifierKind {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  LOYALTY_CARD = 'LOYALTY_CARD',
  POS_CUSTOMER_ID = 'POS_CUSTOMER_ID',
  CRM_ID = 'CRM_ID',
  BILLING_ID = 'BILLING_ID',
  /** An app install or browser: the mark of an anonymous profile until the person signs in. */
  DEVICE_ID = 'DEVICE_ID',
}

/**
 * One spelling per identifier, so the same person typed two ways is one match: emails trimmed and
 * lower-cased, phones in E.164, card numbers without spaces or dashes in upper case, other ids trimmed.
 */
export function normalizeIdentifier(kind: IdentifierKind, raw: string): Normalized {
  switch (kind) {
    case IdentifierKind.EMAIL:
      return normalizeEmail(raw);
    case IdentifierKind.PHONE:
      return normalizePhone(raw);
    case IdentifierKind.LOYALTY_CARD: {
      const value = raw.replace(/[\s-]/g, '').toUpperCase();
      return /^[A-Z0-9]{4,32}$/.test(value)
        ? { ok: true, value }
        : { ok: false, reason: `"${raw}" is not a card number (4 to 32 letters and digits)` };
    }
    default: {
      const value = raw.trim();
      return value.length >= 1 && value.length <= 200
        ? { ok: true, value }
        : { ok: false, reason: `a ${kind} is 1 to 200 characters` };
    }
  }
}
