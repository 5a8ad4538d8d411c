import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { useWriteAheadLog } from '@ceasefire/event-store';

/**
 * One SQLite file of DATA_DIR, opened as every store there opens its own: in WAL mode (switched safely beside
 * the other processes of the directory), waiting up to 5 s for another process's writer lock, with the durability
 * the store needs. DATA_DIR ':memory:' (tests) gives an in-memory database.
 */
export const openDataDirDatabase = (
  dataDir: string,
  file: string,
  synchronous: 'OFF' | 'NORMAL' | 'FULL',
): Database.Database => {
  const inMemory = dataDir === ':memory:';
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const db = new Database(inMemory ? ':memory:' : join(dataDir, file), { timeout: 5000 });
  if (!inMemory) useWriteAheadLog(db);
  db.pragma(`synchronous = ${synchronous}`);
  return db;
};
