import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** True when the client's If-None-Match names this ETag (or is "*"): answer 304 with no body. RFC 9110 §13.1.2. */
export const matchesIfNoneMatch = (request: FastifyRequest, etag: string): boolean => {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  const weakless = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || weakless(tag) === weakless(etag));
};

/**
 * Sets the ETag and, when the client already holds that representation, turns the answer into a 304:
 * the caller returns nothing. Returns true when it did.
 */
export const answerNotModified = (request: FastifyRequest, reply: FastifyReply, etag: string): boolean => {
  void reply.header('ETag', etag);
  if (!matchesIfNoneMatch(request, etag)) return false;
  void reply.status(304);
  return true;
};

/** A strong ETag for an answer computed from several inputs (time included): the hash of its JSON. */
export const contentEtag = (body: unknown): string =>
  `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
