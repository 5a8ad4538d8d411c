import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  binaryEvent,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  type Position,
  type ReadAllOptions as ClientReadAllOptions,
  type ResolvedEvent,
  START,
  type StreamingRead,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { checkExpectedState } from '../append/check-expected-state';
import { MAX_APPEND_BYTES, type PreparedAppend, prepareAppend } from '../append/prepare-append';
import { resultOfReplayedAppend, type StoredCopy } from '../append/replayed-append';
import { sealEvents } from '../append/seal-events';
import { parseEnvelope, ZERO_HASH } from '../envelope/event-envelope';
import { checkFilter, checkMaxCount, checkReadStreamOptions } from '../port/check-read-options';
import { type ActualState, AppendTooLarge, StreamNotFound, WrongExpectedRevision } from '../port/event-store.errors';
import type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreDiagnostics,
  SubscribeAllOptions,
  SubscriptionMessage,
} from '../port/event-store.port';
import type { GlobalPosition } from '../port/global-position';
import { matchesFilter, serverFilter } from './eventstoredb-filter';
import { decodePosition } from './eventstoredb-position';
import { readToEnd } from './eventstoredb-reads';
import { classifyRecord, type ServerRecord } from './eventstoredb-recorded-event';
import { parseServerVersion, type ServerVersion, skipsFirstRecord } from './eventstoredb-server-version';
import { orderedSubscription } from './eventstoredb-subscription';

/** $all is read in pages of this many records, each a call of its own that ends by itself. */
const PAGE = 500;

/** The part of the client this adapter uses. */
export type EventStoreDbClientPort = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

export interface EventStoreDbOptions {
  /** The server's version, as it reports it; checked against the supported floor. */
  serverVersion: string;
  now?: () => Date;
  /** Told once per foreign record the adapter skips (another application's event in a user stream). */
  warn?: (message: string) => void;
  /** Closes the client's channel after `dispose()`; the client leaves it open. */
  closeChannel?: () => Promise<void>;
}

