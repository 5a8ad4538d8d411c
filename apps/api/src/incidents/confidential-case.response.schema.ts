import { namedSchema } from '../http/contract/named-schema';

export const InterviewRecorded = namedSchema('InterviewRecorded', {
  type: 'object',
  required: ['subjectKeyId', 'revision', 'position', 'events', 'replayed'],
  properties: {
    subjectKeyId: { type: 'string', example: '42e47371a19711d635986f1d41872d1c' },
    revision: { type: 'integer' },
    position: { type: 'string', example: '00000000000000000013' },
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['eventId', 'revision', 'position', 'hash', 'type', 'ledgerIndex'],
        properties: {
          eventId: { type: 'string' },
          revision: { type: 'integer' },
          position: { type: 'string', example: '00000000000000000013' },
          hash: { type: 'string', example: '690c94db8bfa6d907e2e08d7a7cc6fe730421963' },
          type: { type: 'string', example: 'InterviewRecorded' },
          ledgerIndex: { type: 'string' /* CHECK: only null seen */, nullable: true },
        },
      },
    },
    replayed: { type: 'boolean' },
  },
});
