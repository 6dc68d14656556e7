import { SlaJobs } from '../src/cases/sla.jobs';
import { SignalService } from '../src/signals/signal.service';
import { runWithOrm } from './lib/database';

// `npm run check-slas [-- --tenant <id>] [--now 2027-01-31T00:00:00Z]`: escalates support cases whose first
// response or resolution is due within the tenant's lead time or past, records each breach once and raises
// SLA_BREACHED for it. Set-based: one statement over every tenant. The gateway also runs it every minute.
// Signals raised here run no in-process handlers (none is registered for SLA_BREACHED); playbooks pick them up.
void runWithOrm(async (orm) => {
  const option = (name: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const now = option('now') ? new Date(option('now')!) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error('--now takes an ISO date');
  const tenant = option('tenant') ?? null;
  const result = await new SlaJobs(new SignalService()).check(orm.em.fork(), now, tenant);
  process.stdout.write(
    `SLA check ${tenant ? `of tenant ${tenant} ` : ''}as of ${now.toISOString()}: ${result.escalated} escalated, ` +
      `${result.firstResponseBreaches} first-response and ${result.resolutionBreaches} resolution breaches, ` +
      `${result.signals} signals raised, in ${result.durationMs} ms\n`,
  );
});
