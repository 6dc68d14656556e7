/** Exponential back-off, capped, with jitter (half the delay random) so that many clients cut at once do not come back at once. */
export interface BackoffOptions {
  readonly initialMs?: number;
  readonly maxMs?: number;
}

export function backoffDelay(attempt: number, { initialMs = 250, maxMs = 10_000 }: BackoffOptions = {}): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
