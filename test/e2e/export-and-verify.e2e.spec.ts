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

  beforeAll(async () => {
    api = await TestApi.start();
    const auditor = await api.principal('Auditor', 'auditor');
    const pk = await api.principal('PK', 'party', 'PK');
    const af = await api.principal('AF', 'party', 'AF');
    const tr = await api.principal('TR', 'mediator');
    const agreement = (await api.post('/v1/agreements', tr, agreementBody)).body.id;
    for (let i = 0; i < 3; i++) {
      await api.post(`/v1/agreements/${agreement}/incidents`, pk, raidReport);
      await api.post(`/v1/agreements/${agreement}/incidents`, af, airIncursionReport);
    }
    const head = (await api.get('/health')).body.store.head;
    await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { projections: ['ledger'] });
    api.app.get(CheckpointSigner).sign();
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
    const report = await verifyBundle(bundle, key);
    expect(report).toMatchObject({ ok: true, problems: [], warnings: [] });
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
    const report = await verifyBundle(dir, key);
    expect(report.ok).toBe(false);
    expect(report.problems.join(' ')).toMatch(/root|entries|chain|canonical/);
  });

  it('fails on a non-canonical rewrite of an entry', async () => {
    const dir = copy((d) => {
      const lines = entries(d);
      rewrite(d, [JSON.stringify(JSON.parse(lines[0]), null, 1).replace(/\n/g, ''), ...lines.slice(1)]);
    });
    expect((await verifyBundle(dir, key)).problems.join(' ')).toMatch(/canonical/);
  });

  it('fails on a manifest digest mismatch and on a checkpoint signed by another key', async () => {
    const touched = copy((d) => appendFileSync(join(d, 'checkpoint'), ' '));
    expect((await verifyBundle(touched, key)).ok).toBe(false);
    const other = 'Other+6a4f3b2a+AQ' + 'A'.repeat(42) + '=';
    expect((await verifyBundle(bundle, other)).ok).toBe(false);
  });
});
