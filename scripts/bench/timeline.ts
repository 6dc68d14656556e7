import 'reflect-metadata';

import { createHmac, randomUUID } from 'node:crypto';

import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { encodeCursor } from '../../src/shared/graphql/connection';
import { createLogger } from '../../src/shared/logger';
import { admin, databaseUrl, graphql, option, percentile, recreateDatabase } from './lib';

/**
 * `npm run bench:timeline [-- --events 100000 --batches 40 --smoke]`
 *
 * A gateway in this process on a fresh database, one customer with 100 thousand timeline events:
 * p50/p99 of the first page of 50 and of a page 90,000 events deep (through its cursor), over HTTP;
 * the SQL statements one request makes for 20 customers with their timelines, against 1 customer;
 * and ingestion throughput for signed batches of 500 events. Ends with one summary line. `--smoke`: 2,000 events,
 * 2 batches.
 */
const EVENTS = option('events', 100_000, 2_000);
const BATCHES = option('batches', 40, 2);
// The deep page sits nine tenths of the way down the heavy customer's timeline.
const DEEP = Math.floor(EVENTS * 0.9);
const BENCH_DB = process.env.BENCH_DATABASE ?? 'loyalty_bench_timeline';
const ADMIN = `bench-${randomUUID()}`;

async function timeIt(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 20; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function main(): Promise<void> {
  await recreateDatabase(BENCH_DB);
  const config = loadConfig({
    NODE_ENV: 'production',
    ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'warn',
    LEDGER_JOBS_INTERVAL_MS: '0',
    TIER_JOBS_INTERVAL_MS: '0',
    DB_POOL_MAX: '10',
  });
  const gateway = await createApp(config, databaseUrl(BENCH_DB), createLogger('warn'));
  const port = await gateway.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    const { createTenant } = await graphql<{
      createTenant: { tenant: { id: string }; ownerKey: { secret: string }; ingestSecret: string };
    }>(
      url,
      ADMIN,
      `
        mutation {
          createTenant(input: { name: "Bench", currency: "EUR", timezone: "Europe/Paris" }) {
            tenant {
              id
            }
            ownerKey {
              secret
            }
            ingestSecret
          }
        }
      `,
      {},
    );
    const tenantId = createTenant.tenant.id;
    const key = createTenant.ownerKey.secret;
    const customers: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const { createCustomer } = await graphql<{ createCustomer: { id: string } }>(
        url,
        key,
        `
          mutation ($e: String) {
            createCustomer(input: { email: $e }) {
              id
            }
          }
        `,
        { e: `member-${i}@example.com` },
      );
      customers.push(createCustomer.id);
    }
    const heavy = customers[0];
    const seeded = Date.now();
    await admin(BENCH_DB, async (client) => {
      await client.query(
        `insert into timeline_event (id, tenant_id, customer_id, kind, source, source_event_id, channel, actor, occurred_at, summary, data, created_at)
         select uuid_generate_v7(), $1, $2, (array['INTERACTION','SUPPORT_CASE','NOTE','BILLING']::timeline_kind[])[1 + g % 4], 'crm', 'seed-' || g,
                (array['WEB','AGENT','POS','MOBILE'])[1 + g % 4], 'seed', date_trunc('milliseconds', now() - make_interval(secs => g * 600)),
                'seeded event ' || g, jsonb_build_object('n', g), now()
           from generate_series(1, $3) g`,
        [tenantId, heavy, EVENTS],
      );
      await client.query(
        `insert into timeline_event (id, tenant_id, customer_id, kind, source, channel, actor, occurred_at, summary, data, created_at)
         select uuid_generate_v7(), $1, c, 'NOTE', 'gateway', 'AGENT', 'seed', date_trunc('milliseconds', now() - make_interval(secs => g * 60)), 'note ' || g, '{}', now()
           from unnest($2::uuid[]) c cross join generate_series(1, 30) g`,
        [tenantId, customers.slice(1)],
      );
      await client.query('vacuum analyze timeline_event');
    });
    process.stdout.write(
      `seeded ${EVENTS} events for one customer (30 for 19 others) in ${((Date.now() - seeded) / 1000).toFixed(1)} s\n`,
    );
    // Each seeded event also wrote an outbox row (timelineEventAdded): let the gateway relay them all first,
    // so the reads below are timed alone.
    const relayed = Date.now();
    const unpublished = () =>
      admin(BENCH_DB, async (client) => {
        // count(*) is a bigint, which pg returns as a string.
        const { rows } = await client.query<{ n: string }>(
          `select count(*) as n from outbox_event where published_at is null`,
        );
        return Number(rows[0].n);
      });
    while ((await unpublished()) > 0) {
      await new Promise((r) => setTimeout(r, 200));
    }
    process.stdout.write(
      `relayed the ${EVENTS + 19 * 30} outbox events of the seed in ${((Date.now() - relayed) / 1000).toFixed(1)} s\n`,
    );

    const PAGE = `query ($id: ID!, $after: String) { customer(id: $id) { timeline(first: 50, after: $after) { edges { node { id kind summary occurredAt } } pageInfo { endCursor } } } }`;
    const first = await timeIt(300, () => graphql(url, key, PAGE, { id: heavy }));
    const deepRow = await admin(
      BENCH_DB,
      async (client) =>
        (
          await client.query<{ id: string; occurred_at: Date }>(
            `select id, occurred_at from timeline_event where tenant_id = $1 and customer_id = $2 order by occurred_at desc, id desc offset $3 limit 1`,
            [tenantId, heavy, DEEP],
          )
        ).rows[0],
    );
    const deepCursor = encodeCursor({ at: new Date(deepRow.occurred_at), id: deepRow.id });
    const deep = await timeIt(300, () => graphql(url, key, PAGE, { id: heavy, after: deepCursor }));
    process.stdout.write(
      `first page of 50 (${EVENTS} events): p50 ${first.p50.toFixed(2)} ms  p99 ${first.p99.toFixed(2)} ms\n`,
    );
    process.stdout.write(
      `page ${DEEP} deep, through cursor: p50 ${deep.p50.toFixed(2)} ms  p99 ${deep.p99.toFixed(2)} ms\n`,
    );

    const knex = gateway.orm.em.getConnection().getKnex();
    const count = async (ids: string[]) => {
      const statements: string[] = [];
      const onQuery = (query: { sql: string }) => statements.push(query.sql);
      knex.on('query', onQuery);
      try {
        await graphql(
          url,
          key,
          `query { ${ids.map((id, i) => `c${i}: customer(id: "${id}") { id email timeline(first: 10) { edges { node { kind summary } } } }`).join(' ')} }`,
          {},
        );
      } finally {
        knex.off('query', onQuery);
      }
      return statements.length;
    };
    const statements = [await count(customers.slice(0, 1)), await count(customers)];
    process.stdout.write(
      `SQL statements for 1 customer with its timeline: ${statements[0]}; for 20 customers: ${statements[1]}\n`,
    );

    const secret = createTenant.ingestSecret;
    const batch = (n: number) => {
      const body = JSON.stringify({
        events: Array.from({ length: 500 }, (_, i) => ({
          id: `ingest-${n}-${i}`,
          customer: { id: customers[i % customers.length] },
          kind: 'INTERACTION',
          channel: 'WEB',
          occurredAt: new Date(Date.now() - i * 1000).toISOString(),
          actor: 'crm',
          summary: `page view ${i}`,
          data: { path: `/p/${i}` },
        })),
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const deliveryId = `bench-${n}-${timestamp}`;
      return {
        body,
        timestamp,
        deliveryId,
        signature: createHmac('sha256', secret).update(`${timestamp}.crm.${deliveryId}.${body}`).digest('hex'),
      };
    };
    const batches = Array.from({ length: BATCHES }, (_, n) => batch(n));
    const started = process.hrtime.bigint();
    let stored = 0;
    await Promise.all(
      Array.from({ length: 4 }, async (_, lane) => {
        for (let n = lane; n < batches.length; n += 4) {
          const res = await fetch(`http://127.0.0.1:${port}/ingest/crm`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-loyalty-tenant': tenantId,
              'x-loyalty-timestamp': batches[n].timestamp,
              'x-loyalty-delivery': batches[n].deliveryId,
              'x-loyalty-signature': `sha256=${batches[n].signature}`,
            },
            body: batches[n].body,
          });
          stored += ((await res.json()) as { stored: number }).stored;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(
      `ingestion, ${BATCHES} signed batches of 500 over 4 connections: ${(stored / seconds).toFixed(0)} events/s (${stored} stored in ${seconds.toFixed(2)} s)\n`,
    );
    process.stdout.write(
      `timeline: ${EVENTS} events, first page p99 ${first.p99.toFixed(2)} ms, page ${DEEP} deep p99 ${deep.p99.toFixed(2)} ms, ` +
        `${statements[0]} statements for 1 customer and ${statements[1]} for 20, ingestion ${(stored / seconds).toFixed(0)} events/s\n`,
    );
  } finally {
    await gateway.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
