import { EventEmitter } from 'node:events';

/**
 * An in-memory model of what an EventStoreDB server does for the calls our adapter makes, written
 * from the server's source (src/EventStore.Core/Services/Transport/Enumerators/Enumerator.*.cs at
 * v24.10.0, and Grpc/Enumerators.*.cs at oss-v23.10.0) and its documentation. It has never been
 * compared with a running server; where it guesses, it guesses towards the behaviour that hurts a
 * client most (sparse positions, page checkpoints that trail, skip-first resumes, drops).
 *
 * - Every record, system or not, has a byte-offset-like position, commit = prepare, with gaps.
 * - Catch-up pages hold `maxSearchWindow` considered records; a page checkpoint is `(N, 0)`, N the
 *   position of the next record to read, so it sorts before that record's own `(N, N)`.
 * - 24.x starts a subscription strictly after its position and ends catch-up with a checkpoint at
 *   the last event sent (trailing any filtered-out tail). 23.10 reads the first record at or after
 *   the position and skips it. Before 23.10 no `caughtUp` is ever sent.
 * - An append over `maxAppendSize` bytes (data + metadata of all its events) is refused whole.
 */
export type ServerVersion = '22.10.0' | '23.10.0' | '24.10.0';

export interface ModelRecord {
  stream: string;
  id: string;
  revision: bigint;
  type: string;
  json: boolean;
  data: Uint8Array;
  metadata: Uint8Array;
  position: bigint;
  created: Date;
}

export interface ModelPosition {
  commit: bigint;
  prepare: bigint;
}

export interface ProposedEvent {
  id: string;
  type: string;
  json: boolean;
  data: Uint8Array;
  metadata: Uint8Array;
}

export type ModelExpected = bigint | 'any' | 'no_stream' | 'stream_exists';

export type AppendOutcome =
  | { kind: 'ok'; revision: bigint; position: bigint }
  | { kind: 'wrong-expected-version'; current: bigint | 'no_stream'; expected: ModelExpected }
  | { kind: 'too-large'; maxAppendSize: number };

export interface ModelFilter {
  on: 'stream' | 'type';
  regex?: string;
  prefixes?: string[];
  maxSearchWindow: number;
  checkpointIntervalMultiplier: number;
}

export type SubscriptionMessage =
  | { kind: 'confirmation'; id: string }
  | { kind: 'event'; record: ModelRecord }
  | { kind: 'checkpoint'; position: ModelPosition }
  | { kind: 'caughtUp' };

/** Thrown into a running subscription by `dropSubscriptions`: ends its call with this gRPC status. */
export class SubscriptionDropped extends Error {
  constructor(
    readonly code: number,
    readonly details: string,
  ) {
    super(details);
  }
}

const RECORD_OVERHEAD = 97n;
const idempotencyWindow = 64;

export const comparePositions = (a: ModelPosition, b: ModelPosition): number =>
  a.commit === b.commit ? Number(a.prepare - b.prepare) : a.commit < b.commit ? -1 : 1;

const at = (r: ModelRecord): ModelPosition => ({ commit: r.position, prepare: r.position });

export class EsdbModel {
  readonly records: ModelRecord[] = [];
  maxAppendSize = 1024 * 1024;
  /** Calls the server has not finished: reads and subscriptions still streaming, appends not answered. */
  openCalls = 0;
  /** Records sent to clients, by reads and subscriptions. */
  recordsSent = 0;
  private readonly streams = new Map<string, ModelRecord[]>();
  private nextPosition = 0n;
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly drops = new Set<(error: SubscriptionDropped) => void>();
  private subscriptions = 0;

  constructor(readonly version: ServerVersion = '24.10.0') {
    // A fresh server's log starts with its own records.
    this.write('$epochs', [systemEvent('$epoch-information')]);
    this.write('$$$settings', [systemEvent('$metadata')]);
  }

  get supportsCaughtUp(): boolean {
    return this.version >= '23.10.0';
  }

