import { namedSchema } from './named-schema';

/** RFC 9457: the body of every 4xx and 5xx (see ProblemDetailsFilter). */
export const Problem = namedSchema('Problem', {
  type: 'object',
  description: 'RFC 9457 problem details, as application/problem+json.',
  required: ['type', 'title', 'status', 'detail', 'instance'],
  properties: {
    type: {
      type: 'string',
      description: 'urn:ceasefire-ledger:problem:<code>, or about:blank when the status says it all.',
      example: 'urn:ceasefire-ledger:problem:wrong-expected-revision',
    },
    title: { type: 'string', example: 'Conflict' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 409 },
    detail: { type: 'string', example: 'Expected revision 3 but the stream is at 4' },
    instance: {
      type: 'string',
      description: 'The request path.',
      example: '/v1/incidents/01a2222b-b464-7c95-8ccb-43cec952edff/triage',
    },
    code: {
      type: 'string',
      description: 'The kind of failure, stable for clients to branch on.',
      example: 'WRONG_EXPECTED_REVISION',
    },
    rule: { type: 'string', description: 'The domain rule the command broke.', example: 'response-from-accused-party' },
    field: { type: 'string', description: 'The request field at fault.', example: 'location.lat' },
    errors: {
      type: 'array',
      description: 'Every validation failure, each naming its field.',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  additionalProperties: true,
});
