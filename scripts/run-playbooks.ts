import { CaseService } from '../src/cases/case.service';
import { GoodwillService } from '../src/cases/goodwill.service';
import { loadConfig } from '../src/config';
import { LedgerBookings } from '../src/ledger/ledger.bookings';
import { PlaybookEngine } from '../src/playbooks/playbook.engine';
import { LogReminderNotifier, WebhookReminderNotifier } from '../src/playbooks/reminder-notifier';
import { TierService } from '../src/program/tier.service';
import { createLogger } from '../src/shared/logger';
import { SignalService } from '../src/signals/signal.service';
import { runWithOrm } from './lib/database';

// `npm run run-playbooks`: acts once on every customer signal not yet processed (what the gateway's playbook
// job does every PLAYBOOK_JOBS_INTERVAL_MS), sends the reminders, and reports. Safe beside running gateways:
// each signal is locked while it is processed, and fires each playbook once.
void runWithOrm(async (orm) => {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const log = createLogger(config.logLevel);
  const notifier =
    config.reminderWebhookUrl && config.reminderWebhookSecret
      ? new WebhookReminderNotifier(config.reminderWebhookUrl, config.reminderWebhookSecret, log)
      : new LogReminderNotifier(log);
  // Signals raised by the cases opened here run no in-process handlers; the next run picks them up.
  const cases = new CaseService(new SignalService());
  const goodwill = new GoodwillService(new LedgerBookings(), new TierService());
  const engine = new PlaybookEngine(notifier, log, { cases, goodwill });
  const started = Date.now();
  const run = await engine.processPending(() => orm.em.fork());
  await engine.drain();
  process.stdout.write(
    `${run.processed} signals acted on (${run.firings} firings), ${run.idle} with no playbook, ${run.failed} failed (${run.givenUp} given up), in ${Date.now() - started} ms\n`,
  );
  return run.failed > 0 ? 1 : 0;
});
