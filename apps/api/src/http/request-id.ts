import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** A caller's own X-Request-Id is kept when it is a plain token (a proxy's or a client's trace id). */
const CALLER_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Fastify's genReqId: the caller's X-Request-Id when usable, else a new UUID. */
export const requestIdOf = (request: IncomingMessage): string => {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID();
};

/** Every answer names its request id, so a caller can quote it and an operator find the log lines. */
export const answerRequestId = (fastify: FastifyInstance): void => {
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
};
