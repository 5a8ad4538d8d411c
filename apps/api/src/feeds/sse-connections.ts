import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SseConnection, type SseSettings } from './sse-connection';

export const SSE_SETTINGS = Symbol('SSE_SETTINGS');

/** A stream refused by a cap: 429 for the principal's own, 503 for the server's (both with Retry-After). */
export class TooManyStreams extends Error {
  readonly retryAfterSeconds = 5;
  constructor(
    readonly code: 'TOO_MANY_STREAMS' | 'STREAMS_FULL',
    message: string,
    readonly status: 429 | 503,
  ) {
    super(message);
  }
}

/**
 * Every open SSE stream of this process: each principal may hold a few, the process a bounded number,
 * and a shutdown ends them all first (each client is told to reconnect and resumes with Last-Event-ID),
 * so closing the server does not wait on streams that never end.
 */
@Injectable()
export class SseConnections implements BeforeApplicationShutdown {
  private readonly open = new Map<SseConnection, string>();
  private readonly perPrincipal = new Map<string, number>();
  private closing = false;

  constructor(
    @Inject(SSE_SETTINGS)
    private readonly settings: SseSettings & { maxStreams: number; maxStreamsPerPrincipal: number },
  ) {}

  get count(): number {
    return this.open.size;
  }

  /** Opens a stream for the principal, or refuses (before anything is sent) when a cap is reached. */
  openFor(principalId: string, reply: FastifyReply): SseConnection {
    if (this.closing) throw new TooManyStreams('STREAMS_FULL', 'the server is shutting down; reconnect shortly', 503);
    const held = this.perPrincipal.get(principalId) ?? 0;
    if (held >= this.settings.maxStreamsPerPrincipal)
      throw new TooManyStreams(
        'TOO_MANY_STREAMS',
        `this principal already holds ${held} open streams, the most allowed (FEED_MAX_STREAMS_PER_PRINCIPAL)`,
        429,
      );
    if (this.open.size >= this.settings.maxStreams)
      throw new TooManyStreams(
        'STREAMS_FULL',
        `the server holds ${this.open.size} open streams, the most allowed (FEED_MAX_STREAMS)`,
        503,
      );
    const connection = new SseConnection(reply, this.settings);
    this.open.set(connection, principalId);
    this.perPrincipal.set(principalId, held + 1);
    void connection.closed.then(() => {
      this.open.delete(connection);
      const left = (this.perPrincipal.get(principalId) ?? 1) - 1;
      if (left > 0) this.perPrincipal.set(principalId, left);
      else this.perPrincipal.delete(principalId);
    });
    return connection;
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
    for (const connection of this.open.keys()) connection.close('server shutting down; reconnect with Last-Event-ID');
  }
}
