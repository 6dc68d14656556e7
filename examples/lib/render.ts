import type { LoyaltyStateFieldsFragment } from '../../schema/operations/generated';

/** Where an example writes what its screen would show. */
export type Print = (line: string) => void;

export const points = (value: number): string => `${value.toLocaleString('en-US')} pts`;

/** One line for a loyalty state, the way a till or app header shows it. */
export function stateLine(state: LoyaltyStateFieldsFragment): string {
  const tier = state.tier ? `${state.tier.name}${state.tier.limitedTime ? ' (limited time)' : ''}` : 'no tier';
  const pending = state.balance.pending > 0 ? `, ${points(state.balance.pending)} pending` : '';
  const vouchers = state.activeVouchers.length > 0 ? `, ${state.activeVouchers.length} voucher(s)` : '';
  return `${tier} · ${points(state.balance.available)}${pending}${vouchers} · v${state.version}`;
}

/** Runs `main` as a CLI: non-zero exit and the error's message on failure; `--smoke` passed through. */
export function runCli(main: (smoke: boolean) => Promise<void>): void {
  const smoke = process.argv.includes('--smoke');
  main(smoke).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

/** Resolves with the first value `poll` returns, or rejects after `ms`. */
export function waitFor<T>(what: string, ms: number, poll: () => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + ms;
    const tick = () => {
      const value = poll();
      if (value !== undefined) return resolve(value);
      if (Date.now() > deadline) return reject(new Error(`no ${what} within ${ms} ms`));
      setTimeout(tick, 20);
    };
    tick();
  });
}
