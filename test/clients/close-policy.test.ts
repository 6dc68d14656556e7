import 'reflect-metadata';

import { Observable, type Subscriber } from 'rxjs';

import {
  afterClose,
  type CloseInfo,
  type GatewayClient,
  TOO_MANY_CONNECTIONS_WAIT_MS,
} from '../../examples/lib/client';
import { type FollowEnd, followLoyaltyState } from '../../examples/lib/resume';
import { type LoyaltyStateFieldsFragment, PosLoyaltyStateChangedDocument } from '../../schema/operations/generated';
import { CloseReason, ownReason } from '../../src/realtime/close-codes';

// The reasons exactly as the gateway sends them, so a change of wording there breaks the client's parse here.
const rateLimited = (seconds: number): CloseInfo => ({ code: 4429, reason: CloseReason.rateLimited(seconds) });
const tooMany: CloseInfo = { code: 4429, reason: CloseReason.tooManyConnections(2) };
const secondInit: CloseInfo = { code: 4429, reason: ownReason(4429, 3000, 65_536)! };
const internal: CloseInfo = { code: 4500, reason: ownReason(4500, 3000, 65_536)! };
const expired: CloseInfo = { code: 4401, reason: CloseReason.TOKEN_EXPIRED };

describe('what a client does after a close (docs/api/realtime.md#close-codes)', () => {
  it('waits the seconds 4429 RATE_LIMITED gives, long for TOO_MANY_CONNECTIONS, and retries 4500 with back-off', () => {
    expect(afterClose(rateLimited(7))).toEqual({ retry: true, minDelayMs: 7000 });
    expect(afterClose(rateLimited(42))).toEqual({ retry: true, minDelayMs: 42_000 });
    expect(afterClose(tooMany)).toEqual({ retry: true, minDelayMs: TOO_MANY_CONNECTIONS_WAIT_MS });
    expect(afterClose(internal)).toEqual({ retry: true, minDelayMs: 0 });
    expect(afterClose({ code: 1006, reason: '' })).toEqual({ retry: true, minDelayMs: 0 });
  });

  it('stops on a second connection_init (4429 BAD_REQUEST), an expired token and the other terminal codes', () => {
    for (const close of [
      secondInit,
      expired,
      { code: 4403, reason: CloseReason.KEY_REVOKED },
      { code: 1009, reason: '' },
    ]) {
      expect(afterClose(close)).toEqual({ retry: false });
    }
  });
});

/** A GatewayClient whose subscriptions the test drives, with the last close it reports. */
function fakeClient() {
  const observers: Subscriber<{ data?: unknown; error?: unknown }>[] = [];
  let close: CloseInfo | undefined;
  const client = {
    apollo: { subscribe: () => new Observable((observer) => void observers.push(observer)) },
    lastClose: () => close,
    onReconnected: () => () => undefined,
  } as unknown as GatewayClient;
  return {
    client,
    latest: () => observers[observers.length - 1],
    subscriptions: () => observers.length,
    setClose: (value: CloseInfo | undefined) => (close = value),
  };
}

const state = (version: number): { data: { loyaltyStateChanged: LoyaltyStateFieldsFragment } } => ({
  data: { loyaltyStateChanged: { version, source: 'LIVE' } as LoyaltyStateFieldsFragment },
});

describe('followLoyaltyState retries (examples/lib/resume.ts)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function follow(fake: ReturnType<typeof fakeClient>) {
    const retries: { attempt: number; delayMs: number }[] = [];
    let end: FollowEnd | undefined;
    const follower = followLoyaltyState(fake.client, PosLoyaltyStateChangedDocument, {
      customerId: 'c1',
      sinceVersion: 1,
      onState: () => undefined,
      onRetry: (attempt, delayMs) => retries.push({ attempt, delayMs }),
      backoff: { initialMs: 1000, maxMs: 8000 },
    });
    void follower.ended.then((value) => (end = value));
    return { follower, retries, ended: () => end };
  }

  it('backs off, more each time, when the server keeps sending a version gap', () => {
    const fake = fakeClient();
    const { follower, retries } = follow(fake);
    for (let i = 0; i < 4; i += 1) {
      fake.latest().next(state(5)); // after version 1: a gap
      jest.advanceTimersByTime(retries[i].delayMs);
    }
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    // Half of each ceiling (1, 2, 4, 8 s) at least: never at once.
    retries.forEach((r, i) => expect(r.delayMs).toBeGreaterThanOrEqual(500 * 2 ** i));
    expect(fake.subscriptions()).toBe(5);
    follower.stop();
  });

  it('resubscribes after 4429 RATE_LIMITED no sooner than the reason says, and not before', async () => {
    const fake = fakeClient();
    const { follower, retries, ended } = follow(fake);
    fake.setClose(rateLimited(7));
    fake.latest().error(new Error('socket closed'));
    expect(retries).toHaveLength(1);
    expect(retries[0].delayMs).toBeGreaterThanOrEqual(7000);
    jest.advanceTimersByTime(6999);
    expect(fake.subscriptions()).toBe(1);
    jest.advanceTimersByTime(retries[0].delayMs - 6999);
    expect(fake.subscriptions()).toBe(2);
    await Promise.resolve();
    expect(ended()).toBeUndefined();
    follower.stop();
  });

  it('waits long after TOO_MANY_CONNECTIONS, retries 4500 with back-off, and ends on an expired token', async () => {
    const fake = fakeClient();
    const { retries, ended } = follow(fake);
    fake.setClose(tooMany);
    fake.latest().error(new Error('socket closed'));
    expect(retries[0].delayMs).toBeGreaterThanOrEqual(TOO_MANY_CONNECTIONS_WAIT_MS);
    jest.advanceTimersByTime(retries[0].delayMs);

    fake.setClose(internal);
    fake.latest().error(new Error('socket closed'));
    expect(retries[1]).toMatchObject({ attempt: 2 });
    expect(retries[1].delayMs).toBeLessThanOrEqual(2000);
    jest.advanceTimersByTime(retries[1].delayMs);

    fake.setClose(expired);
    fake.latest().error(new Error('socket closed'));
    await Promise.resolve();
    expect(retries).toHaveLength(2);
    expect(ended()).toMatchObject({ kind: 'fatal', close: expired });
  });
});
