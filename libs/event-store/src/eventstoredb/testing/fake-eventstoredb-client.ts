import { EventEmitter } from 'node:events';
import {
  ANY,
  BACKWARDS,
  END,
  type EventData,
  type Filter,
  NO_STREAM,
  type Position,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EventStoreDbClientPort } from '../eventstoredb-event-store';

interface FakeRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: Uint8Array;
  metadata: unknown;
  isJson: false;
  position: Position;
  created: Date;
}

type Options = Record<string, unknown> | undefined;

/**
 * An in-memory stand-in for EventStoreDB's gRPC client, following the server's documented
 * behaviour for what the adapter uses: expected-revision checks, id-based idempotency at the
 * expected position, StreamNotFoundError raised while iterating, inclusive readAll starts,
 * exclusive subscription starts, server-side regex filters, and 'caughtUp'. It lets the
 * conformance suite exercise the adapter's own logic here, where no server can run.
 */
export class FakeEventStoreDbClient implements EventStoreDbClientPort {
  private readonly log: FakeRecord[] = [];
  private readonly streams = new Map<string, FakeRecord[]>();
  private readonly live = new EventEmitter().setMaxListeners(0);

  async appendToStream(stream: string, events: EventData | EventData[], options?: Options) {
    const batch = Array.isArray(events) ? events : [events];
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length === 0 ? NO_STREAM : BigInt(existing.length - 1);
    const expected = (options?.expectedRevision ?? ANY) as
      bigint | typeof ANY | typeof NO_STREAM | typeof STREAM_EXISTS;
    if (typeof expected === 'bigint' && existing.length > Number(expected) + 1) {
      const at = existing.slice(Number(expected) + 1, Number(expected) + 1 + batch.length);
      if (at.length === batch.length && at.every((r, i) => r.id === batch[i].id))
        return {
          success: true,
          nextExpectedRevision: at[at.length - 1].revision,
          position: at[at.length - 1].position,
        };
    }
    const ok =
      expected === ANY ||
      (expected === NO_STREAM && current === NO_STREAM) ||
      (expected === STREAM_EXISTS && current !== NO_STREAM) ||
      expected === current;
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName: stream, expected, current } as never);
    const commit = BigInt(this.log.length * 1000 + 1000);
    const records = batch.map((e, i): FakeRecord => {
      const record: FakeRecord = {
        streamId: stream,
        id: e.id,
        revision: BigInt(existing.length),
        type: e.type,
        data: e.data as Uint8Array,
        metadata: e.metadata,
        isJson: false,
        position: { commit, prepare: commit + BigInt(i) },
        created: new Date(),
      };
      existing.push(record);
      this.log.push(record);
      return record;
    });
    this.streams.set(stream, existing);
    for (const record of records) this.live.emit('record', record);
    const last = records[records.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  readStream(stream: string, options?: Options) {
    const records = this.streams.get(stream);
    const backwards = options?.direction === BACKWARDS;
    const from = options?.fromRevision ?? (backwards ? END : START);
    const maxCount = (options?.maxCount as number | bigint | undefined) ?? Number.MAX_SAFE_INTEGER;
    return (async function* () {
      if (!records) throw new StreamNotFoundError(undefined, stream);
      const ordered = backwards ? [...records].reverse() : records;
      const start =
        from === START || from === END
          ? 0
          : ordered.findIndex((r) => (backwards ? r.revision <= (from as bigint) : r.revision >= (from as bigint)));
      if (start < 0) return;
      for (const event of ordered.slice(start, start + Number(maxCount))) yield { event };
    })() as never;
  }

  readAll(options?: Options) {
    const backwards = options?.direction === BACKWARDS;
    const from = options?.fromPosition ?? (backwards ? END : START);
    const maxCount = Number((options?.maxCount as number | undefined) ?? Number.MAX_SAFE_INTEGER);
    const log = this.log;
    return (async function* () {
      const ordered = backwards ? [...log].reverse() : log;
      const start =
        from === START || from === END
          ? 0
          : ordered.findIndex((r) => comparePosition(r.position, from as Position) >= 0);
      if (start < 0) return;
      for (const event of ordered.slice(start, start + maxCount))
        yield { event, commitPosition: event.position.commit };
    })() as never;
  }

  subscribeToAll(options?: Options) {
    const from = (options?.fromPosition ?? START) as Position | typeof START;
    const filter = options?.filter as Filter | undefined;
    const pattern = filter && 'regex' in filter ? new RegExp(filter.regex) : undefined;
    const passes = (r: FakeRecord) => !pattern || pattern.test(filter?.filterOn === 'streamName' ? r.streamId : r.type);
    const subscription = new EventEmitter() as EventEmitter & {
      unsubscribe(): Promise<void>;
      pause(): void;
      resume(): void;
    };
    let paused = false;
    const backlog: FakeRecord[] = [];
    // With checkpointInterval × maxSearchWindow = 1, the server reports a checkpoint for each filtered-out event.
    const deliver = (r: FakeRecord) => {
      if (paused) backlog.push(r);
      else if (passes(r)) subscription.emit('data', { event: r, commitPosition: r.position.commit });
      else void filter?.checkpointReached?.(subscription as never, r.position);
    };
    const onRecord = (r: FakeRecord) => deliver(r);
    subscription.pause = () => void (paused = true);
    subscription.resume = () => {
      paused = false;
      backlog.splice(0).forEach(deliver);
    };
    subscription.unsubscribe = async () => {
      this.live.off('record', onRecord);
      subscription.emit('end');
    };
    setImmediate(() => {
      for (const r of this.log) if (from === START || comparePosition(r.position, from) > 0) deliver(r);
      subscription.emit('caughtUp');
      this.live.on('record', onRecord);
    });
    return subscription as never;
  }

  async dispose(): Promise<void> {
    this.live.removeAllListeners();
  }
}

const comparePosition = (a: Position, b: Position): number =>
  a.commit === b.commit ? Number(a.prepare - b.prepare) : Number(a.commit - b.commit);
