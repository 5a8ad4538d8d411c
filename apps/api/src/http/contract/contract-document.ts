import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { titleOf } from '../problem-details';
import { registeredSchemas } from './named-schema';
import { Problem } from './problem.schema';
import { REPLIES, type RepliesSpec } from './replies.decorator';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const HEADERS: Record<string, { description: string; schema: { type: 'string' | 'integer' } }> = {
  ETag: {
    description: 'The revision of what was read or written ("<revision>"), or a hash of the answer.',
    schema: { type: 'string' },
  },
  Location: {
    description: 'Where the result lives: the resource made, or the receipt of the last event recorded.',
    schema: { type: 'string' },
  },
  Link: { description: 'RFC 8288: <…?cursor=…>; rel="next" while more pages follow.', schema: { type: 'string' } },
  'Idempotent-Replayed': {
    description: '"true" when this answers a retried Idempotency-Key and nothing new was written.',
    schema: { type: 'string' },
  },
  'Preference-Applied': {
    description: '"wait" when Prefer: wait was met: the ledger sequenced every event before the answer.',
    schema: { type: 'string' },
  },
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
  'WWW-Authenticate': { description: 'Bearer realm="ceasefire-ledger" (RFC 6750).', schema: { type: 'string' } },
};

const WRITE_PARAMETERS: Record<string, ParameterObject> = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Retry safely: the same key and body answer the first result again and record nothing new; another body under the same key is a 422.',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
    example: 'pk-report-2025-10-31-torkham',
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      'Write only if the stream is still at this revision (the ETag you read); else 412 with the actual one.',
    schema: { type: 'string', pattern: '^"\\d+"$' },
    example: '"3"',
  },
  SubmissionSignature: {
    name: 'Submission-Signature',
    in: 'header',
    required: false,
    description:
      "A party's Ed25519 signature of the request (keyId=…, created=…, sig=…) over ceasefire-submission/v2 and the JCS of {method, target, created, idempotencyKey, body}; required when the agreement demands signed submissions. Needs an Idempotency-Key.",
    schema: { type: 'string' },
  },
  Prefer: {
    name: 'Prefer',
    in: 'header',
    required: false,
    description:
      'RFC 7240 wait=<seconds> (at most 5): answer once the ledger has sequenced the events, with their ledgerIndex.',
    schema: { type: 'string' },
    example: 'wait=2',
  },
};

const IF_NONE_MATCH: ParameterObject = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'The ETag you hold: 304 with no body while it is still current.',
  schema: { type: 'string' },
};

const ERROR_RESPONSES: Record<number, { name: string; description: string; headers?: string[] }> = {
  400: { name: 'BadRequest', description: 'The request is malformed or fails validation: `errors` names each field.' },
  401: { name: 'Unauthorized', description: 'No valid bearer token.', headers: ['WWW-Authenticate'] },
  403: { name: 'Forbidden', description: "The principal's role or party may not do or see this." },
  404: { name: 'NotFound', description: 'No such resource (or route).' },
  409: {
    name: 'Conflict',
    description:
      'The stream moved on (expected and actual revisions given), a domain rule of state refused it, or the record is full.',
  },
  412: { name: 'PreconditionFailed', description: 'If-Match named a revision the stream is no longer at.' },
  413: { name: 'ContentTooLarge', description: 'The body or an event is over its size limit.' },
  414: { name: 'UriTooLong', description: 'A path parameter is over 100 characters.' },
  415: { name: 'UnsupportedMediaType', description: 'Bodies are application/json.' },
  422: {
    name: 'UnprocessableContent',
    description:
      'A domain rule refused the command (`rule` names it), or an Idempotency-Key was reused with another body.',
  },
  429: {
    name: 'TooManyRequests',
    description: "Over the principal's write quota, or too many refused tokens.",
    headers: ['Retry-After'],
  },
  500: { name: 'InternalServerError', description: 'The server failed; the failure is logged.' },
  503: {
    name: 'ServiceUnavailable',
    description: 'The store is unreachable, a read model is behind or parked, or the read lane is full.',
    headers: ['Retry-After'],
  },
};

