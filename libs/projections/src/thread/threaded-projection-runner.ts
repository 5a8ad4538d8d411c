import type { EventStore } from '@ceasefire/event-store';
import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { physicalTable, type Projection } from '../projection';
import { UnknownProjection } from '../projection.errors';
import { lagBetween, type ProjectionHealth, type ProjectionRunner } from '../projection-runner';
import type { WorkerProgress } from '../projection-worker';
import { ProgressWaiters } from '../progress-waiters';
import type { FromProjectionThread, ToProjectionThread } from './projection-thread.protocol';

export interface ProjectionThreadSpec {
  /** A module that calls serveProjectionThread with the same projections: compiled, or .ts under tsx. */
  file: string;
  workerData: unknown;
}

/**
 * Runs the projections on a thread of their own, so the request thread spends nothing on applying
 * events. This thread keeps its own connection to the read models for queries, mirrors each
 * projection's progress from the thread's reports, and answers `waitFor` from that mirror.
 */
export class ThreadedProjectionRunner implements ProjectionRunner {
  private readonly progress = new Map<string, WorkerProgress>();
  private readonly waiters = new ProgressWaiters((name) => this.progress.get(name));
  private worker?: Worker;
  private stopped?: Promise<void>;
  private stopCommitWatch?: () => void;
  private resuming: { projection: string; resolve: () => void }[] = [];

  constructor(
    private readonly store: EventStore,
    readonly db: Database.Database,
    private readonly projections: Projection[],
    private readonly thread: ProjectionThreadSpec,
  ) {}

  start(): Promise<void> {
    // A TypeScript module (tests) is loaded through tsx's require hook.
    const file = JSON.stringify(this.thread.file);
    const load = this.thread.file.endsWith('.ts')
      ? `require('tsx/cjs/api').register(); require(${file});`
      : `require(${file});`;
    const worker = new Worker(load, { eval: true, workerData: this.thread.workerData });
    this.worker = worker;
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromProjectionThread) => {
        if (message.kind === 'progress') {
          for (const p of message.progress) this.progress.set(p.projection, p);
          this.waiters.settle();
          this.settleResumes();
          resolve();
        } else if (message.kind === 'failed') {
          this.parkAll(message.error);
          reject(new Error(`the projection thread failed to start: ${message.error}`));
        }
      });
      worker.on('error', (error) => {
        this.parkAll(error.stack ?? error.message);
        reject(error);
      });
      worker.on('exit', (code) => {
        if (!this.stopped) this.parkAll(`the projection thread exited with code ${code}`);
        reject(new Error(`the projection thread exited with code ${code}`));
      });
    });
    this.stopCommitWatch = this.store.onCommit?.(() => this.send({ kind: 'wake' }));
    return ready;
  }

  stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    this.stopped ??= new Promise<void>((resolve) => {
      this.stopCommitWatch?.();
      const timer = setTimeout(() => void worker.terminate(), 10_000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.send({ kind: 'stop' });
    });
    this.waiters.clear();
    return this.stopped;
  }

  resume(projection: string): Promise<void> {
    this.projection(projection);
    if (!this.progress.get(projection)?.parked) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.resuming.push({ projection, resolve });
      this.send({ kind: 'resume', projection });
    });
  }

  table(projection: string, table: string): string {
    const p = this.projection(projection);
    const version = this.progress.get(projection)?.activeVersion ?? p.version;
    return physicalTable(projection, version, table);
  }

  waitFor(position: string, options: { projections?: string[]; timeoutMs?: number } = {}): Promise<void> {
    const names = options.projections ?? this.projections.map((p) => p.name);
    names.forEach((name) => this.projection(name));
    return this.waiters.waitFor(position, names, options.timeoutMs);
  }

  appliedPosition(projection: string): string | undefined {
    this.projection(projection);
    return this.waiters.applied(projection);
  }

  appliedEvents(projection: string): number {
    this.projection(projection);
    return this.progress.get(projection)?.appliedEvents ?? 0;
  }

  onProgress(listener: () => void): () => void {
    return this.waiters.listen(listener);
  }

  reached(projection: string, position: string): boolean {
    this.projection(projection);
    return this.waiters.hasApplied(projection, position);
  }

  async health(): Promise<ProjectionHealth[]> {
    const head = await this.store.headPosition();
    return this.projections.map((projection) => {
      const p = this.progress.get(projection.name) ?? notStarted(projection);
      return { ...p, lag: lagBetween(head, p.position) };
    });
  }

  /** A resume resolves once the thread reports the projection no longer parked. */
  private settleResumes(): void {
    const [done, pending] = [this.resuming, [] as typeof this.resuming];
    this.resuming = pending;
    for (const r of done) {
      if (this.progress.get(r.projection)?.parked) pending.push(r);
      else r.resolve();
    }
  }

  private send(message: ToProjectionThread): void {
    this.worker?.postMessage(message);
  }

  private projection(name: string): Projection {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new UnknownProjection(name);
    return projection;
  }

  private parkAll(error: string): void {
    for (const projection of this.projections) {
      const p = this.progress.get(projection.name) ?? notStarted(projection);
      this.progress.set(projection.name, { ...p, parked: { error, failedEventId: null } });
    }
    this.waiters.settle();
  }
}

const notStarted = (projection: Projection): WorkerProgress => ({
  projection: projection.name,
  version: projection.version,
  activeVersion: null,
  position: undefined,
  caughtUp: false,
  subscription: { drops: 0 },
  parked: undefined,
  appliedEvents: 0,
});
