import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/create-app';
import { appConfigFromEnv } from '../../apps/api/src/config/app.config';

/** The real app booted as `npm start` boots it, with ADMIN_TOKEN as given (unset when undefined). */
const boot = async (dataDir: string, adminToken: string | undefined, announced: string[]) => {
  const previous = process.env.ADMIN_TOKEN;
  if (adminToken === undefined) delete process.env.ADMIN_TOKEN;
  else process.env.ADMIN_TOKEN = adminToken;
  try {
    const config = appConfigFromEnv({
      DATA_DIR: dataDir,
      PORT: '0',
      SCHEDULER_INTERVAL_MS: '0',
      CHECKPOINT_INTERVAL_MS: '0',
    });
    const app = await createApp(
      { ...config, announceAdminToken: (t) => announced.push(t) },
      { logger: false, docsUi: false, throwOnStartError: true },
    );
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    const list = (token: string) =>
      fetch(`${base}/v1/principals`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    return { app, list };
  } finally {
    if (previous === undefined) delete process.env.ADMIN_TOKEN;
    else process.env.ADMIN_TOKEN = previous;
  }
};

// Issue 13: the bootstrap admin — minted once on an empty data directory, never again beside a record.
describe('bootstrap admin', () => {
  it('mints one admin on a fresh data directory and keeps it across restarts without ADMIN_TOKEN', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bootstrap-'));
    const announced: string[] = [];
    const first = await boot(dir, undefined, announced);
    expect(announced).toHaveLength(1);
    expect(await first.list(announced[0])).toBe(200);
    await first.app.close();
    const again = await boot(dir, undefined, announced);
    expect(announced).toHaveLength(1);
    expect(await again.list(announced[0])).toBe(200);
    await again.app.close();
  });

  it('refuses to start without ADMIN_TOKEN beside a record that has no admin hash, and on a weak token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bootstrap-'));
    const strong = 'Zq8-vN3_pL0.wR7~xT2+yK5/mB9=cD4aE6fG';
    const started = await boot(dir, strong, []);
    await started.app.close();
    rmSync(join(dir, 'admin-token.sha256'));
    await expect(boot(dir, undefined, [])).rejects.toThrow(/keeps a record but no admin token/);
    await expect(boot(mkdtempSync(join(tmpdir(), 'bootstrap-')), 'short-token', [])).rejects.toThrow(/at least 32/);
  });
});
