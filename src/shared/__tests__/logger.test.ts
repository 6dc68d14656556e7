import { Writable } from 'node:stream';

import { GraphQLError } from 'graphql';

import { createLogger } from '../logger';

function capture(): { log: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    }),
  );
  return { log, lines };
}

/** What pg and knex hand over: the statement with its values inlined in the message, the values again in the detail. */
function driverError(): Error {
  return Object.assign(
    new Error(
      `insert into "customer" ("email", "phone") values ('ada@example.com', '+33612345678') - duplicate key value violates unique constraint "customer_tenant_id_email_unique"`,
    ),
    {
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (tenant_id, email)=(…, ada@example.com) already exists.',
      table: 'customer',
      constraint: 'customer_tenant_id_email_unique',
    },
  );
}

describe('createLogger', () => {
  it.each([
    ['itself', driverError()],
    ["as a GraphQL error's original", new GraphQLError('wrapped', { originalError: driverError() })],
    ['as a cause', new Error('job failed', { cause: driverError() })],
  ])('logs a database error %s by statement and SQLSTATE, without values', (_how, error) => {
    const { log, lines } = capture();
    log.error({ err: error }, 'failed');
    const text = JSON.stringify(lines);
    expect(text).not.toContain('ada@example.com');
    expect(text).not.toContain('12345678');
    expect(text).toContain('"code":"23505"');
    expect(text).toContain('"statement":"insert"');
    expect(text).toContain('customer_tenant_id_email_unique');
  });

  it('redacts credentials and personal fields wherever they sit', () => {
    const { log, lines } = capture();
    log.info(
      {
        req: { headers: { authorization: 'Bearer sk_live_x' } },
        customer: { email: 'ada@example.com', phone: '+33612345678', displayName: 'Ada' },
        tenant: { ingestSecret: 'ing', customerJwtSecret: 'jwt' },
        params: ['ada@example.com'],
      },
      'seen',
    );
    const text = JSON.stringify(lines);
    for (const value of ['sk_live_x', 'ada@example.com', '+33612345678', '"Ada"', '"ing"', '"jwt"'])
      expect(text).not.toContain(value);
    expect(text).toContain('[redacted]');
  });
});
