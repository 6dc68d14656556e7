import type { WebSocket } from 'ws';

import { AccessErrorCode } from '../shared/errors';

// Close codes the gateway sends besides ws's and graphql-ws's own, with graphql-ws's meanings (its client
// gives up on 4401 and 4429, retries 4403); every code a client can see is listed in docs/api/realtime.md.
/** Too many sockets for the key, or connection attempts over the rate limit: retrying at once cannot help. */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;
/** No credential, a bad one, or one that expired or stopped checking out: reconnect with a new one. */
export const CLOSE_CREDENTIAL_EXPIRED = 4401;
/** The API key was revoked while the socket was open. */
export const CLOSE_KEY_REVOKED = 4403;

/** The credential could not be checked (not refused): graphql-ws's client retries it. */
export const CLOSE_TRY_AGAIN_LATER = 1013;

/** Close reasons: a code word first, for programs; then what to do, for people. At most 123 bytes (RFC 6455). */
export const CloseReason = {
  NO_TOKEN: 'UNAUTHENTICATED: no token; send connectionParams { authorization: "Bearer <key or customer token>" }',
  BAD_TOKEN: 'UNAUTHENTICATED: the token is not valid; send connectionParams { authorization: "Bearer <key>" }',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED: the customer token expired; get a new one and reconnect',
  NO_LONGER_VALID: 'UNAUTHENTICATED: the credential is no longer valid; reconnect with a valid one',
  KEY_REVOKED: 'KEY_REVOKED: the API key was revoked; connect with another key',
  TRY_AGAIN_LATER: 'TRY_AGAIN_LATER: the credential could not be checked now; retry with back-off',
  rateLimited: (seconds: number) => `RATE_LIMITED: too many connection attempts; retry after ${seconds} s`,
  tooManyConnections: (max: number) =>
    `TOO_MANY_CONNECTIONS: at most ${max} open connections per key or customer; close one first`,
} as const;

/**
 * The reasons for the closes graphql-ws and ws make themselves (their own texts, or none), so that every close
 * the gateway sends starts with a code word; 4500's text would otherwise carry an internal error message.
 */
export function ownReason(code: number, initTimeoutMs: number, maxPayload: number): string | undefined {
  switch (code) {
    case 1001:
      return 'GOING_AWAY: the gateway is shutting down; reconnect and resume from the last version';
    case 1009:
      return `MESSAGE_TOO_BIG: a message is at most ${maxPayload} bytes`;
    case 4400:
      return 'BAD_REQUEST: the message is not valid graphql-transport-ws';
    case 4401:
      return 'UNAUTHENTICATED: send connection_init and wait for connection_ack before subscribe';
    case 4406:
      return 'BAD_REQUEST: the subprotocol must be graphql-transport-ws';
    case 4408:
      return `INIT_TIMEOUT: no connection_init within ${initTimeoutMs} ms`;
    case 4409:
      return 'BAD_REQUEST: an operation with this id is already running on the connection';
    case 4429:
      return 'BAD_REQUEST: connection_init was sent more than once';
    case 4500:
      return 'INTERNAL_SERVER_ERROR: the gateway failed; reconnect';
    default:
      return undefined;
  }
}

/** A reason that already starts with a code word, e.g. `UNAUTHENTICATED: ...`. */
const CODED = /^[A-Z][A-Z_]*: /;

/** Makes every close of `socket` carry a coded reason, whoever calls it (graphql-ws, ws, the gateway). */
export function codeCloseReasons(socket: WebSocket, initTimeoutMs: number, maxPayload: number): void {
  const close = socket.close.bind(socket);
  socket.close = (code?: number, reason?: string | Buffer) => {
    if (code === undefined || (typeof reason === 'string' && CODED.test(reason))) return close(code, reason);
    return close(code, ownReason(code, initTimeoutMs, maxPayload) ?? reason);
  };
}

/** The close reason for a credential refused at connect, by the reason its AppError carries. */
export function refusalReason(reason: string | undefined): string {
  switch (reason) {
    case AccessErrorCode.KEY_REVOKED:
      return CloseReason.KEY_REVOKED;
    case AccessErrorCode.TOKEN_EXPIRED:
      return CloseReason.TOKEN_EXPIRED;
    default:
      return CloseReason.BAD_TOKEN;
  }
}
