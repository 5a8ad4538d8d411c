import type Database from 'better-sqlite3';
import { openDataDirDatabase } from '../shared/data-dir-database';

export interface LeaseGrant {
  holder: string;
  /** Epoch ms after which another process may take the lease. */
  expiresAt: number;
  /** Grows by one at every change of holder: a fencing token for what the holder writes. */
  term: number;
}

/**
 * The leases of the single-writer duties (checkpoint signing, the deadline scheduler, webhook delivery), one
 * row per duty in DATA_DIR/leases.sqlite, shared by every process on that directory. A holder renews its row
 * before it expires; a row past its expiry may be taken by anyone. Each decision is one IMMEDIATE transaction,
 * so two processes never both believe they hold a duty.
 */
export class LeaseStore {
  private readonly db: Database.Database;
  private readonly claimTx;
  private readonly releaseStatement;
  private readonly listStatement;

  constructor(dataDir: string) {
    this.db = openDataDirDatabase(dataDir, 'leases.sqlite', 'FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS leases (duty TEXT PRIMARY KEY, holder TEXT NOT NULL,
      expires_at INTEGER NOT NULL, term INTEGER NOT NULL)`);
    const read = this.db.prepare('SELECT holder, expires_at AS expiresAt, term FROM leases WHERE duty = ?');
    const write = this.db.prepare(
      'INSERT INTO leases VALUES (?, ?, ?, ?) ON CONFLICT (duty) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at, term = excluded.term',
    );
    this.claimTx = this.db.transaction((duty: string, holder: string, now: number, ttlMs: number) => {
      const current = read.get(duty) as LeaseGrant | undefined;
      if (current && current.holder !== holder && current.expiresAt > now) return undefined;
      const term = current ? (current.holder === holder ? current.term : current.term + 1) : 1;
      const grant = { holder, expiresAt: now + ttlMs, term };
      write.run(duty, holder, grant.expiresAt, term);
      return grant;
    });
    this.releaseStatement = this.db.prepare('UPDATE leases SET expires_at = 0 WHERE duty = ? AND holder = ?');
    this.listStatement = this.db.prepare('SELECT duty, holder, expires_at AS expiresAt, term FROM leases');
  }

  /** Takes or renews the lease for `ttlMs`; undefined while another holder's lease runs. */
  claim(duty: string, holder: string, ttlMs: number, now = Date.now()): LeaseGrant | undefined {
    return this.claimTx.immediate(duty, holder, now, ttlMs);
  }

  /** Gives the lease up at once (a clean shutdown), so another process need not wait for it to expire. */
  release(duty: string, holder: string): void {
    this.releaseStatement.run(duty, holder);
  }

  all(): (LeaseGrant & { duty: string })[] {
    return this.listStatement.all() as (LeaseGrant & { duty: string })[];
  }

  close(): void {
    this.db.close();
  }
}
