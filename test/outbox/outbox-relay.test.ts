import { randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';
import { Client } from 'pg';

import { claimSql } from '../../src/outbox/outbox.relay';
import { Topic } from '../../src/realtime/pubsub';
import {
  createTenant,
  startGateway,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  type TestGateway,
  uniquePrefix,
} from '../support';

let gwA: TestGateway;
let gwB: TestGateway;
let prefix: string;

beforeAll(async () => {
  // Two instances on one database and one Redis: both relays wake on every commit.
  prefix = uniquePrefix('relay');
  [gwA, gwB] = await Promise.all([startGateway({ redisPrefix: prefix }), startGateway({ redisPrefix: prefix })]);
});
afterAll(async () => {
  await Promise.all([gwA.close(), gwB.close()]);
});

describe('outbox relays of two instances', () => {
  it('publish every row exactly once, and the rows of one writer in the order it committed them', async () => {
    const tenant = await createTenant(gwA);
    const routingKey = `${tenant.tenantId}:${randomUUID()}`;
    const redis = new Redis(TEST_REDIS_URL, { enableReadyCheck: false });
    const received: string[] = [];
    redis.on('message', (_channel: string, message: string) => {
      const { writer, seq } = JSON.parse(message) as { writer: number; seq: number };
      received.push(`${writer}:${seq}`);
    });
    try {
      await redis.subscribe(`${prefix}:${Topic.CUSTOMER_UPDATED}:${routingKey}`);
      // 16 writers, half through each instance, each committing 25 rows one after the other (as a customer's
      // versions are): every commit wakes both relays, and a writer's next row often commits during a drain.
      const writers = [gwA, gwB].flatMap((gw, side) =>
        Array.from({ length: 8 }, async (_, index) => {
          const em = gw.gateway.orm.em.fork();
          for (let seq = 1; seq <= 25; seq += 1)
            await em.execute(
              `insert into outbox_event (tenant_id, topic, routing_key, payload, created_at)
               values (?, 'CUSTOMER_UPDATED', ?, jsonb_build_object('writer', ?::int, 'seq', ?::int), now())`,
              [tenant.tenantId, routingKey, side * 8 + index, seq],
            );
        }),
      );
      await Promise.all(writers);
      for (let i = 0; i < 500 && received.length < 400; i += 1) await new Promise((r) => setTimeout(r, 20));
      // A row published twice would arrive after the others.
      await new Promise((r) => setTimeout(r, 300));
      expect(new Set(received).size).toBe(400);
      expect(received).toHaveLength(400);
      for (let writer = 0; writer < 16; writer += 1) {
        const seqs = received.filter((key) => key.startsWith(`${writer}:`)).map((key) => Number(key.split(':')[1]));
        expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      }
    } finally {
      await redis.quit();
    }
  });
});

describe('a relay stalled in the middle of a drain', () => {
  it('holds the others back, so nothing overtakes what it claimed; rows it never marked go out after it, in order', async () => {
    const tenant = await createTenant(gwA);
    const routingKey = `${tenant.tenantId}:${randomUUID()}`;
    const redis = new Redis(TEST_REDIS_URL, { enableReadyCheck: false });
    const received: number[] = [];
    redis.on('message', (_channel: string, message: string) => received.push((JSON.parse(message) as { n: number }).n));
    const stalled = new Client({ connectionString: TEST_DATABASE_URL });
    const writer = new Client({ connectionString: TEST_DATABASE_URL });
    const write = (n: number) =>
      writer.query(
        `insert into outbox_event (tenant_id, topic, routing_key, payload, created_at)
         values ($1, 'CUSTOMER_UPDATED', $2, jsonb_build_object('n', $3::int), now())`,
        [tenant.tenantId, routingKey, n],
      );
    try {
      await Promise.all([stalled.connect(), writer.connect()]);
      await redis.subscribe(`${prefix}:${Topic.CUSTOMER_UPDATED}:${routingKey}`);
      // A relay's drain (the relays' own claim) that then stops, holding the turn and row 1.
      await stalled.query('begin');
      await stalled.query(`select pg_advisory_xact_lock(hashtext('lg:outbox-relay'))`);
      await write(1);
      const claimed = await stalled.query<{ payload: string }>(claimSql(200));
      expect(claimed.rows.map((row) => JSON.parse(row.payload) as unknown)).toEqual([{ n: 1 }]);
      // The next row commits and wakes both running relays.
      await write(2);
      await new Promise((r) => setTimeout(r, 500));
      expect(received).toEqual([]);
      // The stalled relay dies before marking anything published.
      await stalled.query('rollback');
      for (let i = 0; i < 250 && received.length < 2; i += 1) await new Promise((r) => setTimeout(r, 20));
      expect(received).toEqual([1, 2]);
    } finally {
      await Promise.all([redis.quit(), stalled.end(), writer.end()]);
    }
  });
});
