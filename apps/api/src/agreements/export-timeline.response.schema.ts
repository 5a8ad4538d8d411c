import {
  INTEGER,
  list,
  namedSchema,
  object,
  POSITION,
  ref,
  text,
  TIMESTAMP,
  UUID,
} from '../http/contract/named-schema';

const HASH = { type: 'string' as const, pattern: '^[0-9a-f]{64}$' };

export const TimelineEntry = namedSchema(
  'TimelineEntry',
  object({
    position: POSITION,
    stream: text('incident-01a2222b-b464-7c95-8ccb-43cec952edff'),
    revision: INTEGER,
    eventId: UUID,
    type: text('FindingAdopted'),
    recordedAt: TIMESTAMP,
    principal: { type: 'string', description: 'Who submitted it.' },
    hash: { ...HASH, description: "SHA-256 of the event's canonical envelope." },
    prevHash: { ...HASH, description: "The previous event's hash in this stream (zeros for the first): the chain." },
    data: { type: 'object', additionalProperties: true, description: "The event's data as this reader may see it." },
  }),
);

/** The export as JSON; ?format=ndjson gives one entry a line, ?format=csv a table of the same columns. */
export const TimelineExport = namedSchema('TimelineExport', list(ref(TimelineEntry)));
