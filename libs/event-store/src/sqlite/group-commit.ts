import type Database from 'better-sqlite3';

interface Pending<T> {
  work: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Appends that arrive while one is being scheduled share one write transaction, hence one
 * fsync. Each runs in its own savepoint, so one appender's conflict or bad input rolls back
 * only its own rows and every appender gets its own outcome.
 */
export class GroupCommit {
  private queue: Pending<unknown>[] = [];
  private scheduled = false;

  constructor(
    private readonly db: Database.Database,
    private readonly afterCommit: () => void,
  ) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Pending<unknown>);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits whatever is queued now; also called on close so no accepted append is dropped. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const p of batch) outcomes.push(this.inSavepoint(p.work));
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
    this.afterCommit();
  }

  private inSavepoint(work: () => unknown): { ok: true; value: unknown } | { ok: false; error: unknown } {
    this.db.exec('SAVEPOINT append');
    try {
      const value = work();
      this.db.exec('RELEASE append');
      return { ok: true, value };
    } catch (error) {
      this.db.exec('ROLLBACK TO append');
      this.db.exec('RELEASE append');
      return { ok: false, error };
    }
  }
}
