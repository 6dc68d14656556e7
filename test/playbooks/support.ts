import { randomUUID } from 'node:crypto';

import type { CaseActions } from '../../src/playbooks/case-actions';
import { PlaybookEngine } from '../../src/playbooks/playbook.engine';
import type { ReminderMessage, ReminderNotifier } from '../../src/playbooks/reminder-notifier';
import type { SignalType } from '../../src/signals/signal.types';
import { createTeam as createSupportTeam } from '../cases/fixtures';
import { SetConsentDocument } from '../generated/graphql';
import { type ApiClient, key, type TestGateway } from '../support';

/** The notifier port as a test sees it: every reminder handed to it, in order. */
export class RecordingNotifier implements ReminderNotifier {
  readonly sent: ReminderMessage[] = [];

  send(message: ReminderMessage): Promise<boolean> {
    this.sent.push(message);
    return Promise.resolve(true);
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * An engine over the test gateway's database and its cases services (as src/app.ts wires them, unless others are
 * given), with a recording notifier; `run` is one pass of the job, reminders sent.
 */
export function engineFor(gw: TestGateway, caseActions?: CaseActions) {
  const notifier = new RecordingNotifier();
  const { cases, goodwill } = gw.gateway.services;
  const engine = new PlaybookEngine(notifier, gw.gateway.log, caseActions ?? { cases, goodwill }, 50);
  return {
    notifier,
    engine,
    run: async () => {
      const result = await engine.processPending(() => gw.gateway.orm.em.fork());
      await engine.drain();
      return result;
    },
  };
}

/** Raises a signal as a domain does, in a transaction of its own; null when the cause was raised before. */
export function raise(
  gw: TestGateway,
  signal: { tenantId: string; customerId: string; type: SignalType; cause: string; payload?: Record<string, unknown> },
) {
  return gw.gateway.orm.em.fork().transactional((tx) => gw.gateway.services.signals.raise(tx, signal));
}

/** A support team of the tenant, made through the cases API. */
export function createTeam(by: ApiClient): Promise<string> {
  return createSupportTeam(by, `T${randomUUID().slice(0, 8).toUpperCase()}`);
}

/** The customer's MARKETING choice, recorded through the consent API as a customer's preference centre would. */
export async function setMarketingConsent(by: ApiClient, customerId: string, granted: boolean) {
  await by.data(SetConsentDocument, {
    input: { customerId, purpose: 'MARKETING', granted, source: 'preference-centre', idempotencyKey: key() },
  });
}

export async function signalRow(gw: TestGateway, tenantId: string, type: SignalType, cause: string) {
  const [row] = await gw.gateway.orm.em.fork().execute<
    {
      id: string;
      processed_at: string | null;
      attempts: number;
      last_error: string | null;
      payload: Record<string, unknown>;
    }[]
  >(`select id, processed_at, attempts, last_error, payload from customer_signal where tenant_id = ? and type = ? and cause = ?`, [tenantId, type, cause]);
  return row;
}
