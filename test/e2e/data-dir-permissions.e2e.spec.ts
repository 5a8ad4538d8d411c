import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess } from './support/api-process';

// Issue 17, part 6: webhooks.sqlite was 0644 in a 0755 DATA_DIR, its secrets readable by any local user.
describe('DATA_DIR is the owner’s alone', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-modes-'));
  let api: ApiProcess;

  beforeAll(async () => {
    ApiProcess.build();
    // As an older version left them: the directory and a file readable by others.
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'left-behind.txt'), 'x');
    chmodSync(join(dataDir, 'left-behind.txt'), 0o644);
    api = await ApiProcess.create({ DATA_DIR: dataDir, SCHEDULER_INTERVAL_MS: '0', WEBHOOK_ALLOW_PRIVATE: 'true' });
  }, 180_000);
  afterAll(() => api.kill());

  it('makes DATA_DIR 0700 and every file in it 0600, old and new', async () => {
    await api.start();
    const mediator = await api.principal('TR', 'mediator', 'TR');
    expect((await api.request('POST', '/v1/webhooks', mediator, { url: 'http://127.0.0.1:9/hook' })).status).toBe(201);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const modes = Object.fromEntries(
      readdirSync(dataDir)
        .filter((name) => statSync(join(dataDir, name)).isFile())
        .map((name) => [name, (statSync(join(dataDir, name)).mode & 0o777).toString(8)]),
    );
    expect(modes).toMatchObject({ 'webhooks.sqlite': '600', 'events.sqlite': '600', 'left-behind.txt': '600' });
    expect(Object.values(modes).filter((mode) => mode !== '600')).toEqual([]);
  });
});

// Issue 17, part 8: two processes on one DATA_DIR parked each other's projections and delivered webhooks twice.
describe('one process per DATA_DIR', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-lock-'));
  const started: ApiProcess[] = [];
  const apiProcess = async () => {
    const api = await ApiProcess.create({ DATA_DIR: dataDir, SCHEDULER_INTERVAL_MS: '0' });
    started.push(api);
    return api;
  };
  afterAll(async () => {
    for (const api of started) await api.kill();
  });

  it('refuses a second process with a message naming DATA_DIR, and starts once the first is gone, even killed', async () => {
    ApiProcess.build();
    const first = await apiProcess();
    await first.start();
    await expect((await apiProcess()).start()).rejects.toThrow(
      /another Ceasefire Ledger process with ROLE=all already runs on DATA_DIR/,
    );
    await first.kill();
    const next = await apiProcess();
    await next.start();
    expect((await fetch(`${next.base}/health`)).status).toBe(200);
  }, 120_000);
});
