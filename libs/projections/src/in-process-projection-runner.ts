import type { EventStore } from '@ceasefire/event-store';
import type Database from 'better-sqlite3';
import type { Projection } from './projection';
import { UnknownProjection } from './projection.errors';
import { lagBetween, type ProjectionHealth, type ProjectionRunner } from './projection-runner';
import { ProjectionFeed } from './projection-feed';
import { ProjectionStateRepository } from './projection-state.repository';
import { ProjectionWorker } from './projection-worker';
import { ProgressWaiters } from './progress-waiters';

/** Runs the projections on this thread, fed by one subscription, all writing to `db`. */
export class InProcessProjectionRunner implements ProjectionRunner {
  private readonly workers = new Map<string, ProjectionWorker>();
  private readonly feed: ProjectionFeed;
  private readonly waiters = new ProgressWaiters((name) => this.workers.get(name)?.progress());

  constructor(
    private readonly store: EventStore,
    readonly db: Database.Database,
    projections: Projection[],
    options: { batchSize?: number; onProgress?: () => void } = {},
  ) {
    const states = new ProjectionStateRepository(db);
    const onProgress = () => {
      this.waiters.settle();
      options.onProgress?.();
    };
    for (const projection of projections) {
      if (!/^[a-z][a-z0-9_]*$/.test(projection.name))
        throw new Error(`projection name ${projection.name} must be snake_case`);
      if (this.workers.has(projection.name)) throw new Error(`two projections are named ${projection.name}`);
      this.workers.set(projection.name, new ProjectionWorker(db, states, projection, onProgress));
    }
    this.feed = new ProjectionFeed(store, db, [...this.workers.values()], onProgress, options.batchSize);
  }

  async start(): Promise<void> {
    for (const worker of this.workers.values()) worker.prepare();
    this.feed.start();
  }

  async stop(): Promise<void> {
    await this.feed.stop();
    this.waiters.clear();
  }

  async resume(projection: string): Promise<void> {
    const worker = this.worker(projection);
    if (worker.parked) await this.feed.restart(() => worker.resume());
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

  appliedPosition(projection: string): string | undefined {
    this.worker(projection);
    return this.waiters.applied(projection);
  }

  appliedEvents(projection: string): number {
    return this.worker(projection).progress().appliedEvents;
  }

  onProgress(listener: () => void): () => void {
    return this.waiters.listen(listener);
  }

  reached(projection: string, position: string): boolean {
    this.worker(projection);
    return this.waiters.hasApplied(projection, position);
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
