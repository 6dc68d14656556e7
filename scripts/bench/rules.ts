import { randomUUID } from 'node:crypto';

import type { RuleEffect, RuleStacking } from '../../src/earning/earning-rule.entity';
import { evaluatePurchase, type PurchaseFacts, type RuleForEvaluation } from '../../src/earning/rules.logic';
import { PointsRounding } from '../../src/program/program-settings.entity';
import { Channel } from '../../src/shared/channel';
import { graphql, option, percentile, startBenchGateway } from './lib';
import { LINES, ruleInputs, setUpProgram } from './rules-program';

/**
 * `npm run bench:rules [-- --evaluations 100000 --clients 16 --seconds 10]`
 *
 * 1. Evaluation alone, as the gateway runs it for every preview and booking: a 10-line purchase against 50
 *    active rules (global, regional and store rules; multipliers, per-unit and fixed bonuses; SKU,
 *    category, day, segment and spend conditions; caps; exclusive and stackable), p50/p99/max per call.
 *    Target: p99 under 1 ms.
 * 2. The same purchase over HTTP against a gateway with those 50 rules in the database: previewPurchase
 *    latency (rule loading included), then recordPurchase throughput from N clients.
 */
const EVALUATIONS = option('evaluations', 100_000);
const CLIENTS = option('clients', 16);
const SECONDS = option('seconds', 10);
const PORT = Number(process.env.BENCH_PORT ?? 4961);
const BENCH_DB = process.env.BENCH_DATABASE ?? 'loyalty_bench_rules';

function evaluationAlone(): void {
  const rules: RuleForEvaluation[] = ruleInputs(['store-1']).map((input, i) => ({
    id: `rule-${i}`,
    code: input.code as string,
    name: input.name as string,
    priority: input.priority as number,
    stacking: input.stacking as RuleStacking,
    effect: input.effect as RuleEffect,
    value: input.value as number,
    channels: [],
    storeIds: (input.storeIds as string[]) ?? [],
    regions: (input.regions as string[]) ?? [],
    skus: (input.skus as string[]) ?? [],
    categories: (input.categories as string[]) ?? [],
    tierIds: [],
    segments: (input.segments as string[]) ?? [],
    daysOfWeek: (input.daysOfWeek as number[]) ?? [],
    minSpend: (input.minSpend as number) ?? null,
    startsAt: null,
    endsAt: null,
    capPerPurchase: (input.capPerPurchase as number) ?? null,
    capPerCustomer: (input.capPerCustomer as number) ?? null,
    customerCapPeriod: null,
    customerUsed: 0,
    budget: (input.budget as number) ?? null,
    budgetUsed: 0,
  }));
  const facts: PurchaseFacts = {
    channel: Channel.POS,
    storeId: 'store-1',
    region: 'north',
    occurredAt: new Date(),
    timeZone: 'Europe/Paris',
    tierId: null,
    segments: ['regulars'],
    lines: LINES,
  };
  const rate = { earnPoints: 1, earnPerMinor: 100, rounding: PointsRounding.DOWN };
  for (let i = 0; i < 5_000; i += 1) evaluatePurchase(facts, rate, null, rules);
  const times: number[] = [];
  let applied = 0;
  for (let i = 0; i < EVALUATIONS; i += 1) {
    const t0 = process.hrtime.bigint();
    const result = evaluatePurchase(facts, rate, null, rules);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    applied = result.contributions.length;
  }
  times.sort((a, b) => a - b);
  process.stdout.write(
    `evaluation alone (10 lines x 50 rules, ${applied} contributions, ${EVALUATIONS} runs): ` +
      `p50 ${(percentile(times, 50) * 1000).toFixed(1)} us  p99 ${(percentile(times, 99) * 1000).toFixed(1)} us  max ${(times[times.length - 1] * 1000).toFixed(0)} us ` +
      `(target p99 < 1000 us: ${percentile(times, 99) < 1 ? 'met' : 'MISSED'})\n`,
  );
}

async function overHttp(): Promise<void> {
  const { url, adminToken, child } = await startBenchGateway(BENCH_DB, PORT, Math.max(10, CLIENTS));
  try {
    const { key, storeId, customers } = await setUpProgram(url, adminToken, 500);
    const input = (customerId: string) => ({ customerId, storeId, channel: 'POS', lines: LINES });

    const previews: number[] = [];
    for (let i = 0; i < 1_000; i += 1) {
      const t0 = process.hrtime.bigint();
      await graphql(
        url,
        key,
        `
          query ($input: PreviewPurchaseInput!) {
            previewPurchase(input: $input) {
              totalPoints
            }
          }
        `,
        { input: input(customers[i % customers.length]) },
      );
      if (i >= 100) previews.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    previews.sort((a, b) => a - b);
    process.stdout.write(
      `previewPurchase over HTTP, one client: p50 ${percentile(previews, 50).toFixed(2)} ms  p99 ${percentile(previews, 99).toFixed(2)} ms\n`,
    );

    const latencies: number[] = [];
    let errors = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = client; Date.now() < deadline; i += CLIENTS) {
          const t0 = process.hrtime.bigint();
          try {
            await graphql(
              url,
              key,
              `
                mutation ($input: RecordPurchaseInput!) {
                  recordPurchase(input: $input) {
                    totalPoints
                  }
                }
              `,
              {
                input: {
                  ...input(customers[i % customers.length]),
                  orderId: randomUUID(),
                  idempotencyKey: randomUUID(),
                },
              },
            );
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          } catch {
            errors += 1;
          }
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    process.stdout.write(
      `recordPurchase over HTTP, ${CLIENTS} clients, ${SECONDS} s: ${(latencies.length / elapsed).toFixed(0)} purchases/s  ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  (${latencies.length} ok, ${errors} errors)\n`,
    );
  } finally {
    child?.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  evaluationAlone();
  await overHttp();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
