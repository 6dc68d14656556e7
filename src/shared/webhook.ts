import { createHmac } from 'node:crypto';

import type { Logger } from 'pino';

/** The part of `fetch` a webhook uses, so tests can stand in for the network. */
export type Post = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{
  ok: boolean;
  status: number;
}>;

export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [0, 1_000, 5_000];
const TIMEOUT_MS = 5_000;

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<purpose>.<body>">`: the purpose (`contact-code`, `reminder`) is
 * signed, so a captured delivery of one kind cannot be replayed to a receiver of another.
 */
export function webhookSignature(secret: string, timestamp: string, purpose: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${purpose}.${body}`).digest('hex')}`;
}

/** One POST: `id` goes out as `X-Loyalty-Delivery`, the same on every retry, so a receiver drops duplicates. */
export interface WebhookDelivery {
  readonly id: string;
  readonly body: string;
  /** What the log lines about this delivery carry: ids and kinds, never personal data. */
  readonly meta: Record<string, unknown>;
}

/**
 * POSTs JSON to an operator's endpoint, signed like `/ingest` (timestamp, delivery id, HMAC of the body),
 * retried a few times with the same delivery id: a 2xx is done, a 4xx other than 429 is given up at once.
 * Never throws, never logs the body. The notifiers (contact codes, reminders) each own one.
 */
export class SignedWebhook {
  private readonly inFlight = new Set<Promise<boolean>>();

  constructor(
    private readonly url: string,
    private readonly secret: string,
    /** Signed with the body and logged; says what the receiver is being sent. */
    private readonly purpose: string,
    private readonly log: Logger,
    private readonly post: Post = (target, init) => fetch(target, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) }),
    private readonly retryDelaysMs: readonly number[] = WEBHOOK_RETRY_DELAYS_MS,
  ) {}

  /** Starts a delivery; resolves true once the receiver took it, false when it was given up. */
  send(delivery: WebhookDelivery): Promise<boolean> {
    const attempt = this.deliver(delivery).finally(() => this.inFlight.delete(attempt));
    this.inFlight.add(attempt);
    return attempt;
  }

  /** Resolves when deliveries under way are done (or given up), for a graceful stop. */
  async drain(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async deliver(delivery: WebhookDelivery): Promise<boolean> {
    const meta = { ...delivery.meta, webhook: this.purpose };
    for (const [attempt, delay] of this.retryDelaysMs.entries()) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const timestamp = String(Math.floor(Date.now() / 1000));
      try {
        const res = await this.post(this.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-loyalty-delivery': delivery.id,
            'x-loyalty-timestamp': timestamp,
            'x-loyalty-signature': webhookSignature(this.secret, timestamp, this.purpose, delivery.body),
          },
          body: delivery.body,
        });
        if (res.ok) {
          this.log.info({ ...meta, attempt: attempt + 1 }, 'webhook delivered');
          return true;
        }
        this.log.warn({ ...meta, attempt: attempt + 1, status: res.status }, 'webhook refused');
        // A 4xx other than 429 will not change on retry.
        if (res.status >= 400 && res.status < 500 && res.status !== 429) return false;
      } catch (error) {
        this.log.warn({ ...meta, attempt: attempt + 1, error: (error as Error).name }, 'webhook unreachable');
      }
    }
    return false;
  }
}
