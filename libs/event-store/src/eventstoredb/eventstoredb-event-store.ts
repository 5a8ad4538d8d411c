import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  binaryEvent,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  type ResolvedEvent,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { checkExpectedState } from '../append/check-expected-state';
import { type PreparedAppend, prepareAppend } from '../append/prepare-append';
import { resultOfReplayedAppend, type StoredCopy } from '../append/replayed-append';
import { sealEvents } from '../append/seal-events';
import { leafHash, parseEnvelope, ZERO_HASH } from '../envelope/event-envelope';
import { checkFilter, checkMaxCount, checkReadStreamOptions } from '../port/check-read-options';
import { type ActualState, StreamNotFound, WrongExpectedRevision } from '../port/event-store.errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  SubscriptionMessage,
} from '../port/event-store.port';
import type { GlobalPosition } from '../port/global-position';
import { AsyncQueue } from '../subscription/async-queue';
import { matchesFilter, serverFilter } from './eventstoredb-filter';
import { decodePosition, encodePosition } from './eventstoredb-position';

/** How far back an append with `any`/`stream_exists` looks for a retried batch (EventStoreDB's own check is best-effort too). */
const RETRY_WINDOW = 64;
const MAX_ATTEMPTS = 5;

type Stored = RecordedEvent;

/** The part of the client this adapter uses; a test can hand in a fake with the same behaviour. */
export type EventStoreDbClientPort = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

/**
 * The production adapter. Each event is stored as a binary event whose bytes are the canonical
 * envelope, so what EventStoreDB keeps is exactly what was hashed. Every physical append names the
 * exact revision it chained onto, so concurrent writers conflict instead of forking the chain;
 * `any` and `stream_exists` re-read and retry on such a conflict.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;

  constructor(
    private readonly client: EventStoreDbClientPort,
    private readonly now: () => Date = () => new Date(),
  ) {}

  static connect(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
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
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const pinnedByCaller = typeof batch.expected === 'number' || batch.expected === 'no_stream';
        if (pinnedByCaller || attempt >= MAX_ATTEMPTS) {
          const now = await this.lastEvent(batch.stream);
          const replayed = await this.findReplay(batch, now ? now.revision : 'no_stream');
          if (replayed) return replayed;
          throw new WrongExpectedRevision(batch.stream, batch.expected, now ? now.revision : 'no_stream');
        }
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

  /** A batch whose first id is already where this expected state would have put it is a retry. */
  private async findReplay(batch: PreparedAppend, actual: ActualState): Promise<AppendResult | undefined> {
    if (actual === 'no_stream') return undefined;
    const from =
      typeof batch.expected === 'number'
        ? batch.expected + 1
        : batch.expected === 'no_stream'
          ? 0
          : Math.max(0, actual - RETRY_WINDOW - batch.events.length + 1);
    const window = await this.readRange(
      batch.stream,
      from,
      Math.min(actual - from + 1, RETRY_WINDOW + batch.events.length),
    );
    const ids = new Set(batch.events.map((e) => e.id));
    const stored = new Map<string, StoredCopy>();
    for (const e of window)
      if (ids.has(e.eventId))
        stored.set(e.eventId, { envelope: parseEnvelope(e.canonical), position: e.position, hash: e.hash });
    return stored.size === 0 ? undefined : resultOfReplayedAppend(batch, stored, actual);
  }

  private async lastEvent(stream: string): Promise<Stored | undefined> {
    for await (const e of this.readStreamRaw(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 }))
      return e;
    return undefined;
  }

  private async readRange(stream: string, from: number, count: number): Promise<Stored[]> {
    const out: Stored[] = [];
    if (count <= 0) return out;
    for await (const e of this.readStreamRaw(stream, {
      fromRevision: BigInt(from),
      direction: FORWARDS,
      maxCount: count,
    }))
      out.push(e);
    return out;
  }

  private async *readStreamRaw(
    stream: string,
    options: Parameters<EventStoreDBClient['readStream']>[1],
  ): AsyncIterable<Stored> {
    try {
      for await (const resolved of this.client.readStream(stream, options)) {
        const event = toRecordedEvent(resolved);
        if (event) yield event;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
  }

  async *readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    const { direction, from, maxCount } = checkReadStreamOptions(options);
    if (maxCount === 0) return;
    try {
      const reading = this.client.readStream(stream, {
        fromRevision: from === undefined ? (direction === 'forwards' ? START : END) : BigInt(from),
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        maxCount: maxCount === Number.MAX_SAFE_INTEGER ? undefined : maxCount,
      });
      for await (const resolved of reading) {
        const event = toRecordedEvent(resolved);
        if (event) yield event;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new StreamNotFound(stream);
      throw error;
    }
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    const filter = checkFilter(options?.filter);
    let left = checkMaxCount(options?.maxCount);
    if (left === 0) return;
    const after = options?.fromExclusive;
    // readAll's start is inclusive, a checkpoint is exclusive: skip the event at the checkpoint itself.
    for await (const resolved of this.client.readAll({
      fromPosition: after === undefined ? START : decodePosition(after),
      direction: FORWARDS,
    })) {
      const event = toRecordedEvent(resolved);
      if (!event || event.position === after || !matchesFilter(filter, event)) continue;
      yield event;
      if (--left === 0) return;
    }
  }

  async *subscribeAll(options?: SubscribeAllOptions): AsyncIterable<SubscriptionMessage> {
    const filter = checkFilter(options?.filter);
    const signal = options?.signal;
    if (signal?.aborted) return;
    let last = options?.fromExclusive;
    const queue: AsyncQueue<SubscriptionMessage> = new AsyncQueue(
      1000,
      () => subscription.pause(),
      () => subscription.resume(),
    );
    const subscription = this.client.subscribeToAll({
      fromPosition: last === undefined ? START : decodePosition(last),
      filter: serverFilter(filter, (_sub, position) => {
        last = encodePosition(position);
        queue.push({ kind: 'checkpoint', position: last });
      }),
    });
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      const event = toRecordedEvent(resolved);
      if (!event) return;
      last = event.position;
      if (matchesFilter(filter, event)) queue.push({ kind: 'event', event });
      else queue.push({ kind: 'checkpoint', position: event.position });
    });
    subscription.on('caughtUp', () => queue.push({ kind: 'caughtUp', position: last }));
    subscription.on('error', (error) => queue.fail(error));
    subscription.on('end', () => queue.end());
    const stop = () => queue.end();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      yield* queue;
    } finally {
      signal?.removeEventListener('abort', stop);
      await subscription.unsubscribe();
    }
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 100 })) {
      const event = toRecordedEvent(resolved);
      if (event && matchesFilter({}, event)) return event.position;
    }
    return undefined;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

/** Only our own binary envelopes are events of this log; system and foreign events are skipped. */
const toRecordedEvent = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined => {
  const recorded = resolved.event;
  if (!recorded || recorded.isJson || !recorded.position || recorded.streamId.startsWith('$')) return undefined;
  const canonical = Buffer.from(recorded.data as Uint8Array).toString('utf8');
  const envelope = parseEnvelope(canonical);
  return {
    eventId: envelope.eventId,
    stream: envelope.stream,
    revision: envelope.revision,
    position: encodePosition(recorded.position),
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    data: envelope.data,
    metadata: envelope.metadata,
    recordedAt: envelope.recordedAt,
    hash: leafHash(canonical).toString('hex'),
    prevHash: envelope.prevHash,
    canonical,
  };
};
