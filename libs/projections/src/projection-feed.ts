import { type EventFilter, type EventStore, hasReached } from '@ceasefire/event-store';
import type Database from 'better-sqlite3';
import type { ProjectionWorker } from './projection-worker';

/**
 * One catch-up subscription for all projections of the process: each event is read and parsed once,
 * offered to every projection, and committed for all of them in one transaction — in batches while
 * catching up, once per turn of the event loop when live. It starts from the oldest checkpoint;
 * projections already past an event skip it.
 */
export class ProjectionFeed {
  private controller = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private caughtUp = false;
  private buffered = 0;
  private scheduled?: NodeJS.Immediate;
  private restarting: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly workers: ProjectionWorker[],
    private readonly onProgress: () => void,
    private readonly batchSize = 500,
  ) {}

  start(): void {
    this.controller = new AbortController();
    this.caughtUp = false;
    this.running = this.run(this.controller.signal).catch((error: unknown) => this.failAll(error));
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }

  /**
   * Stops, runs `meanwhile` (e.g. un-parking a projection, which the running feed must not see
   * half-way), then starts over from the oldest checkpoint.
   */
  restart(meanwhile: () => void = () => {}): Promise<void> {
    this.restarting = this.restarting.then(async () => {
      await this.stop();
      meanwhile();
      this.start();
    });
    return this.restarting;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const feeding = this.workers.filter((w) => !w.parked);
    if (feeding.length === 0) return;
    const positions = feeding.map((w) => w.position);
    const from = positions.includes(undefined)
      ? undefined
      : positions.reduce((oldest, p) => (hasReached(p, oldest as string) ? oldest : p));
    for await (const message of this.store.subscribeAll({ fromExclusive: from, filter: filterOf(feeding), signal })) {
      if (message.kind === 'event') {
        for (const worker of this.workers) worker.offer(message.event);
        this.buffered++;
        if (this.buffered >= this.batchSize) this.commit();
        else if (this.caughtUp) this.scheduled ??= setImmediate(() => this.commit());
      } else if (message.position !== undefined) {
        for (const worker of this.workers) worker.advance(message.position);
        this.commit();
      }
      if (message.kind === 'caughtUp') {
        this.caughtUp = true;
        for (const worker of this.workers) worker.reachedHead();
        this.onProgress();
      }
    }
    this.commit();
  }

  private commit(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.buffered = 0;
    if (!this.db.open) return;
    try {
      this.db.transaction(() => {
        for (const worker of this.workers) worker.commit();
      })();
    } catch (error) {
      // Each projection catches its own errors, so only the final COMMIT fails here: nothing was written.
      this.failAll(error);
    }
    this.onProgress();
  }

  private failAll(error: unknown): void {
    for (const worker of this.workers.filter((w) => !w.parked)) {
      try {
        worker.failed(error);
      } catch {
        // The database refuses even the parked state: the projection is parked in memory, and health shows it.
      }
    }
    this.onProgress();
  }
}

/** The union of the projections' event types, or no filter when one reads every event. */
const filterOf = (workers: ProjectionWorker[]): EventFilter | undefined => {
  const types = new Set<string>();
  for (const worker of workers) {
    const { handles } = worker.projection;
    if (handles === 'all') return undefined;
    handles.forEach((t) => types.add(t));
  }
  return { eventTypes: [...types] };
};
