/**
 * An agent's desktop: finds a customer, shows the 360 view from one query, follows the timeline and the loyalty
 * state live, and shows the agent script, acknowledging it only when told the agent read it (`--acknowledge`).
 * `npm run example:agent-desktop [-- --smoke] [-- --acknowledge]`.
 */
import { randomUUID } from 'node:crypto';

import {
  AgentAcknowledgeScriptDocument,
  AgentCustomer360Document,
  type AgentCustomer360Query,
  AgentLoyaltyStateChangedDocument,
  AgentRecordNoteDocument,
  AgentScriptDocument,
  AgentSearchCustomersDocument,
  AgentTimelineDocument,
  AgentTimelineEventAddedDocument,
  type AgentTimelineEventFragment,
} from '../schema/operations/generated';
import { createGatewayClient, errorCode } from './lib/client';
import { type ExampleConfig, loadConfig, required } from './lib/config';
import { points, type Print, runCli, stateLine, waitFor } from './lib/render';
import { followLoyaltyState } from './lib/resume';

export interface DesktopOptions {
  readonly gatewayUrl: string;
  readonly agentKey: string;
  /** What the agent types in the search box (an email prefix, a phone, part of a name); the first hit is opened. */
  readonly search?: string;
  /** The customer to open when there is nothing to search for (a link from another screen). */
  readonly customerId?: string;
  readonly locale?: string;
  readonly print: Print;
  /** One full cycle, then return; otherwise keep following the customer until Ctrl-C. */
  readonly smoke: boolean;
  /**
   * The agent read the script out (the agent's own action: a button, or `--acknowledge`). The acknowledgement is a
   * compliance record, so it is never sent without one.
   */
  readonly acknowledge: boolean;
  readonly pushTimeoutMs?: number;
}

export interface DesktopRun {
  readonly customerId: string;
  readonly view: AgentCustomer360Query;
  /** Ids of the timeline events pushed live. */
  readonly liveEvents: string[];
  readonly acknowledgedScriptVersion?: number;
}

function show360(print: Print, view: AgentCustomer360Query): void {
  const c = view.customer;
  print(
    `${c.displayName ?? '(no name)'} · ${c.email ?? ''} ${c.phone ?? ''} · customer since ${c.createdAt.slice(0, 10)}`,
  );
  const b = c.balance;
  print(
    `  Balance ${points(b.available)} (${points(b.pending)} pending, ${points(b.expiringPoints)} expiring within 30 days)`,
  );
  if (c.tier) {
    const t = c.tier;
    const progress = t.progress
      ? `, ${t.progress.percent}% to ${t.progress.nextTier.name} (${t.progress.remaining} to go)`
      : '';
    const risk = t.downgradeRisk
      ? `; at risk: ${t.downgradeRisk.projectedTier.name} on ${t.downgradeRisk.atPeriodEnd.slice(0, 10)} unless ${t.downgradeRisk.remainingToKeep} more`
      : '';
    print(`  Tier ${t.current.name} since ${t.since.slice(0, 10)}${progress}${risk}`);
  }
  if (c.health) print(`  Health ${Math.round(c.health.score)} (${c.health.band})`);
  if (c.churnRisk) print(`  Churn risk ${c.churnRisk.level}`);
  for (const benefit of view.benefits) print(`  ◦ ${benefit.text}`);
  for (const { node } of c.pointsTransactions.edges) {
    print(`  ${node.createdAt.slice(0, 10)} ${node.kind} ${points(node.points)} ${node.reason}`);
  }
  for (const { node } of c.timeline.edges) print(`  ${node.occurredAt.slice(0, 16)} ${node.kind}: ${node.summary}`);
  print(`  State: ${stateLine(view.loyaltyState)}`);
}

