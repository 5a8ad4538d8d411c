import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appConfigFromEnv } from './app.config';

// Issue 17, part 9: a bad value stops the start with the variable named, instead of booting into trouble.
describe('configuration from the environment', () => {
  const base = { DATA_DIR: ':memory:' };

  it.each([
    ['PORT', 'eighty', /PORT must be an integer/],
    ['PROJECTIONS_THREAD', 'yes', /PROJECTIONS_THREAD must be true or false, not "yes"/],
    ['WEBHOOK_ALLOW_PRIVATE', 'TRUE', /WEBHOOK_ALLOW_PRIVATE must be true or false/],
    ['HOST', 'local host', /HOST must be an address/],
    ['CORS_ORIGINS', '*', /CORS_ORIGINS must list origins/],
    ['REQUEST_TIMEOUT_MS', '-1', /REQUEST_TIMEOUT_MS must be an integer/],
    ['FEED_MAX_STREAMS', '1.5', /FEED_MAX_STREAMS must be an integer/],
    ['WEBHOOKS_PER_PRINCIPAL', 'many', /WEBHOOKS_PER_PRINCIPAL must be an integer/],
    ['EVENT_STORE', 'postgres', /EVENT_STORE/],
  ])('refuses %s=%s, naming it', (name, value, message) => {
    expect(() => appConfigFromEnv({ ...base, [name]: value })).toThrow(message);
  });

  it('refuses headers allowed longer than the whole request', () => {
    expect(() => appConfigFromEnv({ ...base, HEADERS_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '30000' })).toThrow(
      /HEADERS_TIMEOUT_MS \(60000\) must not exceed REQUEST_TIMEOUT_MS \(30000\)/,
    );
  });

  it('takes the defaults when nothing is set', () => {
    expect(appConfigFromEnv(base)).toMatchObject({
      host: '0.0.0.0',
      projectionsThread: true,
      http: { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, maxConnections: 10_000, corsOrigins: [] },
      feeds: { maxStreams: 1000, maxStreamsPerPrincipal: 10 },
      webhooks: { allowPrivateTargets: false, maxPerPrincipal: 20, deliveriesKept: 1000 },
    });
  });
});

describe('docs/CONFIGURATION.md', () => {
  it('names every variable the configuration reads', () => {
    const read = new Set<string>();
    const env = new Proxy<Record<string, string>>(
      { DATA_DIR: ':memory:' },
      {
        get: (target, name) => {
          if (typeof name === 'string') read.add(name);
          return target[name as string];
        },
      },
    );
    appConfigFromEnv(env);
    const documented = readFileSync(join(process.cwd(), 'docs/CONFIGURATION.md'), 'utf8');
    expect(read.size).toBeGreaterThan(30);
    expect([...read].filter((name) => !documented.includes(`\`${name}\``))).toEqual([]);
  });
});
