import type { Knex, MikroORM } from '@mikro-orm/postgresql';

import { applyDatabaseCode, readDatabaseCode } from './database-code';

/** Any fixed number: it names the lock every gateway takes while it migrates. */
const MIGRATION_LOCK = 727_001;

/**
 * Applies pending migrations, then the database code (`src/<domain>/sql/*.sql`) that changed since it was
 * last applied, in one transaction under an advisory lock, so gateways starting together migrate once and
 * the others wait, then find nothing to do. Returns the migrations and files applied.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const migrator = orm.getMigrator();
  const databaseCode = readDatabaseCode();
  return orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const applied = await migrator.up({ transaction: em.getTransactionContext<Knex.Transaction>() });
    // After the versioned migrations, as their tables (and any function a migration dropped) are then in place.
    const files = await applyDatabaseCode(em, databaseCode);
    return [...applied.map((migration) => migration.name), ...files];
  });
}
