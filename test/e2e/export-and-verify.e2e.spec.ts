import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { exportBundle } from '../../apps/cli/src/export/export-bundle';
import { verifyBundle } from '../../apps/cli/src/verify/verify-bundle';
import { CheckpointSigner } from '../../apps/api/src/ledger/checkpoint-signer';
import { agreementBody, airIncursionReport, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

describe('export a bundle, verify it offline', () => {
  let api: TestApi;
  let bundle: string;
  let key: string;
  let agreement: string;
  let other: string;
  let early: string;
  let auditorToken: string;

  beforeAll(async () => {
    api = await TestApi.start();
    const auditor = await api.principal('Auditor', 'auditor');
    const pk = await api.principal('PK', 'party', 'PK');
    const af = await api.principal('AF', 'party', 'AF');
    const tr = await api.principal('TR', 'mediator');
    agreement = (await api.post('/v1/agreements', tr, agreementBody)).body.id;
    other = (await api.post('/v1/agreements', tr, agreementBody)).body.id;
    const sign = async () => {
      const head = (await api.get('/health')).body.store.head;
      await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { projections: ['ledger'] });
      return api.app.get(CheckpointSigner).sign();
    };
    for (let i = 0; i < 3; i++) {
      await api.post(`/v1/agreements/${agreement}/incidents`, pk, raidReport);
      await api.post(`/v1/agreements/${other}/incidents`, af, airIncursionReport);
      if (i === 0) early = (await sign())?.note as string;
      await api.post(`/v1/agreements/${agreement}/incidents`, af, airIncursionReport);
    }
    await sign();
    auditorToken = auditor;
    bundle = mkdtempSync(join(tmpdir(), 'ledger-bundle-'));
    await exportBundle({ api: api.base, token: auditor }, bundle);
    key = (await api.get('/v1/ledger/key', auditor)).body;
  });
  afterAll(() => api.stop());

  const copy = (change: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-tampered-'));
    for (const f of ['manifest.json', 'checkpoint', 'entries.jsonl'])
      writeFileSync(join(dir, f), readFileSync(join(bundle, f)));
    change(dir);
    return dir;
  };
  const entries = (dir: string) => readFileSync(join(dir, 'entries.jsonl'), 'utf8').trimEnd().split('\n');
  const rewrite = (dir: string, lines: string[]) => {
    writeFileSync(join(dir, 'entries.jsonl'), `${lines.join('\n')}\n`);
    // An attacker would fix the manifest too; the signed root must still catch it.
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.files['entries.jsonl'] = createHash('sha256')
      .update(`${lines.join('\n')}\n`)
      .digest('hex');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  };

  it('verifies an untouched bundle against the pinned key', async () => {
    const report = await verifyBundle(bundle, { key });
    expect(report).toMatchObject({ ok: true, warnings: [] });
    expect(report.failure).toBeUndefined();
    expect(report.size).toBeGreaterThan(10);
  });

  it('warns when no key is pinned', async () => {
    expect((await verifyBundle(bundle)).warnings).toHaveLength(1);
  });

  it.each([
    [
      'one altered character in an entry',
      (lines: string[]) => {
        const target = lines.findIndex((l) => l.includes('Torkham'));
        expect(target).toBeGreaterThan(0);
        return lines.map((l, i) => (i === target ? l.replace('Torkham', 'Torkhan') : l));
      },
    ],
    ['two entries swapped', (lines: string[]) => [lines[1], lines[0], ...lines.slice(2)]],
    ['an entry dropped', (lines: string[]) => lines.slice(0, -1)],
    ['an entry dropped from the middle', (lines: string[]) => [...lines.slice(0, 3), ...lines.slice(4)]],
  ])('fails on %s, even with a matching manifest', async (_name, tamper) => {
    const dir = copy((d) => rewrite(d, tamper(entries(d))));
    const report = await verifyBundle(dir, { key });
    expect(report.ok).toBe(false);
    expect(report.failure?.message).toMatch(/root|entries|revision|prevHash|canonical|dropped/);
  });

  it('fails on a non-canonical rewrite of an entry', async () => {
    const dir = copy((d) => {
      const lines = entries(d);
      rewrite(d, [JSON.stringify(JSON.parse(lines[0]), null, 1).replace(/\n/g, ''), ...lines.slice(1)]);
    });
    expect((await verifyBundle(dir, { key })).failure).toMatchObject({
      entry: 0,
      message: expect.stringMatching(/canonical/),
    });
  });

  it('fails on a manifest digest mismatch and on a checkpoint signed by another key', async () => {
    const touched = copy((d) => appendFileSync(join(d, 'checkpoint'), ' '));
    expect((await verifyBundle(touched, { key })).ok).toBe(false);
    const other = 'Other+6a4f3b2a+AQ' + 'A'.repeat(42) + '=';
    expect((await verifyBundle(bundle, { key: other })).ok).toBe(false);
  });

  const exported = async (selection: { agreement?: string; fromSize?: number; atSize?: number }) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-selective-'));
    await exportBundle({ api: api.base, token: auditorToken }, dir, selection);
    return dir;
  };
  const earlySize = () => Number(early.split('\n')[1]);

  it('proves a full bundle extends an older checkpoint the auditor holds, and fails on a rewritten one', async () => {
    expect(await verifyBundle(bundle, { key, since: [early] })).toMatchObject({ ok: true, extends: [earlySize()] });
    const forged = early.replace(/\n[A-Za-z0-9+/]{43}=\n/, `\n${Buffer.alloc(32, 7).toString('base64')}\n`);
    expect((await verifyBundle(bundle, { key, since: [forged] })).failure?.message).toMatch(/no valid signature/);
  });

  it('exports one agreement with a receipt per entry, and verifies it offline', async () => {
    const dir = await exported({ agreement });
    const lines = entries(dir);
    expect(lines.some((l) => l.includes(other))).toBe(false);
    expect(lines.filter((l) => l.includes(`"agreementId":"${agreement}"`)).length).toBeGreaterThanOrEqual(6);
    const report = await verifyBundle(dir, { key });
    expect(report.failure).toBeUndefined();
    expect(report).toMatchObject({ ok: true, selection: { agreement } });
    expect(report.warnings.join(' ')).toMatch(/only a full bundle proves none is missing/);
  });

  it('catches a selective bundle whose receipt or entry was altered', async () => {
    const dir = await exported({ agreement });
    const lines = entries(dir);
    const target = lines.findIndex((l) => l.includes('Torkham'));
    rewrite(
      dir,
      lines.map((l, i) => (i === target ? l.replace('Torkham', 'Torkhan') : l)),
    );
    const report = await verifyBundle(dir, { key });
    expect(report.failure?.message).toMatch(/inclusion proof does not give the signed root/);
    expect(report.failure?.entry).toEqual(expect.any(Number));
  });

  it('exports the whole record as it stood at an earlier signed checkpoint, which verifies offline', async () => {
    const dir = await exported({ atSize: earlySize() });
    expect(readFileSync(join(dir, 'checkpoint'), 'utf8')).toBe(early);
    expect(entries(dir)).toHaveLength(earlySize());
    const report = await verifyBundle(dir, { key });
    expect(report.failure).toBeUndefined();
    expect(report).toMatchObject({ ok: true, size: earlySize() });
    expect(await verifyBundle(await exported({ atSize: earlySize(), agreement }), { key })).toMatchObject({ ok: true });
    await expect(exported({ atSize: earlySize() + 1 })).rejects.toThrow(/no checkpoint of size/);
  });

  it('exports from a size on with a consistency proof to the checkpoint the auditor holds', async () => {
    const dir = await exported({ fromSize: earlySize() });
    const report = await verifyBundle(dir, { key, since: [early] });
    expect(report.failure).toBeUndefined();
    expect(report).toMatchObject({ ok: true, extends: [earlySize()] });
    const full = await verifyBundle(await exported({ agreement }), { key, since: [early] });
    expect(full.failure?.message).toMatch(/no consistency proof from size/);
  });

  it('runs as a command: exit 0 and a summary, exit 1 naming the entry after one byte changes', () => {
    const keyFile = join(bundle, '..', `log-${Date.now()}.key`);
    writeFileSync(keyFile, key);
    const cli = (dir: string, ...more: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'apps/cli/src/main.ts', 'verify', dir, '--key', keyFile, ...more],
        { encoding: 'utf8' },
      );
    const ok = cli(bundle);
    expect(ok.stdout).toMatch(/^OK: \d+ entries in \d+ streams/);
    expect(ok.status).toBe(0);
    // The key may also be given as itself; --json prints the machine report.
    const json = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'apps/cli/src/main.ts', 'verify', bundle, '--key', key.trim(), '--json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, warnings: [] });
    const dir = copy((d) => {
      const lines = entries(d);
      rewrite(d, [lines[0], lines[1].replace('"v":2', '"v":3'), ...lines.slice(2)]);
    });
    const failed = cli(dir);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/FAIL: /);
  });
});
