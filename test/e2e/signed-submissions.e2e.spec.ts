import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CheckpointSigner } from '../../apps/api/src/ledger/checkpoint-signer';
import { exportBundle } from '../../apps/cli/src/export/export-bundle';
import { verifyBundle } from '../../apps/cli/src/verify/verify-bundle';
import { summarize } from '../../apps/cli/src/verify/verify-summary';
import { agreementBody, raidReport } from './support/case-data';
import { signedHeaders } from './support/submission-signing';
import { ADMIN_TOKEN, TestApi } from './support/test-api';

const jwkOf = (k: KeyObject) => ({ kty: 'OKP', crv: 'Ed25519', x: (k.export({ format: 'jwk' }) as { x: string }).x });

describe('signed party submissions', () => {
  let api: TestApi;
  const t: Record<string, string> = {};
  const pkKey = generateKeyPairSync('ed25519');
  const afKey = generateKeyPairSync('ed25519');
  let pkKeyId: string;
  let afKeyId: string;
  let strict: string;
  let second: string;

  beforeAll(async () => {
    api = await TestApi.start();
    t.pk = await api.principal('PK', 'party', 'PK');
    t.af = await api.principal('AF', 'party', 'AF');
    t.tr = await api.principal('TR', 'mediator', 'TR');
    pkKeyId = (await api.post('/v1/parties/PK/keys', t.pk, { jwk: jwkOf(pkKey.publicKey) })).body.keyId;
    afKeyId = (await api.post('/v1/parties/AF/keys', t.af, { jwk: jwkOf(afKey.publicKey) })).body.keyId;
    const strictBody = { ...agreementBody, terms: { ...agreementBody.terms, requireSignedSubmissions: true } };
    strict = (await api.post('/v1/agreements', t.tr, strictBody)).body.id;
    second = (await api.post('/v1/agreements', t.tr, { ...strictBody, title: 'A second agreement' })).body.id;
  });
  afterAll(() => api.stop());

  const report = (agreement: string, headers: Record<string, string>, body: unknown = raidReport, token = t.pk) =>
    api.post(`/v1/agreements/${agreement}/incidents`, token, body, headers);
  const signedFor = (agreement: string, over: object = {}, key = pkKey.privateKey, keyId = pkKeyId) =>
    signedHeaders({ target: `/v1/agreements/${agreement}/incidents`, body: raidReport, ...over }, keyId, key);

  it('records the signed context, key id and signature in the event, so the ledger leaf commits to them', async () => {
    const headers = signedFor(strict);
    const reply = await report(strict, headers);
    expect(reply.status).toBe(201);
    const history = await api.get(`/v1/incidents/${reply.body.id}/history`, t.tr);
    const submission = history.body.events[0].submission;
    expect(submission).toMatchObject({ v: 2, keyId: pkKeyId });
    const signed = JSON.parse(Buffer.from(submission.bytes, 'base64').toString('utf8'));
    expect(signed).toMatchObject({
      method: 'POST',
      target: `/v1/agreements/${strict}/incidents`,
      idempotencyKey: headers['idempotency-key'],
    });
    expect(canonicalize(signed.body)).toBe(canonicalize(raidReport));
  });

  it('refuses a signed report replayed into another agreement, and writes a replay to the same one once', async () => {
    const headers = signedFor(strict);
    const first = await report(strict, headers);
    expect(first.status).toBe(201);
    const elsewhere = await report(second, headers);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.detail).toMatch(/does not verify/);
    // Replayed by another principal of PK, to the same target: the same request, not a second report.
    const pk2 = await api.principal('PK second account', 'party', 'PK');
    const again = await report(strict, headers, raidReport, pk2);
    expect(again.body.id).toBe(first.body.id);
    const list = (await api.get(`/v1/agreements/${strict}/incidents?limit=1000`, t.tr)).body;
    const items = list.items ?? list.incidents ?? list;
    expect(
      items.filter((i: { incidentId?: string; id?: string }) => (i.incidentId ?? i.id) === first.body.id),
    ).toHaveLength(1);
  });

  it('refuses a stale signature, one without an Idempotency-Key, and the old body-only format', async () => {
    const stale = await report(strict, signedFor(strict, { created: Math.floor(Date.now() / 1000) - 3600 }));
    expect(stale.status).toBe(401);
    expect(stale.body.detail).toMatch(/created/);
    const headers = signedFor(strict);
    const withoutKey = await report(strict, { 'submission-signature': headers['submission-signature'] });
    expect(withoutKey.status).toBe(400);
    expect(withoutKey.body.detail).toMatch(/Idempotency-Key/);
    const v1 = await report(strict, { 'submission-signature': `keyId=${pkKeyId}, sig=AAAA` });
    expect(v1.status).toBe(400);
  });

  it('refuses unsigned party writes where the agreement requires signatures, with a clear 401', async () => {
    const reply = await api.post(`/v1/agreements/${strict}/incidents`, t.pk, raidReport);
    expect(reply.status).toBe(401);
    expect(reply.body.detail).toMatch(/requires signed party submissions/);
  });

  it("rejects a signature by another party's key, over another body, or by a revoked key", async () => {
    expect((await report(strict, signedFor(strict, {}, afKey.privateKey, afKeyId))).status).toBe(401);
    const other = { ...raidReport, description: 'changed after signing' };
    expect((await report(strict, signedFor(strict), other)).status).toBe(401);
    const spare = generateKeyPairSync('ed25519');
    const spareId = (await api.post('/v1/parties/PK/keys', t.pk, { jwk: jwkOf(spare.publicKey) })).body.keyId;
    expect((await api.post(`/v1/parties/PK/keys/${spareId}/revocation`, t.pk, { reason: 'rotated' })).status).toBe(201);
    const revoked = await report(strict, signedFor(strict, {}, spare.privateKey, spareId));
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toMatch(/revoked/);
  });

  it("keeps a key with the party that registered it first: AF cannot take PK's key, nor re-register a revoked one", async () => {
    const takeover = await api.post('/v1/parties/AF/keys', t.af, { jwk: jwkOf(pkKey.publicKey) });
    expect(takeover).toMatchObject({ status: 409, body: { rule: 'KeyBelongsToAnotherParty' } });
    expect((await report(strict, signedFor(strict))).status).toBe(201);
    const gone = generateKeyPairSync('ed25519');
    const goneId = (await api.post('/v1/parties/PK/keys', t.pk, { jwk: jwkOf(gone.publicKey) })).body.keyId;
    await api.post(`/v1/parties/PK/keys/${goneId}/revocation`, t.pk, { reason: 'lost' });
    expect((await api.post('/v1/parties/AF/keys', t.af, { jwk: jwkOf(gone.publicKey) })).status).toBe(409);
    expect(await api.post('/v1/parties/PK/keys', t.pk, { jwk: jwkOf(gone.publicKey) })).toMatchObject({
      status: 409,
      body: { rule: 'KeyRevokedForGood' },
    });
  });

  it("does not let an admin register a party's key; says who registered and who acknowledged each key", async () => {
    const minted = generateKeyPairSync('ed25519');
    const byAdmin = await api.post('/v1/parties/PK/keys', ADMIN_TOKEN, { jwk: jwkOf(minted.publicKey) });
    expect(byAdmin.status).toBe(403);
    expect((await api.post(`/v1/parties/PK/keys/${pkKeyId}/acknowledgement`, t.tr, {})).status).toBe(201);
    const keys = (await api.get('/v1/parties/PK/keys', t.tr)).body.keys;
    expect(keys.find((k: { keyId: string }) => k.keyId === pkKeyId)).toMatchObject({
      registeredBy: expect.any(String),
      acknowledgedBy: ['TR'],
      revokedAt: null,
    });
  });

  it('lets the offline verifier say who registered and who acknowledged each key that signed', async () => {
    const head = (await api.get('/health')).body.store.head;
    await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { projections: ['ledger'] });
    await api.app.get(CheckpointSigner).sign();
    const auditor = await api.principal('Auditor', 'auditor');
    const bundle = mkdtempSync(join(tmpdir(), 'signed-bundle-'));
    await exportBundle({ api: api.base, token: auditor }, bundle);
    const report = await verifyBundle(bundle, { key: (await api.get('/v1/ledger/key', auditor)).body });
    expect(report).toMatchObject({ ok: true, signedSubmissions: expect.any(Number) });
    expect(report.signedSubmissions).toBeGreaterThan(0);
    const pk = report.partyKeys?.find((k) => k.keyId === pkKeyId);
    expect(pk).toMatchObject({ party: 'PK', acknowledgedBy: ['TR'], registeredBy: { role: 'party', party: 'PK' } });
    expect(summarize(report).join('\n')).toMatch(/of PK: registered by principal .* acknowledged by TR/);
  });

  it('lets a party manage only its own keys and rejects a malformed header', async () => {
    const x = jwkOf(generateKeyPairSync('ed25519').publicKey);
    expect((await api.post('/v1/parties/AF/keys', t.pk, { jwk: x })).status).toBe(403);
    expect((await report(strict, { 'submission-signature': 'nonsense' })).status).toBe(400);
  });
});
