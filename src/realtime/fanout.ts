import {
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  Kind,
  type OperationDefinitionNode,
  print,
  visit,
} from 'graphql';
import type { WebSocket } from 'ws';

import { type Context, releaseRequestState } from '../shared/context';
import { CATCH_UP_ARGUMENTS, type HubStream, type RealtimeBus } from './pubsub';
import { type Follower, followerOf, type VersionedEvent } from './versioned-stream';

/**
 * How long a group holds a version that came before the one it follows. Both instances' relays publish, so
 * version n+1 may reach Redis just before n; waiting briefly spares every member a read of the outbox.
 */
const GAP_WAIT_MS = 100;

/** Where a subscription's frames go: its socket and graphql-ws's operation id. */
export interface Delivery {
  readonly socket: WebSocket;
  readonly id: string;
}

interface Member {
  readonly follower: Follower;
  readonly live: HubStream<VersionedEvent>;
  readonly socket: WebSocket;
  /** `{"id":"<id>","type":"next","payload":`, built once per subscription. */
  readonly head: Buffer;
  /** Drops what the subscription's context holds (its EntityManager fork, its loaders) while it is parked. */
  readonly release: () => void;
}

/** The operation text and the variables it still uses once catch-up arguments are gone, per document. */
const shapes = new WeakMap<DocumentNode, Map<string, { text: string; variables: string[] }>>();

function shapeOf(document: DocumentNode, operationName: string): { text: string; variables: string[] } {
  let byName = shapes.get(document);
  if (!byName) shapes.set(document, (byName = new Map<string, { text: string; variables: string[] }>()));
  let shape = byName.get(operationName);
  if (shape) return shape;
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      (operationName === '' || definition.name?.value === operationName),
  );
  // Only the root fields' catch-up arguments go: the same name deeper down is an ordinary argument.
  const stripped = operation
    ? visit(operation, {
        Field: {
          enter: (field, _key, _parent, path) => {
            if (path.length !== 3) return undefined;
            return {
              ...field,
              arguments: field.arguments?.filter((argument) => !CATCH_UP_ARGUMENTS.includes(argument.name.value)),
            };
          },
        },
      })
    : document;
  const used = new Set<string>();
  visit(stripped, {
    VariableDefinition: () => false,
    Variable: (variable) => {
      used.add(variable.name.value);
    },
  });
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  shape = { text: [stripped, ...fragments].map((node) => print(node)).join('\n'), variables: [...used].sort() };
  byName.set(operationName, shape);
  return shape;
}

/**
 * What subscriptions share a group by: the operation without its catch-up arguments (`sinceVersion`), and
 * the values of the variables it still uses. Clients resuming from different versions share one.
 */
export function groupKey(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): string {
  const shape = shapeOf(document, operationName ?? '');
  const values = shape.variables.map((name) => [name, variables?.[name] ?? null]);
  return `${operationName ?? ''}\u0000${shape.text}\u0000${JSON.stringify(values)}`;
}

/**
 * Members of a group are executed with one member's context: only callers the API treats alike share one (the
 * same role, and for a till its store; a customer only with itself), so no field can ever answer one caller
 * with what another may see.
 */
function whoFor(contextValue: unknown): string {
  const caller = (contextValue as Partial<Context> | undefined)?.caller;
  if (!caller) return '';
  switch (caller.kind) {
    case 'platform':
      return 'PLATFORM';
    case 'apiKey':
      return `${caller.tenantId}:${caller.role}:${caller.storeId ?? ''}`;
    case 'customer':
      return `${caller.tenantId}:CUSTOMER:${caller.customerId}`;
  }
}

/**
 * A small buffer with memory of its own: `Buffer.from` would slice Node's shared 8 KiB pool, and one long-lived
 * slice keeps the whole pool chunk (with whatever else was allocated from it) alive.
 */
function ownBuffer(text: string): Buffer {
  const buffer = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  buffer.write(text);
  return buffer;
}

function isHubStream(stream: object): stream is HubStream<VersionedEvent> {
  return 'park' in stream && 'channels' in stream;
}

/**
 * Subscribers of one versioned channel with one operation: the event is executed and serialised once, then
 * written to each member's socket in one synchronous loop. A version that overtook the one before it waits
 * for it a little; a member still short of it then (or on a resync) goes back to its own stream, which fills
 * the gap from the outbox through graphql-ws, and parks again.
 */
