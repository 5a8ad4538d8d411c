import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { CONSOLE_CSP, serveConsole } from './serve-console';

const built = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-files-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  return dir;
};

/** Listens on loopback and answers `get(path, headers)` with status, headers and body (Jest cannot load Fastify's inject). */
const listening = async (dir: string) => {
  const server = Fastify();
  serveConsole(server, dir);
  const base = await server.listen({ port: 0, host: '127.0.0.1' });
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${url}`, { headers, redirect: 'manual' });
    return {
      statusCode: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
      json: function () {
        return JSON.parse(this.body) as { detail: string };
      },
    };
  };
  return {
    inject: ({ url, headers }: { url: string; headers?: Record<string, string> }) => get(url, headers),
    close: () => server.close(),
  };
};

describe('the console, served by the API', () => {
  let server: Awaited<ReturnType<typeof listening>>;
  beforeAll(async () => (server = await listening(built())));
  afterAll(() => server.close());

  it('serves the page with its own CSP, revalidated on every visit', async () => {
    const page = await server.inject({ url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toContain('unsafe-inline');
    expect(page.headers['cache-control']).toBe('no-cache');
    const again = await server.inject({ url: '/console/', headers: { 'if-none-match': String(page.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await server.inject({ url: '/console' })).headers.location).toBe('/console/');
  });

  it('lets browsers keep content-hashed assets for good', async () => {
    const asset = await server.inject({ url: '/console/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a problem for a file it does not have, and never reads outside its directory', async () => {
    const missing = await server.inject({ url: '/console/assets/nope.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const url of [
      '/console/..%2fpackage.json',
      '/console/%2e%2e/%2e%2e/package.json',
      '/console/assets/../../package.json',
    ]) {
      const outside = await server.inject({ url });
      expect(outside.statusCode).toBe(404);
      expect(outside.body).not.toContain('ceasefire-ledger');
    }
  });

  it('says how to build it when it is not built', async () => {
    const bare = await listening(join(tmpdir(), 'no-such-console'));
    const answer = await bare.inject({ url: '/console/' });
    await bare.close();
    expect(answer.statusCode).toBe(404);
    expect(answer.json().detail).toMatch(/npm run build:console/);
  });
});
