/**
 * A member's app: its back end gets a customer token, then the app shows the balance and loyalty state, lists the
 * rewards, redeems one it can afford, and follows the state live. `npm run example:mobile-app [-- --smoke]`.
 */
import { randomUUID } from 'node:crypto';

import {
  MobileHomeDocument,
  type MobileHomeQuery,
  MobileIssueCustomerTokenDocument,
  MobileLoyaltyStateChangedDocument,
  MobileRedeemRewardDocument,
  MobileRewardsDocument,
  type MobileRewardsQuery,
} from '../schema/operations/generated';
import { createGatewayClient } from './lib/client';
import { type ExampleConfig, loadConfig, required } from './lib/config';
import { points, type Print, runCli, stateLine, waitFor } from './lib/render';
import { followLoyaltyState } from './lib/resume';

/**
 * What the app's back end does when its user signs in: with its own key (OWNER, ADMIN or SERVICE; the demo uses
 * the owner key), it asks the gateway for a short-lived token for that customer and hands it to the app. The key
 * never leaves the back end.
 */
export async function issueCustomerToken(gatewayUrl: string, backendKey: string, customerId: string): Promise<string> {
  const backend = createGatewayClient({ gatewayUrl, credential: backendKey });
  try {
    const { data } = await backend.apollo.mutate({
      mutation: MobileIssueCustomerTokenDocument,
      variables: { customerId, ttlSeconds: 900 },
    });
    return data!.issueCustomerToken.token;
  } finally {
    await backend.close();
  }
}

type Reward = MobileRewardsQuery['rewards'][number];

/** The cheapest reward the member can afford on this channel and tier, if any. */
export function affordable(home: MobileHomeQuery, rewards: Reward[]): Reward | undefined {
  const tierId = home.loyaltyState.tier?.id;
  return rewards
    .filter((r) => r.channels.length === 0 || r.channels.includes('MOBILE'))
    .filter((r) => r.eligibleTierIds.length === 0 || (tierId !== undefined && r.eligibleTierIds.includes(tierId)))
    .filter((r) => r.stockRemaining === null || r.stockRemaining === undefined || r.stockRemaining > 0)
    .filter((r) => r.pointsCost <= home.loyaltyState.balance.available)
    .sort((a, b) => a.pointsCost - b.pointsCost)[0];
}

export interface AppOptions {
  readonly gatewayUrl: string;
  /** The app back end's key, used only to issue the customer token. */
  readonly backendKey: string;
  readonly customerId: string;
  readonly print: Print;
  /** One full cycle (redeeming one affordable reward), then return; otherwise keep following until Ctrl-C. */
  readonly smoke: boolean;
  readonly pushTimeoutMs?: number;
}

export interface AppRun {
  readonly home: MobileHomeQuery;
  readonly voucherCode?: string;
  readonly versions: number[];
}

export async function runApp(options: AppOptions): Promise<AppRun> {
  const { print, customerId } = options;
  const token = await issueCustomerToken(options.gatewayUrl, options.backendKey, customerId);
  print('Signed in (customer token from the app back end, 15 minutes)');
  // From here on the app holds only the customer's token: it can read and spend only this customer's points.
  const app = createGatewayClient({ gatewayUrl: options.gatewayUrl, credential: token });
  const versions: number[] = [];
  try {
    const { data: home } = await app.apollo.query({ query: MobileHomeDocument, variables: { customerId } });
    const c = home!.customer;
    print(`Hello ${c.displayName ?? 'member'}`);
    print(`  ${points(c.balance.available)} · ${points(c.balance.expiringPoints)} expiring within 30 days`);
    if (c.tier?.progress) {
      print(`  ${c.tier.current.name}: ${c.tier.progress.percent}% of the way to ${c.tier.progress.nextTier.name}`);
    }
    for (const benefit of home!.benefits) print(`  ◦ ${benefit.text}`);
    versions.push(home!.loyaltyState.version);

    const follower = followLoyaltyState(app, MobileLoyaltyStateChangedDocument, {
      customerId,
      sinceVersion: home!.loyaltyState.version,
      onState: (state) => {
        versions.push(state.version);
        print(`● ${stateLine(state)}`);
      },
      onRetry: (attempt, delayMs) => print(`  (reconnecting; retry ${attempt + 1} in ${delayMs} ms)`),
    });
    let fatal: string | undefined;
    void follower.ended.then((end) => {
      // An expired token closes with 4401: a real app asks its back end for a new one and follows from lastVersion.
      if (end.kind === 'fatal') {
        fatal = end.message;
        print(`✗ live updates stopped: ${end.message}`);
      }
    });

    let voucherCode: string | undefined;
    try {
      const { data: catalogue } = await app.apollo.query({ query: MobileRewardsDocument });
      print(`Rewards (${catalogue!.rewards.length}):`);
      for (const r of catalogue!.rewards) print(`  ${r.name} · ${points(r.pointsCost)}`);
      const pick = affordable(home!, catalogue!.rewards);
      if (!pick) {
        print('Nothing affordable yet');
        if (options.smoke) throw new Error('no reward this customer can afford: nothing to redeem in the smoke run');
      } else {
        const before = follower.lastVersion!;
        const { data } = await app.apollo.mutate({
          mutation: MobileRedeemRewardDocument,
          variables: {
            input: { customerId, rewardId: pick.id, channel: 'MOBILE', idempotencyKey: `app-${randomUUID()}` },
          },
        });
        const voucher = data!.redeemReward.voucher;
        voucherCode = voucher.code;
        print(
          `Redeemed ${voucher.reward.name}: voucher ${voucher.code}, valid until ${voucher.expiresAt.slice(0, 10)}`,
        );
        if (options.smoke) {
          await waitFor('live update after the redemption', options.pushTimeoutMs ?? 10_000, () => {
            if (fatal) throw new Error(fatal);
            return (follower.lastVersion ?? 0) > before ? true : undefined;
          });
        }
      }
      if (!options.smoke) {
        print('Following live (Ctrl-C to stop)');
        await new Promise<void>((resolve) => process.once('SIGINT', resolve));
      }
    } finally {
      follower.stop();
    }
    return { home: home!, voucherCode, versions };
  } finally {
    await app.close();
  }
}

function fromConfig(config: ExampleConfig, smoke: boolean): AppOptions {
  return {
    gatewayUrl: config.gatewayUrl,
    backendKey: required(config.keys.owner, 'back-end key (owner)', 'LG_OWNER_KEY'),
    customerId: required(config.customer, 'customer', 'LG_CUSTOMER_ID').id,
    print: (line) => console.log(line),
    smoke,
  };
}

if (require.main === module) {
  runCli(async (smoke) => {
    await runApp(fromConfig(loadConfig(), smoke));
  });
}
