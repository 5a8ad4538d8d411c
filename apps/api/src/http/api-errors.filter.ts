import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import { DomainError } from '@ceasefire/decider';
import {
  DuplicateEventId,
  EventStoreError,
  EventStoreUnavailable,
  AppendTooLarge,
  EventTooLarge,
  StreamNotFound,
  WrongExpectedRevision,
} from '@ceasefire/event-store';
import { ProjectionParked, WaitForTimeout } from '@ceasefire/projections';
import type { FastifyReply } from 'fastify';
import { ReadLaneBusy } from '../shared/read-lane';
import {
  IdempotencyKeyReused,
  PreconditionFailed,
  StreamRecordFull,
  WriteQuotaExceeded,
} from '../write-path/write-errors';

const DOMAIN_STATUS = { conflict: 409, forbidden: 403, invalid: 422, not_found: 404 } as const;

type Mapped = { status: number; body: Record<string, unknown>; retryAfter?: number };

const map = (error: Error): Mapped => {
  if (error instanceof DomainError)
    return { status: DOMAIN_STATUS[error.kind], body: { code: error.kind.toUpperCase(), rule: error.rule } };
  if (error instanceof PreconditionFailed)
    return { status: 412, body: { code: error.code, expected: error.expected, actual: error.actual } };
  if (error instanceof IdempotencyKeyReused) return { status: 422, body: { code: error.code } };
  if (error instanceof StreamRecordFull)
    return { status: 409, body: { code: error.code, rule: error.rule, limit: error.limit } };
  if (error instanceof WriteQuotaExceeded)
    return { status: 429, body: { code: error.code, limit: error.perMinute }, retryAfter: error.retryAfterSeconds };
  if (error instanceof ReadLaneBusy)
    return { status: 503, body: { code: error.code }, retryAfter: error.retryAfterSeconds };
  if (error instanceof WrongExpectedRevision)
    return { status: HttpStatus.CONFLICT, body: { code: error.code, expected: error.expected, actual: error.actual } };
  if (error instanceof DuplicateEventId) return { status: HttpStatus.CONFLICT, body: { code: error.code } };
  if (error instanceof StreamNotFound) return { status: HttpStatus.NOT_FOUND, body: { code: error.code } };
  if (error instanceof EventTooLarge || error instanceof AppendTooLarge)
    return { status: HttpStatus.PAYLOAD_TOO_LARGE, body: { code: error.code } };
  if (error instanceof EventStoreUnavailable || error instanceof ProjectionParked || error instanceof WaitForTimeout)
    return { status: HttpStatus.SERVICE_UNAVAILABLE, body: { code: error.code } };
  const typed = error as EventStoreError & { field?: string; path?: string };
  return { status: HttpStatus.UNPROCESSABLE_ENTITY, body: { code: typed.code, field: typed.field ?? typed.path } };
};

/** Maps the domain's and the store's typed errors to HTTP, naming the rule or field at fault. */
@Catch(
  DomainError,
  EventStoreError,
  PreconditionFailed,
  IdempotencyKeyReused,
  StreamRecordFull,
  WriteQuotaExceeded,
  ReadLaneBusy,
  ProjectionParked,
  WaitForTimeout,
)
export class ApiErrorsFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const { status, body, retryAfter } = map(error);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
    void reply.status(status).send({ statusCode: status, message: error.message, ...body });
  }
}
