import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Keys whose values never reach a log line, at any of the first four levels of an object: credentials,
 * personal data, and anything that carries a statement's or an operation's values.
 */
const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'secret',
  'token',
  'adminToken',
  'customerJwtSecret',
  'ingestSecret',
  'keyHash',
  'key_hash',
  'password',
  'email',
  'phone',
  'displayName',
  'name',
  'address',
  'voucherCode',
  'params',
  'parameters',
  'bindings',
  'variables',
  'detail',
  'sql',
  'query',
];

export const REDACTED_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

/** SQLSTATE: five digits or capitals. A driver error carries it with the server's severity. */
const SQLSTATE = /^[0-9A-Z]{5}$/;
const STATEMENT =
  /^\s*(select|insert|update|delete|with|call|copy|create|alter|drop|lock|truncate|begin|commit|rollback|savepoint|release|set|listen|notify|do)\b/i;
const CALLED = /^\s*select\s+([a-z_][a-z0-9_]*)\s*\(/i;

interface DatabaseErrorLike {
  message: string;
  code: string;
  severity?: unknown;
  table?: unknown;
  constraint?: unknown;
  routine?: unknown;
  stack?: string;
}

function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && SQLSTATE.test(code) && typeof severity === 'string';
}

/**
 * A failed statement as an operator needs it: its kind (and the function it called), the SQLSTATE, the
 * constraint and table it hit, and where in our code. Never the message or the detail: the driver puts the
 * statement with its parameter values in the one and the offending values in the other.
 */
function databaseError(error: DatabaseErrorLike): Record<string, unknown> {
  const text = error.message ?? '';
  const keyword = STATEMENT.exec(text)?.[1]?.toLowerCase() ?? 'unknown';
  const called = CALLED.exec(text)?.[1];
  return {
    type: (error as { constructor?: { name?: string } }).constructor?.name ?? 'DatabaseError',
    statement: called ? `${keyword} ${called}` : keyword,
    code: error.code,
    ...(typeof error.constraint === 'string' ? { constraint: error.constraint } : {}),
    ...(typeof error.table === 'string' ? { table: error.table } : {}),
    ...(typeof error.routine === 'string' ? { routine: error.routine } : {}),
    stack: (error.stack ?? '')
      .split('\n')
      .filter((line) => line.trim().startsWith('at '))
      .join('\n'),
  };
}

/** pino's error serializer, except that a database error (also as a GraphQL error's original or a cause) loses its values. */
export function serializeError(error: unknown): unknown {
  if (isDatabaseError(error)) return databaseError(error);
  if (typeof error === 'object' && error !== null) {
    const { originalError, cause } = error as { originalError?: unknown; cause?: unknown };
    if (isDatabaseError(originalError)) return databaseError(originalError);
    if (isDatabaseError(cause)) {
      const { message, stack } = error as { message?: string; stack?: string };
      return { type: error.constructor.name, message, stack, cause: databaseError(cause) };
    }
  }
  return pino.stdSerializers.err(error as Error);
}

/** The gateway's logger; `destination` is for tests that read what would be logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'loyalty-gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
