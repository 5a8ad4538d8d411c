import { hasReached, type RecordedEvent } from '@ceasefire/event-store';
import type Database from 'better-sqlite3';
import { dropGeneration, physicalTable, type Projection, type ProjectionTx } from './projection';
import type { ProjectionState, ProjectionStateRepository } from './projection-state.repository';

export interface WorkerProgress {
  projection: string;
  version: number;
  /** The generation readers use; differs from `version` while a rebuild runs. */
  activeVersion: number | null;
  position: string | undefined;
  caughtUp: boolean;
  parked: { error: string; failedEventId: string | null } | undefined;
  /** How often the store dropped the feed's subscription (it resubscribes by itself), and the last time. */
  subscription: { drops: number; lastDrop?: { error: string; at: string } };
  /** Events this process has applied to the projection: a change here means its rows may have changed. */
  appliedEvents: number;
}

/**
 * One projection's side of the shared feed: the events offered to it since its last commit, and
 * its checkpoint. Rows and checkpoint are written in one transaction, so after any crash the
 * projection resumes exactly after what it committed. A changed version is built from the start of
 * the log into fresh tables and switched over when it has caught up; a failing event parks the
 * projection instead of crashing the process.
 */
export class ProjectionWorker {
  private state!: ProjectionState;
  private caughtUp = false;
  private appliedEvents = 0;
  private buffer: RecordedEvent[] = [];
  /** The position the next commit moves the checkpoint to: the last event offered, handled or not. */
  private pending: string | undefined;
  private subscription: WorkerProgress['subscription'] = { drops: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly states: ProjectionStateRepository,
    readonly projection: Projection,
    private readonly onProgress: () => void,
  ) {}

  /** Opens (or starts building) this version's generation. */
  prepare(): void {
    this.state = this.db.transaction(() => this.prepareGeneration())();
    this.caughtUp = false;
    this.buffer = [];
    this.pending = undefined;
  }

  get parked(): boolean {
    return this.state.status === 'parked';
  }

  get position(): string | undefined {
    return this.state.position ?? undefined;
  }

  offer(event: RecordedEvent): void {
    if (this.parked || hasReached(this.pending ?? this.position, event.position)) return;
    const { handles } = this.projection;
    if (handles === 'all' || handles.includes(event.type)) this.buffer.push(event);
    this.pending = event.position;
  }

  /** The feed has seen everything up to `position`. */
  advance(position: string): void {
    if (!this.parked && !hasReached(this.pending ?? this.position, position)) this.pending = position;
  }

  subscriptionDropped(error: unknown): void {
    this.subscription = {
      drops: this.subscription.drops + 1,
      lastDrop: { error: error instanceof Error ? error.message : String(error), at: new Date().toISOString() },
    };
  }

  resume(): void {
    if (!this.parked) return;
    this.state = {
      ...this.state,
      status: 'running',
      error: null,
      failedEventId: null,
      updatedAt: new Date().toISOString(),
    };
    this.states.save(this.state);
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
      subscription: this.subscription,
      appliedEvents: this.appliedEvents,
    };
  }

  /** The physical table readers should use now. */
  readTable(table: string): string {
    return physicalTable(this.projection.name, this.state.activeVersion ?? this.projection.version, table);
  }

  /**
   * Applies what was offered and moves the checkpoint, in a savepoint of the feed's transaction
   * (better-sqlite3 nests transactions that way): a failure parks this projection alone.
   */
  commit(): void {
    const checkpoint = this.pending;
    if (this.parked || checkpoint === undefined) return;
    const events = this.buffer;
    this.buffer = [];
    this.pending = undefined;
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
      return;
    }
    this.state = { ...this.state, position: checkpoint };
    this.appliedEvents += events.length;
  }

  /** The feed's transaction failed after this projection's part: its checkpoint is what the database holds. */
  failed(error: unknown): void {
    this.buffer = [];
    this.pending = undefined;
    try {
      this.state = this.states.get(this.projection.name) ?? this.state;
    } finally {
      this.park(error, null);
    }
  }

  /** The feed reached the head of the log: a generation being built becomes the one readers use. */
  reachedHead(): void {
    this.caughtUp = true;
    if (this.parked || this.state.buildingVersion === null) return;
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
