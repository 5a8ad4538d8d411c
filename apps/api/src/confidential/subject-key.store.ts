import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openPrivateDatabase } from './private-database';

export const SUBJECT_KEYS = Symbol('SUBJECT_KEYS');

/**
 * Where per-subject keys live: outside the log, so destroying one erases what was sealed under it. This
 * interface is what a KMS adapter implements in production (create = generate a data key, get = decrypt
 * it, destroy = schedule key deletion); the default keeps them in DATA_DIR/subject-keys.sqlite (mode
 * 0600, secure_delete on), which must be backed up apart from the log.
 */
export interface SubjectKeyStore {
  create(): { kid: string; key: Buffer };
  /** The key, or null once destroyed (or never known here). */
  get(kid: string): Buffer | null;
  destroy(kid: string): void;
  close(): void;
}

export class SqliteSubjectKeyStore implements SubjectKeyStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = openPrivateDatabase(dataDir, 'subject-keys.sqlite');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS subject_keys (kid TEXT PRIMARY KEY, key BLOB NOT NULL, created_at TEXT NOT NULL)',
    );
  }

  create(): { kid: string; key: Buffer } {
    const kid = randomBytes(16).toString('hex');
    const key = randomBytes(32);
    this.db.prepare('INSERT INTO subject_keys VALUES (?, ?, ?)').run(kid, key, new Date().toISOString());
    return { kid, key };
  }

  get(kid: string): Buffer | null {
    const row = this.db.prepare('SELECT key FROM subject_keys WHERE kid = ?').get(kid) as { key: Buffer } | undefined;
    return row?.key ?? null;
  }

  destroy(kid: string): void {
    this.db.prepare('DELETE FROM subject_keys WHERE kid = ?').run(kid);
    // The WAL still holds the page with the key until it is checkpointed into the (zeroed) database file.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }
}
