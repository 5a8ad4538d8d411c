import type { EventStore, RecordedEvent } from '@ceasefire/event-store';
import type Database from 'better-sqlite3';
import { dropGeneration, physicalTable, type Projection, type ProjectionTx } from './projection';
import type { LiveCommitBatch } from './live-commit-batch';
import type { ProjectionState, ProjectionStateRepository } from './projection-state.repository';

export interface WorkerProgress {
  projection: string;
  version: number;
  /** The generation readers use; differs from `version` while a rebuild runs. */
  activeVersion: number | null;
  position: string | undefined;
  caughtUp: boolean;
  parked: { error: string; failedEventId: string | null } | undefined;
}

/**
 * Feeds one projection from a catch-up subscription. Rows and checkpoint are written in one
 * transaction, so after any crash the projection resumes exactly after what it committed.
 * A changed version is built from the start of the log into fresh tables and switched over
 * when it has caught up; a failing event parks the projection instead of crashing the process.
 */
export class ProjectionWorker {
  private readonly controller = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private state!: ProjectionState;
  private caughtUp = false;
  private readonly buffer: RecordedEvent[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly states: ProjectionStateRepository,
    readonly projection: Projection,
    private readonly onProgress: () => void,
    private readonly liveCommits: LiveCommitBatch,
    private readonly batchSize = 500,
  ) {}

  start(): void {
    this.state = this.db.transaction(() => this.prepareGeneration())();
    if (this.state.status === 'parked') return;
    this.running = this.run().catch((error: unknown) => this.park(error, null));
  }

  resume(): void {
    if (this.state.status !== 'parked') return;
    this.states.save({
      ...this.state,
      status: 'running',
      error: null,
      failedEventId: null,
      updatedAt: new Date().toISOString(),
    });
    this.start();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }

  progress(): WorkerProgress {
    const s = this.state;
    return {
      projection: this.projection.name,
      version: this.projection.version,
      activeVersion: s.activeVersion,
      position: s.position ?? undefined,
      caughtUp: this.caughtUp,
      parked: s.status === 'parked' ? { error: s.error ?? 'unknown error', failedEventId: s.failedEventId } : undefined,
    };
  }

  /** The physical table readers should use now. */
  readTable(table: string): string {
    return physicalTable(this.projection.name, this.state.activeVersion ?? this.projection.version, table);
  }

  private prepareGeneration(): ProjectionState {
    const { name, version } = this.projection;
    const stored = this.states.get(name);
    if (
      stored &&
      (stored.buildingVersion === version || (stored.activeVersion === version && stored.buildingVersion === null))
    )
      return stored;
    if (stored?.buildingVersion != null) dropGeneration(this.db, name, stored.buildingVersion);
    dropGeneration(this.db, name, version);
    this.projection.setup(this.tx());
    const fresh: ProjectionState = {
      name,
      activeVersion: stored?.activeVersion ?? null,
      buildingVersion: version,
      position: null,
      status: 'running',
      error: null,
      failedEventId: null,
      updatedAt: new Date().toISOString(),
    };
    this.states.save(fresh);
    return fresh;
  }

  private async run(): Promise<void> {
    const subscription = this.store.subscribeAll({
      fromExclusive: this.state.position ?? undefined,
      filter: this.projection.handles === 'all' ? undefined : { eventTypes: this.projection.handles },
      signal: this.controller.signal,
    });
    for await (const message of subscription) {
      if (message.kind === 'event') {
        this.buffer.push(message.event);
        // Catching up: commit in batches. Live: commit what arrived together, once the page is drained.
        if (this.buffer.length >= this.batchSize) this.commitBuffer();
        else if (this.caughtUp) this.liveCommits.schedule(this);
      } else if (message.position !== undefined) {
        this.commitBuffer(message.position);
      }
      if (this.state.status === 'parked') return;
      if (message.kind === 'caughtUp') {
        this.caughtUp = true;
        if (this.state.buildingVersion !== null) this.switchOver();
        this.onProgress();
      }
    }
    this.commitBuffer();
  }

  /** The live batch's commit failed after this worker's part was applied: park, replay from the last checkpoint on resume. */
  failed(error: unknown): void {
    this.controller.abort();
    try {
      this.state = this.states.get(this.projection.name) ?? this.state;
    } finally {
      this.park(error, null);
    }
  }

  /** Called by the live batch, inside its transaction. */
  commitBuffered(): void {
    this.commitBuffer();
    if (this.state.status === 'parked') this.controller.abort();
  }

  /** Commits buffered events, with the checkpoint at `position` or at the last buffered event. */
  private commitBuffer(position?: string): void {
    if (this.state.status === 'parked') return;
    const events = this.buffer.splice(0);
    const checkpoint = position ?? events[events.length - 1]?.position;
    if (checkpoint !== undefined) this.commit(events, checkpoint);
  }

  /** Applies events and moves the checkpoint atomically; false when the projection had to park. */
  private commit(events: RecordedEvent[], checkpoint: string): boolean {
    let failed: RecordedEvent | null = null;
    try {
      this.db.transaction(() => {
        const tx = this.tx();
        for (const event of events) {
          failed = event;
          this.projection.apply(event, tx);
        }
        failed = null;
        this.states.checkpoint(this.projection.name, checkpoint);
      })();
    } catch (error) {
      this.park(error, failed);
      return false;
    }
    this.state = { ...this.state, position: checkpoint };
    this.onProgress();
    return true;
  }

  private switchOver(): void {
    this.db.transaction(() => {
      const previous = this.state.activeVersion;
      if (previous !== null && previous !== this.projection.version)
        dropGeneration(this.db, this.projection.name, previous);
      this.state = {
        ...this.states.get(this.projection.name)!,
        activeVersion: this.projection.version,
        buildingVersion: null,
      };
      this.states.save(this.state);
    })();
  }

  private park(error: unknown, event: RecordedEvent | null): void {
    const message = error instanceof Error ? error.message : String(error);
    this.state = {
      ...this.state,
      status: 'parked',
      error: event ? `${message} (event ${event.type} ${event.stream}@${event.revision})` : message,
      failedEventId: event?.eventId ?? null,
      updatedAt: new Date().toISOString(),
    };
    this.states.save(this.state);
    this.onProgress();
  }

  private tx(): ProjectionTx {
    const { name, version } = this.projection;
    return { db: this.db, table: (table) => physicalTable(name, version, table) };
  }
}
