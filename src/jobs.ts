import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import { LedgerJobs } from './ledger/ledger.jobs';
import type { Services } from './schema';

export interface JobSchedule {
  /** Settling pending points and expiring due lots; 0 turns them off. */
  readonly ledgerJobsIntervalMs: number;
  /** Tier evaluation of every tenant; 0 turns it off. */
  readonly tierJobsIntervalMs: number;
  /** The SLA check of support cases (escalations, breaches); 0 turns it off. */
  readonly slaJobsIntervalMs: number;
  /** Playbooks acting on new customer signals; 0 turns it off. */
  readonly playbookJobsIntervalMs: number;
  /** Health scoring of changed customers (and of tenants due a full run); 0 turns it off. */
  readonly healthJobsIntervalMs: number;
  /** Age of a tenant's last full health scoring after which the health job scores it in full again. */
  readonly healthFullRunIntervalMs: number;
}

/** The background jobs every instance runs on timers. Returns what stops them. */
export function startJobs(
  orm: MikroORM,
  {
    tiers,
    slaJobs,
    playbookEngine,
    healthScoring,
  }: Pick<Services, 'tiers' | 'slaJobs' | 'playbookEngine' | 'healthScoring'>,
  schedule: JobSchedule,
  log: Logger,
): () => void {
  const ledgerJobs = new LedgerJobs();
  // Settles due pending points and expires due lots; every instance may run it, SKIP LOCKED shares the work.
  const runLedgerJobs = async () => {
    const now = new Date();
    // Separately, so a failure of one never holds up the other.
    for (const [name, job] of [
      ['settle', (em: EntityManager, at: Date) => ledgerJobs.settlePending(em, at)],
      ['expire', (em: EntityManager, at: Date) => ledgerJobs.expireDue(em, at)],
    ] as const) {
      try {
        const result = await job(orm.em.fork(), now);
        if (result.transactions) log.info({ job: name, ...result }, 'ledger job booked transactions');
      } catch (error) {
        log.error({ err: error, job: name }, 'ledger job failed; retrying on the next tick');
      }
    }
  };
  const ledgerTimer =
    schedule.ledgerJobsIntervalMs > 0 ? setInterval(() => void runLedgerJobs(), schedule.ledgerJobsIntervalMs) : null;
  ledgerTimer?.unref();
  // Downgrades and the end of limited-time status happen without anyone running a command.
  const runTierJobs = () =>
    tiers
      .evaluateAll(
        () => orm.em.fork(),
        new Date(),
        (tenantId, result) => {
          if (result && result.upgraded + result.downgraded + result.grantsEnded > 0)
            log.info({ job: 'evaluate-tiers', tenantId, ...result }, 'tiers evaluated');
        },
      )
      .catch((error: unknown) =>
        log.error({ err: error, job: 'evaluate-tiers' }, 'tier evaluation failed; retrying on the next tick'),
      );
  const tierTimer =
    schedule.tierJobsIntervalMs > 0 ? setInterval(() => void runTierJobs(), schedule.tierJobsIntervalMs) : null;
  tierTimer?.unref();
  // Every instance may run it: cases another instance is checking are skipped (SKIP LOCKED).
  const runSlaJobs = () =>
    slaJobs
      .check(orm.em.fork())
      .then((result) => {
        if (result.escalated + result.firstResponseBreaches + result.resolutionBreaches > 0)
          log.info({ job: 'check-slas', ...result }, 'support cases escalated');
      })
      .catch((error: unknown) =>
        log.error({ err: error, job: 'check-slas' }, 'SLA check failed; retrying on the next tick'),
      );
  const slaTimer =
    schedule.slaJobsIntervalMs > 0 ? setInterval(() => void runSlaJobs(), schedule.slaJobsIntervalMs) : null;
  slaTimer?.unref();
  // Signals are acted on within seconds of their commit; every instance may run it, SKIP LOCKED shares the work.
  let playbooksRunning = false;
  const runPlaybooks = async () => {
    if (playbooksRunning) return;
    playbooksRunning = true;
    try {
      const run = await playbookEngine.processPending(() => orm.em.fork());
      if (run.firings + run.failed > 0) log.info({ job: 'playbooks', ...run }, 'playbooks ran');
    } catch (error) {
      log.error({ err: error, job: 'playbooks' }, 'playbook run failed; retrying on the next tick');
    } finally {
      playbooksRunning = false;
    }
  };
  const playbookTimer =
    schedule.playbookJobsIntervalMs > 0
      ? setInterval(() => void runPlaybooks(), schedule.playbookJobsIntervalMs)
      : null;
  playbookTimer?.unref();
  // Scores follow their inputs within a tick: triggers mark the customers whose purchases, points, surveys,
  // cases, tier or consent changed. A tick still running when the next is due lets it pass.
  let healthRunning = false;
  const runHealthJobs = () => {
    if (healthRunning) return;
    healthRunning = true;
    healthScoring
      .runDue(
        () => orm.em.fork(),
        schedule.healthFullRunIntervalMs,
        (tenantId, kind, result) => {
          if (result && (kind === 'full' || result.scored > 0))
            log.info({ job: 'score-health', kind, tenantId, ...result }, 'health scored');
        },
      )
      .catch((error: unknown) =>
        log.error({ err: error, job: 'score-health' }, 'health scoring failed; retrying on the next tick'),
      )
      .finally(() => (healthRunning = false));
  };
  const healthTimer =
    schedule.healthJobsIntervalMs > 0 ? setInterval(runHealthJobs, schedule.healthJobsIntervalMs) : null;
  healthTimer?.unref();
  return () => {
    if (ledgerTimer) clearInterval(ledgerTimer);
    if (tierTimer) clearInterval(tierTimer);
    if (slaTimer) clearInterval(slaTimer);
    if (playbookTimer) clearInterval(playbookTimer);
    if (healthTimer) clearInterval(healthTimer);
  };
}
