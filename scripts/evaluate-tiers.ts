import type { TierEvaluation } from '../src/program/program.types';
import { TierService } from '../src/program/tier.service';
import { runWithOrm } from './lib/database';

// `npm run evaluate-tiers [-- --tenant <id>] [--now 2027-01-31T00:00:00Z]`: ends limited-time status that has
// run out, upgrades and requalifies, and drops members one tier whose period ended more than the grace ago.
// Set-based: three statements per tenant, whatever its size. The gateway also runs it every hour.
void runWithOrm(async (orm) => {
  const option = (name: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const now = option('now') ? new Date(option('now')!) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error('--now takes an ISO date');
  const tiers = new TierService();
  const report = (tenantId: string, result: TierEvaluation | null) => {
    process.stdout.write(
      result
        ? `tenant ${tenantId} as of ${now.toISOString()}: ${result.upgraded} upgraded, ${result.downgraded} downgraded, ${result.grantsEnded} limited-time status ended, in ${result.durationMs} ms\n`
        : `tenant ${tenantId}: another evaluation is running; skipped\n`,
    );
  };
  const tenant = option('tenant');
  if (tenant) report(tenant, await tiers.evaluate(orm.em.fork(), tenant, now));
  else await tiers.evaluateAll(() => orm.em.fork(), now, report);
});
