import {
  INTEGER,
  list,
  namedSchema,
  nullable,
  object,
  POSITION,
  strings,
  text,
  TIMESTAMP,
  UUID,
} from '../http/contract/named-schema';

export const commitmentProperties = {
  commitmentId: UUID,
  agreementId: UUID,
  status: strings(['OPEN', 'MET', 'OVERDUE'], 'OPEN'),
  obligor: text('AF'),
  title: text('Withdraw heavy weapons 20 km from the line'),
  target: { type: 'number' as const, example: 12 },
  unit: text('positions'),
  dueAt: TIMESTAMP,
  acceptedTotal: { type: 'number' as const, example: 4 },
  reports: list(
    object({
      reportId: text('r1'),
      quantity: { type: 'number', example: 4 },
      verdict: nullable(strings(['ACCEPTED', 'REJECTED'], 'ACCEPTED')),
    }),
  ),
  revision: { ...INTEGER, description: "The commitment stream's revision: the If-Match of the next write." },
  position: POSITION,
};

export const Commitment = namedSchema('Commitment', object(commitmentProperties));
