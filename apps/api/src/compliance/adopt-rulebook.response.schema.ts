import type { SchemaObject } from '@nestjs/swagger';
import { CONFIDENCES, SEVERITIES, STATUS_LEVELS } from '@ceasefire/mvm';
import { BOOLEAN, INTEGER, namedSchema, nullable, object, strings, text } from '../http/contract/named-schema';

const LEVEL_RULE: SchemaObject = {
  type: 'object',
  description: 'What brings a party to this level: any one threshold reached is enough.',
  properties: {
    breaches: {
      type: 'object',
      description: 'Counted breaches of one severity.',
      properties: Object.fromEntries(SEVERITIES.map((s) => [s, INTEGER])),
    },
    accessDenials: INTEGER,
    overdueCommitments: INTEGER,
    atRiskCommitments: INTEGER,
    overdueMeasures: INTEGER,
  },
};

export const Rulebook = namedSchema(
  'Rulebook',
  object({
    version: text('default-1'),
    minimumConfidence: strings(CONFIDENCES, 'CREDIBLE'),
    accessDenialWeight: { type: 'number', example: 1 },
    atRiskDays: INTEGER,
    cure: object({ afterDaysWithoutRecurrence: nullable(INTEGER), onMeasureFulfilled: BOOLEAN }),
    levels: object(Object.fromEntries(STATUS_LEVELS.filter((l) => l !== 'COMPLIANT').map((l) => [l, LEVEL_RULE]))),
    labels: object(Object.fromEntries(STATUS_LEVELS.map((l) => [l, text()]))),
  }),
);
