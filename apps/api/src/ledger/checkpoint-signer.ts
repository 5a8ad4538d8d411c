import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { formatCheckpoint, type NoteSigner, signNote } from '@ceasefire/ledger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { ledgerHasher, ledgerSize } from './ledger.projection';

export const LEDGER_SIGNER = Symbol('LEDGER_SIGNER');
export const LEDGER_SETTINGS = Symbol('LEDGER_SETTINGS');

export interface LedgerSettings {
  origin: string;
  checkpointIntervalMs: number;
}

export interface SignedCheckpoint {
  size: number;
  root: Buffer;
  note: string;
  signedAt: string;
}

/**
 * Signs a C2SP checkpoint when the tree has grown, at most every CHECKPOINT_INTERVAL_MS, and never one
 * whose tree does not extend the last it signed: the prefix root must equal the signed root.
 */
@Injectable()
export class CheckpointSigner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CheckpointSigner');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(LEDGER_SIGNER) private readonly signer: NoteSigner,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {
    runner.db.exec(
      'CREATE TABLE IF NOT EXISTS ledger_checkpoints (size INTEGER PRIMARY KEY, root BLOB NOT NULL, note TEXT NOT NULL, signed_at TEXT NOT NULL)',
    );
    runner.db.exec(
      'CREATE TABLE IF NOT EXISTS ledger_cosignatures (size INTEGER NOT NULL, witness TEXT NOT NULL, line TEXT NOT NULL, timestamp INTEGER NOT NULL, PRIMARY KEY (size, witness))',
    );
  }

  onApplicationBootstrap(): void {
    if (this.settings.checkpointIntervalMs > 0)
      this.timer = setInterval(() => {
        try {
          this.sign();
        } catch (error) {
          this.logger.error(`could not sign a checkpoint, will try again: ${(error as Error).message}`);
        }
      }, this.settings.checkpointIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  latest(): SignedCheckpoint | undefined {
    const row = this.runner.db
      .prepare('SELECT size, root, note, signed_at FROM ledger_checkpoints ORDER BY size DESC LIMIT 1')
      .get() as { size: number; root: Buffer; note: string; signed_at: string } | undefined;
    return row && { size: row.size, root: row.root, note: row.note, signedAt: row.signed_at };
  }

  bySize(size: number): SignedCheckpoint | undefined {
    const row = this.runner.db
      .prepare('SELECT size, root, note, signed_at FROM ledger_checkpoints WHERE size = ?')
      .get(size) as { size: number; root: Buffer; note: string; signed_at: string } | undefined;
    return row && { size: row.size, root: row.root, note: row.note, signedAt: row.signed_at };
  }

  /** Keeps a verified cosignature; a witness's later cosignature of the same checkpoint replaces its earlier one. */
  addCosignature(size: number, witness: string, line: string, timestamp: number): void {
    this.runner.db
      .prepare('INSERT OR REPLACE INTO ledger_cosignatures VALUES (?, ?, ?, ?)')
      .run(size, witness, line, timestamp);
  }

  /** The checkpoint note with every cosignature collected for it appended. */
  withCosignatures(checkpoint: SignedCheckpoint): string {
    const lines = this.runner.db
      .prepare('SELECT line FROM ledger_cosignatures WHERE size = ? ORDER BY witness')
      .all(checkpoint.size) as { line: string }[];
    return checkpoint.note + lines.map((l) => l.line).join('');
  }

  /** Signs a checkpoint for the current tree if it grew; returns what was signed, if anything. */
  sign(now = new Date().toISOString()): SignedCheckpoint | undefined {
    const table = (name: string) => this.runner.table('ledger', name);
    // IMMEDIATE: the projection thread writes this database too, and a read transaction cannot become a write one after it has.
    return this.runner.db
      .transaction(() => {
        const size = ledgerSize(this.runner.db, table);
        const last = this.latest();
        if (size === 0 || (last && size <= last.size)) return undefined;
        const hasher = ledgerHasher(this.runner.db, table);
        if (last && !hasher(0, last.size).equals(last.root)) {
          this.logger.error(
            `refusing to sign size ${size}: its first ${last.size} leaves do not give the root signed before`,
          );
          return undefined;
        }
        const root = hasher(0, size);
        const note = signNote(formatCheckpoint({ origin: this.settings.origin, size, root }), [this.signer]);
        this.runner.db.prepare('INSERT INTO ledger_checkpoints VALUES (?, ?, ?, ?)').run(size, root, note, now);
        return { size, root, note, signedAt: now };
      })
      .immediate();
  }
}
