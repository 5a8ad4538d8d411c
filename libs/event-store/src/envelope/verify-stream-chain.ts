import type { RecordedEvent } from '../port/event-store.port';
import { leafHash, parseEnvelope, ZERO_HASH } from './event-envelope';

export type ChainBreak = { revision: number; reason: string };

/**
 * Checks a stream read from revision 0: every stored hash is the leaf hash of its stored bytes
 * (never re-serialised), revisions have no gap, and each event names its predecessor's hash.
 */
export const verifyStreamChain = (
  events: Pick<RecordedEvent, 'revision' | 'hash' | 'canonical'>[],
): ChainBreak | undefined => {
  let prev = ZERO_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const envelope = parseEnvelope(e.canonical);
    if (e.revision !== i || envelope.revision !== i) return { revision: e.revision, reason: `expected revision ${i}` };
    if (leafHash(e.canonical).toString('hex') !== e.hash)
      return { revision: i, reason: 'hash does not match the stored bytes' };
    if (envelope.prevHash !== prev) return { revision: i, reason: 'prevHash does not name the previous event' };
    prev = e.hash;
  }
  return undefined;
};
