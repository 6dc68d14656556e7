import type { Logger } from 'pino';

import { type Post, SignedWebhook, WEBHOOK_RETRY_DELAYS_MS, webhookSignature } from '../shared/webhook';
import type { ContactKind } from './contact-verification.logic';

/** A one-time code to deliver to the address a customer wants on their profile. */
export interface ContactCodeMessage {
  /** The pending change; stable across retries of one delivery, so a receiver can drop duplicates. */
  readonly verificationId: string;
  readonly tenantId: string;
  readonly customerId: string;
  readonly kind: ContactKind;
  /** The email address or E.164 phone number to send the code to. */
  readonly address: string;
  readonly code: string;
  readonly expiresAt: Date;
}

/**
 * The port contact verification sends codes through. Called after the change's transaction committed; it
 * must not throw (a lost code is requested again), and must never log the code or the address.
 */
export interface ContactNotifier {
  send(message: ContactCodeMessage): void;
  /** Resolves when deliveries under way are done (or given up), for a graceful stop. */
  drain(): Promise<void>;
}

/**
 * Development without a sender: logs that a code was sent. The code and the address are logged only at
 * debug level and only outside production, which is how a developer reads them (LOG_LEVEL=debug).
 */
export class LogContactNotifier implements ContactNotifier {
  constructor(
    private readonly log: Logger,
    private readonly revealCodes: boolean,
  ) {}

  send(message: ContactCodeMessage): void {
    const { verificationId, kind } = message;
    this.log.info({ verificationId, kind }, 'contact verification code issued (no sender configured)');
    if (this.revealCodes) {
      this.log.debug(
        { verificationId, kind, devAddress: message.address, devCode: message.code },
        'contact verification code (development only)',
      );
    }
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }
}

export type { Post } from '../shared/webhook';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.contact-code.<body>">`, as the ingest route checks what it receives. */
export function contactWebhookSignature(secret: string, timestamp: string, body: string): string {
  return webhookSignature(secret, timestamp, 'contact-code', body);
}

/**
 * Production: POSTs each code to the operator's sender (email/SMS service) through the shared signed webhook,
 * retried a few times with the same `X-Loyalty-Delivery` id (the verification's). Not through the outbox:
 * outbox payloads are stored and published in clear, and a code is kept only as a hash.
 */
export class WebhookContactNotifier implements ContactNotifier {
  private readonly webhook: SignedWebhook;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    url: string,
    secret: string,
    private readonly log: Logger,
    post?: Post,
    retryDelaysMs: readonly number[] = WEBHOOK_RETRY_DELAYS_MS,
  ) {
    this.webhook = new SignedWebhook(url, secret, 'contact-code', log, post, retryDelaysMs);
  }

  send(message: ContactCodeMessage): void {
    const meta = { verificationId: message.verificationId, kind: message.kind };
    const body = JSON.stringify({
      id: message.verificationId,
      tenantId: message.tenantId,
      customerId: message.customerId,
      kind: message.kind,
      to: message.address,
      code: message.code,
      expiresAt: message.expiresAt.toISOString(),
    });
    const done = this.webhook
      .send({ id: message.verificationId, body, meta })
      .then((delivered) => {
        if (!delivered)
          this.log.error(meta, 'contact verification code not delivered; the customer can request a new one');
      })
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  async drain(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
