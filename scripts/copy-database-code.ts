import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { readDatabaseCode } from '../src/shared/db/database-code';

// Part of `npm run build`: tsc emits no .sql, and the compiled migrate() reads them beside itself
// (dist/src/<domain>/sql), so that a deployed dist/ holds the database code it migrates to.
const source = resolve(__dirname, '../../src');
const target = resolve(__dirname, '../src');

// A file deleted from src/ must not linger in dist/ and be applied again.
for (const domain of readdirSync(target, { withFileTypes: true })) {
  const folder = join(target, domain.name, 'sql');
  if (!domain.isDirectory() || !existsSync(folder)) continue;
  for (const file of readdirSync(folder)) if (file.endsWith('.sql')) rmSync(join(folder, file));
}
for (const file of readDatabaseCode(source)) {
  mkdirSync(dirname(join(target, file.name)), { recursive: true });
  writeFileSync(join(target, file.name), file.sql);
}
