import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { canonicalText, toCanonicalValue } from './canonical-json';
import { envelopeText } from './envelope-text';
import type { JsonObject } from '../port/event-store.port';

const representable = (value: unknown): boolean => {
  try {
    toCanonicalValue(value);
    return true;
  } catch {
    return false;
  }
};
const jsonObject = fc
  .dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }))
  .filter(representable)
  .map((o) => toCanonicalValue(o) as JsonObject);

describe('envelopeText', () => {
  it('equals canonicalize() of the whole envelope for any data and metadata', () => {
    fc.assert(
      fc.property(
        jsonObject,
        jsonObject,
        fc.uuid(),
        fc.nat(),
        fc.string(),
        fc.integer({ min: 1, max: 9 }),
        (data, metadata, eventId, revision, stream, schemaVersion) => {
          const envelope = {
            v: 1 as const,
            stream: `s-${stream}`,
            revision,
            eventId,
            type: 'Happened',
            schemaVersion,
            recordedAt: '2025-10-30T12:00:00.000Z',
            data,
            metadata,
            prevHash: 'ab'.repeat(32),
          };
          const text = envelopeText({
            ...envelope,
            dataJson: canonicalText(data),
            metadataJson: canonicalText(metadata),
          });
          expect(text).toBe(canonicalize(envelope));
        },
      ),
      { numRuns: 500 },
    );
  });
});
