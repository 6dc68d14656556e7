/**
 * A generator that reads `source`, whose `return()` ends the source first: a generator waiting on its
 * source would otherwise never see `return()` (an unsubscribe), and leak the source's listener.
 */
export function endingSourceFirst<T>(
  generator: AsyncGenerator<T>,
  source: AsyncIterator<unknown>,
): AsyncIterableIterator<T> {
  const wrapped: AsyncIterableIterator<T> = {
    next: () => generator.next(),
    return: async (value?: unknown) => {
      await source.return?.();
      return generator.return(value);
    },
    throw: async (error?: unknown) => {
      await source.return?.();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]: () => wrapped,
  };
  return wrapped;
}

/** Maps (and filters, with `undefined`) an event stream; an unsubscribe reaches the source at once. */
export function mapStream<S, T>(
  source: AsyncIterableIterator<S>,
  map: (event: S) => T | undefined,
): AsyncIterableIterator<T> {
  async function* run(): AsyncGenerator<T> {
    for await (const event of source) {
      const mapped = map(event);
      if (mapped !== undefined) yield mapped;
    }
  }
  return endingSourceFirst(run(), source);
}
