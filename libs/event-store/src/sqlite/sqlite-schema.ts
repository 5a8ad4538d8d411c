import type Database from 'better-sqlite3';
import { useWriteAheadLog } from './write-ahead-log';

/**
 * One row per event. The envelope holds the canonical JSON exactly as hashed (TEXT is stored as the
 * same UTF-8 bytes, and reads back without the cost of a Buffer per row); the hash is lower-case hex.
 * The other columns are copies of envelope fields kept only for lookups and ordering.
 * AUTOINCREMENT keeps positions strictly increasing even after the last row is deleted by hand.
 */
export const EVENTS_TABLE_SQL = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id  TEXT    NOT NULL UNIQUE,
    stream    TEXT    NOT NULL,
    category  TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    hash      TEXT    NOT NULL,
    envelope  TEXT    NOT NULL,
    UNIQUE (stream, revision)
  );
  CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

export type Durability = 'FULL' | 'NORMAL';

export const openEventDatabase = (db: Database.Database, durability: Durability): void => {
  // Several processes may share the file: wait for the writer lock instead of failing at once. First,
  // so that two processes opening a new file together wait for each other's switch to WAL too.
  db.pragma('busy_timeout = 10000');
  // TEXT must keep the exact UTF-8 bytes that were hashed (only settable before the first table exists).
  db.pragma("encoding = 'UTF-8'");
  if (!db.memory) useWriteAheadLog(db);
  db.pragma(`synchronous = ${durability}`);
  // Group commits write many scattered index pages per transaction; checkpointing the WAL every
  // 10,000 pages instead of 1,000 amortises the checkpoint's extra fsync. Durability is unchanged.
  db.pragma('wal_autocheckpoint = 10000');
  // Reads of the whole log (catch-up, rebuilds, exports) go through a memory map rather than read() calls.
  db.pragma('mmap_size = 2147418112');
  db.pragma('cache_size = -65536');
  // Each group-committed append runs in a savepoint, whose sub-journal would otherwise be a temp file.
  db.pragma('temp_store = MEMORY');
  db.exec(EVENTS_TABLE_SQL);
};
