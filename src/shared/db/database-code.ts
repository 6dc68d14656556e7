import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { EntityManager } from '@mikro-orm/postgresql';

import { pgArray } from './sql';

/**
 * Where the domains' `sql/` folders are: `src/` under Jest, `dist/src/` once built (the build copies the
 * .sql files there, so a deployed `dist/` needs no source tree).
 */
export const DATABASE_CODE_ROOT = resolve(__dirname, '../..');

/** Records which version of each file the database runs; not an entity, so schema diffs skip it. */
export const DATABASE_CODE_TABLE = 'database_code';

/** One `src/<domain>/sql/*.sql` file: PL/pgSQL and SQL functions and the triggers that call them. */
export interface DatabaseCodeFile {
  /** Path from the source root with forward slashes, e.g. `realtime/sql/loyalty-snapshot.sql`: its key. */
  readonly name: string;
  readonly sql: string;
  /** SHA-256 of the text: a file is applied again when this differs from the one recorded. */
  readonly checksum: string;
}

/** A file's text with its checksum; `name` is its path from the source root. */
export function databaseCodeFile(name: string, sql: string): DatabaseCodeFile {
  return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
}

/**
 * Every `<domain>/sql/*.sql` under `root`, ordered by name (code-point order, the same on every machine).
 * A file must define its objects idempotently (`create or replace function`, `create or replace trigger`,
 * or `drop trigger if exists` before a constraint trigger), because it runs again whenever it changes.
 * Throws when there is none: a build that forgot to copy them would otherwise leave the migrations' copies.
 */
export function readDatabaseCode(root: string = DATABASE_CODE_ROOT): DatabaseCodeFile[] {
  const files: DatabaseCodeFile[] = [];
  for (const domain of readdirSync(root, { withFileTypes: true })) {
    const folder = join(root, domain.name, 'sql');
    if (!domain.isDirectory() || !existsSync(folder)) continue;
    for (const file of readdirSync(folder)) {
      if (file.endsWith('.sql')) {
        files.push(databaseCodeFile(`${domain.name}/sql/${file}`, readFileSync(join(folder, file), 'utf8')));
      }
    }
  }
  if (files.length === 0) throw new Error(`no database code (<domain>/sql/*.sql) under ${root}`);
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Applies, in order, each file whose checksum differs from the one recorded (all of them on a database that
 * has none), records the new checksums and forgets files that are gone. Runs in the caller's transaction:
 * `migrate` calls it after the versioned migrations, under the migration lock, so a failing file rolls the
 * whole migration back and concurrent gateways apply it once. Returns the names of the files applied.
 */
export async function applyDatabaseCode(em: EntityManager, files: readonly DatabaseCodeFile[]): Promise<string[]> {
  await em.execute(
    `create table if not exists ${DATABASE_CODE_TABLE} (
       name text primary key, checksum text not null, applied_at timestamptz not null default now())`,
  );
  const rows = await em.execute<{ name: string; checksum: string }[]>(
    `select name, checksum from ${DATABASE_CODE_TABLE}`,
  );
  const recorded = new Map(rows.map((row) => [row.name, row.checksum]));
  const applied: string[] = [];
  for (const file of files) {
    if (recorded.get(file.name) === file.checksum) continue;
    // No parameters: the text goes to the server as is, several statements in one simple query.
    await em.execute(file.sql);
    await em.execute(
      `insert into ${DATABASE_CODE_TABLE} (name, checksum) values (?, ?)
       on conflict (name) do update set checksum = excluded.checksum, applied_at = now()`,
      [file.name, file.checksum],
    );
    applied.push(file.name);
  }
  await em.execute(`delete from ${DATABASE_CODE_TABLE} where name <> all(?::text[])`, [
    pgArray(files.map((file) => file.name)),
  ]);
  return applied;
}
