import { BOOLEAN, namedSchema, object, text } from '../http/contract/named-schema';

export const ProjectionResumed = namedSchema(
  'ProjectionResumed',
  object({
    projection: text('incident_cases'),
    wasParked: BOOLEAN,
    parked: { ...BOOLEAN, description: 'Parked again: the cause of the error remains (see /health).' },
  }),
);
