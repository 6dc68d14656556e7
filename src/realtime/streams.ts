/**
 * Maps (and filters, with `undefined`) an event stream, passing an unsubscribe through to the source at
 * once: a generator waiting on its source would otherwise never see `return()`, and leak the listener.
 */
export function mapStream<S, T>(source: AsyncIterableIterator<S>, map: (event: S) => T | undefined): AsyncIterableIterator<T> {
  async function* run(): AsyncGenerator<T> {
    for await (const event of source) {
      const mapped = map(event);
      if (mapped !== undefined) yield mapped;
    }
  }
  const generator = run();
  return {
    next: () => generator.next(),
    return: async (value?: unknown) => {
      await source.return?.();
      return generator.return(value as T);
    },
    throw: async (error?: unknown) => {
      await source.return?.();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
