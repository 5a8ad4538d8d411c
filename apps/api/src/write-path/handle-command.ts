import type { Decider, DomainEvent } from '@ceasefire/decider';
import type { EventStore, JsonObject } from '@ceasefire/event-store';
import { deterministicUuid } from '../shared/deterministic-id';
import { timeOrderedUuid } from '../shared/time-ordered-id';
import { type EventSummary, foldedStreamsOf, type KeyedWrite } from './folded-streams';
import { IdempotencyKeyReused, PreconditionFailed, StreamRecordFull } from './write-errors';
import type { WriteContext } from './write-context';

export interface WriteResult {
  /** The stream written (or that would have been). */
  stream: string;
  /** Revision of the stream's last event: the next If-Match. */
  revision: number | null;
  position: string | null;
  events: WrittenEvent[];
  /** True when this answers a retried Idempotency-Key and nothing new was written. */
  replayed: boolean;
  /** The client's `Prefer: wait` was met: the ledger sequenced every event before the answer. */
  ledgerWaited?: boolean;
}

/** An event a write answers with: the stream's event, and its leaf index in the ledger once sequenced (null before; see LedgerSequencing). */
export type WrittenEvent = EventSummary & { ledgerIndex?: number | null };

export interface CommandOnStream<C, E extends DomainEvent, S> {
  stream: string;
  decider: Decider<C, E, S>;
  /** The domain command, completed from the state the stream folds to (e.g. the case's agreement). */
  command: (state: S) => C | Promise<C>;
  context: WriteContext;
  /** The stream is named by an id just generated, so it cannot exist yet: nothing to load (the append still expects no stream). */
  freshStream?: boolean;
}

/**
 * The one write path, behind every command handler: load the stream, fold, decide, append with the
 * revision loaded. The fold starts from the state the stream had at its last write (FoldedStreams).
 * Idempotency-Key, If-Match and the audit metadata (principal, role, correlation, signed submission)
 * are applied here and nowhere else. A retried Idempotency-Key finds its own events in the stream and
 * answers as the first time.
 */
export const handleCommand = async <C, E extends DomainEvent, S>(
  store: EventStore,
  { stream, decider, command: makeCommand, context, freshStream = false }: CommandOnStream<C, E, S>,
): Promise<WriteResult> => {
  const { state, length, last, keyed } = freshStream
    ? { state: decider.initialState(), length: 0, last: undefined, keyed: new Map<string, KeyedWrite>() }
    : await foldedStreamsOf(store).load(stream, decider);
  const actual = last ? last.revision : 'no_stream';
  const earlier = context.idempotencyKey ? keyed.get(context.idempotencyKey) : undefined;
  if (earlier) {
    if (earlier.requestHash !== context.requestHash) throw new IdempotencyKeyReused();
    const lastEarlier = earlier.events[earlier.events.length - 1];
    return {
      stream,
      revision: lastEarlier.revision,
      position: lastEarlier.position,
      events: earlier.events.map((e) => ({ ...e })),
      replayed: true,
    };
  }
  if (context.ifMatch !== undefined && context.ifMatch !== actual)
    throw new PreconditionFailed(context.ifMatch, actual);
  const decided = decider.decide(await makeCommand(state), state);
  // Bounded streams keep every load, fold and history of one case bounded too.
  if (context.maxStreamEvents !== undefined && length + decided.length > context.maxStreamEvents)
    throw new StreamRecordFull(stream, context.maxStreamEvents);
  if (decided.length === 0)
    return {
      stream,
      revision: last ? last.revision : null,
      position: last ? last.position : null,
      events: [],
      replayed: false,
    };
  const metadata = {
    correlationId: context.correlationId,
    principal: context.actor.principalId,
    role: context.actor.role,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey, requestHash: context.requestHash } : {}),
    ...(context.submission ? { submission: context.submission } : {}),
  };
  // A lost race for this revision surfaces as WrongExpectedRevision (409 with the current revision): never a silent retry.
  const result = await store.append(
    stream,
    decided.map((e, i) => ({
      id: context.idempotencyKey ? deterministicUuid(context.idempotencyKey, stream, String(i)) : timeOrderedUuid(),
      type: e.type,
      data: e.data as JsonObject,
      metadata,
      recordedAt: context.now,
    })),
    { expected: actual },
  );
  return {
    stream,
    revision: result.nextExpectedRevision,
    position: result.position,
    events: result.events.map((e, i) => ({ ...e, type: decided[i].type })),
    replayed: false,
  };
};