export async function runDesktop(options: DesktopOptions): Promise<DesktopRun> {
  const { print } = options;
  const pushTimeoutMs = options.pushTimeoutMs ?? 10_000;
  const client = createGatewayClient({ gatewayUrl: options.gatewayUrl, credential: options.agentKey });
  try {
    let customerId = options.customerId;
    const search = options.search;
    if (search) {
      const { data: found } = await client.apollo.query({
        query: AgentSearchCustomersDocument,
        variables: { search, first: 5 },
      });
      const hits = found!.customers.edges.map((e) => e.node);
      print(`Search "${search}": ${hits.length} found`);
      for (const hit of hits) {
        print(`  ${hit.displayName ?? '(no name)'} <${hit.email ?? ''}> ${hit.tier?.current.name ?? ''}`);
      }
      if (hits.length === 0) throw new Error(`nobody matches "${search}"`);
      customerId = hits[0].id;
    }
    if (!customerId) throw new Error('nothing to search for and no customer to open');

    const { data: view } = await client.apollo.query({
      query: AgentCustomer360Document,
      variables: { id: customerId },
    });
    show360(print, view!);

    // The script to read out: none published is a normal state of a new program.
    let acknowledgedScriptVersion: number | undefined;
    try {
      const { data } = await client.apollo.query({
        query: AgentScriptDocument,
        variables: { locale: options.locale ?? 'en' },
      });
      const script = data!.programTerms;
      print(`Script v${script.version} "${script.title}":\n  ${script.body.split('\n').join('\n  ')}`);
      if (options.acknowledge) {
        const { data: ack } = await client.apollo.mutate({
          mutation: AgentAcknowledgeScriptDocument,
          variables: { termsId: script.id },
        });
        acknowledgedScriptVersion = ack!.acknowledgeScript.version;
        print(`  ✓ read (v${acknowledgedScriptVersion})`);
      } else {
        print('  (not acknowledged: run with --acknowledge once the agent has read it)');
      }
    } catch (error) {
      if (errorCode(error).code !== 'NOT_FOUND') throw error;
      print('No agent script published for this locale');
    }

    const liveEvents: string[] = [];
    const shown = new Set(view!.customer.timeline.edges.map((e) => e.node.id));
    const showEvent = (event: AgentTimelineEventFragment) => {
      if (shown.has(event.id)) return;
      shown.add(event.id);
      liveEvents.push(event.id);
      print(`+ ${event.occurredAt.slice(11, 19)} ${event.kind}: ${event.summary}`);
    };
    const timeline = client.apollo
      .subscribe({ query: AgentTimelineEventAddedDocument, variables: { customerId }, fetchPolicy: 'no-cache' })
      .subscribe(({ data, error }) => {
        if (error) print(`✗ timeline: ${error.message}`);
        if (data) showEvent(data.timelineEventAdded);
      });
    // A timeline event has no version to resume from: what was pushed while the socket was down is read again.
    const stopRereading = client.onReconnected(() => {
      client.apollo.query({ query: AgentTimelineDocument, variables: { id: customerId } }).then(
        ({ data }) =>
          data!.customer.timeline.edges
            .map((e) => e.node)
            .reverse()
            .forEach(showEvent),
        (error: unknown) => print(`✗ timeline: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    const follower = followLoyaltyState(client, AgentLoyaltyStateChangedDocument, {
      customerId,
      sinceVersion: view!.loyaltyState.version,
      onState: (state) => print(`● ${stateLine(state)}`),
      onRetry: (attempt, delayMs) => print(`  (live updates paused; retry ${attempt + 1} in ${delayMs} ms)`),
    });

    try {
      if (options.smoke) {
        // The protocol does not acknowledge a subscribe: once the socket is up, give the gateway a moment to
        // register it before writing (a timeline event, unlike the state, has no version to catch up from).
        await client.connected();
        await new Promise((resolve) => setTimeout(resolve, 200));
        const { data } = await client.apollo.mutate({
          mutation: AgentRecordNoteDocument,
          variables: {
            input: {
              customerId,
              kind: 'NOTE',
              summary: 'Called about their points balance',
              idempotencyKey: `desk-${randomUUID()}`,
            },
          },
        });
        const noteId = data!.recordInteraction.id;
        await waitFor('timeline push of the note', pushTimeoutMs, () =>
          liveEvents.includes(noteId) ? true : undefined,
        );
      } else {
        print('Following this customer live (Ctrl-C to stop)');
        await new Promise<void>((resolve) => process.once('SIGINT', resolve));
      }
    } finally {
      follower.stop();
      stopRereading();
      timeline.unsubscribe();
    }
    return { customerId, view: view!, liveEvents, acknowledgedScriptVersion };
  } finally {
    await client.close();
  }
}

function fromConfig(config: ExampleConfig, smoke: boolean, acknowledge: boolean): DesktopOptions {
  const customer = required(config.customer, 'customer', 'LG_CUSTOMER_ID');
  return {
    gatewayUrl: config.gatewayUrl,
    agentKey: required(config.keys.agent, 'agent key', 'LG_AGENT_KEY'),
    search: process.env.LG_SEARCH ?? customer.email ?? undefined,
    customerId: customer.id,
    print: (line) => console.log(line),
    smoke,
    acknowledge,
  };
}

if (require.main === module) {
  runCli(async (smoke) => {
    // The smoke cycle plays an agent who read the script out (it runs against the demo tenant).
    await runDesktop(fromConfig(loadConfig(), smoke, smoke || process.argv.includes('--acknowledge')));
  });
}