  /** Writes without any check: system records, other applications' events. */
  write(stream: string, events: ProposedEvent[]): ModelRecord[] {
    const existing = this.streams.get(stream) ?? [];
    const written = events.map((e): ModelRecord => {
      const record: ModelRecord = {
        ...e,
        stream,
        revision: BigInt(existing.length),
        position: this.nextPosition,
        created: new Date(),
      };
      this.nextPosition += RECORD_OVERHEAD + BigInt(stream.length + e.type.length + e.data.length + e.metadata.length);
      existing.push(record);
      this.records.push(record);
      return record;
    });
    this.streams.set(stream, existing);
    this.appended.emit('records');
    return written;
  }

  append(stream: string, expected: ModelExpected, events: ProposedEvent[]): AppendOutcome {
    const size = events.reduce((sum, e) => sum + e.data.length + e.metadata.length, 0);
    if (size > this.maxAppendSize) return { kind: 'too-large', maxAppendSize: this.maxAppendSize };
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length === 0 ? ('no_stream' as const) : BigInt(existing.length - 1);
    const retried = this.retriedBatch(existing, expected, events);
    if (retried) return { kind: 'ok', revision: retried.revision, position: retried.position };
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === 'no_stream') ||
      (expected === 'stream_exists' && current !== 'no_stream') ||
      expected === current;
    if (!ok) return { kind: 'wrong-expected-version', current, expected };
    const written = this.write(stream, events);
    const last = written[written.length - 1];
    return { kind: 'ok', revision: last.revision, position: last.position };
  }

  /** The server's idempotency: the same ids right after the expected revision, or (best effort) among the last few. */
  private retriedBatch(
    existing: ModelRecord[],
    expected: ModelExpected,
    events: ProposedEvent[],
  ): ModelRecord | undefined {
    const matchesAt = (start: number) =>
      start >= 0 && start + events.length <= existing.length && events.every((e, i) => existing[start + i].id === e.id);
    if (typeof expected === 'bigint' || expected === 'no_stream') {
      const start = expected === 'no_stream' ? 0 : Number(expected) + 1;
      return matchesAt(start) ? existing[start + events.length - 1] : undefined;
    }
    for (let start = Math.max(0, existing.length - idempotencyWindow); start < existing.length; start++)
      if (matchesAt(start)) return existing[start + events.length - 1];
    return undefined;
  }

  readStream(
    stream: string,
    from: bigint | 'start' | 'end',
    backwards: boolean,
    count: number,
  ): ModelRecord[] | 'not-found' {
    const records = this.streams.get(stream);
    if (!records || records.length === 0) return 'not-found';
    if (backwards) {
      const top = from === 'end' || from === 'start' ? records.length - 1 : Math.min(Number(from), records.length - 1);
      return records.slice(Math.max(0, top - count + 1), top + 1).reverse();
    }
    const start = from === 'start' || from === 'end' ? (from === 'end' ? records.length : 0) : Number(from);
    return records.slice(start, start + count);
  }

  /** Forwards from a position includes the record there; backwards from it gives the records before it. */
  readAll(from: ModelPosition | 'start' | 'end', backwards: boolean, count: number): ModelRecord[] {
    if (backwards) {
      const end = from === 'end' ? this.records.length : from === 'start' ? 0 : this.firstAtOrAfter(from);
      return this.records.slice(Math.max(0, end - count), end).reverse();
    }
    const start = from === 'start' ? 0 : from === 'end' ? this.records.length : this.firstAtOrAfter(from);
    return this.records.slice(start, start + count);
  }

  private firstAtOrAfter(p: ModelPosition): number {
    const i = this.records.findIndex((r) => comparePositions(at(r), p) >= 0);
    return i < 0 ? this.records.length : i;
  }

  /** Ends every running subscription with a gRPC status (a restart, an election, a "consumer too slow"). */
  dropSubscriptions(code = 14, details = 'Server restarting'): void {
    for (const drop of [...this.drops]) drop(new SubscriptionDropped(code, details));
  }

  get runningSubscriptions(): number {
    return this.subscriptions;
  }

  /** A catch-up subscription to $all, message by message; the caller's pace is its backpressure. */
  async *subscribeToAll(
    from: ModelPosition | 'start' | 'end',
    filter: ModelFilter | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<SubscriptionMessage> {
    let dropped: SubscriptionDropped | undefined;
    let wake: (() => void) | undefined;
    const onDrop = (error: SubscriptionDropped) => {
      dropped = error;
      wake?.();
    };
    const onRecords = () => wake?.();
    const onAbort = () => wake?.();
    this.drops.add(onDrop);
    this.appended.on('records', onRecords);
    signal.addEventListener('abort', onAbort);
    this.subscriptions++;
    const check = () => {
      if (dropped) throw dropped;
    };
    try {
      yield { kind: 'confirmation', id: `sub-${this.subscriptions}` };
      const passes = (r: ModelRecord) => (filter ? matches(filter, filter.on === 'stream' ? r.stream : r.type) : true);
      const interval = filter ? filter.maxSearchWindow * filter.checkpointIntervalMultiplier : Infinity;
      let next = this.startIndex(from);
      let lastSent: ModelPosition | undefined = typeof from === 'object' ? from : undefined;
      if (from !== 'end') {
        let counter = 0;
        const window = filter?.maxSearchWindow ?? 32;
        for (;;) {
          const page = this.records.slice(next, next + window);
          for (const r of page) {
            check();
            if (signal.aborted) return;
            if (passes(r)) {
              yield { kind: 'event', record: r };
              lastSent = at(r);
            }
          }
          next += page.length;
          counter += page.length;
          const end = next >= this.records.length;
          if (end) {
            if (filter && this.version >= '24.10.0')
              yield { kind: 'checkpoint', position: lastSent ?? { commit: 0n, prepare: 0n } };
            break;
          }
          if (filter && counter >= interval) {
            counter %= interval;
            const pageCheckpoint = { commit: this.records[next].position, prepare: 0n };
            const position = lastSent && comparePositions(lastSent, pageCheckpoint) > 0 ? lastSent : pageCheckpoint;
            yield { kind: 'checkpoint', position };
          }
        }
      }
      if (this.supportsCaughtUp) yield { kind: 'caughtUp' };
      let counter = 0;
      for (;;) {
        check();
        if (signal.aborted) return;
        if (next >= this.records.length) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        const r = this.records[next++];
        if (passes(r)) yield { kind: 'event', record: r };
        else if (filter && ++counter >= interval) {
          counter = 0;
          yield { kind: 'checkpoint', position: at(r) };
        }
      }
    } finally {
      this.subscriptions--;
      this.drops.delete(onDrop);
      this.appended.off('records', onRecords);
      signal.removeEventListener('abort', onAbort);
    }
  }

  private startIndex(from: ModelPosition | 'start' | 'end'): number {
    if (from === 'start') return 0;
    if (from === 'end') return this.records.length;
    if (this.version >= '24.10.0') {
      const i = this.records.findIndex((r) => comparePositions(at(r), from) > 0);
      return i < 0 ? this.records.length : i;
    }
    // 23.10 and before: read one record from the position and continue after it, whatever it was.
    return Math.min(this.firstAtOrAfter(from) + 1, this.records.length);
  }
}

const matches = (filter: ModelFilter, value: string): boolean =>
  filter.regex !== undefined
    ? new RegExp(filter.regex).test(value)
    : (filter.prefixes ?? []).some((p) => value.startsWith(p));

const systemEvent = (type: string): ProposedEvent => ({
  id: crypto.randomUUID(),
  type,
  json: true,
  data: Buffer.from('{}'),
  metadata: new Uint8Array(),
});

/** Records of the server's own, as persistent-subscription checkpoints and statistics write them. */
export const systemRecords = (model: EsdbModel, count: number): void => {
  for (let i = 0; i < count; i++)
    model.write('$persistentsubscription-checkpoint', [systemEvent('$SubscriptionCheckpoint')]);
};
