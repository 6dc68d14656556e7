import { createHmac } from 'node:crypto';

import type { Logger } from 'pino';

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

/** The part of `fetch` the webhook uses, so tests can stand in for the network. */
export type Post = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{
  ok: boolean;
  status: number;
}>;

const RETRY_DELAYS_MS = [0, 1_000, 5_000];
const TIMEOUT_MS = 5_000;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.contact-code.<body>">`, as the ingest route checks what it receives. */
export function contactWebhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.contact-code.${body}`).digest('hex')}`;
}

/**
 * Production: POSTs each code to the operator's sender (email/SMS service), signed like `/ingest`, retried a
 * few times with the same `X-Loyalty-Delivery` id. Not through the outbox: outbox payloads are stored and
 * published in clear, and a code is kept only as a hash.
 */
export class WebhookContactNotifier implements ContactNotifier {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly log: Logger,
    private readonly post: Post = (target, init) => fetch(target, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) }),
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  send(message: ContactCodeMessage): void {
    const delivery = this.deliver(message).finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }

  async drain(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async deliver(message: ContactCodeMessage): Promise<void> {
    const body = JSON.stringify({
      id: message.verificationId,
      tenantId: message.tenantId,
      customerId: message.customerId,
      kind: message.kind,
      to: message.address,
      code: message.code,
      expiresAt: message.expiresAt.toISOString(),
    });
    const meta = { verificationId: message.verificationId, kind: message.kind };
    for (const [attempt, delay] of this.retryDelaysMs.entries()) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const timestamp = String(Math.floor(Date.now() / 1000));
      try {
        const res = await this.post(this.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-loyalty-delivery': message.verificationId,
            'x-loyalty-timestamp': timestamp,
            'x-loyalty-signature': contactWebhookSignature(this.secret, timestamp, body),
          },
          body,
        });
        if (res.ok) {
          this.log.info({ ...meta, attempt: attempt + 1 }, 'contact verification code sent');
          return;
        }
        this.log.warn({ ...meta, attempt: attempt + 1, status: res.status }, 'contact code webhook refused');
        // A 4xx other than 429 will not change on retry.
        if (res.status >= 400 && res.status < 500 && res.status !== 429) return;
      } catch (error) {
        this.log.warn(
          { ...meta, attempt: attempt + 1, error: (error as Error).name },
          'contact code webhook unreachable',
        );
      }
    }
    this.log.error(meta, 'contact verification code not delivered; the customer can request a new one');
  }
}
