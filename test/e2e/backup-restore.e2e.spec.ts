import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { backupDataDir } from '../../apps/cli/src/backup/backup-data-dir';
import { restoreDataDir } from '../../apps/cli/src/backup/restore-data-dir';
import { auditDataDir } from '../../apps/cli/src/verify/audit-data-dir';
import { ApiProcess } from './support/api-process';
import { until } from './support/until';
import { agreementBody, raidReport } from './support/case-data';

const eventsOf = (dir: string) => {
  const db = new Database(join(dir, 'events.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT event_id, position, hash FROM events ORDER BY position').all() as {
    event_id: string;
    position: number;
    hash: string;
  }[];
  db.close();
  return rows;
};

/** Issue 17, part 7: an online backup under write load restores to a record audit accepts, with every acknowledged write. */
describe('backup and restore', () => {
  const processes: ApiProcess[] = [];
  beforeAll(() => ApiProcess.build(), 300_000);
  afterAll(() => Promise.all(processes.map((p) => p.kill())));

  it('copies a running record under writes, and the copy restores, audits and serves', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-backup-'));
    const api = await ApiProcess.create({
      DATA_DIR: dataDir,
      CHECKPOINT_INTERVAL_MS: '100',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    processes.push(api);
    await api.start();
    const tr = await api.principal('TR', 'mediator');
    const pk = await api.principal('PK', 'party', 'PK');
    const agreement = (await api.request('POST', '/v1/agreements', tr, agreementBody)).body.id as string;
    const hook = await api.request('POST', '/v1/webhooks', tr, { url: 'http://127.0.0.1:9/hook' });
    expect(hook.status).toBe(201);

    const acknowledged: { id: string; position: string; at: number }[] = [];
    let writing = true;
    const writers = Array.from({ length: 4 }, async () => {
      while (writing) {
        const reply = await api.request('POST', `/v1/agreements/${agreement}/incidents`, pk, raidReport);
        if (reply.status === 201)
          acknowledged.push({ id: reply.body.events[0].eventId, position: reply.body.position, at: Date.now() });
      }
    });
    // Writes are under way on a busy machine too: counted, not timed.
    await until(() => acknowledged.length > 20, 60_000, 'writes before the backup');
    // An audit needs a signed checkpoint: on a loaded machine the first one may come after twenty writes.
    for (let tries = 0; (await fetch(`${api.base}/v1/ledger/checkpoint`)).status !== 200; tries++) {
      if (tries > 600) throw new Error('no checkpoint was signed in 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    // Those writes' times are then strictly before the backup's start (times are in milliseconds).
    await new Promise((r) => setTimeout(r, 2));
    const out = join(mkdtempSync(join(tmpdir(), 'ledger-backup-out-')), 'ledger.tar');
    const started = Date.now();
    const manifest = await backupDataDir(dataDir, out);
    const afterBackup = acknowledged.length;
    await until(() => acknowledged.length > afterBackup, 60_000, 'writes after the backup');
    writing = false;
    await Promise.all(writers);

    // Every write acknowledged before the backup began is in it, up to the head it reports.
    const before = acknowledged.filter((w) => w.at < started);
    expect(before.length).toBeGreaterThan(20);
    expect(acknowledged.length).toBeGreaterThan(before.length);
    for (const w of before) expect(w.position <= manifest.head).toBe(true);

    const restored = join(mkdtempSync(join(tmpdir(), 'ledger-restored-')), 'data');
    execFileSync('npx', ['tsx', 'apps/cli/src/main.ts', 'restore', '--from', out, '--data-dir', restored], {
      stdio: 'pipe',
    });
    const copy = eventsOf(restored);
    const live = eventsOf(dataDir);
    expect(copy.length).toBe(manifest.events);
    expect(copy).toEqual(live.slice(0, copy.length));
    const ids = new Set(copy.map((e) => e.event_id));
    for (const w of before) expect(ids.has(w.id)).toBe(true);

    const key = (await (await fetch(`${api.base}/v1/ledger/key`)).text()).trim();
    // The whole report is printed if it fails: it says which check did.
    expect(await auditDataDir(restored, { key })).toEqual(expect.objectContaining({ ok: true }));

    // A restore never writes over a record.
    expect(() => restoreDataDir(out, dataDir)).toThrow(/is not empty/);

    // The restored record serves: same key, same tokens, the webhook with its secret, writes continue.
    await api.terminate();
    const again = await ApiProcess.create({ DATA_DIR: restored, WEBHOOK_ALLOW_PRIVATE: 'true' });
    processes.push(again);
    await again.start();
    expect((await (await fetch(`${again.base}/v1/ledger/key`)).text()).trim()).toBe(key);
    const webhook = await again.request('GET', `/v1/webhooks/${hook.body.id}`, tr);
    expect(webhook.status).toBe(200);
    const next = await again.request('POST', `/v1/agreements/${agreement}/incidents`, pk, raidReport);
    expect(next.status).toBe(201);
    expect(next.body.position > manifest.head).toBe(true);
  }, 180_000);

  it('refuses a damaged backup, naming the file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-backup-'));
    const db = new Database(join(dataDir, 'checkpoints.sqlite'));
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    writeFileSync(join(dataDir, 'credential.key'), 'a-key\n');
    const out = join(mkdtempSync(join(tmpdir(), 'ledger-backup-out-')), 'b.tar');
    await backupDataDir(dataDir, out);
    const bytes = readFileSync(out);
    const at = bytes.indexOf('a-key');
    bytes[at] = 'b'.charCodeAt(0);
    writeFileSync(out, bytes);
    expect(() => restoreDataDir(out, join(mkdtempSync(join(tmpdir(), 'ledger-restored-')), 'd'))).toThrow(
      /credential.key .* does not match its SHA-256/,
    );
  });
});
