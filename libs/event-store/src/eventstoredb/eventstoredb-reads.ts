import type { StreamingRead } from '@eventstore/db-client';

/**
 * Iterates a client read and, when the caller leaves early (break, return, throw), cancels its gRPC
 * call and lets the client's stream run out. Destroying the client's stream instead leaves the call
 * open on its HTTP/2 connection (a server allows about 100 of those per connection before nothing on
 * it answers), or, when the server had already finished, leaves the call's stream unended, so the
 * client's `dispose()` waits for it for ever.
 */
export async function* readToEnd<T>(reading: StreamingRead<T>): AsyncGenerator<T> {
  const items = reading[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      const next = await items.next();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } catch (error) {
    done = true;
    throw error;
  } finally {
    if (!done) {
      await reading.cancel();
      await runOut(items);
    }
  }
}

/** What the server had sent before the cancel is bounded by HTTP/2 flow control; after it the stream ends. */
const runOut = async <T>(items: AsyncIterator<T>): Promise<void> => {
  const limit = new Promise<'late'>((resolve) => setTimeout(resolve, 2000, 'late').unref());
  try {
    for (;;) {
      const next = await Promise.race([items.next(), limit]);
      if (next === 'late' || next.done) break;
    }
  } catch {
    // The cancelled call's own error: nothing more will come.
  } finally {
    await items.return?.();
  }
};
