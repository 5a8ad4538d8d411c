import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/** Deeper than any request body of this API, far below what the validators' recursion tolerates. */
export const MAX_JSON_DEPTH = 32;

/** How many `{` and `[` a text holds, strings included: a bound on how deeply it can nest (native scans). */
const openings = (text: string, atMost: number): number => {
  let count = 0;
  for (const bracket of ['{', '[']) {
    let at = text.indexOf(bracket);
    while (at >= 0 && count <= atMost) {
      count += 1;
      at = text.indexOf(bracket, at + 1);
    }
  }
  return count;
};

/** How deeply a JSON text nests objects and arrays (strings, and their escaped quotes, skipped): O(length). */
export const jsonDepth = (text: string): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
};

/**
 * JSON bodies are parsed here, refusing one nested deeper than MAX_JSON_DEPTH with a 400 that names the
 * limit, before any validator walks it (a deep body made the validators overflow the stack: a 500).
 */
export const parseJsonWithDepthLimit = (fastify: FastifyInstance): void => {
  // Every body this API takes is JSON: any other media type is a 415, never a string handed to a validator.
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.length === 0) return done(null, undefined);
    // Most bodies hold too few brackets to nest that deep: only those that might are scanned.
    if (openings(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH && jsonDepth(text) > MAX_JSON_DEPTH)
      return done(
        new BadRequestException({
          message: `the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`,
          code: 'BODY_TOO_DEEP',
          limit: MAX_JSON_DEPTH,
        }),
        undefined,
      );
    try {
      done(null, JSON.parse(text) as unknown);
    } catch (error) {
      const message = `the body is not valid JSON: ${(error as Error).message}`;
      done(new BadRequestException({ message, code: 'INVALID_JSON' }), undefined);
    }
  });
};
