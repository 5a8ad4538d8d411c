import type { Decider, DomainEvent } from '@ceasefire/decider';
import { type EventStore, type RecordedEvent, StreamNotFound } from '@ceasefire/event-store';

/** An event of the stream as a write answers with it. */
export interface EventSummary {
  eventId: string;
  type: string;
  revision: number;
  position: string;
  hash: string;
}

/** What a write needs of its stream: the state it folds to, its last event, and what each Idempotency-Key wrote. */
export interface FoldedStream<S> {
  state: S;
  /** Events in the stream. */
  length: number;
  last: EventSummary | undefined;
  /** The events written under each Idempotency-Key, and the hash of the request that wrote them. */
  keyed: ReadonlyMap<string, KeyedWrite>;
}

export interface KeyedWrite {
  requestHash: unknown;
  events: EventSummary[];
}

type Evolving<E extends DomainEvent, S> = Pick<Decider<never, E, S>, 'evolve' | 'initialState'>;

interface Entry {
  decider: object;
  folded: FoldedStream<unknown>;
  /** Canonical bytes of the events folded into it: what its state is made of, give or take. */
  bytes: number;
}

/** Enough for the states of a few hundred long cases; a stream folded from more than this is not kept. */
export const FOLDED_BYTES = 64 * 1024 * 1024;

/** Events folded between two turns of the event loop: a few milliseconds' work. */
const YIELD_EVERY = 100;

/** A recorded event as its decider's evolve takes it. */
export const asDomainEvent = <E extends DomainEvent>(e: RecordedEvent): E => ({ type: e.type, data: e.data }) as E;

const summaryOf = (e: RecordedEvent): EventSummary => ({
  eventId: e.eventId,
  type: e.type,
  revision: e.revision,
  position: e.position,
  hash: e.hash,
});

/**
 * The state each stream folded to when last written, so the next write reads and folds only the events
 * appended since (by anyone: this process, another node, another client), not the whole stream again.
 * A stream only grows, so a kept state is never wrong, at worst behind. Evolve is pure: a kept state is
 * shared by the writes that start from it and never changed. Least recently used streams go first.
 */
export class FoldedStreams {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly store: EventStore,
    private readonly maxBytes = FOLDED_BYTES,
  ) {}

  async load<E extends DomainEvent, S>(stream: string, decider: Evolving<E, S>): Promise<FoldedStream<S>> {
    const kept = this.entries.get(stream);
    const from = kept && kept.decider === decider ? kept : undefined;
    let state = from ? (from.folded.state as S) : decider.initialState();
    let length = from ? from.folded.length : 0;
    let last = from?.folded.last;
    let bytes = from ? from.bytes : 0;
    // Shared with the kept state and only added to: it may name events appended after that state, which are
    // in the stream all the same, so a retry seen by a write that started from an older state is still a retry.
    const keyed = (from?.folded.keyed as Map<string, KeyedWrite> | undefined) ?? new Map<string, KeyedWrite>();
    try {
      let sinceYield = 0;
      for await (const e of this.store.readStream(stream, from ? { from: length } : undefined)) {
        // A first fold of a long case takes ~100 ms: other requests run between its slices.
        if (++sinceYield === YIELD_EVERY) {
          sinceYield = 0;
          await new Promise(setImmediate);
        }
        state = decider.evolve(state, asDomainEvent<E>(e));
        length = e.revision + 1;
        last = summaryOf(e);
        bytes += e.canonical.length;
        const key = e.metadata.idempotencyKey;
        if (typeof key === 'string') {
          const earlier = keyed.get(key);
          // Two writes folding the same new events from one kept state must not count them twice.
          if (!earlier) keyed.set(key, { requestHash: e.metadata.requestHash, events: [last] });
          else if (earlier.events[earlier.events.length - 1].revision < e.revision) earlier.events.push(last);
        }
      }
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    const folded: FoldedStream<S> = { state, length, last, keyed };
    if (length > 0) this.keep(stream, { decider, folded, bytes });
    return folded;
  }

  private keep(stream: string, entry: Entry): void {
    const kept = this.entries.get(stream);
    // A slower load that started earlier must not put back an older state.
    if (kept && kept.decider === entry.decider && kept.folded.length > entry.folded.length) return;
    if (kept) this.forget(stream, kept);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(stream, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(oldest, old);
    }
  }

  private forget(stream: string, entry: Entry): void {
    this.entries.delete(stream);
    this.bytes -= entry.bytes;
  }
}

const perStore = new WeakMap<EventStore, FoldedStreams>();

/** The folded streams of one store, for as long as the store lives. */
export const foldedStreamsOf = (store: EventStore): FoldedStreams => {
  let folded = perStore.get(store);
  if (!folded) perStore.set(store, (folded = new FoldedStreams(store)));
  return folded;
};
