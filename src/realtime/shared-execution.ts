import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  print,
} from 'graphql';

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * Results already computed for an event, by operation text and variables. Keyed weakly by the event object:
 * every local subscriber of one channel receives the very same object, and it is dropped with the event.
 */
const resultsByEvent = new WeakMap<object, Map<string, Result>>();

/** Each document printed once: websocket.ts hands every subscriber of one query text the same document. */
const printed = new WeakMap<DocumentNode, string>();

function printedOf(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
}

/**
 * graphql-ws's `subscribe`: like graphql-js's, except that subscribers with the same operation and variables
 * share one execution per event, so fanning an event out to a thousand subscribers executes it once, not a
 * thousand times. Safe because subscription payload types resolve from the event alone: authorization is
 * decided when the subscription starts, never per event. `onSource` sees the source stream before the first
 * event (the fan-out adopts versioned ones there).
 */
export async function subscribeSharingExecution(
  args: ExecutionArgs,
  onSource?: (events: AsyncIterableIterator<unknown>) => void,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const events = source as AsyncIterableIterator<unknown>;
  onSource?.(events);
  // Made on first use: a subscription a fan-out group delivers for never needs it.
  let key: string | undefined;
  const resultFor = (event: unknown): Result => {
    const run = () => execute({ ...args, rootValue: event });
    if (typeof event !== 'object' || event === null) return run();
    key ??= `${args.operationName ?? ''}\u0000${printedOf(args.document)}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    let byOperation = resultsByEvent.get(event);
    if (!byOperation) resultsByEvent.set(event, (byOperation = new Map<string, Result>()));
    let result = byOperation.get(key);
    if (!result) byOperation.set(key, (result = run()));
    return result;
  };
  const shared: AsyncIterableIterator<ExecutionResult> = {
    next: async () => {
      const step = await events.next();
      return step.done ? { value: undefined, done: true } : { value: await resultFor(step.value), done: false };
    },
    return: async () => {
      await events.return?.();
      return { value: undefined, done: true };
    },
    throw: async (error?: unknown) => {
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return shared;
    },
  };
  return shared;
}
