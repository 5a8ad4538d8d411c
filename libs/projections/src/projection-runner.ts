import { type EventStore, hasReached } from '@ceasefire/event-store';
import type Database from 'better-sqlite3';
import type { Projection } from './projection';
import { ProjectionParked, UnknownProjection, WaitForTimeout } from './projection.errors';
import { ProjectionStateRepository } from './projection-state.repository';
import { ProjectionWorker, type WorkerProgress } from './projection-worker';

export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');

export interface ProjectionHealth extends WorkerProgress {
  /** Events of the log not yet seen, when the store's positions are plain sequence numbers. */
  lag: number | undefined;
}

interface Waiter {
  position: string;
  names: string[];
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Runs every projection of the process, each on its own checkpointed subscription. */
export class ProjectionRunner {
  private readonly workers = new Map<string, ProjectionWorker>();
  private waiters = new Set<Waiter>();

  constructor(
    private readonly store: EventStore,
    readonly db: Database.Database,
    projections: Projection[],
    options: { batchSize?: number } = {},
  ) {
    const states = new ProjectionStateRepository(db);
    for (const projection of projections) {
      if (!/^[a-z][a-z0-9_]*$/.test(projection.name))
        throw new Error(`projection name ${projection.name} must be snake_case`);
      if (this.workers.has(projection.name)) throw new Error(`two projections are named ${projection.name}`);
      this.workers.set(
        projection.name,
        new ProjectionWorker(store, db, states, projection, () => this.settleWaiters(), options.batchSize),
      );
    }
  }

  start(): void {
    for (const worker of this.workers.values()) worker.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    for (const waiter of this.waiters) clearTimeout(waiter.timer);
    this.waiters.clear();
  }

  /** Clears a parked projection's error and feeds it again from its last committed checkpoint. */
  resume(projection: string): void {
    this.worker(projection).resume();
  }

  /** The physical table to read for a projection's logical table. */
  table(projection: string, table: string): string {
    return this.worker(projection).readTable(table);
  }

  /**
   * Resolves once the named projections (all by default) have applied everything up to `position`
   * in the generation readers use: a request can then read its own write.
   */
  waitFor(position: string, options: { projections?: string[]; timeoutMs?: number } = {}): Promise<void> {
    const names = options.projections ?? [...this.workers.keys()];
    names.forEach((name) => this.worker(name));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        names,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(
            new WaitForTimeout(
              position,
              names.filter((n) => !this.hasApplied(n, position)),
            ),
          );
        }, options.timeoutMs ?? 5000),
      };
      this.waiters.add(waiter);
      this.settleWaiters();
    });
  }

  async health(): Promise<ProjectionHealth[]> {
    const head = await this.store.headPosition();
    return [...this.workers.values()].map((worker) => {
      const progress = worker.progress();
      return { ...progress, lag: lagBetween(head, progress.position) };
    });
  }

  private hasApplied(name: string, position: string): boolean {
    const p = this.worker(name).progress();
    return p.activeVersion === p.version && hasReached(p.position, position);
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters) {
      const parked = waiter.names.map((n) => this.worker(n).progress()).find((p) => p.parked);
      if (parked) {
        this.finish(waiter);
        waiter.reject(new ProjectionParked(parked.projection, parked.parked!.error));
      } else if (waiter.names.every((n) => this.hasApplied(n, waiter.position))) {
        this.finish(waiter);
        waiter.resolve();
      }
    }
  }

  private finish(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }

  private worker(name: string): ProjectionWorker {
    const worker = this.workers.get(name);
    if (!worker) throw new UnknownProjection(name);
    return worker;
  }
}

const lagBetween = (head: string | undefined, position: string | undefined): number | undefined => {
  if (head === undefined) return 0;
  const sequence = /^\d{20}$/;
  if (!sequence.test(head) || (position !== undefined && !sequence.test(position))) return undefined;
  return Number(BigInt(head) - BigInt(position ?? '0'));
};
