import { canonicalBytes } from '../envelope/canonical-json';
import { ENVELOPE_VERSION, type EventEnvelope, leafHash } from '../envelope/event-envelope';
import { EventTooLarge } from '../port/event-store.errors';
import type { JsonValue } from '../port/event-store.port';
import { MAX_EVENT_BYTES, type PreparedAppend } from './prepare-append';

export interface SealedEvent {
  eventId: string;
  type: string;
  revision: number;
  prevHash: Buffer;
  hash: Buffer;
  canonical: Buffer;
}

/**
 * Places a prepared batch after the stream's current tail and chains it: each envelope names
 * the hash of the event before it, so the stream cannot be edited, reordered or cut in the middle.
 */
export const sealEvents = (batch: PreparedAppend, firstRevision: number, prevHash: Buffer): SealedEvent[] => {
  let prev = prevHash;
  return batch.events.map((e, i) => {
    const revision = firstRevision + i;
    const envelope: EventEnvelope = {
      v: ENVELOPE_VERSION,
      stream: batch.stream,
      revision,
      eventId: e.id,
      type: e.type,
      schemaVersion: e.schemaVersion,
      recordedAt: e.recordedAt,
      data: e.data,
      metadata: e.metadata,
      prevHash: prev.toString('hex'),
    };
    const canonical = canonicalBytes(envelope as unknown as JsonValue);
    if (canonical.length > MAX_EVENT_BYTES) throw new EventTooLarge(e.id, canonical.length, MAX_EVENT_BYTES);
    const hash = leafHash(canonical);
    const sealed: SealedEvent = { eventId: e.id, type: e.type, revision, prevHash: prev, hash, canonical };
    prev = hash;
    return sealed;
  });
};
