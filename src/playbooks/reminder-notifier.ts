import type { Logger } from 'pino';

import { type Post, SignedWebhook, WEBHOOK_RETRY_DELAYS_MS } from '../shared/webhook';
import type { ReminderChannel } from './playbook.logic';

/** A reminder a playbook sends a customer: the receiver renders `templateCode` for `channel`. */
export interface ReminderMessage {
  /** The reminder's id: one per firing and action, the same on every retry, so a receiver drops duplicates. */
  readonly reminderId: string;
  readonly tenantId: string;
  readonly customerId: string;
  readonly templateCode: string;
  readonly channel: ReminderChannel;
  /** The email address (EMAIL) or E.164 number (SMS) on the profile; null for PUSH. */
  readonly address: string | null;
  readonly playbookCode: string;
  /** The signal that fired the playbook, e.g. POINTS_EXPIRING. */
  readonly signalType: string;
}

/**
 * The port playbooks send reminders through, after the firing committed and only once per reminder (the
 * engine claims each before sending). `send` never throws: it resolves true when the reminder was handed
 * over, false when it was given up. It must never log the address.
 */
export interface ReminderNotifier {
  send(message: ReminderMessage): Promise<boolean>;
  /** Resolves when deliveries under way are done (or given up), for a graceful stop. */
  drain(): Promise<void>;
}

/** Development without a sender: logs that a reminder would go out (ids and template only). */
export class LogReminderNotifier implements ReminderNotifier {
  constructor(private readonly log: Logger) {}

  send(message: ReminderMessage): Promise<boolean> {
    const { reminderId, templateCode, channel, playbookCode } = message;
    this.log.info({ reminderId, templateCode, channel, playbookCode }, 'reminder (no sender configured)');
    return Promise.resolve(true);
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Production: POSTs each reminder to the operator's messaging service, signed with `REMINDER_WEBHOOK_SECRET`
 * over `"<timestamp>.reminder.<body>"` (the scheme of the contact code webhook), `X-Loyalty-Delivery` the
 * reminder's id.
 */
export class WebhookReminderNotifier implements ReminderNotifier {
  private readonly webhook: SignedWebhook;

  constructor(url: string, secret: string, log: Logger, post?: Post, retryDelaysMs = WEBHOOK_RETRY_DELAYS_MS) {
    this.webhook = new SignedWebhook(url, secret, 'reminder', log, post, retryDelaysMs);
  }

  send(message: ReminderMessage): Promise<boolean> {
    const body = JSON.stringify({
      id: message.reminderId,
      tenantId: message.tenantId,
      customerId: message.customerId,
      templateCode: message.templateCode,
      channel: message.channel,
      to: message.address,
      playbookCode: message.playbookCode,
      signalType: message.signalType,
    });
    const meta = { reminderId: message.reminderId, templateCode: message.templateCode, channel: message.channel };
    return this.webhook.send({ id: message.reminderId, body, meta });
  }

  drain(): Promise<void> {
    return this.webhook.drain();
  }
}
