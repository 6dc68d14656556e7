import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import { Topic } from '../realtime/pubsub';
import { recordStreamEvent } from '../realtime/versioned-stream';
import { StaffRole } from '../shared/auth/roles';
import { TENANT_FILTER, type TenantFilterParams } from '../shared/db/tenant-filter';
import { AppError } from '../shared/errors';
import { isUuid } from '../shared/validation';
import { SignalType } from '../signals/signal.types';
import { recordTimeline } from '../timeline/timeline';
import { TimelineKind } from '../timeline/timeline.entity';
import type { CaseActions } from './case-actions';
import {
  ActionOutcome,
  firingOutcome,
  matches,
  type PlaybookAction,
  PlaybookActionType,
  ReminderChannel,
  signalCaseId,
  statusExtendedUntil,
  teamAlertStream,
} from './playbook.logic';
import {
  type ActionResult,
  caseOfResponse,
  claimReminder,
  completeFiring,
  customerFacts,
  type CustomerRow,
  dueSignals,
  findCase,
  finishReminder,
  insertFiring,
  insertReminder,
  lockSignal,
  markProcessed,
  type PlaybookRow,
  playbooksFor,
  recordSignalFailure,
  settleIdleSignals,
  type SignalRow,
  strandedReminders,
  teamExists,
} from './playbook.store';
import type { ReminderNotifier } from './reminder-notifier';

/** What one drain did. */
export interface PlaybookRun {
  /** Signals no playbook could act on, marked processed in bulk. */
  readonly idle: number;
  /** Signals processed one by one (each in its own transaction). */
  readonly processed: number;
  readonly firings: number;
  /** Signals whose transaction failed: retried later, or given up after the last attempt. */
  readonly failed: number;
  readonly givenUp: number;
}

/** The firing's case, as its actions learn it: the signal's, or the one OPEN_CASE opened. */
interface FiringCase {
  id: string | null;
  teamId: string | null;
}

interface Firing {
  readonly id: string;
  readonly playbook: PlaybookRow;
  readonly signal: SignalRow;
  readonly customer: CustomerRow;
  readonly actor: string;
  readonly caseOf: FiringCase;
}

/** Reminders are claimed after commit; one still PENDING this long after was left by a stopped process. */
const STRANDED_AFTER_SECONDS = 60;
const IDLE_BATCH = 1000;

const stringOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A failure as a firing or a signal records it: a domain error's reason and message, else only its kind. */
function describeError(error: unknown): string {
  if (error instanceof AppError) return `${error.reason}: ${error.message}`.slice(0, 500);
  const code = (error as { code?: unknown }).code;
  const name = error instanceof Error ? error.constructor.name : 'Error';
  return typeof code === 'string' ? `${name} (${code})` : name;
}

/**
 * Acts on customer signals after the change that raised them committed. Each signal is processed in its own
 * transaction, locked with SKIP LOCKED (so instances share the work): every matching active playbook of the
 * signal's tenant fires once (unique per playbook and signal), each action in a savepoint of its own, so one
 * that fails is recorded FAILED while the others stand; the firing goes on the timeline with its outcome and
 * the signal is marked processed. A signal whose transaction fails is retried up to MAX_SIGNAL_ATTEMPTS times.
 * Reminders leave only after the commit, each claimed once.
 */
export class PlaybookEngine {
  private readonly deliveries = new Set<Promise<void>>();

  constructor(
    private readonly notifier: ReminderNotifier,
    private readonly log: Logger,
    /** The cases part's services (OPEN_CASE, GRANT_GOODWILL). */
    private readonly caseActions: CaseActions,
    private readonly batchSize = 100,
  ) {}

  /** Processes every due signal once (and sends reminders a stopped process left behind). */
  async processPending(fork: () => EntityManager): Promise<PlaybookRun> {
    for (const id of await strandedReminders(fork(), STRANDED_AFTER_SECONDS, this.batchSize)) this.deliver(fork, id);
    let idle = 0;
    for (let settled = IDLE_BATCH; settled === IDLE_BATCH; idle += settled) {
      settled = await settleIdleSignals(fork(), IDLE_BATCH);
    }
    const run = { idle, processed: 0, firings: 0, failed: 0, givenUp: 0 };
    for (;;) {
      const due = await dueSignals(fork(), this.batchSize);
      let progressed = 0;
      for (const id of due) {
        const result = await this.processSignal(fork, id);
        if (result.status === 'skipped') continue;
        progressed += 1;
        if (result.status === 'processed') run.processed += 1;
        else run.failed += 1;
        if (result.status === 'given-up') run.givenUp += 1;
        run.firings += result.firings;
      }
      // A batch another instance holds entirely is left to it; a failed signal waits for its next attempt.
      if (due.length < this.batchSize || progressed === 0) return run;
    }
  }

