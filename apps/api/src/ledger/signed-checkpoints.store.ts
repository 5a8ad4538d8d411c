import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { DamagedDatabaseFile, openSqliteFile } from '@ceasefire/event-store';
import { openDataDirDatabase } from '../shared/data-dir-database';

export const SIGNED_CHECKPOINTS = Symbol('SIGNED_CHECKPOINTS');

export interface SignedCheckpoint {
  size: number;
  root: Buffer;
  note: string;
  signedAt: string;
}

/**
 * The checkpoints this log signed and the witnesses' cosignatures of them, in DATA_DIR/checkpoints.sqlite.
 * Not a read model: nothing in the log can give back a witness's signature, and the signer's rule (a new
 * checkpoint extends the last one signed) needs the last one signed, so this file is never rebuilt and is
 * backed up with the log and the keys. Directories written before it existed have these tables in
 * read-models.sqlite; they are copied over once.
 */
export class SignedCheckpointStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = openDataDirDatabase(dataDir, 'checkpoints.sqlite', 'FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS ledger_checkpoints (
        size INTEGER PRIMARY KEY, root BLOB NOT NULL, note TEXT NOT NULL, signed_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ledger_cosignatures (
        size INTEGER NOT NULL, witness TEXT NOT NULL, line TEXT NOT NULL, timestamp INTEGER NOT NULL,
        PRIMARY KEY (size, witness));`);
    if (dataDir !== ':memory:') this.adoptFrom(join(dataDir, 'read-models.sqlite'));
  }

  private adoptFrom(readModels: string): void {
    const empty = (this.db.prepare('SELECT count(*) AS n FROM ledger_checkpoints').get() as { n: number }).n === 0;
    if (!empty || !existsSync(readModels)) return;
    const has = (db: Database.Database, table: string) =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    let old: Database.Database;
    try {
      old = openSqliteFile(readModels, 'no checkpoints to adopt', (db) => has(db, 'ledger_checkpoints'), {
        readonly: true,
      });
    } catch (error) {
      // A damaged file has nothing to hand over; the read models set it aside and rebuild.
      if (error instanceof DamagedDatabaseFile) return;
      throw error;
    }
    try {
      if (!has(old, 'ledger_checkpoints')) return;
      const checkpoints = old
        .prepare('SELECT size, root, note, signed_at FROM ledger_checkpoints')
        .raw()
        .all() as unknown[][];
      const cosignatures = has(old, 'ledger_cosignatures')
        ? (old.prepare('SELECT size, witness, line, timestamp FROM ledger_cosignatures').raw().all() as unknown[][])
        : [];
      const insertCheckpoint = this.db.prepare('INSERT INTO ledger_checkpoints VALUES (?, ?, ?, ?)');
      const insertCosignature = this.db.prepare('INSERT INTO ledger_cosignatures VALUES (?, ?, ?, ?)');
      this.db.transaction(() => {
        for (const c of checkpoints) insertCheckpoint.run(...c);
        for (const c of cosignatures) insertCosignature.run(...c);
      })();
    } finally {
      old.close();
    }
  }

  latest(): SignedCheckpoint | undefined {
    return this.row(
      this.db.prepare('SELECT size, root, note, signed_at FROM ledger_checkpoints ORDER BY size DESC LIMIT 1').get(),
    );
  }

  latestUpTo(size: number): SignedCheckpoint | undefined {
    return this.row(
      this.db
        .prepare(
          'SELECT size, root, note, signed_at FROM ledger_checkpoints WHERE size <= ? ORDER BY size DESC LIMIT 1',
        )
        .get(size),
    );
  }

  bySize(size: number): SignedCheckpoint | undefined {
    return this.row(
      this.db.prepare('SELECT size, root, note, signed_at FROM ledger_checkpoints WHERE size = ?').get(size),
    );
  }

  add(checkpoint: SignedCheckpoint): void {
    this.db
      .prepare('INSERT INTO ledger_checkpoints VALUES (?, ?, ?, ?)')
      .run(checkpoint.size, checkpoint.root, checkpoint.note, checkpoint.signedAt);
  }

  /** A witness's later cosignature of the same checkpoint replaces its earlier one. */
  addCosignature(size: number, witness: string, line: string, timestamp: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO ledger_cosignatures VALUES (?, ?, ?, ?)')
      .run(size, witness, line, timestamp);
  }

  cosignatureLines(size: number): string[] {
    return (
      this.db.prepare('SELECT line FROM ledger_cosignatures WHERE size = ? ORDER BY witness').all(size) as {
        line: string;
      }[]
    ).map((r) => r.line);
  }

  close(): void {
    this.db.close();
  }

  private row(raw: unknown): SignedCheckpoint | undefined {
    const r = raw as { size: number; root: Buffer; note: string; signed_at: string } | undefined;
    return r && { size: r.size, root: r.root, note: r.note, signedAt: r.signed_at };
  }
}
