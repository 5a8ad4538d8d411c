import { setImmediate as nextTurn } from 'node:timers/promises';

/** Too many heavy reads are waiting: the caller is told to come back (503 with Retry-After). */
export class ReadLaneBusy extends Error {
  readonly code = 'READS_BUSY';
  constructor(readonly retryAfterSeconds: number) {
    super('too many heavy reads are waiting; retry shortly');
  }
}

/**
 * The lane heavy reads (exports, catch-ups, history pages) take, one bounded chunk at a time: at most
 * `width` chunks run at once, and each is followed by a turn of the event loop, so a request like
 * /health waits for at most `width` chunks whatever number of heavy reads are under way.
 */
export class ReadLane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly width: number,
    private readonly maxWaiting: number,
  ) {}

  get queued(): number {
    return this.waiting.length;
  }

  /** Refuses a new heavy read when the queue is full; a read under way is never refused midway. */
  admit(): void {
    if (this.waiting.length >= this.maxWaiting) throw new ReadLaneBusy(1);
  }

  async run<T>(chunk: () => T | Promise<T>): Promise<T> {
    if (this.running >= this.width) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await chunk();
    } finally {
      await nextTurn();
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

export const READ_LANE = Symbol('READ_LANE');
