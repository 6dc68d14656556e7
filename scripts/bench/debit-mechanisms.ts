import { Client, Pool, type PoolClient } from 'pg';

import { option, PG } from './lib';

/**
 * `npm run bench:debit [-- --clients 32 --seconds 5 --accounts 1,100 --smoke]`
 *
 * The measurement behind the ledger's choice of debit mechanism (debit in src/ledger/ledger.store.ts). Each variant
 * takes 1 point from a balance that must not go negative, from N concurrent clients, on one hot account
 * and on many accounts, against a scratch table of the same PostgreSQL:
 *   conditional   UPDATE ... SET available = available - 1 WHERE id = $1 AND available >= 1 (READ COMMITTED)
 *   select-lock   SELECT ... FOR UPDATE, check in the client, then UPDATE (READ COMMITTED)
 *   serializable  SELECT, check, UPDATE in SERIALIZABLE, retried on serialization failure
 * Prints debits/s, retries, and whether the final balances add up (no lost update, none negative), then one
 * summary line; exits non-zero if any variant lost an update.
 */
const CLIENTS = option('clients', 32, 4);
const SECONDS = option('seconds', 5, 1);
const accountsAt = process.argv.indexOf('--accounts');
const ACCOUNT_COUNTS = (accountsAt >= 0 ? process.argv[accountsAt + 1] : '1,100').split(',').map(Number);
const START_BALANCE = 10_000_000;
const DB = process.env.BENCH_DATABASE ? `${process.env.BENCH_DATABASE}_debit` : 'loyalty_bench_debit';

type Variant = (client: PoolClient, account: number) => Promise<number>;
/** pg returns bigint columns as strings. */
type Balance = { available: string };

const variants: Record<string, Variant> = {
  async conditional(client, account) {
    await client.query('begin');
    const res = await client.query(
      'update balance set available = available - 1 where id = $1 and available >= 1 returning available',
      [account],
    );
    await client.query('commit');
    if (res.rowCount !== 1) throw new Error('insufficient');
    return 0;
  },
  async 'select-lock'(client, account) {
    await client.query('begin');
    const { rows } = await client.query<Balance>('select available from balance where id = $1 for update', [account]);
    if (Number(rows[0].available) < 1) {
      await client.query('rollback');
      throw new Error('insufficient');
    }
    await client.query('update balance set available = available - 1 where id = $1', [account]);
    await client.query('commit');
    return 0;
  },
  async serializable(client, account) {
    for (let retries = 0; ; retries += 1) {
      try {
        await client.query('begin isolation level serializable');
        const { rows } = await client.query<Balance>('select available from balance where id = $1', [account]);
        if (Number(rows[0].available) < 1) throw new Error('insufficient');
        await client.query('update balance set available = $2 where id = $1', [account, Number(rows[0].available) - 1]);
        await client.query('commit');
        return retries;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        if ((error as { code?: string }).code !== '40001') throw error;
      }
    }
  },
};

async function main(): Promise<void> {
  const admin = new Client({ ...PG, database: 'postgres' });
  await admin.connect();
  await admin.query(`drop database if exists "${DB}" with (force)`);
  await admin.query(`create database "${DB}"`);
  await admin.end();
  const pool = new Pool({ ...PG, database: DB, max: CLIENTS });
  const summary: string[] = [];
  let inconsistent = 0;
  try {
    process.stdout.write(`debit mechanisms: ${CLIENTS} clients, ${SECONDS} s per run\n`);
    for (const accounts of ACCOUNT_COUNTS) {
      for (const [name, debit] of Object.entries(variants)) {
        await pool.query('drop table if exists balance');
        await pool.query('create table balance (id int primary key, available bigint not null check (available >= 0))');
        await pool.query('insert into balance select g, $1 from generate_series(1, $2) g', [START_BALANCE, accounts]);
        let done = 0;
        let retries = 0;
        const deadline = Date.now() + SECONDS * 1000;
        await Promise.all(
          Array.from({ length: CLIENTS }, async (_, worker) => {
            const client = await pool.connect();
            try {
              for (let i = worker; Date.now() < deadline; i += CLIENTS) {
                retries += await debit(client, 1 + (i % accounts));
                done += 1;
              }
            } finally {
              client.release();
            }
          }),
        );
        const { rows } = await pool.query<{ taken: string; lowest: string }>(
          'select sum($1::bigint - available)::bigint as taken, min(available) as lowest from balance',
          [START_BALANCE],
        );
        const consistent = Number(rows[0].taken) === done && Number(rows[0].lowest) >= 0;
        if (!consistent) inconsistent += 1;
        summary.push(`${name} ${(done / SECONDS).toFixed(0)}/s on ${accounts}`);
        process.stdout.write(
          `${String(accounts).padStart(4)} account(s)  ${name.padEnd(13)} ${(done / SECONDS).toFixed(0).padStart(6)} debits/s  ${String(retries).padStart(6)} retries  ${consistent ? 'consistent' : 'LOST UPDATES'}\n`,
        );
      }
    }
    process.stdout.write(
      `debit: ${summary.join(', ')} (debits/s per mechanism and account count); ${inconsistent === 0 ? 'all consistent' : `${inconsistent} LOST UPDATES`}\n`,
    );
    if (inconsistent > 0) process.exitCode = 1;
  } finally {
    // The drop below ends the pool's connections with 57P01 if any is still closing: expected, not a failure.
    pool.on('error', () => undefined);
    await pool.end();
    const cleanup = new Client({ ...PG, database: 'postgres' });
    await cleanup.connect();
    await cleanup.query(`drop database if exists "${DB}" with (force)`);
    await cleanup.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
