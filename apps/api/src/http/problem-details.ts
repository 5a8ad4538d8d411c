import { HttpException } from '@nestjs/common';
import { DomainError } from '@ceasefire/decider';
import {
  AppendTooLarge,
  DuplicateEventId,
  EventStoreError,
  EventStoreUnavailable,
  EventTooLarge,
  StreamNotFound,
  WrongExpectedRevision,
} from '@ceasefire/event-store';
import { ProjectionParked, WaitForTimeout } from '@ceasefire/projections';
import { TooManyRefusedTokens } from '../auth/failed-token-throttle';
import { MAX_BODY_BYTES } from './server-limits';
import type { FieldError } from './validation-failed';
import { ReadLaneBusy } from '../shared/read-lane';
import { TooManyStreams } from '../feeds/sse-connections';
import {
  IdempotencyKeyReused,
  PreconditionFailed,
  StreamRecordFull,
  RateLimitExceeded,
  WriteQuotaExceeded,
} from '../write-path/write-errors';

/**
 * An RFC 9457 problem: what every 4xx and 5xx of this API answers, as application/problem+json. The
 * extension members name what the client needs to act: the domain `rule` it broke, the `field` at fault,
 * the `errors` of a validation, a `code` for the kind of failure, revisions for a conflict.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code?: string;
  rule?: string;
  field?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'urn:ceasefire-ledger:problem:';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const titleOf = (status: number): string => TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');

const kebab = (code: string) => code.toLowerCase().replace(/_/g, '-');

/** A problem's type: one URN per kind of failure (its `code`), or about:blank when the status says it all. */
export const typeOf = (code: string | undefined): string =>
  code ? `${PROBLEM_TYPE_BASE}${kebab(code)}` : 'about:blank';

const DOMAIN_STATUS = { conflict: 409, forbidden: 403, invalid: 422, not_found: 404 } as const;

export interface Mapped {
  status: number;
  detail: string;
  extensions: Record<string, unknown>;
  retryAfter?: number;
  /** A 401's challenge. */
  challenge?: string;
  /** A 405's Allow header: the methods the path takes. */
  allow?: string[];
}

/** Validation messages begin with the property they are about, nested ones with its path (location.lat …). */
const validationErrors = (messages: string[]) => messages.map((message) => ({ field: message.split(' ')[0], message }));

const fromHttpException = (error: HttpException): Mapped => {
  const status = error.getStatus();
  const response = error.getResponse();
  const body = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
  const message = body.message;
  if (Array.isArray(message)) {
    const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : validationErrors(message.map(String));
    return { status, detail: errors.map((e) => e.message).join('; '), extensions: { code: 'VALIDATION', errors } };
  }
  const { message: _m, statusCode: _s, error: _e, ...rest } = body;
  const code = status === 404 && !rest.code ? 'NOT_FOUND' : undefined;
  return {
    status,
    detail: typeof message === 'string' ? message : titleOf(status),
    extensions: { ...(code ? { code } : {}), ...rest },
    ...(status === 401 ? { challenge: 'Bearer realm="ceasefire-ledger"' } : {}),
  };
};

/** Fastify's own errors (body too large, unsupported media type, bad content length …) carry a status and a code. */
const fromFastify = (error: Error & { statusCode?: number; code?: string }): Mapped | undefined =>
  typeof error.statusCode === 'number' &&
  error.statusCode >= 400 &&
  error.statusCode < 500 &&
  error.code?.startsWith('FST_')
    ? { status: error.statusCode, detail: error.message, extensions: { code: error.code } }
    : undefined;

/** Fastify's own body-size refusal (no code of this API's, or Fastify's FST_ one). */
const isBodyLimit = ({ status, extensions: { code } }: Mapped): boolean =>
  status === 413 && (code === undefined || String(code).startsWith('FST_'));

/** The framework's refusals said in this API's terms: a code and the limit, not Fastify's wording. */
const namedByStatus = (mapped: Mapped): Mapped =>
  isBodyLimit(mapped)
    ? {
        status: 413,
        detail: `the body is larger than ${MAX_BODY_BYTES} bytes`,
        extensions: { code: 'BODY_TOO_LARGE', limit: MAX_BODY_BYTES },
      }
    : mapped;