/**
 * The production adapter. Each event is stored as a binary event whose bytes are the canonical
 * envelope, so what EventStoreDB keeps is exactly what was hashed. Every physical append names the
 * exact revision it chained onto, so concurrent writers conflict instead of forking the chain;
 * `any` and `stream_exists` re-read and retry on such a conflict until they land.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  private readonly version: ServerVersion;
  private readonly now: () => Date;
  private readonly warned = new Set<string>();
  private skippedForeign = 0;

  constructor(
    private readonly client: EventStoreDbClientPort,
    private readonly options: EventStoreDbOptions,
  ) {
    this.version = parseServerVersion(options.serverVersion);
    this.now = options.now ?? (() => new Date());
  }

  /** Connects and refuses a server older than the supported floor, before anything else is done. */
  static async connect(connectionString: string, options: Omit<EventStoreDbOptions, 'serverVersion'> = {}) {
    const client = EventStoreDBClient.connectionString(connectionString);
    const internals = client as unknown as {
      capabilities: Promise<{ serverVersion: string }>;
      getChannel: () => Promise<{ close(): void }>;
    };
    try {
      const { serverVersion } = await internals.capabilities;
      return new EventStoreDbEventStore(client, {
        ...options,
        serverVersion,
        closeChannel: async () => (await internals.getChannel()).close(),
      });
    } catch (error) {
      await client.dispose();
      (await internals.getChannel()).close();
      throw error;
    }
  }

  diagnostics(): StoreDiagnostics {
    return { serverVersion: this.version.text, skippedForeignEvents: this.skippedForeign };
  }

  async append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const batch = prepareAppend(stream, events, options, this.now);
    for (let attempt = 1; ; attempt++) {
      const tail = await this.lastEvent(batch.stream);
      const actual: ActualState = tail ? tail.revision : 'no_stream';
      const replay = await this.findReplay(batch, actual);
      if (replay) return replay;
      checkExpectedState(batch.stream, batch.expected, actual);
      const sealed = sealEvents(batch, tail ? tail.revision + 1 : 0, tail ? tail.hash : ZERO_HASH);
      try {
        await this.client.appendToStream(
          batch.stream,
          sealed.map((e, i) =>
            binaryEvent({
              id: e.eventId,
              type: e.type,
              data: Buffer.from(e.canonical, 'utf8'),
              metadata: {
                $correlationId: batch.events[i].metadata.correlationId,
                $causationId: batch.events[i].metadata.causationId,
                hash: e.hash,
              },
            }),
          ),
          { expectedRevision: tail ? BigInt(tail.revision) : NO_STREAM },
        );
      } catch (error) {
        if (error instanceof MaxAppendSizeExceededError)
          throw new AppendTooLarge(
            sealed.reduce((n, e) => n + Buffer.byteLength(e.canonical), 0),
            MAX_APPEND_BYTES,
            'the server',
          );
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const pinnedByCaller = typeof batch.expected === 'number' || batch.expected === 'no_stream';
        if (pinnedByCaller) {
          const now = await this.lastEvent(batch.stream);
          const replayed = await this.findReplay(batch, now ? now.revision : 'no_stream');
          if (replayed) return replayed;
          throw new WrongExpectedRevision(batch.stream, batch.expected, now ? now.revision : 'no_stream');
        }
        // `any` and `stream_exists` must land: another writer took the revision, so chain onto theirs.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));
        continue;
      }
      // The append result carries only the commit's position; read the batch back for each event's own.
      const written = await this.readRange(batch.stream, sealed[0].revision, sealed.length);
      const results = written.map((e) => ({
        eventId: e.eventId,
        revision: e.revision,
        position: e.position,
        hash: e.hash,
      }));
      const last = results[results.length - 1];
      return { nextExpectedRevision: last.revision, position: last.position, events: results };
    }
  }

  /**
   * A batch whose first id is already where this expected state would have put it is a retry.
   * With `any` or `stream_exists` it could be anywhere in the stream, so the whole stream is searched.
   */
  private async findReplay(batch: PreparedAppend, actual: ActualState): Promise<AppendResult | undefined> {
    if (actual === 'no_stream') return undefined;
    const ids = new Set(batch.events.map((e) => e.id));
    const stored = new Map<string, StoredCopy>();
    const keep = (e: RecordedEvent) => {
      if (ids.has(e.eventId))
        stored.set(e.eventId, { envelope: parseEnvelope(e.canonical), position: e.position, hash: e.hash });
    };
    if (typeof batch.expected === 'number' || batch.expected === 'no_stream') {
      const from = batch.expected === 'no_stream' ? 0 : batch.expected + 1;
      for (const e of await this.readRange(batch.stream, from, Math.min(actual - from + 1, batch.events.length + 64)))
        keep(e);
    } else
      for await (const e of this.readOurs(batch.stream, { fromRevision: END, direction: BACKWARDS })) {
        keep(e);
        if (stored.size === ids.size) break;
      }
    return stored.size === 0 ? undefined : resultOfReplayedAppend(batch, stored, actual);
  }

  private async lastEvent(stream: string): Promise<RecordedEvent | undefined> {
    for await (const e of this.readOurs(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) return e;
    return undefined;
  }

  private async readRange(stream: string, from: number, count: number): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    if (count <= 0) return out;
    for await (const e of this.readOurs(stream, { fromRevision: BigInt(from), direction: FORWARDS, maxCount: count }))
      out.push(e);
    return out;
  }

  /** A stream's events of this log, or none when it does not exist. */
  private async *readOurs(
    stream: string,
    options: Parameters<EventStoreDBClient['readStream']>[1],
  ): AsyncGenerator<RecordedEvent> {
    try {
      yield* this.ours(this.client.readStream(stream, options));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
  }

  private async *ours(reading: StreamingRead<ResolvedEvent | AllStreamResolvedEvent>): AsyncGenerator<RecordedEvent> {
    for await (const resolved of readToEnd(reading)) {
      const record = this.classify(resolved);
      if (record.kind === 'ours') yield record.event;
    }
  }

  private classify(resolved: ResolvedEvent | AllStreamResolvedEvent): ServerRecord {
    const record = classifyRecord(resolved);
    if (record.kind === 'foreign') this.noteForeign(record);
    return record;
  }

  private noteForeign(record: Extract<ServerRecord, { kind: 'foreign' }>): void {
    const key = `${record.where}:${record.position}`;
    if (this.warned.has(key)) return;
    if (this.warned.size < 10_000) this.warned.add(key);
    this.skippedForeign++;
    (this.options.warn ?? console.warn)(
      `EventStoreDB: skipped ${record.where} at ${record.position ?? 'no position'}, not an event of this log (${record.reason})`,
    );
  }

  async *readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    const { direction, from, maxCount } = checkReadStreamOptions(options);
    if (maxCount === 0) return;
    try {
      yield* this.ours(
        this.client.readStream(stream, {
          fromRevision: from === undefined ? (direction === 'forwards' ? START : END) : BigInt(from),
          direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
          maxCount: maxCount === Number.MAX_SAFE_INTEGER ? undefined : maxCount,
        }),
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new StreamNotFound(stream);
      throw error;
    }
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    const filter = checkFilter(options?.filter);
    let left = checkMaxCount(options?.maxCount);
    if (left === 0) return;
    if (filter.categories || filter.eventTypes) {
      yield* this.readAllFiltered(options?.fromExclusive, filter, left);
      return;
    }
    let after = options?.fromExclusive;
    // The client's $all reads take no filter, so they are paged: each page is a call that ends by itself.
    for (;;) {
      const pageSize = Math.min(PAGE + 1, left + 1);
      let seen = 0;
      let lastPosition: GlobalPosition | undefined;
      for await (const resolved of readToEnd(this.readAllPage(after, pageSize))) {
        seen++;
        const record = this.classify(resolved);
        const position = record.kind === 'ours' ? record.event.position : record.position;
        if (position === undefined || position === after) continue;
        lastPosition = position;
        if (record.kind !== 'ours' || !matchesFilter(filter, record.event)) continue;
        yield record.event;
        if (--left === 0) return;
      }
      if (seen < pageSize || lastPosition === undefined) return;
      after = lastPosition;
    }
  }

  /**
   * The client's reads of $all cannot filter, but its subscriptions filter on the server: a filtered
   * read is a catch-up subscription that ends when it has caught up or has enough, so only the
   * matching events cross the wire.
   */
  private async *readAllFiltered(
    fromExclusive: GlobalPosition | undefined,
    filter: EventFilter,
    maxCount: number,
  ): AsyncGenerator<RecordedEvent> {
    const controller = new AbortController();
    let left = maxCount;
    try {
      for await (const m of this.subscribeAll({ fromExclusive, filter, signal: controller.signal })) {
        if (m.kind === 'caughtUp') return;
        if (m.kind !== 'event') continue;
        yield m.event;
        if (--left === 0) return;
      }
    } finally {
      controller.abort();
    }
  }

  /** readAll's start is inclusive, a checkpoint is exclusive: the record at `after` itself is skipped by the caller. */
  private readAllPage(after: GlobalPosition | undefined, maxCount: number) {
    const options: ClientReadAllOptions = {
      fromPosition: after === undefined ? START : decodePosition(after),
      direction: FORWARDS,
      maxCount,
    };
    return this.client.readAll(options);
  }

  async *subscribeAll(options?: SubscribeAllOptions): AsyncIterable<SubscriptionMessage> {
    const filter = checkFilter(options?.filter);
    const signal = options?.signal;
    if (signal?.aborted) return;
    const from = options?.fromExclusive;
    const headBefore = await this.headPosition();
    const start = from === undefined ? START : await this.subscriptionStart(decodePosition(from));
    yield* orderedSubscription({
      subscribe: (checkpointReached) =>
        this.client.subscribeToAll({ fromPosition: start, filter: serverFilter(filter, checkpointReached) }),
      filter,
      from,
      headBefore: headBefore !== undefined && (from === undefined || headBefore > from) ? headBefore : undefined,
      onForeign: (record) => this.noteForeign(record),
      signal,
    });
  }

  /**
   * Where to ask the server to start so that it delivers exactly what follows `after`.
   * 24.x starts strictly after the position. 23.10 reads the record at or after it and skips that
   * one, whatever it is: from a page checkpoint `(N, 0)` it would skip the event at `(N, N)`.
   * There, start from the record at `after` itself, or else from the last record before it.
   */
  private async subscriptionStart(after: Position): Promise<Position | typeof START> {
    if (!skipsFirstRecord(this.version)) return after;
    for await (const r of readToEnd(this.client.readAll({ fromPosition: after, direction: FORWARDS, maxCount: 1 })))
      if (r.event?.position && r.event.position.commit === after.commit && r.event.position.prepare === after.prepare)
        return after;
    for await (const r of readToEnd(this.client.readAll({ fromPosition: after, direction: BACKWARDS, maxCount: 1 })))
      if (r.event?.position) return r.event.position;
    return START;
  }

  /** The last record that is not the server's own, however many system records follow it. */
  async headPosition(): Promise<GlobalPosition | undefined> {
    let before: Position | typeof END = END;
    // Usually the last record is ours: read a few first, then pages past the server's own records.
    for (let page = 8; ; page = 100) {
      let seen = 0;
      let oldest: Position | undefined;
      for await (const resolved of readToEnd(
        this.client.readAll({ fromPosition: before, direction: BACKWARDS, maxCount: page }),
      )) {
        seen++;
        const record = this.classify(resolved);
        if (record.kind === 'system') oldest = resolved.event?.position ?? oldest;
        else if (record.kind === 'ours') return record.event.position;
        else if (record.position !== undefined) return record.position;
      }
      if (seen < page || oldest === undefined) return undefined;
      before = oldest;
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
    await this.options.closeChannel?.();
  }
}
