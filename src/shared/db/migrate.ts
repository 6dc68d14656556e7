import type { MikroORM } from '@mikro-orm/postgresql';

/** Any fixed number: it names the lock every gateway takes while it migrates. */
const MIGRATION_LOCK = 727_001;

/**
 * Applies pending migrations in one transaction under an advisory lock, so gateways starting together
 * migrate once and the others wait, then find nothing to do.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const migrator = orm.getMigrator();
  return orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const applied = await migrator.up({ transaction: em.getTransactionContext() });
    return applied.map((migration) => migration.name);
  });
}
