import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess } from './support/api-process';
import { ADMIN_TOKEN } from './support/test-api';

const lines = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: string; context?: string; message: any });

describe('logs', () => {
  const processes: ApiProcess[] = [];
  beforeAll(() => ApiProcess.build(), 300_000);
  afterAll(() => Promise.all(processes.map((p) => p.kill())));

  it('name the request id of each request, which every answer carries, and never a token or webhook secret', async () => {
    const api = await ApiProcess.create({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-logs-')),
      WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    processes.push(api);
    await api.start();
    const token = await api.principal('TR', 'mediator');
    const hook = await api.request('POST', '/v1/webhooks', token, { url: 'http://127.0.0.1:9/hook' });
    expect(hook.status).toBe(201);
    const rotated = await api.request('PATCH', `/v1/webhooks/${hook.body.id}`, token, { rotateSecret: true });
    expect(rotated.status).toBe(200);
    const failed = await fetch(`${api.base}/v1/agreements`, {
      headers: { authorization: 'Bearer wrong-token-0123456789' },
    });
    expect(failed.status).toBe(401);
    const traced = await fetch(`${api.base}/health`, { headers: { 'x-request-id': 'trace-4f1c2a9e' } });
    expect(traced.headers.get('x-request-id')).toBe('trace-4f1c2a9e');
    const fresh = await fetch(`${api.base}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 300));

    const requestLines = lines(api.output).filter((l) => l.context === 'HTTP');
    expect(requestLines.length).toBeGreaterThanOrEqual(6);
    for (const l of requestLines) expect(l.message.requestId).toEqual(expect.any(String));
    expect(requestLines.some((l) => l.message.requestId === 'trace-4f1c2a9e')).toBe(true);
    for (const secret of [ADMIN_TOKEN, token, hook.body.secret, rotated.body?.secret, 'wrong-token-0123456789'])
      if (secret) expect(api.output).not.toContain(secret);
  }, 60_000);

  it('LOG_LEVEL=warn leaves out the per-request lines; an unknown level stops the start, naming it', async () => {
    const quiet = await ApiProcess.create({ DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-logs-')), LOG_LEVEL: 'warn' });
    processes.push(quiet);
    await quiet.start();
    await fetch(`${quiet.base}/health`);
    await new Promise((r) => setTimeout(r, 300));
    expect(lines(quiet.output).filter((l) => l.context === 'HTTP')).toEqual([]);

    const wrong = await ApiProcess.create({ DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-logs-')), LOG_LEVEL: 'loud' });
    processes.push(wrong);
    await expect(wrong.start()).rejects.toThrow(
      /LOG_LEVEL must be one of error, warn, info, debug, verbose, not .{0,2}"loud/,
    );
  }, 60_000);
});
