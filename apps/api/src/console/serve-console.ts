import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemOf } from '../http/problem-details';

/**
 * The console's page may run its own scripts and styles and call this API, nothing else: no inline code,
 * no other origin, no framing. A token typed into it therefore stays readable by this origin's files only.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

interface ConsoleFile {
  body: Buffer;
  type: string;
  etag: string;
  /** Vite names each asset by its content's hash: a new build is a new name, so a browser may keep it for good. */
  immutable: boolean;
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/** The built console, read once at start: a few small files. */
const loadConsole = (dir: string): Map<string, ConsoleFile> =>
  new Map(
    filesUnder(dir).map((path) => {
      const body = readFileSync(path);
      const name = relative(dir, path).split('\\').join('/');
      return [
        name,
        {
          body,
          type: TYPES[extname(path)] ?? 'application/octet-stream',
          etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
          immutable: name.startsWith('assets/'),
        },
      ];
    }),
  );

/** Serves the console at /console/ from `dir`, when it has been built there. */
/** Whether `dir` holds a built console, which serveConsole then serves (and the start-up lines announce). */
export const consoleBuilt = (dir: string | undefined): dir is string => !!dir && existsSync(join(dir, 'index.html'));

export const serveConsole = (fastify: FastifyInstance, dir: string | undefined): void => {
  const files = consoleBuilt(dir) ? loadConsole(dir) : undefined;
  const send = (request: FastifyRequest, reply: FastifyReply, name: string) => {
    const file = files?.get(name);
    if (!file) {
      const detail = files
        ? `the console has no file ${name}`
        : 'the console is not built here: run npm run build:console (npm start does it)';
      return reply
        .code(404)
        .type('application/problem+json')
        .send(problemOf({ status: 404, detail, extensions: {} }, request.url));
    }
    void reply
      .header('content-security-policy', CONSOLE_CSP)
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('etag', file.etag)
      .type(file.type);
    if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
    return reply.send(file.body);
  };
  fastify.get('/console', (_request, reply) => reply.redirect('/console/', 301));
  fastify.get('/console/', (request, reply) => send(request, reply, 'index.html'));
  fastify.get('/console/*', (request, reply) => send(request, reply, (request.params as { '*': string })['*']));
};
