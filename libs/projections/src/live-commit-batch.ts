import type Database from 'better-sqlite3';

/**
 * Live projections that have events waiting commit them in one transaction of the read-model
 * database per turn of the event loop, instead of one each: each projection's part is a savepoint
 * (better-sqlite3 nests transactions that way), so one that fails parks alone and the others commit.
 */
export class LiveCommitBatch {
  private readonly waiting = new Set<LiveWorker>();
  private scheduled?: NodeJS.Immediate;

  constructor(private readonly db: Database.Database) {}

  schedule(worker: LiveWorker): void {
    this.waiting.add(worker);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = undefined;
    const workers = [...this.waiting];
    this.waiting.clear();
    if (!this.db.open) return;
    try {
      this.db.transaction(() => {
        for (const worker of workers) worker.commitBuffered();
      })();
    } catch (error) {
      // Only the final COMMIT can fail here (each worker catches its own errors): nothing was written.
      for (const worker of workers) {
        try {
          worker.failed(error);
        } catch {
          // The database refuses even the parked state: the worker is parked in memory, and health shows it.
        }
      }
    }
  }
}

interface LiveWorker {
  commitBuffered(): void;
  failed(error: unknown): void;
}
