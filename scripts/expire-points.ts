import { LedgerJobs } from '../src/ledger/ledger.jobs';
import { runWithOrm } from './lib/database';

// `npm run expire-points [-- --now 2027-01-01T00:00:00Z]`: settles pending points whose date has come,
// then expires due lots, for every tenant, as ledger transactions. The gateway also runs this every minute.
void runWithOrm(async (orm) => {
  const at = process.argv.indexOf('--now');
  const now = at > 0 ? new Date(process.argv[at + 1] ?? '') : new Date();
  if (Number.isNaN(now.getTime())) throw new Error('--now takes an ISO date');
  const jobs = new LedgerJobs();
  const settled = await jobs.settlePending(orm.em.fork(), now);
  const expired = await jobs.expireDue(orm.em.fork(), now);
  process.stdout.write(
    `as of ${now.toISOString()}: settled ${settled.points} points in ${settled.transactions} transactions; ` +
      `expired ${expired.points} points in ${expired.transactions} transactions\n`,
  );
});
