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
  private readonly sql;

  constructor(
    private readonly db: Database.Database,
    private readonly afterCommit: () => void,
  ) {
    const statement = (text: string) => db.prepare(text);
    this.sql = {
      begin: statement('BEGIN IMMEDIATE'),
      commit: statement('COMMIT'),
      rollback: statement('ROLLBACK'),
      savepoint: statement('SAVEPOINT append'),
      release: statement('RELEASE append'),
      rollbackTo: statement('ROLLBACK TO append'),
    };
  }

  /** Undoes what the current appender wrote so far; its savepoint stays open for it to go on. */
  undoCurrent(): void {
    this.sql.rollbackTo.run();
  }

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
      this.sql.begin.run();
      for (const p of batch) outcomes.push(this.inSavepoint(p.work));
      this.sql.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.sql.rollback.run();
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
    this.sql.savepoint.run();
    try {
      const value = work();
      this.sql.release.run();
      return { ok: true, value };
    } catch (error) {
      // A full disk or an I/O error makes SQLite roll the whole transaction back by itself: every
      // appender of the group fails with that cause (flush rejects them all), none is half-written.
      if (!this.db.inTransaction) throw error;
      this.sql.rollbackTo.run();
      this.sql.release.run();
      return { ok: false, error };
    }
  }
}
