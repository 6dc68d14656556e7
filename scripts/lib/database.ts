import 'reflect-metadata';

import { MikroORM } from '@mikro-orm/postgresql';

import { loadConfig } from '../../src/config';
import { ormConfig } from '../../src/mikro-orm.config';
import { EmbeddedDatabaseError, startEmbeddedPostgres } from '../../src/shared/db/embedded-postgres';
import { createLogger } from '../../src/shared/logger';

/**
 * Runs a CLI against the configured database: DATABASE_URL, or the same embedded PostgreSQL that
 * `npm start` uses when it is unset. Exits non-zero on any error.
 */
export async function runWithOrm(
  task: (orm: MikroORM) => Promise<number | void>,
  options: { snapshot?: boolean } = {},
): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const log = createLogger(config.logLevel);
  // Beside a running gateway this uses its embedded database and leaves it running.
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log).catch((error: unknown) => {
        if (!(error instanceof EmbeddedDatabaseError)) throw error;
        process.stderr.write(`Embedded database: ${error.message}\n`);
        process.exit(1);
      });
  const orm = await MikroORM.init(
    // The migrator's progress goes to the log (debug), not to the CLI's own output.
    ormConfig(
      config.databaseUrl ?? embedded!.url,
      4,
      (message) => log.debug({ orm: message }, 'orm'),
      options.snapshot ?? false,
    ),
  );
  let exitCode: number;
  try {
    exitCode = (await task(orm)) ?? 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    exitCode = 1;
  } finally {
    await orm.close(true);
    await embedded?.stop();
  }
  process.exit(exitCode);
}
