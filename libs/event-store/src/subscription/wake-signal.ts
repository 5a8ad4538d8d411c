import type { EventFilter } from '../port/event-store.port';

/** What one commit wrote: enough to tell a filtered subscriber whether it has anything to read. */
export interface Written {
  categories: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

/** Whether a commit may hold events the filter lets through (never says no when it might). */
export const mayMatch = (filter: EventFilter, written: Written): boolean =>
  (!filter.categories || filter.categories.some((c) => written.categories.has(c))) &&
  (!filter.eventTypes || filter.eventTypes.some((t) => written.types.has(t)));

/**
 * Lets live subscribers sleep until a commit in this process wakes them, or a timeout passes
 * (another process may have written), or their subscription is aborted. A filtered subscriber
 * sleeps through commits that hold nothing for it; its timeout still moves its checkpoint on.
 */
export class WakeSignal {
  private waiters = new Map<() => void, EventFilter | undefined>();
  /** Counts notifications, so a subscriber that was busy when one came does not sleep through it. */
  private notified = 0;

  /** Taken before a read; passed to `wait`, which then returns at once if a commit came since. */
  get version(): number {
    return this.notified;
  }

  /** `written` undefined: unknown (another connection wrote), so everyone looks. */
  notify(written?: Written): void {
    this.notified++;
    for (const [wake, filter] of [...this.waiters])
      if (!written || !filter || mayMatch(filter, written)) {
        this.waiters.delete(wake);
        wake();
      }
  }

  wait(timeoutMs: number, signal?: AbortSignal, filter?: EventFilter, since = this.notified): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal?.aborted || since !== this.notified) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.set(done, filter);
    });
  }
}
