import Database from 'better-sqlite3';

/**
 * Read models live in their own SQLite file beside (not inside) the log: they can be deleted and
 * rebuilt at any time, so NORMAL durability is enough — a lost tail is replayed from the checkpoint.
 */
export const openReadModelDatabase = (path: string): Database.Database => {
  const db = new Database(path);
  if (!db.memory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  return db;
};
