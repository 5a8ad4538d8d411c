import { createHash } from 'node:crypto';
import {
  parseCheckpoint,
  parseTlogProof,
  parseVerifierKey,
  treeHash,
  verifyConsistency,
  verifyInclusion,
  verifyNote,
} from '@ceasefire/ledger';
import { CheckpointSigner } from '../../apps/api/src/ledger/checkpoint-signer';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

const leafHashOf = (envelope: string) =>
  createHash('sha256')
    .update(Buffer.from([0]))
    .update(envelope, 'utf8')
    .digest();

describe('the verifiable ledger over HTTP', () => {
  let api: TestApi;
  let auditor: string;
  let reporter: string;
  let agreement: string;

  const sequenced = async () => {
    const head = (await api.get('/health')).body.store.head;
    await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { projections: ['ledger'] });
    return api.app.get(CheckpointSigner).sign();
  };

  beforeAll(async () => {
    api = await TestApi.start();
    auditor = await api.principal('Auditor', 'auditor');
    reporter = await api.principal('PK', 'party', 'PK');
    const mediator = await api.principal('TR', 'mediator');
    agreement = (await api.post('/v1/agreements', mediator, agreementBody)).body.id;
    for (let i = 0; i < 4; i++) await api.post(`/v1/agreements/${agreement}/incidents`, reporter, raidReport);
  });
  afterAll(() => api.stop());

  it('serves a checkpoint signed by the log key, whose root the full list of entries recomputes', async () => {
    await sequenced();
    const note = (await api.get('/v1/ledger/checkpoint', auditor)).body as string;
    const key = parseVerifierKey((await api.get('/v1/ledger/key', auditor)).body as string);
    expect(verifyNote(note, key)).toBe(true);
    const checkpoint = parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1));
    expect(checkpoint.origin).toBe('ceasefire-ledger.local/log');
    const entries = (await api.get(`/v1/ledger/entries?start=0&end=${checkpoint.size}`, auditor)).body.entries as {
      index: number;
      leafHash: string;
      envelope: string;
    }[];
    expect(entries.map((e) => e.index)).toEqual([...Array(checkpoint.size).keys()]);
    for (const e of entries) expect(leafHashOf(e.envelope).toString('hex')).toBe(e.leafHash);
    expect(treeHash(entries.map((e) => leafHashOf(e.envelope))).equals(checkpoint.root)).toBe(true);
  });

  it('proves inclusion of an entry, and consistency between two checkpoints', async () => {
    const first = parseCheckpoint((await api.get('/v1/ledger/checkpoint', auditor)).body.split('\n\n')[0] + '\n');
    const entry = (await api.get('/v1/ledger/entries?start=3&end=4', auditor)).body.entries[0];
    const inclusion = (await api.get(`/v1/ledger/proofs/inclusion?index=3&size=${first.size}`, auditor)).body;
    const path = inclusion.hashes.map((h: string) => Buffer.from(h, 'base64'));
    expect(verifyInclusion(3, first.size, Buffer.from(entry.leafHash, 'hex'), path, first.root)).toBe(true);
    expect(verifyInclusion(3, first.size, leafHashOf(`${entry.envelope} `), path, first.root)).toBe(false);

    await api.post(`/v1/agreements/${agreement}/incidents`, reporter, raidReport);
    expect(await sequenced()).toBeDefined();
    const second = parseCheckpoint((await api.get('/v1/ledger/checkpoint', auditor)).body.split('\n\n')[0] + '\n');
    expect(second.size).toBeGreaterThan(first.size);
    const consistency = (await api.get(`/v1/ledger/proofs/consistency?from=${first.size}&to=${second.size}`, auditor))
      .body;
    const hashes = consistency.hashes.map((h: string) => Buffer.from(h, 'base64'));
    expect(verifyConsistency(first.size, second.size, first.root, second.root, hashes)).toBe(true);
    expect(verifyConsistency(first.size, second.size, second.root, first.root, hashes)).toBe(false);
  });

  it("serves a tlog-proof receipt for an event that verifies against the log's key", async () => {
    const reported = await api.post(`/v1/agreements/${agreement}/incidents`, reporter, raidReport);
    const eventId = reported.body.events[0].eventId as string;
    const early = await api.get(`/v1/events/${eventId}/receipt`, auditor);
    expect([404, 409]).toContain(early.status);
    await sequenced();
    const receipt = parseTlogProof((await api.get(`/v1/events/${eventId}/receipt`, auditor)).body as string);
    const key = parseVerifierKey((await api.get('/v1/ledger/key', auditor)).body as string);
    expect(verifyNote(receipt.checkpoint, key)).toBe(true);
    const checkpoint = parseCheckpoint(receipt.checkpoint.slice(0, receipt.checkpoint.lastIndexOf('\n\n') + 1));
    const leaf = Buffer.from(reported.body.events[0].hash, 'hex');
    expect(verifyInclusion(receipt.index, checkpoint.size, leaf, receipt.path, checkpoint.root)).toBe(true);
    expect((await api.get('/v1/events/00000000-0000-4000-8000-000000000000/receipt', auditor)).status).toBe(404);
  });

  it('signs nothing new when the tree has not grown, and refuses proofs beyond it', async () => {
    await sequenced();
    expect(api.app.get(CheckpointSigner).sign()).toBeUndefined();
    const size = parseCheckpoint((await api.get('/v1/ledger/checkpoint', auditor)).body.split('\n\n')[0] + '\n').size;
    expect((await api.get(`/v1/ledger/proofs/inclusion?index=0&size=${size + 100}`, auditor)).status).toBe(400);
    expect((await api.get('/v1/ledger/proofs/consistency?from=5&to=2', auditor)).status).toBe(400);
    // The checkpoint is published, as transparency logs publish theirs (issue 14); the entries are not.
    expect((await api.get('/v1/ledger/checkpoint')).status).toBe(200);
    expect((await api.get('/v1/ledger/entries?start=0&end=1')).status).toBe(401);
  });

  it("answers a write with each event's hash and, once sequenced, its ledger index (Prefer: wait)", async () => {
    const waited = await api.post(`/v1/agreements/${agreement}/incidents`, reporter, raidReport, { prefer: 'wait=2' });
    expect(waited.status).toBe(201);
    expect(waited.headers.get('preference-applied')).toBe('wait');
    const [event] = waited.body.events;
    expect(event).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), ledgerIndex: expect.any(Number) });
    const entry = (await api.get(`/v1/ledger/entries?start=${event.ledgerIndex}&end=${event.ledgerIndex + 1}`, auditor))
      .body.entries[0];
    expect(entry).toMatchObject({ leafHash: event.hash });
    expect(JSON.parse(entry.envelope).eventId).toBe(event.eventId);
    const unwaited = await api.post(`/v1/agreements/${agreement}/incidents`, reporter, raidReport);
    expect(unwaited.body.events[0]).toHaveProperty('ledgerIndex');
  });
});
