import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/app.config';
import { clientErrorHandler } from './client-errors';

/** The largest request body taken, in bytes: far above any report's, far below what could exhaust memory. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Fastify's options for the HTTP server's limits: headers and body must arrive in time (a slow client is
 * cut off, checked every second rather than Node's default 30 s). Connections: see capConnections.
 */
export const serverLimits = (http: AppConfig['http']) => ({
  bodyLimit: MAX_BODY_BYTES,
  clientErrorHandler: clientErrorHandler(http),
  trustProxy: http.trustProxy,
  requestTimeout: http.requestTimeoutMs,
  http: {
    requestTimeout: http.requestTimeoutMs,
    headersTimeout: http.headersTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, http.headersTimeoutMs),
  },
});

/** At most MAX_CONNECTIONS open at once: beyond, new connections are closed as they arrive. */
export const capConnections = (server: Server, http: AppConfig['http']): void => {
  server.maxConnections = http.maxConnections;
};

/** Headers that every answer carries: no sniffing, no framing, no referrer, not cached by shared caches. */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-site',
};
/** API answers are data, never a page: nothing in them may run. The Swagger UI at /docs needs its scripts; the console sets its own. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const secureHeaders = (fastify: FastifyInstance): void => {
  fastify.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) void reply.header(name, value);
    if (!request.url.startsWith('/docs') && !reply.hasHeader('content-security-policy'))
      void reply.header('content-security-policy', API_CSP);
  });
};

/** Cross-origin calls from the configured origins only (none by default), with the headers a client reads. */
export const corsFor = (app: NestFastifyApplication, origins: string[]): void => {
  if (origins.length === 0) return;
  app.enableCors({
    origin: origins,
    allowedHeaders: [
      'authorization',
      'content-type',
      'idempotency-key',
      'if-match',
      'if-none-match',
      'prefer',
      'last-event-id',
    ],
    exposedHeaders: [
      'etag',
      'location',
      'link',
      'retry-after',
      'idempotent-replayed',
      'preference-applied',
      'x-request-id',
    ],
    maxAge: 600,
  });
};
