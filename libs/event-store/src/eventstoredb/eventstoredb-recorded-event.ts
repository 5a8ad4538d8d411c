import type { AllStreamResolvedEvent, ResolvedEvent } from '@eventstore/db-client';
import { ENVELOPE_VERSIONS, leafHash, parseEnvelope } from '../envelope/event-envelope';
import type { RecordedEvent } from '../port/event-store.port';
import type { GlobalPosition } from '../port/global-position';
import { encodePosition } from './eventstoredb-position';

/**
 * What a record read from the server is to this log:
 * - `ours`: a binary envelope whose stream, revision, id and type agree with where the server keeps it;
 * - `system`: the server's own (a `$` stream or type), never part of the log;
 * - `foreign`: anything else in a user stream (another application's event, an operator's write, an
 *   envelope the server stores somewhere else than it says). It is skipped, a subscriber's
 *   checkpoint moves past it, and the adapter counts it for /health.
 */
export type ServerRecord =
  | { kind: 'ours'; event: RecordedEvent }
  | { kind: 'system'; position: GlobalPosition | undefined }
  | { kind: 'foreign'; position: GlobalPosition | undefined; where: string; reason: string };

export const classifyRecord = (resolved: ResolvedEvent | AllStreamResolvedEvent): ServerRecord => {
  const recorded = resolved.event;
  if (!recorded) return { kind: 'system', position: undefined };
  const position = recorded.position ? encodePosition(recorded.position) : undefined;
  if (recorded.streamId.startsWith('$') || recorded.type.startsWith('$')) return { kind: 'system', position };
  const where = `${recorded.streamId}@${recorded.revision}`;
  const foreign = (reason: string): ServerRecord => ({ kind: 'foreign', position, where, reason });
  if (recorded.isJson) return foreign('a JSON event, not a binary envelope');
  if (!position) return foreign('no position');
  const canonical = Buffer.from(recorded.data as Uint8Array).toString('utf8');
  let envelope: ReturnType<typeof parseEnvelope>;
  try {
    envelope = parseEnvelope(canonical);
  } catch (error) {
    return foreign(`not an envelope: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof envelope !== 'object' || envelope === null || !ENVELOPE_VERSIONS.includes(envelope.v))
    return foreign('not an envelope of this log');
  if (
    envelope.stream !== recorded.streamId ||
    envelope.revision !== Number(recorded.revision) ||
    envelope.eventId !== recorded.id ||
    envelope.type !== recorded.type
  )
    return foreign(`its envelope says ${envelope.stream}@${envelope.revision} (${envelope.eventId}, ${envelope.type})`);
  return {
    kind: 'ours',
    event: {
      eventId: envelope.eventId,
      stream: envelope.stream,
      revision: envelope.revision,
      position,
      type: envelope.type,
      schemaVersion: envelope.schemaVersion,
      data: envelope.data,
      metadata: envelope.metadata,
      recordedAt: envelope.recordedAt,
      hash: leafHash(canonical).toString('hex'),
      prevHash: envelope.prevHash,
      canonical,
    },
  };
};
