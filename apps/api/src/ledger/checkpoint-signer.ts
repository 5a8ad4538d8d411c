import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { formatCheckpoint, type NoteSigner, signNote } from '@ceasefire/ledger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { DUTY_LEASES, type DutyLeases } from '../leases/duty-leases';
import { ledgerHasher, ledgerSize } from './ledger.queries';
import { SIGNED_CHECKPOINTS, type SignedCheckpoint, type SignedCheckpointStore } from './signed-checkpoints.store';

export type { SignedCheckpoint };

export const LEDGER_SIGNER = Symbol('LEDGER_SIGNER');
export const LEDGER_SETTINGS = Symbol('LEDGER_SETTINGS');

export interface LedgerSettings {
  origin: string;
  checkpointIntervalMs: number;
}

/**
 * Signs a C2SP checkpoint when the tree has grown, at most every CHECKPOINT_INTERVAL_MS, and never one
 * whose tree does not extend the last it signed: the prefix root must equal the signed root. Every process
 * serves the checkpoints; only the holder of the checkpoint-signer lease signs them.
 */
@Injectable()
export class CheckpointSigner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CheckpointSigner');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(LEDGER_SIGNER) private readonly signer: NoteSigner,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
    @Inject(SIGNED_CHECKPOINTS) private readonly signed: SignedCheckpointStore,
    @Inject(DUTY_LEASES) private readonly leases: DutyLeases,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.checkpointIntervalMs > 0)
      this.timer = setInterval(() => {
        // One signer at a time across the processes on this record: the holder of the lease.
        if (!this.leases.holds('checkpoint-signer')) return;
        try {
          this.sign();
        } catch (error) {
          this.logger.error(`could not sign a checkpoint, will try again: ${(error as Error).message}`);
        }
      }, this.settings.checkpointIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.signed.close();
  }

  latest(): SignedCheckpoint | undefined {
    return this.signed.latest();
  }

  /**
   * The latest checkpoint this process's tree covers. Another process signs from its own read models and may
   * be ahead; proofs are made from this process's tree, so they are made against a checkpoint it has.
   */
  latestCovered(): SignedCheckpoint | undefined {
    return this.signed.latestUpTo(ledgerSize(this.runner));
  }

  bySize(size: number): SignedCheckpoint | undefined {
    return this.signed.bySize(size);
  }

  /** Keeps a verified cosignature; a witness's later cosignature of the same checkpoint replaces its earlier one. */
  addCosignature(size: number, witness: string, line: string, timestamp: number): void {
    this.signed.addCosignature(size, witness, line, timestamp);
  }

  /** The checkpoint note with every cosignature collected for it appended. */
  withCosignatures(checkpoint: SignedCheckpoint): string {
    return checkpoint.note + this.signed.cosignatureLines(checkpoint.size).join('');
  }

  /** Signs a checkpoint for the current tree if it grew; returns what was signed, if anything. */
  sign(now = new Date().toISOString()): SignedCheckpoint | undefined {
    const last = this.latest();
    // One read transaction: the size and the roots come from one state of the ledger's tables.
    const tree = this.runner.db.transaction(() => {
      const size = ledgerSize(this.runner);
      if (size === 0 || (last && size <= last.size)) return undefined;
      const hasher = ledgerHasher(this.runner);
      return { size, root: hasher(0, size), prefixRoot: last ? hasher(0, last.size) : undefined };
    })();
    if (!tree) return undefined;
    if (last && !tree.prefixRoot!.equals(last.root)) {
      this.logger.error(
        `refusing to sign size ${tree.size}: its first ${last.size} leaves do not give the root signed before`,
      );
      return undefined;
    }
    const note = signNote(formatCheckpoint({ origin: this.settings.origin, size: tree.size, root: tree.root }), [
      this.signer,
    ]);
    const checkpoint = { size: tree.size, root: tree.root, note, signedAt: now };
    this.signed.add(checkpoint);
    return checkpoint;
  }
}
