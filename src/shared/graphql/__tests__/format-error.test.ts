import { DeadlockException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';

import { accessError, AccessErrorCode, inputError, InputErrorCode } from '../../errors';
import { formatError } from '../format-error';

const format = formatError(false);
const formatWithStack = formatError(true);

describe('formatError', () => {
  it('passes domain errors with their code, reason and field', () => {
    const error = inputError(InputErrorCode.INVALID, 'first must be from 1 to 100', 'first');
    expect(format({ ...error.toJSON(), extensions: { ...error.extensions, stacktrace: ['x'] } }, error)).toEqual({
      message: 'first must be from 1 to 100',
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID', field: 'first' },
    });
  });

  it('drops the HTTP status hint and keeps stack traces only when asked', () => {
    const error = accessError(AccessErrorCode.TOKEN_INVALID, 'bad token');
    const formatted = { ...error.toJSON(), extensions: { ...error.extensions, stacktrace: ['at x'] } };
    expect(format(formatted, error).extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    expect(formatWithStack(formatted, error).extensions).toMatchObject({ stacktrace: ['at x'] });
  });

  it('turns a deadlock into a retryable CONFLICT, without the database detail', () => {
    const deadlock = new DeadlockException(
      Object.assign(new Error('deadlock detected on relation "points_balance"'), { code: '40P01' }),
    );
    const formatted = format({ message: deadlock.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, deadlock);
    expect(formatted.extensions).toEqual({ code: 'CONFLICT', reason: 'CONCURRENT_UPDATE' });
    expect(formatted.message).not.toContain('points_balance');
  });

  it('masks anything that is not a known client error', () => {
    const bug = new Error('relation "customer" does not exist');
    const masked = format({ message: bug.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, bug);
    expect(masked).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    // A GraphQLError that merely claims a public code, without being one of ours, is masked too.
    const forged = new GraphQLError('secret detail', { extensions: { code: 'NOT_FOUND' } });
    expect(format(forged.toJSON(), forged).message).toBe('Internal server error');
  });

  it('lets request errors from parsing and validation through', () => {
    const parse = new GraphQLError('Syntax Error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(format(parse.toJSON(), parse).extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });
});
