import { randomUUID } from 'node:crypto';

import type { CaseActions } from '../../src/playbooks/case-actions';
import { PlaybookEngine } from '../../src/playbooks/playbook.engine';
import type { ReminderMessage, ReminderNotifier } from '../../src/playbooks/reminder-notifier';
import type { SignalType } from '../../src/signals/signal.types';
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

/** An engine over the test gateway's database, with a recording notifier; runs once per call, reminders sent. */
export function engineFor(gw: TestGateway, caseActions: CaseActions | null = null) {
  const notifier = new RecordingNotifier();
  const engine = new PlaybookEngine(notifier, gw.gateway.log, caseActions, 50);
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

/** A support team of the tenant (the cases part's table; its API is theirs). */
export async function createTeam(gw: TestGateway, tenantId: string): Promise<string> {
  const [row] = await gw.gateway.orm.em
    .fork()
    .execute<{ id: string }[]>(
      `insert into support_team (id, tenant_id, code, name, created_at) values (uuid_generate_v7(), ?, ?, 'Care', now()) returning id`,
      [tenantId, `T${randomUUID().slice(0, 8)}`],
    );
  return row.id;
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