  /** One signal, in its own transaction; `skipped` when it is processed already or another worker holds it. */
  async processSignal(
    fork: () => EntityManager,
    signalId: string,
  ): Promise<{ status: 'processed' | 'skipped' | 'failed' | 'given-up'; firings: number }> {
    const reminders: string[] = [];
    let firings = 0;
    try {
      const found = await fork().transactional(async (tx) => {
        const signal = await lockSignal(tx, signalId);
        if (!signal) return false;
        // Services the actions call may read tenant-owned entities through the ORM.
        tx.setFilterParams(TENANT_FILTER, { tenantId: signal.tenant_id } satisfies TenantFilterParams);
        const customer = await customerFacts(tx, signal.tenant_id, signal.customer_id);
        const facts = { segments: customer?.segments ?? [], tierRank: customer?.tier_rank ?? 0 };
        const matchable = { type: signal.type, payload: signal.payload, raisedAt: new Date(signal.raised_at) };
        for (const playbook of customer ? await playbooksFor(tx, signal.tenant_id, signal.type) : []) {
          const playbookFacts = {
            signalType: playbook.signal_type,
            eventType: playbook.event_type,
            segments: playbook.segments,
            minTierRank: playbook.min_tier_rank,
            createdAt: new Date(playbook.created_at),
          };
          if (!matches(playbookFacts, matchable, facts)) continue;
          const fired = await this.fire(tx, playbook, signal, customer!);
          if (!fired) continue;
          firings += 1;
          reminders.push(...fired);
        }
        await markProcessed(tx, signal.id);
        return true;
      });
      if (!found) return { status: 'skipped', firings: 0 };
    } catch (error) {
      // Nothing of it was kept, reminders included.
      const givenUp = await recordSignalFailure(fork(), signalId, describeError(error));
      this.log.error(
        { err: error, job: 'playbooks', signalId, givenUp },
        givenUp ? 'signal given up after its last attempt' : 'signal processing failed; retried later',
      );
      return { status: givenUp ? 'given-up' : 'failed', firings: 0 };
    }
    for (const id of reminders) this.deliver(fork, id);
    return { status: 'processed', firings };
  }

  /** Resolves when reminders being sent are done (or given up). */
  async drain(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.all([...this.deliveries]);
  }

  /** Fires a playbook for a signal, unless it did before; returns the reminders to send after commit. */
  private async fire(
    tx: EntityManager,
    playbook: PlaybookRow,
    signal: SignalRow,
    customer: CustomerRow,
  ): Promise<string[] | null> {
    const tenantId = signal.tenant_id;
    const firingId = await insertFiring(tx, { tenantId, playbook, signal, customerId: customer.id });
    if (!firingId) return null;
    // The case the signal is about, if the tenant has it (an SLA breach names its case).
    const named = signalCaseId(signal.type, signal.cause, signal.payload);
    let signalCase = named ? await findCase(tx, tenantId, named) : null;
    // A detractor response's case was opened for it in the response's transaction (the cases part).
    const responseId = stringOf(signal.payload.responseId);
    if (!signalCase && signal.type === SignalType.DETRACTOR_RESPONSE && responseId && isUuid(responseId))
      signalCase = await caseOfResponse(tx, tenantId, responseId);
    const firing: Firing = {
      id: firingId,
      playbook,
      signal,
      customer,
      actor: `playbook:${playbook.code}`,
      caseOf: { id: signalCase?.id ?? null, teamId: signalCase?.teamId ?? null },
    };
    const results: ActionResult[] = [];
    for (const [index, action] of playbook.actions.entries()) {
      try {
        // A savepoint per action: a failed one leaves nothing behind and the others stand.
        results.push(await tx.transactional((inner) => this.act(inner, firing, action, index)));
      } catch (error) {
        if (!(error instanceof AppError))
          this.log.warn({ err: error, job: 'playbooks', firingId, action: action.type }, 'playbook action failed');
        results.push({ type: action.type, outcome: ActionOutcome.FAILED, reason: describeError(error) });
      }
    }
    const outcome = firingOutcome(results.map((result) => result.outcome));
    await completeFiring(tx, firingId, outcome, results);
    await recordTimeline(tx, {
      tenantId,
      customerId: customer.id,
      kind: TimelineKind.PLAYBOOK_FIRED,
      actor: firing.actor,
      summary: `Playbook ${playbook.name} on ${signal.type}: ${results.map((r) => `${r.type} ${r.outcome}`).join(', ')}`,
      refType: 'playbook_firing',
      refId: firingId,
      data: {
        firingId,
        playbookId: playbook.id,
        playbookCode: playbook.code,
        playbookVersion: playbook.version,
        signal: signal.type,
        cause: signal.cause,
        outcome,
        actions: results,
      },
    });
    return results.flatMap((result) => (result.refType === 'reminder' && result.refId ? [result.refId] : []));
  }

