import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { useWriteAheadLog } from '@ceasefire/event-store';

/**
 * A store of what must not be in the log (keys, sources): readable by the server's user only, durable,
 * and zeroing what it deletes, so a destroyed key or an erased source does not linger in the file.
 */
export const openPrivateDatabase = (dataDir: string, file: string): Database.Database => {
  const path = dataDir === ':memory:' ? ':memory:' : join(dataDir, file);
  if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
  const db = new Database(path);
  if (dataDir !== ':memory:') chmodSync(path, 0o600);
  useWriteAheadLog(db);
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  return db;
};
