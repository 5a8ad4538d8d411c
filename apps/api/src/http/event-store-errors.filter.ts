import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import {
  DuplicateEventId,
  EventStoreError,
  EventStoreUnavailable,
  EventTooLarge,
  StreamNotFound,
  WrongExpectedRevision,
} from '@ceasefire/event-store';
import { ProjectionParked, WaitForTimeout } from '@ceasefire/projections';
import type { FastifyReply } from 'fastify';

const statusOf = (error: Error): number => {
  if (error instanceof WrongExpectedRevision || error instanceof DuplicateEventId) return HttpStatus.CONFLICT;
  if (error instanceof StreamNotFound) return HttpStatus.NOT_FOUND;
  if (error instanceof EventTooLarge) return HttpStatus.PAYLOAD_TOO_LARGE;
  if (error instanceof EventStoreUnavailable || error instanceof ProjectionParked || error instanceof WaitForTimeout)
    return HttpStatus.SERVICE_UNAVAILABLE;
  return HttpStatus.UNPROCESSABLE_ENTITY;
};

/** Maps the port's typed errors to HTTP, keeping the stable `code` and the field at fault. */
@Catch(EventStoreError, ProjectionParked, WaitForTimeout)
export class EventStoreErrorsFilter implements ExceptionFilter {
  catch(error: Error & { code: string; field?: string; path?: string }, host: ArgumentsHost): void {
    const status = statusOf(error);
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(status)
      .send({ statusCode: status, code: error.code, message: error.message, field: error.field ?? error.path });
  }
}
