import type { FastifyInstance } from 'fastify';
import type { LedgerMetrics } from './ledger-metrics';

/** Counts and times every answer by route template (never the raw URL: ids would make a series each). */
export const measureRequests = (fastify: FastifyInstance, metrics: LedgerMetrics): void => {
  fastify.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions?.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
};
