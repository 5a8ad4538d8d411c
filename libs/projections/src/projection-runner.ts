import type Database from 'better-sqlite3';
import type { WorkerProgress } from './projection-worker';

export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');

export interface ProjectionHealth extends WorkerProgress {
  /** Events of the log not yet seen, when the store's positions are plain sequence numbers. */
  lag: number | undefined;
}

/**
 * Runs every projection of the process, each on its own checkpointed subscription — in this thread
 * (InProcessProjectionRunner) or on a thread of its own (ThreadedProjectionRunner). Readers use `db`.
 */
export interface ProjectionRunner {
  /** The read-model database, for queries. */
  readonly db: Database.Database;
  /** Resolves once every projection's tables exist and feeding has begun. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Clears a parked projection's error and feeds it again from its last committed checkpoint; resolves once it is feeding. */
  resume(projection: string): Promise<void>;
  /** The physical table to read for a projection's logical table. */
  table(projection: string, table: string): string;
  /**
   * Resolves once the named projections (all by default) have applied everything up to `position`
   * in the generation readers use: a request can then read its own write.
   */
  waitFor(position: string, options?: { projections?: string[]; timeoutMs?: number }): Promise<void>;
  health(): Promise<ProjectionHealth[]>;
  /** Whether the projection has applied `position` in the generation readers use (no waiting). */
  reached(projection: string, position: string): boolean;
  /** The position the projection has applied in the generation readers use, if any. */
  appliedPosition(projection: string): string | undefined;
  /** Events applied to the projection so far in this process: unchanged means its rows are as they were. */
  appliedEvents(projection: string): number;
  /** Tells `listener` after every progress report of any projection; returns the way to stop. */
  onProgress(listener: () => void): () => void;
}

/** What a projection's `*.queries.ts` functions read with: the read-model database and the physical name of a table. */
export type ReadModels = Pick<ProjectionRunner, 'db' | 'table'>;

export const lagBetween = (head: string | undefined, position: string | undefined): number | undefined => {
  if (head === undefined) return 0;
  const sequence = /^\d{20}$/;
  if (!sequence.test(head) || (position !== undefined && !sequence.test(position))) return undefined;
  return Number(BigInt(head) - BigInt(position ?? '0'));
};
