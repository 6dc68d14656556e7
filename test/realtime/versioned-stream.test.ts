import { randomUUID } from 'node:crypto';

import { Topic } from '../../src/realtime/pubsub';
import { followStreamEvents, recordStreamEvent } from '../../src/realtime/versioned-stream';
import { createTenant, startGateway, type TestGateway } from '../support';

/** The catch-up every versioned subscription shares, driven directly: record events, then follow the stream. */
describe('versioned streams (recordStreamEvent + followStreamEvents)', () => {
  let gw: TestGateway;
  let tenantId: string;

  beforeAll(async () => {
    gw = await startGateway();
    tenantId = (await createTenant(gw)).tenantId;
  });
  afterAll(() => gw.close());

  const record = (stream: string, n: number) =>
    gw.gateway.orm.em.fork().transactional(async (tx) => {
      const versions: number[] = [];
      for (let i = 0; i < n; i += 1) {
        versions.push(
          await recordStreamEvent(tx, {
            tenantId,
            topic: Topic.TEAM_ALERT,
            stream,
            routingKey: `${tenantId}:${stream}`,
            payload: { note: `event ${i}` },
          }),
        );
      }
      return versions;
    });

  /** Resolves once the stream read its start (`current`) `times` times: what is recorded after that is live. */
  let started: (times: number) => Promise<void> = () => Promise.resolve();
  const follow = (stream: string, sinceVersion: number | null) => {
    let calls = 0;
    const waiters: [number, () => void][] = [];
    started = (times) => new Promise((resolve) => (calls >= times ? resolve() : waiters.push([times, resolve])));
    return followStreamEvents<{ note: string }, { version: number; source: string; note: string }>({
      bus: gw.gateway.bus,
      em: () => gw.gateway.orm.em.fork(),
      topic: Topic.TEAM_ALERT,
      stream,
      routingKey: `${tenantId}:${stream}`,
      sinceVersion,
      toItem: (payload, source) => ({ version: payload.version, source, note: payload.note }),
      current: () => {
        calls += 1;
        for (const [times, resolve] of waiters) if (calls >= times) resolve();
        return Promise.resolve([]);
      },
    });
  };

  it('numbers each stream 1, 2, 3... and replays what a client missed, then goes live, each once and in order', async () => {
    const stream = `test:${randomUUID()}`;
    expect(await record(stream, 3)).toEqual([1, 2, 3]);
    expect(await record(`test:${randomUUID()}`, 1)).toEqual([1]);

    const resumed = follow(stream, 1);
    const first = [await resumed.next(), await resumed.next()].map(
      (r) => r.value as { version: number; source: string },
    );
    expect(first.map((item) => [item.version, item.source])).toEqual([
      [2, 'MISSED'],
      [3, 'MISSED'],
    ]);
    const next = resumed.next();
    await record(stream, 1);
    expect(((await next).value as { version: number; source: string }).version).toBe(4);
    expect(((await next).value as { source: string }).source).toBe('LIVE');
    await resumed.return?.();
  });

  it('without sinceVersion (or with one the stream never had) starts from now: only later events arrive', async () => {
    const stream = `test:${randomUUID()}`;
    await record(stream, 2);
    for (const since of [null, 99]) {
      const live = follow(stream, since);
      const next = live.next();
      await started(1);
      const [version] = await record(stream, 1);
      expect(await next).toEqual({ done: false, value: { version, source: 'LIVE', note: 'event 0' } });
      await live.return?.();
    }
  });

  it('replays nothing missing: a pruned version in the gap starts the client from now instead', async () => {
    const stream = `test:${randomUUID()}`;
    await record(stream, 3);
    await gw.gateway.orm.em.fork().execute(`delete from outbox_event where stream = ? and version = 2`, [stream]);
    const resumed = follow(stream, 1);
    const next = resumed.next();
    // Nothing is replayed (version 2 is gone): the stream reads where it is now (a second `current`) and
    // the next live event is the first thing sent.
    await started(2);
    await record(stream, 1);
    expect((await next).value).toEqual({ version: 4, source: 'LIVE', note: 'event 0' });
    await resumed.return?.();
  });
});
