import { registerEnumType } from 'type-graphql';

import type { Caller } from './auth/caller';
import { StaffRole } from './auth/roles';

/** Where an interaction happened. */
export enum Channel {
  WEB = 'WEB',
  MOBILE = 'MOBILE',
  AGENT = 'AGENT',
  POS = 'POS',
  /** A back-end integration or an administrator's tool. */
  API = 'API',
}

registerEnumType(Channel, {
  name: 'Channel',
  description: 'Where an interaction happened.',
  valuesConfig: {
    WEB: { description: "The business's web site." },
    MOBILE: { description: "The business's mobile app." },
    AGENT: { description: "A contact-center agent's desktop." },
    POS: { description: 'A till in a store.' },
    API: { description: "A back-end integration or an administrator's tool." },
  },
});

/** The channel a caller acts through when it does not say. */
export function defaultChannel(caller: Caller): Channel {
  if (caller.kind === 'customer') return Channel.WEB;
  if (caller.kind === 'apiKey') {
    if (caller.role === StaffRole.POS) return Channel.POS;
    if (caller.role === StaffRole.AGENT || caller.role === StaffRole.SUPERVISOR) return Channel.AGENT;
  }
  return Channel.API;
}