/** Every body this API takes is JSON. */
const ACCEPTED_MEDIA_TYPES = ['application/json'];

export const unsupportedMediaType = (received: string | undefined): Mapped => {
  const body = received ? `a body of type ${received.split(';')[0].trim()}` : 'a body without a Content-Type';
  return {
    status: 415,
    detail: `${body} is not accepted: send ${ACCEPTED_MEDIA_TYPES.join(' or ')}`,
    extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', accepted: ACCEPTED_MEDIA_TYPES },
  };
};

/** RFC 9110 §15.5.6: a path that exists, asked with a method it does not take. */
export const methodNotAllowed = (method: string, path: string, allow: string[]): Mapped => ({
  status: 405,
  detail: `${method} is not a method of ${path}: ${allow.join(', ')} ${allow.length === 1 ? 'is' : 'are'}`,
  extensions: { code: 'METHOD_NOT_ALLOWED' },
  allow,
});

/** Every error the API can raise, as the status and members of its problem. */
export const mapError = (error: unknown): Mapped => {
  if (error instanceof DomainError)
    return {
      status: DOMAIN_STATUS[error.kind],
      detail: error.message,
      extensions: { code: error.kind.toUpperCase(), rule: error.rule, ...(error.field ? { field: error.field } : {}) },
    };
  if (error instanceof PreconditionFailed)
    return {
      status: 412,
      detail: error.message,
      extensions: { code: error.code, expected: error.expected, actual: error.actual },
    };
  if (error instanceof IdempotencyKeyReused)
    return { status: 422, detail: error.message, extensions: { code: error.code } };
  if (error instanceof StreamRecordFull)
    return {
      status: 409,
      detail: error.message,
      extensions: { code: error.code, rule: error.rule, limit: error.limit },
    };
  if (error instanceof RateLimitExceeded || error instanceof WriteQuotaExceeded)
    return {
      status: 429,
      detail: error.message,
      extensions: { code: error.code, limit: error.perMinute },
      retryAfter: error.retryAfterSeconds,
    };
  if (error instanceof TooManyRefusedTokens)
    return {
      status: 429,
      detail: error.message,
      extensions: { code: error.code },
      retryAfter: error.retryAfterSeconds,
    };
  if (error instanceof TooManyStreams)
    return {
      status: error.status,
      detail: error.message,
      extensions: { code: error.code },
      retryAfter: error.retryAfterSeconds,
    };
  if (error instanceof ReadLaneBusy)
    return {
      status: 503,
      detail: error.message,
      extensions: { code: error.code },
      retryAfter: error.retryAfterSeconds,
    };
  if (error instanceof WrongExpectedRevision)
    return {
      status: 409,
      detail: error.message,
      extensions: { code: error.code, expected: error.expected, actual: error.actual },
    };
  if (error instanceof DuplicateEventId)
    return { status: 409, detail: error.message, extensions: { code: error.code } };
  if (error instanceof StreamNotFound) return { status: 404, detail: error.message, extensions: { code: error.code } };
  if (error instanceof EventTooLarge || error instanceof AppendTooLarge)
    return { status: 413, detail: error.message, extensions: { code: error.code } };
  if (error instanceof EventStoreUnavailable || error instanceof ProjectionParked || error instanceof WaitForTimeout)
    return { status: 503, detail: error.message, extensions: { code: error.code }, retryAfter: 1 };
  if (error instanceof EventStoreError) {
    const typed = error as EventStoreError & { field?: string; path?: string };
    return { status: 422, detail: error.message, extensions: { code: typed.code, field: typed.field ?? typed.path } };
  }
  if (error instanceof HttpException) return namedByStatus(fromHttpException(error));
  const fastify = error instanceof Error ? fromFastify(error) : undefined;
  if (fastify) return namedByStatus(fastify);
  return {
    status: 500,
    detail: 'the server failed to answer this request; it is logged',
    extensions: { code: 'INTERNAL' },
  };
};

export const problemOf = (mapped: Mapped, instance: string): Problem => {
  const code = mapped.extensions.code as string | undefined;
  return {
    type: typeOf(code),
    title: titleOf(mapped.status),
    status: mapped.status,
    detail: mapped.detail,
    instance,
    ...mapped.extensions,
  };
};
