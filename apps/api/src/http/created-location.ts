import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Reflector } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const CREATED_RESOURCE = Symbol('CREATED_RESOURCE');

/** The URL of what a creating operation made, from its answer: `@CreatedResource((b) => `/v1/agreements/${b.id}`)`. */
type Locate = (body: Record<string, string>) => string;

export const CreatedResource = (at: Locate) => SetMetadata(CREATED_RESOURCE, at);

type Locating = FastifyRequest & { locate?: Locate };

/** Where a write's answer lives when its operation names no resource: the receipt of the last event recorded. */
const lastEventReceipt: Locate = (body) => {
  const { events } = body as { events?: { eventId?: string }[] };
  const last = Array.isArray(events) ? events.at(-1)?.eventId : undefined;
  return last ? `/v1/events/${last}/receipt` : '';
};

/**
 * Every 201 says where its result lives (RFC 9110 §10.2.2): the resource a creating operation made, or else
 * the receipt of the last event the write recorded (`/v1/events/:eventId/receipt`).
 *
 * Not an interceptor: with one, Nest runs every request of the API (reads too) through rxjs and an async
 * resource per interceptor (rxjs alone was 3% of the request thread's profile under bench:api). This guard only
 * notes, before the handler, how the answer is located; a preSerialization hook sets the header from the body.
 */
@Injectable()
export class CreatedLocationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    const request = context.switchToHttp().getRequest<Locating>();
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, handler) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    if (status === HttpStatus.CREATED)
      request.locate = this.reflector.get<Locate | undefined>(CREATED_RESOURCE, handler) ?? lastEventReceipt;
    return true;
  }
}

export const answerCreatedLocation = (fastify: FastifyInstance): void => {
  fastify.addHook('preSerialization', (request: Locating, reply, payload, done) => {
    if (request.locate && reply.statusCode === HttpStatus.CREATED && typeof payload === 'object' && payload !== null) {
      const location = request.locate(payload as Record<string, string>);
      if (location && !reply.hasHeader('location')) void reply.header('Location', location);
    }
    done(null, payload);
  });
};
