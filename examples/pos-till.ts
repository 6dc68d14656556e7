/**
 * A till: finds the customer in front of it, shows their loyalty state live, records purchases, and queues them
 * while the gateway cannot be reached, to sync them when it can. `npm run example:pos-till [-- --smoke]`.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';

import {
  type OfflineOperationInput,
  PosBenefitsChangedDocument,
  PosCustomerStateDocument,
  PosFindCustomerDocument,
  PosLoyaltyStateChangedDocument,
  PosRecordPurchaseDocument,
  type PosRecordPurchaseMutation,
  PosStoreProgramDocument,
  PosSyncOfflineOperationsDocument,
  type PosSyncOfflineOperationsMutation,
  PosViewerDocument,
  type PurchaseLineInput,
} from '../schema/operations/generated';
import { createGatewayClient, type GatewayClient, isUnreachable } from './lib/client';
import { type ExampleConfig, loadConfig, required } from './lib/config';
import { points, type Print, runCli, stateLine, waitFor } from './lib/render';
import { followLoyaltyState } from './lib/resume';

type SyncResult = PosSyncOfflineOperationsMutation['syncOfflineOperations'];

/**
 * What the till did while offline, in order, each with the idempotency key it was first tried with: sending the
 * queue again after a failed sync books nothing twice. Kept in memory here; a real till keeps it on disk.
 */
export class OfflineQueue {
  private readonly waiting: OfflineOperationInput[] = [];
  /** Operations the gateway refused at sync, to show to staff; never resent as they are. */
  readonly rejected: SyncResult['results'] = [];

  get size(): number {
    return this.waiting.length;
  }

  /** What waits, in order. */
  get operations(): readonly OfflineOperationInput[] {
    return this.waiting;
  }

  add(operation: OfflineOperationInput): void {
    this.waiting.push(operation);
  }

  /** Sends the queue; what was applied (now or before) or rejected leaves it. Unreachable: the queue stays. */
  async sync(client: GatewayClient, storeId: string): Promise<SyncResult | undefined> {
    if (this.waiting.length === 0) return undefined;
    const batch = this.waiting.slice(0, 200);
    const { data } = await client.apollo.mutate({
      mutation: PosSyncOfflineOperationsDocument,
      variables: { storeId, operations: batch },
    });
    const result = data!.syncOfflineOperations;
    const done = new Set(result.results.map((r) => r.idempotencyKey));
    this.rejected.push(...result.results.filter((r) => r.outcome === 'REJECTED'));
    this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((op) => !done.has(op.idempotencyKey)));
    return result;
  }
}

export type PurchaseOutcome =
  | { readonly kind: 'recorded'; readonly purchase: PosRecordPurchaseMutation['recordPurchase'] }
  | { readonly kind: 'queued'; readonly waiting: number };

/** Records a purchase online, or queues it when the gateway cannot be reached (errors it answers are thrown). */
export async function recordOrQueue(
  client: GatewayClient,
  queue: OfflineQueue,
  purchase: { customerId: string; lines: PurchaseLineInput[]; orderId?: string },
): Promise<PurchaseOutcome> {
  const orderId = purchase.orderId ?? `T-${randomUUID().slice(0, 8)}`;
  const idempotencyKey = `till-${orderId}`;
  const occurredAt = new Date().toISOString();
  try {
    const { data } = await client.apollo.mutate({
      mutation: PosRecordPurchaseDocument,
      // The store and the channel come from the POS key.
      variables: {
        input: { customerId: purchase.customerId, orderId, lines: purchase.lines, idempotencyKey, occurredAt },
      },
    });
    return { kind: 'recorded', purchase: data!.recordPurchase };
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    queue.add({
      type: 'PURCHASE',
      idempotencyKey,
      occurredAt,
      customerId: purchase.customerId,
      orderId,
      lines: purchase.lines,
    });
    return { kind: 'queued', waiting: queue.size };
  }
}

export interface TillOptions {
  readonly gatewayUrl: string;
  readonly posKey: string;
  /** The customer at the till: found by email (as a scanned card would be) when given, else by id. */
  readonly customer: { readonly id: string; readonly email?: string | null };
  readonly print: Print;
  /** One full cycle, then return; otherwise keep the till open, reading commands from stdin. */
  readonly smoke: boolean;
  readonly pushTimeoutMs?: number;
}

export interface TillRun {
  readonly storeId: string;
  readonly customerId: string;
  /** Every version rendered, in order. */
  readonly versions: number[];
  readonly queue: OfflineQueue;
}

const BASKET: PurchaseLineInput[] = [{ sku: 'COFFEE-BEANS', category: 'grocery', quantity: 2, unitPrice: 1250 }];

