import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/** One structured log line per request, with its latency. */
export const logRequests = (fastify: FastifyInstance, logger: LoggerService): void => {
  fastify.addHook('onResponse', async (request, reply) => {
    logger.log(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'HTTP',
    );
  });
};
