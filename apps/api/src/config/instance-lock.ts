import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const held: Database.Database[] = [];

/**
 * Holds an exclusive lock on `file` for the life of the process, or answers false when another process holds
 * it. The lock is an exclusive transaction left open, so the operating system releases it when the process
 * ends, however it ends (a killed process leaves no stale lock).
 */
const holdFileLock = (file: string): boolean => {
  const db = new Database(file, { timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  }
  held.push(db);
  return true;
};

/**
 * One ROLE=all process per DATA_DIR: two would both keep DATA_DIR's read models and fight over them.
 * (Processes of the api and worker roles keep read models of their own; see holdReplicaDir.)
 */
export const holdInstanceLock = (dataDir: string): void => {
  if (dataDir === ':memory:') return;
  if (!holdFileLock(join(dataDir, 'instance.lock')))
    throw new Error(
      `another Ceasefire Ledger process with ROLE=all already runs on DATA_DIR ${dataDir}; stop it first (one ROLE=all process per DATA_DIR; run more as ROLE=api and ROLE=worker)`,
    );
};

/**
 * The read-model directory of an api or worker process: the first of DATA_DIR/replicas/0, 1, 2… that no
 * running process holds. A restarted process takes a directory back and catches up from where its read
 * models stopped instead of rebuilding them; the directories are never more than the processes run at once.
 */
export const holdReplicaDir = (dataDir: string): string => {
  if (dataDir === ':memory:') return dataDir;
  for (let slot = 0; slot < 1000; slot++) {
    const dir = join(dataDir, 'replicas', String(slot));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (holdFileLock(join(dir, 'replica.lock'))) return dir;
  }
  throw new Error(`DATA_DIR ${dataDir} has 1000 replica directories in use; no more processes may start on it`);
};
