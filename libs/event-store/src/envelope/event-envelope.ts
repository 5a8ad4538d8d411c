import { createHash } from 'node:crypto';
import type { EventMetadata, JsonObject, JsonValue } from '../port/event-store.port';

/**
 * Leaf format version; each keeps its meaning for ever.
 * - v1: the envelope below; `data` is the event's data in clear.
 * - v2 (written since issue 14): the same members, and `data` may hold sealed values —
 *   `{"sealed":{"alg":"A256GCM","kid","iv","ct","tag"}}`, ciphertext under a per-subject key kept off the log.
 *   A reader treats them as opaque; after `SubjectKeyShredded` for their `kid` they can never be opened.
 *   The leaf commits to the ciphertext, so erasure leaves every hash, chain and proof as it was.
 */
export const ENVELOPE_VERSION = 2;
/** Versions this log reads: everything it ever wrote. */
export const ENVELOPE_VERSIONS: readonly number[] = [1, 2];
export const ZERO_HASH = '0'.repeat(64);

/** What is hashed for each event; the ledger's Merkle leaf is exactly these bytes. */
export interface EventEnvelope {
  v: 1 | 2;
  stream: string;
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  recordedAt: string;
  data: JsonObject;
  metadata: EventMetadata;
  prevHash: string;
}

/** RFC 6962 §2.1 / RFC 9162 §2.1.1 leaf hash: SHA-256(0x00 ‖ leaf bytes); text is taken as its UTF-8 bytes. */
export const leafHash = (canonical: Buffer | string): Buffer =>
  createHash('sha256')
    .update(LEAF_PREFIX)
    .update(typeof canonical === 'string' ? Buffer.from(canonical, 'utf8') : canonical)
    .digest();

const LEAF_PREFIX = Buffer.from([0x00]);

export const parseEnvelope = (canonical: string): EventEnvelope => JSON.parse(canonical) as EventEnvelope;

/** Content that identifies an event for idempotency: everything the caller chose, not where or when it landed. */
export const eventContent = (e: Pick<EventEnvelope, 'type' | 'schemaVersion' | 'data' | 'metadata'>): JsonValue => ({
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata as JsonValue,
});