export async function runTill(options: TillOptions): Promise<TillRun> {
  const { print } = options;
  const pushTimeoutMs = options.pushTimeoutMs ?? 10_000;
  const client = createGatewayClient({ gatewayUrl: options.gatewayUrl, credential: options.posKey });
  const queue = new OfflineQueue();
  const versions: number[] = [];
  try {
    const { data: who } = await client.apollo.query({ query: PosViewerDocument });
    const storeId = required(who!.viewer.storeId, 'store on this key (a POS key is bound to one store)', 'LG_POS_KEY');

    let customerId = options.customer.id;
    if (options.customer.email) {
      const { data } = await client.apollo.mutate({
        mutation: PosFindCustomerDocument,
        variables: { identifier: { kind: 'EMAIL', value: options.customer.email } },
      });
      const found = data!.resolveCustomer;
      if (!found.customer) throw new Error(`no single customer for ${options.customer.email} (${found.outcome})`);
      customerId = found.customer.id;
      print(`Customer: ${found.customer.displayName ?? customerId}`);
    }

    const { data: screen } = await client.apollo.query({ query: PosCustomerStateDocument, variables: { customerId } });
    const state = screen!.loyaltyState;
    versions.push(state.version);
    print(`  ${stateLine(state)}`);
    for (const benefit of screen!.benefits) print(`  ◦ ${benefit.text}`);

    const showProgram = async () => {
      const { data } = await client.apollo.query({ query: PosStoreProgramDocument });
      print(`  Program: ${data!.tiers.length} tiers, ${data!.rewards.length} rewards on offer`);
    };
    await showProgram();

    const programChanges = client.apollo
      .subscribe({ query: PosBenefitsChangedDocument, variables: { storeId }, fetchPolicy: 'no-cache' })
      .subscribe(({ data }) => {
        if (!data) return;
        const change = data.benefitsChanged;
        print(`↻ ${change.kind} ${change.code ?? change.id} ${change.operation}: refreshing the program`);
        void showProgram().catch(() => print('  (program refresh failed; the next change retries)'));
      });

    const follower = followLoyaltyState(client, PosLoyaltyStateChangedDocument, {
      customerId,
      sinceVersion: state.version,
      onState: (next, how) => {
        versions.push(next.version);
        print(`● ${how === 'replace' ? 'now' : next.source.toLowerCase()}: ${stateLine(next)}`);
      },
      onRetry: (attempt, delayMs) => print(`  (live updates paused; retry ${attempt + 1} in ${delayMs} ms)`),
    });
    let fatal: string | undefined;
    void follower.ended.then((end) => {
      if (end.kind === 'fatal') {
        fatal = end.message;
        print(`✗ live updates stopped: ${end.message}`);
      }
    });
    const versionAfter = (v: number) =>
      waitFor(`live update after v${v}`, pushTimeoutMs, () => {
        if (fatal) throw new Error(fatal);
        return (follower.lastVersion ?? 0) > v ? true : undefined;
      });

    const sale = async (lines: PurchaseLineInput[]) => {
      const outcome = await recordOrQueue(client, queue, { customerId, lines });
      if (outcome.kind === 'recorded') {
        const p = outcome.purchase;
        const tier = p.tierChange ? `, now ${p.tierChange.to.name}` : '';
        print(`Sale ${p.orderId}: ${(p.amount / 100).toFixed(2)}, +${points(p.totalPoints)}${tier}`);
      } else {
        print(`Offline: sale queued (${outcome.waiting} waiting)`);
      }
      return outcome;
    };
    const sync = async () => {
      const result = await queue.sync(client, storeId);
      if (result) {
        print(
          `Synced: ${result.applied} applied, ${result.alreadyApplied} already applied, ${result.rejected} rejected`,
        );
        for (const r of result.results.filter((x) => x.error))
          print(`  ✗ #${r.index}: ${r.error!.code} ${r.error!.message}`);
      }
      return result;
    };

    try {
      if (options.smoke) {
        const before = follower.lastVersion!;
        await sale(BASKET);
        await versionAfter(before);

        client.offline = true;
        const queued = await sale(BASKET);
        if (queued.kind !== 'queued') throw new Error('the offline sale was not queued');
        client.offline = false;
        const afterQueue = follower.lastVersion!;
        const result = await sync();
        if (result?.applied !== 1 || queue.size !== 0) throw new Error('the queued sale did not sync once');
        await versionAfter(afterQueue);
      } else {
        await interact(print, { sale: () => sale(BASKET), sync, offline: (on) => (client.offline = on) });
      }
    } finally {
      follower.stop();
      programChanges.unsubscribe();
    }
    return { storeId, customerId, versions, queue };
  } finally {
    await client.close();
  }
}

/** The till's keyboard: Enter records a sale; `offline`, `online`, `sync`; Ctrl-D or `quit` ends. */
async function interact(
  print: Print,
  till: { sale: () => Promise<unknown>; sync: () => Promise<unknown>; offline: (on: boolean) => void },
): Promise<void> {
  print('Enter: record a sale · offline / online: cut or restore the link · sync · quit');
  const input = createInterface({ input: process.stdin });
  for await (const line of input) {
    const command = line.trim();
    try {
      if (command === 'quit') break;
      else if (command === 'offline') till.offline(true);
      else if (command === 'online') {
        till.offline(false);
        await till.sync();
      } else if (command === 'sync') await till.sync();
      else await till.sale();
    } catch (error) {
      print(`✗ ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  input.close();
}

function fromConfig(config: ExampleConfig, smoke: boolean): TillOptions {
  return {
    gatewayUrl: config.gatewayUrl,
    posKey: required(config.keys.pos, 'POS key', 'LG_POS_KEY'),
    customer: required(config.customer, 'customer', 'LG_CUSTOMER_ID'),
    print: (line) => console.log(line),
    smoke,
  };
}

if (require.main === module) {
  runCli(async (smoke) => {
    await runTill(fromConfig(loadConfig(), smoke));
  });
}
