import type Database from 'better-sqlite3';
import { type PreparedAppend, prepareAppend } from '../append/prepare-append';
import { checkExpectedState } from '../append/check-expected-state';
import { resultOfReplayedAppend, type StoredCopy } from '../append/replayed-append';
import { sealEvents } from '../append/seal-events';
import { parseEnvelope, ZERO_HASH } from '../envelope/event-envelope';
import { checkFilter, checkMaxCount, checkReadStreamOptions } from '../port/check-read-options';
import {
  type ActualState,
  EventStoreUnavailable,
  InvalidArgument,
  StreamNotFound,
  WrongExpectedRevision,
} from '../port/event-store.errors';
import type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  SubscriptionMessage,
  StoreDiagnostics,
} from '../port/event-store.port';
import { decodeSequence, encodeSequence, type GlobalPosition } from '../port/global-position';
import { WakeSignal } from '../subscription/wake-signal';
import { GroupCommit } from './group-commit';
import { type Durability, openEventDatabase } from './sqlite-schema';
import { openSqliteFile } from './damaged-database';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:'. */
  path: string;
  durability?: Durability;
  /** How often live subscribers look for events written by other processes. */
  pollIntervalMs?: number;
  pageSize?: number;
  now?: () => Date;
}

/**
 * SQLite failures that say nothing about the append itself and may pass (disk full, I/O error, the file locked
 * by another process past the busy timeout): the append is rolled back whole and may be retried as it is.
 */
const TRANSIENT = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|CANTOPEN|NOMEM|PROTOCOL)/;
const transient = (error: unknown): boolean => TRANSIENT.test(String((error as { code?: unknown })?.code ?? ''));

interface EventRow {
  position: number;
  hash: string;
  envelope: string;
}

