import { HealthScoring, type ScoringResult } from '../src/health/health.scoring';
import { SignalService } from '../src/signals/signal.service';
import { runWithOrm } from './lib/database';

// `npm run score-health [-- --tenant <id>] [--now 2027-01-31T00:00:00Z]`: computes every customer's health score
// and churn risk, set-based (a few statements per tenant, whatever its size), raising the churn, downgrade and
// expiry signals. The gateway's health job does the same for changed customers every few seconds, and in full
// every HEALTH_FULL_RUN_INTERVAL_MS.
void runWithOrm(async (orm) => {
  const option = (name: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const now = option('now') ? new Date(option('now')!) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error('--now takes an ISO date');
  // Handlers of signals are the gateway's (app.ts); playbooks act on the rows after commit either way.
  const scoring = new HealthScoring(new SignalService());
  const report = (tenantId: string, result: ScoringResult | null) => {
    process.stdout.write(
      result
        ? `tenant ${tenantId} as of ${now.toISOString()}: ${result.scored} scored, ${result.changed} changed risk level, ${result.raised} crossed into high risk, ${result.downgradesAhead} downgrade and ${result.pointsExpiring} expiry signals, in ${result.durationMs} ms\n`
        : `tenant ${tenantId}: another scoring run is under way; skipped\n`,
    );
  };
  const tenant = option('tenant');
  if (tenant) report(tenant, await scoring.scoreTenant(orm.em.fork(), tenant, now));
  else await scoring.scoreAll(() => orm.em.fork(), now, report);
});
