import type Database from 'better-sqlite3';

/**
 * One row per event. The envelope holds the canonical bytes exactly as hashed; the other
 * columns are copies of envelope fields kept only for lookups and ordering.
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
    hash      BLOB    NOT NULL,
    envelope  BLOB    NOT NULL,
    UNIQUE (stream, revision)
  );
  CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

export type Durability = 'FULL' | 'NORMAL';

export const openEventDatabase = (db: Database.Database, durability: Durability): void => {
  if (!db.memory) db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability}`);
  // Several processes may share the file: wait for the writer lock instead of failing at once.
  db.pragma('busy_timeout = 10000');
  db.exec(EVENTS_TABLE_SQL);
};
