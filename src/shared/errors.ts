import { GraphQLError } from 'graphql';

/** The codes a client can see in `extensions.code`. Anything else is masked as INTERNAL_SERVER_ERROR. */
export enum PublicErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS',
  /** Refused before it ran: over the cost, depth or alias limit, or not valid against the schema. */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** Over the caller's rate limit; `retryAfterSeconds` says when to try again. */
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const HTTP_STATUS: Record<PublicErrorCode, number | undefined> = {
  // Apollo answers 200 for resolver errors; only errors raised before execution carry a status.
  BAD_USER_INPUT: undefined,
  UNAUTHENTICATED: 401,
  FORBIDDEN: undefined,
  NOT_FOUND: undefined,
  CONFLICT: undefined,
  INSUFFICIENT_POINTS: undefined,
  GRAPHQL_VALIDATION_FAILED: 400,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: undefined,
};

/**
 * An error meant for the client: `code` is public, `reason` is the domain's own code, `field` names the
 * offending input path (e.g. `input.email`).
 */
export class AppError extends GraphQLError {
  constructor(
    readonly publicCode: PublicErrorCode,
    message: string,
    readonly reason: string,
    readonly field?: string,
    /**
     * More public detail (a limit and the value over it); `headers` and `status` go on the HTTP answer only
     * (`status` for an error raised before execution, which Apollo would otherwise answer with 500).
     */
    details: {
      readonly extensions?: Record<string, unknown>;
      readonly headers?: Record<string, string>;
      readonly status?: number;
    } = {},
  ) {
    const status = details.status ?? HTTP_STATUS[publicCode];
    const headers = details.headers ? new Map(Object.entries(details.headers)) : undefined;
    super(message, {
      extensions: {
        code: publicCode,
        reason,
        ...(field ? { field } : {}),
        ...details.extensions,
        ...(status || headers ? { http: { ...(status ? { status } : {}), ...(headers ? { headers } : {}) } } : {}),
      },
    });
  }
}

/** The same error raised before execution (a refused request): Apollo answers it with `status`, not 500. */
export function beforeExecution(error: AppError, status = 400): AppError {
  return new AppError(error.publicCode, error.message, error.reason, error.field, { status });
}

/**
 * Declares a domain's error codes and the public code each maps to. The Record type makes the mapping
 * exhaustive: adding a domain code without a public code does not compile.
 */
export function defineErrors<Reason extends string>(mapping: Record<Reason, PublicErrorCode>) {
  return (reason: Reason, message: string, field?: string): AppError =>
    new AppError(mapping[reason], message, reason, field);
}

export enum AccessErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOKEN_INVALID = 'TOKEN_INVALID',
  /** A customer token past its `exp`: the app gets a new one (signing in again is not needed). */
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  KEY_REVOKED = 'KEY_REVOKED',
  ROLE_FORBIDDEN = 'ROLE_FORBIDDEN',
  NOT_OWN_CUSTOMER = 'NOT_OWN_CUSTOMER',
  /** A till acts at the store its key is bound to, on records of that store only. */
  NOT_OWN_STORE = 'NOT_OWN_STORE',
  /** The credential fixes the channel (a till's is POS) and the request named another. */
  CHANNEL_FIXED = 'CHANNEL_FIXED',
}

export const accessError = defineErrors<AccessErrorCode>({
  UNAUTHENTICATED: PublicErrorCode.UNAUTHENTICATED,
  TOKEN_INVALID: PublicErrorCode.UNAUTHENTICATED,
  TOKEN_EXPIRED: PublicErrorCode.UNAUTHENTICATED,
  KEY_REVOKED: PublicErrorCode.UNAUTHENTICATED,
  ROLE_FORBIDDEN: PublicErrorCode.FORBIDDEN,
  NOT_OWN_CUSTOMER: PublicErrorCode.FORBIDDEN,
  NOT_OWN_STORE: PublicErrorCode.FORBIDDEN,
  CHANNEL_FIXED: PublicErrorCode.FORBIDDEN,
});

export enum InputErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  TAKEN = 'TAKEN',
}

/** Errors any domain raises about its input. */
export const inputError = defineErrors<InputErrorCode>({
  INVALID: PublicErrorCode.BAD_USER_INPUT,
  NOT_FOUND: PublicErrorCode.NOT_FOUND,
  TAKEN: PublicErrorCode.CONFLICT,
});

export enum LimitErrorCode {
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  RATE_LIMITED = 'RATE_LIMITED',
}

/** Refusals before any resolver runs: the operation costs too much, or the caller sends too many. */
export const limitError = {
  queryTooCostly: (cost: number | null, maxCost: number): AppError =>
    new AppError(
      PublicErrorCode.GRAPHQL_VALIDATION_FAILED,
      cost === null
        ? `The operation has too many fields to be costed; the limit is ${maxCost}`
        : `The operation costs ${cost}, over the limit of ${maxCost}; ask for smaller pages or split it`,
      LimitErrorCode.QUERY_TOO_COSTLY,
      undefined,
      { extensions: { cost, maxCost } },
    ),
  rateLimited: (retryAfterSeconds: number): AppError =>
    new AppError(
      PublicErrorCode.RATE_LIMITED,
      `Too many requests; retry after ${retryAfterSeconds} s`,
      LimitErrorCode.RATE_LIMITED,
      undefined,
      { extensions: { retryAfterSeconds }, headers: { 'retry-after': String(retryAfterSeconds) } },
    ),
} as const;
