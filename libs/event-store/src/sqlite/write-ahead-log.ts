import type Database from 'better-sqlite3';

/** How long a process starting beside others keeps trying to switch a shared file to WAL. */
const SWITCH_WAIT_MS = 10_000;

/**
 * Switches a database file to WAL, the mode every store of DATA_DIR uses. Processes that start together on one
 * DATA_DIR switch the same new file at once, and SQLite may refuse one of them SQLITE_BUSY despite the busy
 * timeout (it does not wait where waiting could deadlock): the switch is tried again, with growing pauses.
 */
export const useWriteAheadLog = (db: Database.Database, waitMs = SWITCH_WAIT_MS): void => {
  const end = Date.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() + pause > end) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
  }
};
