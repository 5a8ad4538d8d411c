import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CheckpointSigner } from '../../apps/api/src/ledger/checkpoint-signer';
import { newWitnessKey, readWitnessKey } from '../../apps/cli/src/witness/witness-key';
import { witnessOnce } from '../../apps/cli/src/witness/witness-once';
import { agreementBody, raidReport } from './support/case-data';
import { ADMIN_TOKEN, TestApi } from './support/test-api';

// read-models.sqlite is rebuildable: delete it while stopped, start again, and nothing is lost —
// in particular not the signed checkpoints and the witnesses' cosignatures, which no log replay gives back.
describe('deleting the read models while stopped', () => {
  const { secret, verifierKey } = newWitnessKey('witness.mediator-qa.example');
  const key = readWitnessKey(secret);
  const stateFile = join(mkdtempSync(join(tmpdir(), 'ledger-rebuild-')), 'state.json');

  const signAfterGrowth = async (api: TestApi, reporter: string, agreement: string) => {
    await api.post(`/v1/agreements/${agreement}/incidents`, reporter, raidReport);
    const head = (await api.get('/health')).body.store.head;
    await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head);
    return api.app.get(CheckpointSigner).sign();
  };

  it('loses no checkpoint and no cosignature, and the log goes on extending what it signed', async () => {
    let api = await TestApi.start();
    const dataDir = api.dataDir;
    const mediator = await api.principal('QA mediator', 'mediator', 'QA');
    const reporter = await api.principal('PK', 'party', 'PK');
    const agreement = (await api.post('/v1/agreements', mediator, agreementBody)).body.id as string;
    expect(
      (await api.post('/v1/ledger/witnesses', ADMIN_TOKEN, { name: key.name, key: verifierKey, operator: 'QA' }))
        .status,
    ).toBe(201);
    const first = await signAfterGrowth(api, reporter, agreement);
    await witnessOnce({ log: api.base, token: mediator, key, stateFile });
    const before = (await api.get('/v1/ledger/checkpoint', mediator)).body as string;
    expect(before.split('\n').filter((l) => l.startsWith('—'))).toHaveLength(2);
    await api.stop();

    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `read-models.sqlite${suffix}`), { force: true });
    api = await TestApi.start({ DATA_DIR: dataDir });
    try {
      const head = (await api.get('/health')).body.store.head;
      await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head);
      expect((await api.get('/v1/ledger/checkpoint', mediator)).body).toBe(before);
      const next = await signAfterGrowth(api, reporter, agreement);
      expect(next!.size).toBeGreaterThan(first!.size);
      const run = await witnessOnce({ log: api.base, token: mediator, key, stateFile });
      expect(run.size).toBe(next!.size);
    } finally {
      await api.stop();
    }
  });

  it('sets a damaged read-models.sqlite aside, starts, and rebuilds every read model from the log', async () => {
    let api = await TestApi.start();
    const dataDir = api.dataDir;
    const mediator = await api.principal('QA mediator', 'mediator', 'QA');
    const agreement = (await api.post('/v1/agreements', mediator, agreementBody)).body.id as string;
    await api.stop();

    for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `read-models.sqlite${suffix}`), { force: true });
    writeFileSync(join(dataDir, 'read-models.sqlite'), 'not a database any more');
    api = await TestApi.start({ DATA_DIR: dataDir });
    try {
      const head = (await api.get('/health')).body.store.head;
      await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head);
      const listed = (await api.get('/v1/agreements', mediator)).body.agreements.map((a: { id: string }) => a.id);
      expect(listed).toEqual([agreement]);
      expect(readdirSync(dataDir).filter((f) => f.startsWith('read-models.sqlite.damaged-'))).toHaveLength(1);
    } finally {
      await api.stop();
    }
  });
});
