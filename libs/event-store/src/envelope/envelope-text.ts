import type { EventEnvelope } from './event-envelope';

type EnvelopeParts = Omit<EventEnvelope, 'data' | 'metadata'> & { dataJson: string; metadataJson: string };

/**
 * The RFC 8785 text of an envelope whose data and metadata are already canonical text.
 * Members are written in the order RFC 8785 §3.2.3 sorts them (UTF-16 code units), and every
 * scalar is written as JSON.stringify writes it (§3.2.2), so the result equals canonicalize() of the
 * whole envelope — a unit test holds it to that — without walking the data a second time.
 */
export const envelopeText = (e: EnvelopeParts): string =>
  `{"data":${e.dataJson},"eventId":${JSON.stringify(e.eventId)},"metadata":${e.metadataJson},` +
  `"prevHash":${JSON.stringify(e.prevHash)},"recordedAt":${JSON.stringify(e.recordedAt)},"revision":${JSON.stringify(e.revision)},` +
  `"schemaVersion":${JSON.stringify(e.schemaVersion)},"stream":${JSON.stringify(e.stream)},"type":${JSON.stringify(e.type)},` +
  `"v":${JSON.stringify(e.v)}}`;
