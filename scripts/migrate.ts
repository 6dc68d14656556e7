import { migrate } from '../src/shared/db/migrate';
import { runWithOrm } from './lib/database';

// `npm run migrate`: applies pending migrations (the gateway also does this on start).
void runWithOrm(async (orm) => {
  const applied = await migrate(orm);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'up to date\n');
});
