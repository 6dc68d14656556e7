import 'reflect-metadata';

import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { type EmbeddedDatabase, EmbeddedDatabaseError, startEmbeddedPostgres } from './shared/db/embedded-postgres';
import { createLogger } from './shared/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  const databaseUrl = config.databaseUrl ?? embedded!.url;

  const gateway = await createApp(config, databaseUrl, log).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  const port = await gateway.listen(config.port);
  log.info(
    {
      port,
      metricsPort: gateway.metricsPort(),
      database: embedded ? 'embedded' : 'external',
      events: config.redisUrl ? 'redis' : 'in-process',
    },
    'gateway listening',
  );
  if (config.adminTokenGenerated) {
    // Printed once, plainly, so a newcomer can create a tenant; set ADMIN_TOKEN to keep one across restarts.
    process.stdout.write(
      `\nADMIN_TOKEN (generated for this run): ${config.adminToken}\nGraphQL: http://localhost:${port}/graphql\n\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('graceful shutdown timed out');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await gateway.close();
      await embedded?.stop();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const line =
    error instanceof ConfigError
      ? `Configuration error: ${error.message}`
      : error instanceof EmbeddedDatabaseError
        ? `Embedded database: ${error.message}`
        : String((error as Error)?.stack ?? error);
  process.stderr.write(`${line}\n`);
  process.exit(1);
});
