import { hash as oneShotHash } from 'node:crypto';
import { ENVELOPE_VERSION } from '../envelope/event-envelope';
import { envelopeText } from '../envelope/envelope-text';
import { AppendTooLarge, EventTooLarge } from '../port/event-store.errors';
import { APPEND_OVERHEAD_BYTES, MAX_APPEND_BYTES, MAX_EVENT_BYTES, type PreparedAppend } from './prepare-append';

export interface SealedEvent {
  eventId: string;
  type: string;
  revision: number;
  /** Lower-case hex. */
  prevHash: string;
  hash: string;
  canonical: string;
}

/**
 * Places a prepared batch after the stream's current tail and chains it: each envelope names
 * the hash of the event before it, so the stream cannot be edited, reordered or cut in the middle.
 */
export const sealEvents = (batch: PreparedAppend, firstRevision: number, prevHash: string): SealedEvent[] => {
  let prev = prevHash;
  let total = 0;
  const sealed = batch.events.map((e, i) => {
    const revision = firstRevision + i;
    const canonical = envelopeText({
      v: ENVELOPE_VERSION,
      stream: batch.stream,
      revision,
      eventId: e.id,
      type: e.type,
      schemaVersion: e.schemaVersion,
      recordedAt: e.recordedAt,
      dataJson: e.dataJson,
      metadataJson: e.metadataJson,
      prevHash: prev,
    });
    // The RFC 6962 leaf prefix 0x00 goes in front of the bytes, so one buffer is hashed in one call.
    const prefixed = Buffer.from(`\0${canonical}`, 'utf8');
    if (prefixed.length - 1 > MAX_EVENT_BYTES) throw new EventTooLarge(e.id, prefixed.length - 1, MAX_EVENT_BYTES);
    const hash = oneShotHash('sha256', prefixed, 'hex');
    const sealed: SealedEvent = { eventId: e.id, type: e.type, revision, prevHash: prev, hash, canonical };
    prev = hash;
    total += prefixed.length - 1 + APPEND_OVERHEAD_BYTES;
    return sealed;
  });
  if (total > MAX_APPEND_BYTES) throw new AppendTooLarge(total, MAX_APPEND_BYTES);
  return sealed;
};
