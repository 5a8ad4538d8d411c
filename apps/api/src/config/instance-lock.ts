import { join } from 'node:path';
import Database from 'better-sqlite3';

let held: Database.Database | undefined;

/**
 * One process per DATA_DIR: two would both sign checkpoints, both run the scheduler and deliver every
 * webhook twice. The lock is an exclusive transaction held open on a file of its own, so the operating
 * system releases it when the process ends, however it ends (a killed process leaves no stale lock).
 */
export const holdInstanceLock = (dataDir: string): void => {
  if (dataDir === ':memory:' || held) return;
  const db = new Database(join(dataDir, 'instance.lock'), { timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new Error(
        `another Ceasefire Ledger process already runs on DATA_DIR ${dataDir}; stop it first (one process per DATA_DIR)`,
        { cause: error },
      );
    throw error;
  }
  held = db;
};
