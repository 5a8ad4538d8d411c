import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCosignerKey, verifyCosignature } from '@ceasefire/ledger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { newWitnessKey, readWitnessKey } from '../../apps/cli/src/witness/witness-key';
import { witnessOnce } from '../../apps/cli/src/witness/witness-once';
import { CheckpointSigner } from '../../apps/api/src/ledger/checkpoint-signer';
import { agreementBody, raidReport } from './support/case-data';
import { ADMIN_TOKEN, TestApi } from './support/test-api';

describe('witnesses cosign checkpoints they have checked', () => {
  let api: TestApi;
  let token: string;
  let reporter: string;
  let agreement: string;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-witness-'));
  const { secret, verifierKey } = newWitnessKey('witness.mediator-tr.example');
  const key = readWitnessKey(secret);
  const stateFile = join(dir, 'state.json');

  const grow = async () => {
    await api.post(`/v1/agreements/${agreement}/incidents`, reporter, raidReport);
    const head = (await api.get('/health')).body.store.head;
    await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { projections: ['ledger'] });
    return api.app.get(CheckpointSigner).sign();
  };

  beforeAll(async () => {
    api = await TestApi.start();
    token = await api.principal('TR witness', 'mediator');
    reporter = await api.principal('PK', 'party', 'PK');
    agreement = (await api.post('/v1/agreements', token, agreementBody)).body.id;
    const registered = await api.post('/v1/ledger/witnesses', ADMIN_TOKEN, {
      name: key.name,
      key: verifierKey,
      operator: 'TR',
    });
    expect(registered.status).toBe(201);
  });
  afterAll(() => api.stop());

  it('refuses a key that is not a cosigner key, or names another witness, naming the field', async () => {
    const garbled = await api.post('/v1/ledger/witnesses', ADMIN_TOKEN, {
      name: 'w2',
      key: 'w2+nothex+AA',
      operator: 'TR',
    });
    expect(garbled.status).toBe(400);
    expect(garbled.body.errors).toEqual([
      { field: 'key', message: expect.stringMatching(/^key is not a cosigner key: /) },
    ]);
    const other = await api.post('/v1/ledger/witnesses', ADMIN_TOKEN, { name: 'w2', key: verifierKey, operator: 'TR' });
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([{ field: 'key', message: `key names ${key.name}, not w2` }]);
  });

  it('cosigns the first checkpoint it sees, and the log serves the cosignature with it', async () => {
    await grow();
    const run = await witnessOnce({ log: api.base, token, key, stateFile });
    const note = (await api.get('/v1/ledger/checkpoint', token)).body as string;
    const [body, signatures] = [
      note.slice(0, note.indexOf('\n\n') + 1),
      note
        .slice(note.indexOf('\n\n') + 2)
        .split('\n')
        .filter(Boolean),
    ];
    expect(signatures).toHaveLength(2);
    expect(verifyCosignature(`${signatures[1]}\n`, body, parseCosignerKey(verifierKey))).toBeGreaterThan(1_700_000_000);
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).size).toBe(run.size);
  });

  it('checks consistency before cosigning a grown tree', async () => {
    const before = JSON.parse(readFileSync(stateFile, 'utf8')).size as number;
    const signed = await grow();
    const run = await witnessOnce({ log: api.base, token, key, stateFile });
    expect(run.size).toBe(signed?.size);
    expect(run.size).toBeGreaterThan(before);
  });

  it('refuses a split view and a rollback, and remembers nothing from them', async () => {
    const honest = readFileSync(stateFile, 'utf8');
    const state = JSON.parse(honest);
    writeFileSync(stateFile, JSON.stringify({ ...state, root: Buffer.alloc(32, 1).toString('base64') }));
    await expect(witnessOnce({ log: api.base, token, key, stateFile })).rejects.toThrow(/split view/);
    writeFileSync(stateFile, JSON.stringify({ ...state, size: state.size + 10 }));
    await expect(witnessOnce({ log: api.base, token, key, stateFile })).rejects.toThrow(/rollback/);
    writeFileSync(
      stateFile,
      JSON.stringify({ ...state, size: state.size - 1, root: Buffer.alloc(32, 2).toString('base64') }),
    );
    await expect(witnessOnce({ log: api.base, token, key, stateFile })).rejects.toThrow(/inconsistent/);
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).root).toBe(Buffer.alloc(32, 2).toString('base64'));
  });

  it('marks the checkpoint final for an agreement whose k-of-n policy its cosigners meet, and not for a stricter one', async () => {
    await witnessOnce({ log: api.base, token, key, stateFile: join(dir, 'fresh-state.json') });
    const policy = (k: number, witnesses: string[]) => ({
      ...agreementBody,
      terms: { ...agreementBody.terms, cosignaturePolicy: { k, witnesses } },
    });
    const lenient = (await api.post('/v1/agreements', token, policy(1, [key.name, 'witness.other.example']))).body.id;
    const strict = (await api.post('/v1/agreements', token, policy(2, [key.name, 'witness.other.example']))).body.id;
    const a = (await api.get(`/v1/agreements/${lenient}/checkpoint`, token)).body;
    expect(a).toMatchObject({ final: true, cosigners: [key.name], policy: { k: 1 } });
    expect((await api.get(`/v1/agreements/${strict}/checkpoint`, token)).body).toMatchObject({
      final: false,
      cosigners: [key.name],
    });
    const invalid = await api.post('/v1/agreements', token, policy(3, [key.name]));
    expect(invalid).toMatchObject({ status: 422, body: { rule: 'PolicyWithinWitnesses' } });
  });

  it('rejects a cosignature by an unregistered witness or over another checkpoint', async () => {
    const size = JSON.parse(readFileSync(stateFile, 'utf8')).size as number;
    const stranger = readWitnessKey(newWitnessKey('stranger.example').secret);
    const { cosign } = await import('@ceasefire/ledger');
    const unknown = await api.post('/v1/ledger/cosignatures', token, {
      size,
      line: cosign('x\n1\nAAAA\n', stranger.name, stranger.privateKey, 1),
    });
    expect(unknown.status).toBe(404);
    const wrong = await api.post('/v1/ledger/cosignatures', token, {
      size,
      line: cosign('other\n1\nAAAA\n', key.name, key.privateKey, 1),
    });
    expect(wrong.status).toBe(422);
  });
});
