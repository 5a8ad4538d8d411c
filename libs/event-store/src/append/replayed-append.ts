import { canonicalBytes } from '../envelope/canonical-json';
import { eventContent, type EventEnvelope } from '../envelope/event-envelope';
import { type ActualState, DuplicateEventId, WrongExpectedRevision } from '../port/event-store.errors';
import type { AppendResult } from '../port/event-store.port';
import type { GlobalPosition } from '../port/global-position';
import type { PreparedAppend } from './prepare-append';

export interface StoredCopy {
  envelope: EventEnvelope;
  position: GlobalPosition;
  hash: string;
}

/**
 * A batch some of whose ids are already stored. It is a retry only if every event is stored,
 * in this stream, consecutively, with the same content, where this expected state put it:
 * then the original result is returned and nothing is written. Anything else is an error.
 */
export const resultOfReplayedAppend = (
  batch: PreparedAppend,
  stored: Map<string, StoredCopy>,
  actual: ActualState,
): AppendResult => {
  const first = stored.get(batch.events[0].id);
  batch.events.forEach((e, i) => {
    const copy = stored.get(e.id);
    if (!copy) {
      const clash = [...stored.values()][0].envelope;
      throw new DuplicateEventId(clash.eventId, { stream: clash.stream, revision: clash.revision });
    }
    const sameContent = canonicalBytes(eventContent(copy.envelope)).equals(canonicalBytes(eventContent(e)));
    const samePlace =
      first && copy.envelope.stream === batch.stream && copy.envelope.revision === first.envelope.revision + i;
    if (!sameContent || !samePlace)
      throw new DuplicateEventId(e.id, { stream: copy.envelope.stream, revision: copy.envelope.revision });
  });
  const firstRevision = first!.envelope.revision;
  const expected = batch.expected;
  const consistent =
    expected === 'any' ||
    (expected === 'no_stream' && firstRevision === 0) ||
    (expected === 'stream_exists' && firstRevision > 0) ||
    expected === firstRevision - 1;
  if (!consistent) throw new WrongExpectedRevision(batch.stream, expected, actual);
  const events = batch.events.map((e) => {
    const copy = stored.get(e.id)!;
    return { eventId: e.id, revision: copy.envelope.revision, position: copy.position, hash: copy.hash };
  });
  const last = events[events.length - 1];
  return { nextExpectedRevision: last.revision, position: last.position, events };
};