export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly commits: GroupCommit;
  private readonly written = new WakeSignal();
  /** What the group being committed writes, for waking only the subscribers it concerns. */
  private inCommit = { categories: new Set<string>(), types: new Set<string>() };
  private readonly commitListeners = new Set<() => void>();
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly now: () => Date;
  private closed = false;
  private readonly statements;
  private readonly readAllStatements = new Map<string, Database.Statement>();

  constructor(options: SqliteEventStoreOptions) {
    this.db = openSqliteFile(options.path, 'it is the log, restore DATA_DIR from a backup', (db) =>
      openEventDatabase(db, options.durability ?? 'FULL'),
    );
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.pageSize = options.pageSize ?? 1000;
    this.now = options.now ?? (() => new Date());
    this.commits = new GroupCommit(this.db, () => {
      const written = this.inCommit;
      this.inCommit = { categories: new Set(), types: new Set() };
      this.written.notify(written);
      for (const listener of this.commitListeners) listener();
    });
    this.statements = {
      tail: this.db.prepare('SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1'),
      byId: this.db.prepare('SELECT position, hash, envelope FROM events WHERE event_id = ?'),
      insert: this.db.prepare(
        'INSERT INTO events (event_id, stream, category, revision, type, hash, envelope) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      forwards: this.db.prepare(
        'SELECT position, hash, envelope FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      backwards: this.db.prepare(
        'SELECT position, hash, envelope FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
      head: this.db.prepare('SELECT MAX(position) AS position FROM events'),
    };
  }

  append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new InvalidArgument('store', 'the event store is closed'));
    let batch: PreparedAppend;
    try {
      batch = prepareAppend(stream, events, options, this.now);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.commits
      .run(() => this.appendInTransaction(batch))
      .catch((error: unknown) => {
        throw transient(error)
          ? new EventStoreUnavailable(`the log could not be written, nothing was: ${(error as Error).message}`, {
              cause: error,
            })
          : error;
      });
  }

  private appendInTransaction(batch: PreparedAppend): AppendResult {
    const tail = this.statements.tail.get(batch.stream) as { revision: number; hash: string } | undefined;
    const actual: ActualState = tail ? tail.revision : 'no_stream';
    try {
      checkExpectedState(batch.stream, batch.expected, actual);
    } catch (error) {
      if (error instanceof WrongExpectedRevision && this.storedCopy(batch.events[0].id))
        return this.replayedResult(batch, actual);
      throw error;
    }
    const sealed = sealEvents(batch, tail ? tail.revision + 1 : 0, tail ? tail.hash : ZERO_HASH);
    try {
      const events = sealed.map((e) => {
        const { lastInsertRowid } = this.statements.insert.run(
          e.eventId,
          batch.stream,
          batch.category,
          e.revision,
          e.type,
          e.hash,
          e.canonical,
        );
        return { eventId: e.eventId, revision: e.revision, position: encodeSequence(lastInsertRowid), hash: e.hash };
      });
      this.inCommit.categories.add(batch.category);
      for (const e of sealed) this.inCommit.types.add(e.type);
      const last = events[events.length - 1];
      return { nextExpectedRevision: last.revision, position: last.position, events };
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      // An id of the batch is stored already: undo this batch's rows, then see whether it is a retry.
      this.commits.undoCurrent();
      return this.replayedResult(batch, actual);
    }
  }

  private storedCopy(eventId: string): StoredCopy | undefined {
    const row = this.statements.byId.get(eventId) as EventRow | undefined;
    return row && { envelope: parseEnvelope(row.envelope), position: encodeSequence(row.position), hash: row.hash };
  }

  private replayedResult(batch: PreparedAppend, actual: ActualState): AppendResult {
    const stored = new Map<string, StoredCopy>();
    for (const e of batch.events) {
      const copy = this.storedCopy(e.id);
      if (copy) stored.set(e.id, copy);
    }
    return resultOfReplayedAppend(batch, stored, actual);
  }

  async *readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    const { direction, from, maxCount } = checkReadStreamOptions(options);
    const statement = direction === 'forwards' ? this.statements.forwards : this.statements.backwards;
    let next = from ?? (direction === 'forwards' ? 0 : Number.MAX_SAFE_INTEGER);
    let left = maxCount;
    const page = () => statement.all(stream, next, Math.min(left, this.pageSize)) as EventRow[];
    let rows = left > 0 ? page() : [];
    // A stream with rows exists; only an empty first page needs the existence check.
    if (rows.length === 0 && !this.statements.tail.get(stream)) throw new StreamNotFound(stream);
    while (rows.length > 0) {
      let lastRevision = next;
      for (const row of rows) {
        const event = toRecordedEvent(row);
        lastRevision = event.revision;
        yield event;
      }
      if (rows.length < Math.min(left, this.pageSize)) return;
      left -= rows.length;
      next = direction === 'forwards' ? lastRevision + 1 : lastRevision - 1;
      if (left === 0 || next < 0) return;
      rows = page();
    }
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    let after = positionNumber(options?.fromExclusive);
    const statement = this.readAllStatement(checkFilter(options?.filter));
    let left = checkMaxCount(options?.maxCount);
    while (left > 0) {
      const limit = Math.min(left, this.pageSize);
      const rows = statement.all(after, limit) as EventRow[];
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < limit) return;
      left -= rows.length;
      after = rows[rows.length - 1].position;
    }
  }

  async *subscribeAll(options?: SubscribeAllOptions): AsyncIterable<SubscriptionMessage> {
    const signal = options?.signal;
    const filter = checkFilter(options?.filter);
    const statement = this.readAllStatement(filter);
    let after = positionNumber(options?.fromExclusive);
    let caughtUp = false;
    while (!signal?.aborted && !this.closed) {
      const seen = this.written.version;
      // One read snapshot for the page and the head, so a checkpoint never skips an unseen event.
      const { rows, head } = this.db.transaction(() => ({
        rows: statement.all(after, this.pageSize) as EventRow[],
        head: (this.statements.head.get() as { position: number | null }).position ?? 0,
      }))();
      for (const row of rows) {
        if (signal?.aborted) return;
        yield { kind: 'event', event: toRecordedEvent(row) };
        after = row.position;
      }
      if (rows.length === this.pageSize) continue;
      if (head > after) {
        after = head;
        yield { kind: 'checkpoint', position: encodeSequence(after) };
      }
      if (!caughtUp) {
        caughtUp = true;
        yield { kind: 'caughtUp', position: after > 0 ? encodeSequence(after) : undefined };
      }
      await this.written.wait(this.pollIntervalMs, signal, filter, seen);
    }
  }

  /** Calls `listener` after each commit of this connection, e.g. to wake readers on another thread. */
  onCommit(listener: () => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Another connection committed: live subscribers look now instead of at their next poll. */
  wake(): void {
    this.written.notify();
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    const { position } = this.statements.head.get() as { position: number | null };
    return position === null ? undefined : encodeSequence(position);
  }

  diagnostics(): StoreDiagnostics {
    return { skippedForeignEvents: 0 };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.commits.flush();
    this.closed = true;
    this.written.notify();
    this.db.close();
  }

  private readAllStatement(filter: EventFilter): Database.Statement {
    const key = JSON.stringify(filter);
    let statement = this.readAllStatements.get(key);
    if (!statement) {
      const where = ['position > ?'];
      if (filter.categories) where.push(`category IN (${filter.categories.map(quote).join(', ')})`);
      if (filter.eventTypes) where.push(`type IN (${filter.eventTypes.map(quote).join(', ')})`);
      statement = this.db.prepare(
        `SELECT position, hash, envelope FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`,
      );
      this.readAllStatements.set(key, statement);
    }
    return statement;
  }
}

/** Filter names were checked against a strict pattern, so quoting them is safe. */
const quote = (name: string): string => `'${name}'`;

const positionNumber = (position: GlobalPosition | undefined): number => {
  if (position === undefined) return 0;
  try {
    return Number(decodeSequence(position));
  } catch {
    throw new InvalidArgument('fromExclusive', `not a position of this store: ${position}`);
  }
};

const toRecordedEvent = (row: EventRow): RecordedEvent => {
  const envelope = parseEnvelope(row.envelope);
  return {
    eventId: envelope.eventId,
    stream: envelope.stream,
    revision: envelope.revision,
    position: encodeSequence(row.position),
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    data: envelope.data,
    metadata: envelope.metadata,
    recordedAt: envelope.recordedAt,
    hash: row.hash,
    prevHash: envelope.prevHash,
    canonical: row.envelope,
  };
};
