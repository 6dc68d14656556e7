import { unwrapResolverError } from '@apollo/server/errors';
import { DeadlockException, LockWaitTimeoutException } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';

import { PublicErrorCode } from '../errors';

/** Codes raised by Apollo and graphql-js before execution; they describe the request, so they pass. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const PUBLIC_CODES = new Set<string>(Object.values(PublicErrorCode));

/**
 * The one place errors become public. AppErrors and request errors keep their message and code; anything
 * else (a bug, a database error) is masked as INTERNAL_SERVER_ERROR and was logged with the request id.
 */
export function formatError(includeStacktrace: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // Two transactions took the same rows in opposite orders and PostgreSQL undid one: nothing of it was
    // kept, and sending it again (with the same idempotency key) is safe.
    if (original instanceof DeadlockException || original instanceof LockWaitTimeoutException) {
      return {
        message: 'A concurrent change got in the way and nothing was applied; retry with the same idempotency key',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: PublicErrorCode.CONFLICT, reason: 'CONCURRENT_UPDATE' },
      };
    }
    const code = formatted.extensions?.code;
    const known =
      typeof code === 'string' &&
      (REQUEST_CODES.has(code) ||
        (PUBLIC_CODES.has(code) && code !== String(PublicErrorCode.INTERNAL_SERVER_ERROR) && isAppError(original)));
    if (!known) {
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: PublicErrorCode.INTERNAL_SERVER_ERROR },
      };
    }
    // `http` only sets the response status; it is not part of the error a client reads.
    const { stacktrace, ...rest } = formatted.extensions ?? {};
    const extensions = Object.fromEntries(Object.entries(rest).filter(([name]) => name !== 'http'));
    return { ...formatted, extensions: includeStacktrace ? { ...extensions, stacktrace } : extensions };
  };
}

function isAppError(error: unknown): boolean {
  // Checked by shape, not class: graphql-ws and Apollo may hand over a re-wrapped GraphQLError.
  return (
    typeof error === 'object' &&
    error !== null &&
    'extensions' in error &&
    typeof (error as { extensions: { reason?: unknown } }).extensions.reason === 'string'
  );
}
