import {
  INTEGER,
  namedSchema,
  nullable,
  object,
  pageOf,
  POSITION,
  text,
  TIMESTAMP,
} from '../../http/contract/named-schema';

export const StreamSummary = namedSchema(
  'StreamSummary',
  object({
    stream: text('incident-01a2222b-b464-7c95-8ccb-43cec952edff'),
    category: text('incident'),
    lastRevision: INTEGER,
    lastType: text('FindingAdopted'),
    lastPosition: POSITION,
    updatedAt: TIMESTAMP,
  }),
);

export const StreamPage = pageOf('StreamPage', 'streams', StreamSummary, {
  asOfPosition: { ...nullable(POSITION), description: 'The log position the stream catalog had reached.' },
});