class Group {
  readonly members = new Set<Member>();
  private readonly queue: unknown[] = [];
  private busy = false;
  private readonly stopListening: () => void;
  /** Versions that came before one they follow (two relays racing), until it comes or GAP_WAIT_MS pass. */
  private readonly held = new Map<number, ExecutionResult>();
  private holdTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly owner: Fanout,
    readonly key: string,
    channel: string,
    private readonly args: ExecutionArgs,
    private readonly fromLive: (event: VersionedEvent) => unknown,
  ) {
    this.stopListening = owner.bus.listen(channel, (payload) => this.onEvent(payload));
  }

  remove(member: Member): void {
    this.members.delete(member);
    if (this.members.size > 0) return;
    this.stopWaiting();
    this.held.clear();
    this.stopListening();
    this.owner.forget(this);
  }

  /** Back to its own stream, handed `payload` to act on (fill a gap, resync). */
  private unpark(member: Member, payload: unknown): void {
    // Its listener is back on the channel before the group's may leave it: Redis stays subscribed.
    member.live.unpark(payload);
    this.remove(member);
  }

  private onEvent(payload: unknown): void {
    this.queue.push(payload);
    if (!this.busy) this.drain();
  }

  /**
   * Events in arrival order; an execution that returns a promise holds the later ones until it settles. An event
   * the group cannot execute or send sends every member back to its own stream with it, where it fails (or is
   * read from the outbox) for that subscriber alone, as before the groups; the group never stays busy.
   */
  private drain(): void {
    this.busy = true;
    while (this.queue.length > 0) {
      const payload = this.queue.shift()!;
      const event = payload as VersionedEvent;
      if (event.resync || event.version === undefined || this.members.size === 0) {
        this.unparkAll(payload);
        continue;
      }
      let result: ReturnType<typeof execute>;
      try {
        result = execute({ ...this.args, rootValue: this.fromLive(event) });
      } catch {
        this.unparkAll(payload);
        continue;
      }
      if (result instanceof Promise) {
        void result
          .then(
            (settled) => this.deliver(Number(event.version), settled),
            () => this.unparkAll(payload),
          )
          .catch(() => this.unparkAll(payload))
          .finally(() => this.drain());
        return;
      }
      try {
        this.deliver(Number(event.version), result);
      } catch {
        this.unparkAll(payload);
      }
    }
    this.busy = false;
    // What the executions loaded is not kept for the next events.
    releaseRequestState(this.args.contextValue);
  }

  private unparkAll(payload: unknown): void {
    this.held.clear();
    this.stopWaiting();
    for (const member of [...this.members]) this.unpark(member, payload);
  }

  private deliver(version: number, result: ExecutionResult): void {
    const behind = this.send(version, result);
    if (behind) {
      this.held.set(version, result);
      this.holdTimer ??= setTimeout(() => this.giveUpWaiting(), GAP_WAIT_MS).unref();
    }
    // An earlier version that arrived late lets the ones held behind it go out, in order.
    for (const held of [...this.held.keys()].sort((x, y) => x - y)) {
      if (held <= version) continue;
      if (!this.send(held, this.held.get(held)!)) this.held.delete(held);
    }
    if (this.held.size === 0) this.stopWaiting();
  }

  /** Writes version `version` to every member whose next it is; true when a member is short of the one before. */
  private send(version: number, result: ExecutionResult): boolean {
    let tail: Buffer | null = null;
    let behind = false;
    for (const member of this.members) {
      const { follower, socket } = member;
      if (version <= follower.last) continue;
      if (version !== follower.last + 1) {
        behind = true;
        continue;
      }
      // Closing: graphql-ws ends the operation, which takes the member out.
      if (socket.readyState !== socket.OPEN) continue;
      tail ??= Buffer.from(`${JSON.stringify(this.owner.format(result))}}`);
      if (socket.bufferedAmount > this.owner.limit * tail.length) {
        member.live.cut();
        continue;
      }
      socket.send(Buffer.concat([member.head, tail]), { binary: false });
      follower.last = version;
    }
    return behind;
  }

  /** The missing version did not come: members still short of it read what they lack from the outbox. */
  private giveUpWaiting(): void {
    this.holdTimer = null;
    const newest = Math.max(...this.held.keys());
    this.held.clear();
    for (const member of [...this.members]) if (member.follower.last < newest) this.unpark(member, { resync: true });
  }

  private stopWaiting(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
  }
}

/**
 * Live delivery of versioned subscriptions without a promise, generator or serialisation per socket.
 * A subscription joins its group only when its own stream waits on an empty queue: graphql-ws asks for
 * the next value only after its previous frame was written, so whatever it sent (the current state, the
 * catch-up) is already ahead of every direct write in the socket's send order.
 */
export class Fanout {
  private readonly groups = new Map<string, Group>();

  constructor(
    readonly bus: Pick<RealtimeBus, 'listen'>,
    /** The `next` payload graphql-ws would send for a result (errors formatted as `onNext` does). */
    readonly format: (result: ExecutionResult) => unknown,
    /** A socket with more than this many frames of unsent data is cut off. */
    readonly limit: number,
  ) {}

  /** Groups open now (for leak checks). */
  get size(): number {
    return this.groups.size;
  }

  /** Lets a versioned subscription be delivered by its group once it has caught up; others are left as they are. */
  adopt(args: ExecutionArgs, events: object, delivery: Delivery, release: () => void): void {
    const follower = followerOf(events);
    if (!follower || !isHubStream(follower.live) || follower.live.channels.length !== 1) return;
    const live = follower.live;
    const member: Member = {
      follower,
      live,
      socket: delivery.socket,
      head: ownBuffer(`{"id":${JSON.stringify(delivery.id)},"type":"next","payload":`),
      release,
    };
    // The key is made again at each park, not kept: a flat copy of the operation text per member would be.
    live.onIdle = () => this.park(member, args);
  }

  forget(group: Group): void {
    if (this.groups.get(group.key) === group) this.groups.delete(group.key);
  }

  private park(member: Member, args: ExecutionArgs): void {
    const key = `${member.live.channels[0]}\u0000${whoFor(args.contextValue)}\u0000${groupKey(args.document, args.operationName, args.variableValues)}`;
    let group = this.groups.get(key);
    const created = !group;
    if (!group) {
      group = new Group(this, key, member.live.channels[0], args, (event) => member.follower.fromLive(event));
      this.groups.set(key, group);
    }
    const joined = group;
    if (!member.live.park(() => joined.remove(member))) {
      // An empty group made for nothing stops listening again.
      if (created) joined.remove(member);
      return;
    }
    joined.members.add(member);
    member.release();
  }
}
