import Database from 'better-sqlite3';

/** What SQLite answers when a file is not a database, or no longer a sound one. */
const DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

export class DamagedDatabaseFile extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    whatToDo: string,
  ) {
    super(`${path} is not a SQLite database it can read (${code}): ${whatToDo}`);
    this.name = 'DamagedDatabaseFile';
  }
}

/**
 * Opens a SQLite file and configures it. SQLite opens any file lazily and only fails on the first
 * statement, with a message that names no file: a damaged one is reported with its path and what
 * to do about it (`whatToDo`), never silently replaced.
 */
export const openSqliteFile = (
  path: string,
  whatToDo: string,
  configure: (db: Database.Database) => void,
  options?: Database.Options,
): Database.Database => {
  const db = new Database(path, options);
  try {
    configure(db);
    return db;
  } catch (error) {
    db.close();
    const code = String((error as { code?: unknown })?.code ?? '');
    throw DAMAGED.has(code) ? new DamagedDatabaseFile(path, code, whatToDo) : error;
  }
};
