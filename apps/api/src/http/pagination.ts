import { validationFailed } from './validation-failed';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Lists answer pages of at most this many items. */
export const MAX_PAGE = 500;

/** A cursor is opaque to clients: the base64url of the last key of the page before. */
export const encodeCursor = (key: string): string =>
  Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64url');

const notACursor = () =>
  validationFailed([{ field: 'cursor', message: 'cursor must be the `next` cursor of an earlier page' }]);

export const decodeCursor = (cursor: string | undefined): string | undefined => {
  if (cursor === undefined) return undefined;
  try {
    const { k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof k === 'string') return k;
  } catch {
    /* answered below */
  }
  throw notACursor();
};

/** A cursor over a two-part key (`${a}\n${b}`, e.g. time and id). */
export const decodeCursorPair = (cursor: string | undefined): [string, string] | undefined => {
  const parts = decodeCursor(cursor)?.split('\n');
  if (parts && parts.length !== 2) throw notACursor();
  return parts as [string, string] | undefined;
};

/** A cursor over a whole-number key (an index, a revision, a sequence number). */
export const decodeCursorIndex = (cursor: string | undefined): number | undefined => {
  const key = decodeCursor(cursor);
  if (key !== undefined && !/^\d+$/.test(key)) throw notACursor();
  return key === undefined ? undefined : Number(key);
};

/**
 * One page of a list in the API's one convention: the items, the cursor of the next page (null on the
 * last) in the body, and the same next page as an RFC 8288 `Link: <…>; rel="next"` header.
 */
export const answerPage = <T>(
  request: FastifyRequest,
  reply: FastifyReply,
  items: T[],
  limit: number,
  keyOf: (item: T) => string,
): { items: T[]; next: string | null } => {
  const next = items.length === limit && items.length > 0 ? encodeCursor(keyOf(items[items.length - 1])) : null;
  if (next) linkNext(request, reply, next);
  return { items, next };
};

/** `Link: <this URL with cursor=next>; rel="next"` (RFC 8288). */
export const linkNext = (request: FastifyRequest, reply: FastifyReply, next: string): void => {
  const url = new URL(request.url, 'http://x');
  url.searchParams.set('cursor', next);
  void reply.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
};
