import type { EventStore } from '@ceasefire/event-store';
import type Database from 'better-sqlite3';
import type { Projection } from './projection';
import { UnknownProjection } from './projection.errors';
import { lagBetween, type ProjectionHealth, type ProjectionRunner } from './projection-runner';
import { LiveCommitBatch } from './live-commit-batch';
import { ProjectionStateRepository } from './projection-state.repository';
import { ProjectionWorker } from './projection-worker';
import { ProgressWaiters } from './progress-waiters';

/** Runs the projections on this thread, each worker on its own subscription, all writing to `db`. */
export class InProcessProjectionRunner implements ProjectionRunner {
  private readonly workers = new Map<string, ProjectionWorker>();
  private readonly waiters = new ProgressWaiters((name) => this.workers.get(name)?.progress());

  constructor(
    private readonly store: EventStore,
    readonly db: Database.Database,
    projections: Projection[],
    options: { batchSize?: number; onProgress?: () => void } = {},
  ) {
    const states = new ProjectionStateRepository(db);
    const liveCommits = new LiveCommitBatch(db);
    const onProgress = () => {
      this.waiters.settle();
      options.onProgress?.();
    };
    for (const projection of projections) {
      if (!/^[a-z][a-z0-9_]*$/.test(projection.name))
        throw new Error(`projection name ${projection.name} must be snake_case`);
      if (this.workers.has(projection.name)) throw new Error(`two projections are named ${projection.name}`);
      this.workers.set(
        projection.name,
        new ProjectionWorker(store, db, states, projection, onProgress, liveCommits, options.batchSize),
      );
    }
  }

  async start(): Promise<void> {
    for (const worker of this.workers.values()) worker.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    this.waiters.clear();
  }

  resume(projection: string): void {
    this.worker(projection).resume();
  }

  table(projection: string, table: string): string {
    return this.worker(projection).readTable(table);
  }

  waitFor(position: string, options: { projections?: string[]; timeoutMs?: number } = {}): Promise<void> {
    const names = options.projections ?? [...this.workers.keys()];
    names.forEach((name) => this.worker(name));
    return this.waiters.waitFor(position, names, options.timeoutMs);
  }

  progress() {
    return [...this.workers.values()].map((worker) => worker.progress());
  }

  async health(): Promise<ProjectionHealth[]> {
    const head = await this.store.headPosition();
    return this.progress().map((p) => ({ ...p, lag: lagBetween(head, p.position) }));
  }

  private worker(name: string): ProjectionWorker {
    const worker = this.workers.get(name);
    if (!worker) throw new UnknownProjection(name);
    return worker;
  }
}