  private async act(tx: EntityManager, firing: Firing, action: PlaybookAction, index: number): Promise<ActionResult> {
    const tenantId = firing.signal.tenant_id;
    const customer = firing.customer;
    const failed = (reason: string): ActionResult => ({ type: action.type, outcome: ActionOutcome.FAILED, reason });
    const done = (refType: string, refId: string): ActionResult => ({
      type: action.type,
      outcome: ActionOutcome.DONE,
      refType,
      refId,
    });
    switch (action.type) {
      case PlaybookActionType.OPEN_CASE: {
        // The response has its case already: a second one would split the follow-up.
        if (firing.signal.type === SignalType.DETRACTOR_RESPONSE && firing.caseOf.id)
          return done('support_case', firing.caseOf.id);
        const { payload } = firing.signal;
        const opened = await this.caseActions.cases.openWithin(tx, {
          tenantId,
          customerId: customer.id,
          subject: action.subject!,
          sourceType: 'PLAYBOOK',
          sourceId: firing.id,
          topic: action.topic ?? stringOf(payload.topic),
          channel: stringOf(payload.channel),
          storeId: isUuid(stringOf(payload.storeId) ?? '') ? stringOf(payload.storeId) : null,
          actor: firing.actor,
        });
        // Later actions (an alert to the owning team, goodwill linked to the case) act on this case.
        firing.caseOf.id = opened.id;
        firing.caseOf.teamId = opened.teamId;
        return done('support_case', opened.id);
      }
      case PlaybookActionType.ALERT_TEAM: {
        const caseOf = firing.caseOf;
        const teamId = action.teamId ?? caseOf.teamId;
        if (!teamId) return failed('No team to alert: the playbook names none and the firing has no case with a team');
        if (!(await teamExists(tx, tenantId, teamId))) return failed(`No team ${teamId} in this tenant`);
        const version = await recordStreamEvent(tx, {
          tenantId,
          topic: Topic.TEAM_ALERT,
          stream: teamAlertStream(teamId),
          routingKey: `${tenantId}:${teamId}`,
          payload: {
            teamId,
            customerId: customer.id,
            playbookId: firing.playbook.id,
            playbookName: firing.playbook.name,
            firingId: firing.id,
            signal: firing.signal.type,
            caseId: caseOf.id,
            message: action.message!,
            alertedAt: new Date().toISOString(),
          },
        });
        return done('team_alert', String(version));
      }
      case PlaybookActionType.GRANT_GOODWILL: {
        if (action.statusDays !== undefined && !customer.tier_id)
          return failed('The customer holds no tier status above the base tier to extend');
        const grant = await this.caseActions.goodwill.grantWithin(tx, {
          tenantId,
          customerId: customer.id,
          caseId: firing.caseOf.id,
          points: action.points ?? null,
          tierId: action.statusDays !== undefined ? customer.tier_id : null,
          until:
            action.statusDays !== undefined
              ? statusExtendedUntil(
                  new Date(),
                  customer.tier_ends_at ? new Date(customer.tier_ends_at) : null,
                  action.statusDays,
                )
              : null,
          reason: action.reason!,
          actor: firing.actor,
          // A playbook is bounded like an agent: above an agent's limit a supervisor approves.
          role: StaffRole.AGENT,
          requestKey: `playbook:${firing.id}:${index}`,
          // The day's cap is per playbook and customer: one customer's repeated signals cannot drain it for all.
          limitPrincipal: `${firing.actor}:${customer.id}`,
        });
        return {
          type: action.type,
          outcome: grant.status === 'GRANTED' ? ActionOutcome.DONE : ActionOutcome.PENDING_APPROVAL,
          refType: 'goodwill',
          refId: grant.id,
        };
      }
      case PlaybookActionType.SEND_REMINDER: {
        if (!customer.marketing_consent)
          return { type: action.type, outcome: ActionOutcome.SKIPPED_NO_CONSENT, reason: 'No MARKETING consent' };
        if (action.channel === ReminderChannel.EMAIL && !customer.email)
          return failed('The customer has no email address');
        if (action.channel === ReminderChannel.SMS && !customer.phone)
          return failed('The customer has no phone number');
        const id = await insertReminder(tx, {
          tenantId,
          firingId: firing.id,
          actionIndex: index,
          customerId: customer.id,
          templateCode: action.templateCode!,
          channel: action.channel!,
        });
        return done('reminder', id);
      }
    }
  }

  /** Sends one committed reminder, unless someone took it first; consent is checked again at the last moment. */
  private deliver(fork: () => EntityManager, reminderId: string): void {
    const delivery = (async () => {
      const em = fork();
      const claimed = await claimReminder(em, reminderId);
      if (!claimed) return;
      const address =
        claimed.channel === ReminderChannel.EMAIL
          ? claimed.email
          : claimed.channel === ReminderChannel.SMS
            ? claimed.phone
            : null;
      const sent =
        claimed.marketing_consent &&
        (await this.notifier.send({
          reminderId: claimed.id,
          tenantId: claimed.tenant_id,
          customerId: claimed.customer_id,
          templateCode: claimed.template_code,
          channel: claimed.channel,
          address,
          playbookCode: claimed.playbook_code,
          signalType: claimed.signal_type,
        }));
      await finishReminder(em, reminderId, sent);
    })()
      .catch((error: unknown) =>
        this.log.error({ err: error, job: 'playbooks', reminderId }, 'reminder delivery failed; not sent again'),
      )
      .finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }
}
