import type { Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { problemOf } from './problem-details';

/**
 * Closing the HTTP server waits for every open connection; a client writing on a keep-alive connection
 * while it closes kept it open for good (one request at a time, each answered, the next one sent). From the
 * moment the server closes: requests not yet begun are answered 503 with `Connection: close` (the client
 * retries elsewhere or later); once the requests under way are answered, every connection is closed (one
 * that has sent only part of a request was never answered, so nothing acknowledged is lost); and whatever is
 * still open after `graceMs` (a request that will not finish) is cut, so a stop takes a bounded time.
 */
export const drainOnClose = (fastify: FastifyInstance, server: Server, graceMs: number): void => {
  let closing = false;
  let underWay = 0;
  const closeWhenDone = () => {
    if (closing && underWay === 0) server.closeAllConnections();
  };
  const finished = (request: { drainCounted?: boolean }) => {
    if (!request.drainCounted) return;
    request.drainCounted = false;
    underWay -= 1;
    closeWhenDone();
  };
  fastify.addHook('onResponse', async (request) => finished(request as { drainCounted?: boolean }));
  fastify.addHook('onRequestAbort', async (request) => finished(request as { drainCounted?: boolean }));
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!closing) {
      underWay += 1;
      (request as { drainCounted?: boolean }).drainCounted = true;
      return done();
    }
    void reply
      .code(503)
      .header('connection', 'close')
      .header('retry-after', '1')
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(
        JSON.stringify(
          problemOf(
            { status: 503, detail: 'the server is shutting down; retry the request', extensions: {} },
            (request.url ?? '').split('?')[0],
          ),
        ),
      );
  });
  fastify.addHook('preClose', (done) => {
    closing = true;
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
    closeWhenDone();
    done();
  });
};
