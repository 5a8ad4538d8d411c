import type Database from 'better-sqlite3';
import { openDataDirDatabase } from '../shared/data-dir-database';

export interface RateLimit {
  /** The bucket: who is counted, for what (e.g. `writes:principal:<id>`). */
  key: string;
  /** Requests per minute, in bursts of as many; 0: unlimited. */
  perMinute: number;
}

export interface Refusal {
  /** Which of the limits asked for is spent. */
  index: number;
  retryAfterSeconds: number;
}

/** A bucket idle this long is full again whatever its rate (it regains perMinute tokens a minute): forgotten. */
const IDLE_MS = 60_000;
const SWEEP_EVERY = 1000;

/**
 * Token buckets (each key may make `perMinute` requests in a burst, and regains one every 60/perMinute seconds),
 * kept in DATA_DIR/rate-limits.sqlite: every api process on the directory counts against the same buckets, so
 * behind N processes a client still gets the configured rate, not N times it. Counts need no durability
 * (synchronous=OFF): a crash forgets a few requests at most.
 */
export class RateLimitStore {
  private readonly db: Database.Database;
  private readonly takeTx: (limits: RateLimit[], now: number) => Refusal | undefined;
  private readonly sweep: Database.Statement;
  private takes = 0;

  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.db = openDataDirDatabase(
      dataDir,
      'rate-limits.sqlite',
      'OFF',
      'it holds only rate counters: delete it and start again',
    );
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS buckets (key TEXT PRIMARY KEY, tokens REAL NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID',
    );
    const read = this.db.prepare('SELECT tokens, at FROM buckets WHERE key = ?');
    const write = this.db.prepare(
      'INSERT INTO buckets VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET tokens = excluded.tokens, at = excluded.at',
    );
    this.sweep = this.db.prepare('DELETE FROM buckets WHERE at < ?');
    const take = this.db.transaction((limits: RateLimit[], now: number): Refusal | undefined => {
      const left: number[] = [];
      for (const [index, { key, perMinute }] of limits.entries()) {
        const perMs = perMinute / 60_000;
        const stored = read.get(key) as { tokens: number; at: number } | undefined;
        const tokens = stored ? Math.min(perMinute, stored.tokens + Math.max(0, now - stored.at) * perMs) : perMinute;
        // All or none: a refused request takes nothing from the other buckets either.
        if (tokens < 1) return { index, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
        left.push(tokens - 1);
      }
      limits.forEach(({ key }, i) => write.run(key, left[i], now));
      return undefined;
    });
    this.takeTx = (limits, now) => take.immediate(limits, now);
  }

  /** Takes one request from each bucket, or from none: the first spent one and when to retry. */
  take(limits: RateLimit[]): Refusal | undefined {
    const counted = limits.filter((l) => l.perMinute > 0);
    if (counted.length === 0) return undefined;
    const now = this.now();
    const refusal = this.takeTx(counted, now);
    if (++this.takes % SWEEP_EVERY === 0) this.sweep.run(now - IDLE_MS);
    return refusal && { ...refusal, index: limits.indexOf(counted[refusal.index]) };
  }

  close(): void {
    this.db.close();
  }
}
