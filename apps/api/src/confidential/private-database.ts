import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDataDirDatabase } from '../shared/data-dir-database';

/**
 * A store of what must not be in the log (keys, sources): readable by the server's user only, durable,
 * and zeroing what it deletes, so a destroyed key or an erased source does not linger in the file.
 */
export const openPrivateDatabase = (dataDir: string, file: string): Database.Database => {
  const db = openDataDirDatabase(dataDir, file, 'FULL');
  if (dataDir !== ':memory:') chmodSync(join(dataDir, file), 0o600);
  db.pragma('secure_delete = ON');
  return db;
};
