import type { CallerRole, StaffRole } from './roles';

/** Who is making a request, after the bearer token was checked. */
export type Caller =
  | { readonly kind: 'platform' }
  | {
      readonly kind: 'apiKey';
      readonly tenantId: string;
      readonly keyId: string;
      readonly role: StaffRole;
      /** Set for POS keys: the one store the terminal belongs to. */
      readonly storeId: string | undefined;
    }
  | {
      readonly kind: 'customer';
      readonly tenantId: string;
      readonly customerId: string;
      /** The token's `exp`: long-lived access (a socket) ends then. */
      readonly expiresAt: Date;
    };

export function callerRole(caller: Caller): CallerRole {
  switch (caller.kind) {
    case 'platform':
      return 'PLATFORM';
    case 'apiKey':
      return caller.role;
    case 'customer':
      return 'CUSTOMER';
  }
}

/** The label of an API key's callers (see callerLabel). */
export function apiKeyLabel(keyId: string): string {
  return `key:${keyId}`;
}

/** Short label for audit fields and logs: which key or customer acted. */
export function callerLabel(caller: Caller): string {
  switch (caller.kind) {
    case 'platform':
      return 'platform';
    case 'apiKey':
      return apiKeyLabel(caller.keyId);
    case 'customer':
      return `customer:${caller.customerId}`;
  }
}
