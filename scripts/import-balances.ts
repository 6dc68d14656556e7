import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { fileHash, importBalances, ImportBookings, parseImportFile } from '../src/ledger/ledger.import';
import { runWithOrm } from './lib/database';

const USAGE = `usage: npm run import-balances -- --tenant <tenant id> <file.csv>
       npm run import-balances -- --tenant <tenant id> --rollback <import id>`;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

// Balance migration from a legacy system: all or nothing per file, idempotent, reconciled; see README.
void runWithOrm(async (orm) => {
  const tenantId = option('--tenant');
  const rollbackId = option('--rollback');
  const file = process.argv
    .slice(2)
    .find((arg, i, all) => !arg.startsWith('--') && !['--tenant', '--rollback'].includes(all[i - 1] ?? ''));
  if (!tenantId || (!rollbackId && !file)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const ledger = new ImportBookings();
  if (rollbackId) {
    const undone = await ledger.rollbackImport(orm.em.fork(), tenantId, rollbackId);
    process.stdout.write(
      `rolled back import ${rollbackId}: ${undone.reversed} reversal transactions, ${undone.points} points\n`,
    );
    return 0;
  }
  const content = readFileSync(file!, 'utf8');
  const { rows, errors } = parseImportFile(content, new Date());
  if (errors.length > 0) {
    for (const error of errors) process.stderr.write(`line ${error.line}: ${error.reason}\n`);
    process.stderr.write(`${errors.length} bad rows: nothing was imported\n`);
    return 1;
  }
  const result = await importBalances(orm.em.fork(), ledger, tenantId, rows, {
    name: basename(file!),
    hash: fileHash(content),
  });
  process.stdout.write(
    [
      result.alreadyImported
        ? `this file was already imported as ${result.importId}: nothing booked now`
        : `import ${result.importId}`,
      `rows read:         ${result.rowsRead}`,
      `points read:       ${result.pointsRead}`,
      `points booked:     ${result.pointsBooked}`,
      `customers created: ${result.customersCreated}`,
      `differences:       ${result.differences}`,
      '',
    ].join('\n'),
  );
  return result.differences === 0 ? 0 : 1;
});
