import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';

const CREATED_RESOURCE = Symbol('CREATED_RESOURCE');

/** The URL of what a creating operation made, from its answer: `@CreatedResource((b) => `/v1/agreements/${b.id}`)`. */
type Locate = (body: Record<string, string>) => string;

export const CreatedResource = (at: Locate) => SetMetadata(CREATED_RESOURCE, at);

/**
 * Every 201 says where its result lives (RFC 9110 §10.2.2): the resource a creating operation made,
 * or else the receipt of the last event the write recorded (`/v1/events/:eventId/receipt`).
 */
@Injectable()
export class LocationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const handler = context.getHandler();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, handler) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    if (status !== HttpStatus.CREATED) return next.handle();
    const created = this.reflector.get<Locate | undefined>(CREATED_RESOURCE, handler);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const location = locationOf(body, created);
        if (location && !reply.hasHeader('location')) void reply.header('Location', location);
        return body;
      }),
    );
  }
}

const locationOf = (body: unknown, created?: Locate): string | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { events?: { eventId?: string }[] };
  if (created) return created(body as Record<string, string>);
  const last = Array.isArray(b.events) ? b.events.at(-1)?.eventId : undefined;
  return last ? `/v1/events/${last}/receipt` : undefined;
};
