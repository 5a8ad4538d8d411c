import { type ArgumentsHost, Catch, type ExceptionFilter, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Mapped, mapError, methodNotAllowed, problemOf, unsupportedMediaType } from './problem-details';
import { methodsAt } from './route-methods';

/** Answers any error as an RFC 9457 problem; server errors are logged, not told. */
export const sendProblem = (error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void => {
  const mapped = withRequest(mapError(error), request, error);
  if (mapped.status >= 500 && mapped.extensions.code === 'INTERNAL')
    logger.error(`request ${request.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (mapped.retryAfter !== undefined) void reply.header('Retry-After', String(mapped.retryAfter));
  if (mapped.allow) void reply.header('Allow', mapped.allow.join(', '));
  if (mapped.challenge) {
    const token = typeof request.headers.authorization === 'string' && request.headers.authorization.length > 0;
    void reply.header('WWW-Authenticate', token ? `${mapped.challenge}, error="invalid_token"` : mapped.challenge);
  }
  const instance = (request.url ?? '').split('?')[0];
  void reply
    .status(mapped.status)
    .header('Content-Type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(problemOf(mapped, instance)));
};

/**
 * What only the request can tell: the media type a 415 refused (whoever raised it, Fastify or Nest), and
 * whether a route miss (Nest's "Cannot <METHOD> <url>") is a path with other methods: a 405, not a 404.
 */
const withRequest = (mapped: Mapped, request: FastifyRequest, error: unknown): Mapped => {
  if (mapped.status === 415) return unsupportedMediaType(request.headers['content-type']);
  if (mapped.status === 404 && error instanceof NotFoundException && error.message.startsWith('Cannot ')) {
    const allow = methodsAt(request.server, request.url);
    if (allow.length > 0) return methodNotAllowed(request.method, request.url.split('?')[0], allow);
  }
  return mapped;
};

/**
 * The one exception filter: every error, whoever raised it (the domain, the store, a guard, a pipe,
 * Fastify, an unknown route), answers as an RFC 9457 problem. Errors of Fastify's router, before any
 * route is found (a bad URL, a path parameter over its length), come through frameworkErrors instead.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }

  /** For FastifyAdapter's frameworkErrors option. */
  static readonly frameworkErrors = (error: Error, request: FastifyRequest, reply: FastifyReply): void =>
    sendProblem(error, request, reply, new Logger('ProblemDetails'));
}
