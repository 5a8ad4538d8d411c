import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapError, problemOf } from './problem-details';

/**
 * The one exception filter: every error, whoever raised it (the domain, the store, a guard, a pipe,
 * Fastify, an unknown route), answers as an RFC 9457 problem. Server errors are logged, not told.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = mapError(error);
    if (mapped.status >= 500 && mapped.extensions.code === 'INTERNAL')
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (mapped.retryAfter !== undefined) void reply.header('Retry-After', String(mapped.retryAfter));
    if (mapped.challenge) {
      const token = typeof request.headers.authorization === 'string' && request.headers.authorization.length > 0;
      void reply.header('WWW-Authenticate', token ? `${mapped.challenge}, error="invalid_token"` : mapped.challenge);
    }
    const instance = (request.url ?? '').split('?')[0];
    void reply
      .status(mapped.status)
      .header('Content-Type', 'application/problem+json; charset=utf-8')
      .send(JSON.stringify(problemOf(mapped, instance)));
  }
}
