import { Client } from 'pg';
import { TEST_DATABASE_URL } from './helpers/env';

/**
 * A fresh test database per run: every test then makes its own tenant, so none truncates. The first
 * gateway a test starts migrates it (under the migration lock). MikroORM is not loaded here: its metadata
 * lives on the process's globals, and entities loaded outside Jest's sandbox break those loaded inside.
 */
export default async function globalSetup(): Promise<void> {
  const url = new URL(TEST_DATABASE_URL);
  const database = url.pathname.slice(1);
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
}
