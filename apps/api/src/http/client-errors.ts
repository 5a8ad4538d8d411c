import { maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { AppConfig } from '../config/app.config';
import { titleOf, typeOf } from './problem-details';

type ClientError = Error & { code?: string };

const problemFor = (error: ClientError, http: AppConfig['http']): { status: number; code: string; detail: string } => {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return {
      status: 408,
      code: 'REQUEST_TIMEOUT',
      detail: `the request did not arrive in time: its headers within ${http.headersTimeoutMs} ms, all of it within ${http.requestTimeoutMs} ms`,
    };
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return {
      status: 431,
      code: 'HEADERS_TOO_LARGE',
      detail: `the request headers are larger than ${maxHeaderSize} bytes`,
    };
  return { status: 400, code: 'MALFORMED_REQUEST', detail: 'the request is not well-formed HTTP/1.1' };
};

/**
 * Fastify's clientErrorHandler: a connection whose request never became one (too slow, not HTTP, headers
 * too large) is answered as an RFC 9457 problem like every other error, then closed.
 */
export const clientErrorHandler =
  (http: AppConfig['http']) =>
  (error: ClientError, socket: Socket): void => {
    // A reset connection has nobody to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket.writable) {
      const { status, code, detail } = problemFor(error, http);
      const title = titleOf(status);
      const body = JSON.stringify({ type: typeOf(code), title, status, detail, code });
      socket.write(
        `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
