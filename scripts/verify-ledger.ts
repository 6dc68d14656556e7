import { verifyLedger } from '../src/ledger/ledger.verifier';
import { runWithOrm } from './lib/database';

// `npm run verify-ledger [-- --tenant <id>]`: proves the ledger's invariants; exits 1 and names the first
// discrepancy of each failed check.
void runWithOrm(async (orm) => {
  const at = process.argv.indexOf('--tenant');
  const tenantId = at > 0 ? (process.argv[at + 1] ?? null) : null;
  const result = await verifyLedger(orm.em.fork(), tenantId);
  const scope = tenantId ? `tenant ${tenantId}` : 'all tenants';
  process.stdout.write(
    `${scope}: ${result.transactionsChecked} transactions, ${result.balancesChecked} balances checked\n`,
  );
  for (const discrepancy of result.discrepancies)
    process.stdout.write(`FAILED ${discrepancy.check}: ${discrepancy.detail}\n`);
  process.stdout.write(result.ok ? 'ledger OK\n' : 'ledger has discrepancies\n');
  return result.ok ? 0 : 1;
});
