import { createStandaloneServices } from '../src/app';
import { loadConfig } from '../src/config';
import { migrate } from '../src/shared/db/migrate';
import { createLogger } from '../src/shared/logger';
import { runWithOrm } from './lib/database';
import { seedDemo } from './seed/demo';

const USAGE = 'usage: npm run seed [-- --customers 1000 --months 12 --seed 42]';

function numberOption(name: string, fallback: number, min: number, max: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`--${name} takes a whole number from ${min} to ${max}\n${USAGE}`);
  return value;
}

// A bulk load of demo data: a commit need not wait for its WAL flush (a crash loses at most the last few, never
// consistency), which roughly halves the time spent committing.
process.env.PGOPTIONS = `${process.env.PGOPTIONS ?? ''} -c synchronous_commit=off`.trim();

// `npm run seed`: a demo tenant with a living program (see docs/clients/demo-data.md). Each run makes another
// tenant; earlier ones stay as they were.
void runWithOrm(async (orm) => {
  const options = {
    customers: numberOption('customers', 1000, 1, 100_000),
    months: numberOption('months', 12, 1, 12),
    seed: numberOption('seed', 42, 0, 2 ** 32 - 1),
  };
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const log = createLogger(config.logLevel);
  // A fresh database (DATABASE_URL of a new one) works too.
  await migrate(orm);
  const gatewayUrl = `http://localhost:${config.port}`;
  process.stdout.write(
    `seeding ${options.customers} customers with ${options.months} months of purchases (seed ${options.seed})...\n`,
  );
  const result = await seedDemo(orm, createStandaloneServices(orm, config, log), {
    ...options,
    dataDir: config.dataDir,
    gatewayUrl,
    log,
  });
  const { demo, counts } = result;
  process.stdout.write(
    [
      `${result.tenantName}: tenant ${demo.tenantId}, in ${(result.durationMs / 1000).toFixed(1)} s`,
      `  ${counts.customers} customers, ${counts.purchases} purchases, ${counts.redemptions} redemptions, ` +
        `${counts.surveyResponses} survey answers (${counts.detractors} detractors), ${counts.cases} cases` +
        (result.health ? `, ${result.health.highRisk} at high churn risk` : ''),
      '',
      'API keys (secrets, shown once here and kept in the file below; send as "Authorization: Bearer <key>"):',
      `  owner       ${demo.keys.owner}`,
      `  supervisor  ${demo.keys.supervisor}`,
      `  agent       ${demo.keys.agent}`,
      `  pos         ${demo.keys.pos}   (store ${demo.storeCode})`,
      '',
      `written to ${result.file}`,
      `console: ${demo.consoleUrl}  (sign in with the agent key)`,
      '',
      'next: npm start, then in other terminals',
      '  npm run example:pos-till',
      '  npm run example:agent-desktop',
      '  npm run example:mobile-app',
      'Running the seed again makes another demo tenant and overwrites demo.json.',
      '',
    ].join('\n'),
  );
});
