import type { Config } from '@jest/types';
import { Client } from 'pg';

import { testDatabaseUrl } from './env';

/**
 * Fresh test databases per run, one per worker: every test then makes its own tenant, so none truncates.
 * The first gateway a test starts migrates its database (under the migration lock). MikroORM is not
 * loaded here: its metadata lives on the process's globals, and entities loaded outside Jest's sandbox
 * break those loaded inside.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const workers = Math.max(1, globalConfig.maxWorkers);
  const admin = new Client({
    connectionString: Object.assign(new URL(testDatabaseUrl(1)), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  try {
    for (let worker = 1; worker <= workers; worker += 1) {
      const database = new URL(testDatabaseUrl(worker)).pathname.slice(1);
      await admin.query(`drop database if exists "${database}" with (force)`);
      await admin.query(`create database "${database}"`);
    }
  } finally {
    await admin.end();
  }
}