const componentRef = (kind: string, name: string): ReferenceObject => ({ $ref: `#/components/${kind}/${name}` });

const successResponse = (spec: RepliesSpec): ResponseObject => {
  const content = {
    ...(spec.body ? { 'application/json': { schema: componentRef('schemas', spec.body) } } : {}),
    ...Object.fromEntries(
      spec.text.map(({ mediaType, example, messages }) => [
        mediaType,
        {
          schema: {
            type: 'string' as const,
            ...(messages
              ? {
                  description: `Server-Sent Events: each message's \`id:\` is its global position, \`event:\` its CloudEvents type, and \`data:\` one ${messages} (#/components/schemas/${messages}) as JSON. Comment lines (\`: heartbeat\`) keep the connection open.`,
                  'x-sse-data': componentRef('schemas', messages),
                }
              : {}),
            ...(example ? { example } : {}),
          },
        },
      ]),
    ),
  };
  return {
    description: spec.description,
    ...(spec.headers.length
      ? { headers: Object.fromEntries(spec.headers.map((h) => [h, componentRef('headers', h)])) }
      : {}),
    ...(Object.keys(content).length ? { content } : {}),
  };
};

/** The error statuses an operation may answer: those of its kind, and those its @Replies adds. */
const errorStatuses = (operation: OperationObject, spec: RepliesSpec, path: string): number[] => {
  const statuses = new Set<number>([...spec.errors, 500, 503]);
  const secured = (operation.security ?? []).length > 0;
  if (secured) [401, 403, 429].forEach((s) => statuses.add(s));
  if ((operation.parameters ?? []).length > 0 || operation.requestBody || spec.writePath) statuses.add(400);
  if (operation.requestBody) [413, 415].forEach((s) => statuses.add(s));
  if (path.includes('{')) [404, 414].forEach((s) => statuses.add(s));
  if (spec.writePath) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
};

/**
 * Finishes the document from each operation's @Replies: its success answer with schema and headers, every
 * error it may answer as an RFC 9457 problem, the write path's request headers, and the named schemas.
 * An operation without @Replies is an error: nothing reaches the document undocumented.
 */
export const contractDocument = (document: OpenAPIObject): OpenAPIObject => {
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, ...registeredSchemas(), [Problem.name]: Problem.schema };
  components.headers = { ...components.headers, ...HEADERS };
  components.parameters = { ...components.parameters, ...WRITE_PARAMETERS, IfNoneMatch: IF_NONE_MATCH };
  components.responses = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, r]) => [
      r.name,
      {
        description: `${titleOf(Number(status))}: ${r.description}`,
        ...(r.headers ? { headers: Object.fromEntries(r.headers.map((h) => [h, componentRef('headers', h)])) } : {}),
        content: { 'application/problem+json': { schema: componentRef('schemas', Problem.name) } },
      },
    ]),
  );
  for (const [path, item] of Object.entries(document.paths))
    for (const method of METHODS) {
      const operation = item[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (!operation) continue;
      const spec = operation[REPLIES] as RepliesSpec | undefined;
      if (!spec) throw new Error(`${method.toUpperCase()} ${path} declares no @Replies`);
      delete operation[REPLIES];
      const parameters = [...(operation.parameters ?? [])];
      if (spec.writePath) parameters.push(...Object.keys(WRITE_PARAMETERS).map((p) => componentRef('parameters', p)));
      if (spec.notModified) parameters.push(componentRef('parameters', 'IfNoneMatch'));
      operation.parameters = parameters;
      if (spec.callbacks) operation.callbacks = spec.callbacks as OperationObject['callbacks'];
      operation.responses = {
        [spec.status]: successResponse(spec),
        ...(spec.notModified
          ? {
              304: {
                description: 'Not Modified: the ETag sent in If-None-Match is still current.',
                headers: { ETag: componentRef('headers', 'ETag') },
              },
            }
          : {}),
        ...Object.fromEntries(
          errorStatuses(operation, spec, path).map((s) => [s, componentRef('responses', ERROR_RESPONSES[s].name)]),
        ),
        ...(spec.unavailableBody
          ? { 503: { ...successResponse(spec), description: 'The store does not answer.' } }
          : {}),
      };
    }
  return document;
};
