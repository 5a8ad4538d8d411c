import { MEASURE_LEVELS } from '@ceasefire/mvm';
import {
  BOOLEAN,
  list,
  namedSchema,
  NULLABLE_TIMESTAMP,
  object,
  strings,
  text,
  TIMESTAMP,
  UUID,
} from '../http/contract/named-schema';

const caseRef = {
  incidentId: UUID,
  agreementId: UUID,
  href: text('/v1/incidents/01a2222b-b464-7c95-8ccb-43cec952edff'),
};

export const PartyObligations = namedSchema(
  'PartyObligations',
  object({
    party: text('AF'),
    responsesDue: {
      ...list(
        object({ ...caseRef, dueAt: TIMESTAMP, missed: { ...BOOLEAN, description: 'The window closed unanswered.' } }),
      ),
      description: 'Allegations against the party it has not answered, soonest due first.',
    },
    measures: {
      ...list(
        object({ ...caseRef, measureId: text('m1'), level: strings(MEASURE_LEVELS, 'L2'), dueAt: NULLABLE_TIMESTAMP }),
      ),
      description: 'Consequences decided against the party and not yet fulfilled, lifted or lapsed.',
    },
    commitments: {
      ...list(
        object({
          commitmentId: UUID,
          agreementId: UUID,
          href: text('/v1/commitments/01a2222b-dbc5-7618-85de-7fa0e218890b'),
          title: text('Withdraw heavy weapons 20 km from the line'),
          status: strings(['OPEN', 'OVERDUE'], 'OPEN'),
          target: { type: 'number', example: 12 },
          acceptedTotal: { type: 'number', example: 4 },
          unit: text('positions'),
          dueAt: TIMESTAMP,
        }),
      ),
      description: 'Commitments the party has not met yet, soonest due first.',
    },
    truncated: { ...BOOLEAN, description: 'True when a list was cut at its first 500 items.' },
  }),
);
