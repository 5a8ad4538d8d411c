/**
 * A push-to-pull bridge for callback sources (a Node stream, a client's events) with a
 * bound: `onFull` is told when the consumer lags by `highWaterMark` items so the producer can pause.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private ended = false;
  private failure: unknown;
  private wake?: () => void;

  constructor(
    private readonly highWaterMark = 1000,
    private readonly onFull: () => void = () => undefined,
    private readonly onDrained: () => void = () => undefined,
  ) {}

  push(item: T): void {
    if (this.ended) return;
    this.items.push(item);
    if (this.items.length === this.highWaterMark) this.onFull();
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  fail(error: unknown): void {
    this.failure = error;
    this.end();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.items.length > 0) {
        const item = this.items.shift() as T;
        if (this.items.length === Math.floor(this.highWaterMark / 2)) this.onDrained();
        yield item;
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}
