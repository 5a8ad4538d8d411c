import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqliteFile, useWriteAheadLog } from '@ceasefire/event-store';

/**
 * One SQLite file of DATA_DIR, opened as every store there opens its own: in WAL mode (switched safely beside
 * the other processes of the directory), waiting up to 5 s for another process's writer lock, with the durability
 * the store needs. DATA_DIR ':memory:' (tests) gives an in-memory database.
 */
export const openDataDirDatabase = (
  dataDir: string,
  file: string,
  synchronous: 'OFF' | 'NORMAL' | 'FULL',
  /** What an operator does when the file is damaged; most files of DATA_DIR come back only from a backup. */
  whatToDo = 'restore DATA_DIR from a backup',
): Database.Database => {
  const inMemory = dataDir === ':memory:';
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  return openSqliteFile(
    inMemory ? ':memory:' : join(dataDir, file),
    whatToDo,
    (db) => {
      if (!inMemory) useWriteAheadLog(db);
      db.pragma(`synchronous = ${synchronous}`);
    },
    { timeout: 5000 },
  );
};
