import { createHash } from 'node:crypto';
import type { EventMetadata, JsonObject, JsonValue } from '../port/event-store.port';

/** Leaf format version: bump it, never change the meaning of v1. */
export const ENVELOPE_VERSION = 1;
export const ZERO_HASH = '0'.repeat(64);

/** What is hashed for each event; the ledger's Merkle leaf is exactly these bytes. */
export interface EventEnvelope {
  v: typeof ENVELOPE_VERSION;
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
