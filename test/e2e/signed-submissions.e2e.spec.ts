import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import canonicalize from 'canonicalize';
import { agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

const signed = (body: unknown, keyId: string, privateKey: KeyObject) => ({
  'submission-signature': `keyId=${keyId}, sig=${sign(null, Buffer.concat([Buffer.from('ceasefire-submission/v1\n'), Buffer.from(canonicalize(body) as string)]), privateKey).toString('base64')}`,
});

describe('signed party submissions', () => {
  let api: TestApi;
  const t: Record<string, string> = {};
  const pkKey = generateKeyPairSync('ed25519');
  const afKey = generateKeyPairSync('ed25519');
  let pkKeyId: string;
  let afKeyId: string;
  let strict: string;

  beforeAll(async () => {
    api = await TestApi.start();
    t.pk = await api.principal('PK', 'party', 'PK');
    t.af = await api.principal('AF', 'party', 'AF');
    t.tr = await api.principal('TR', 'mediator');
    const x = (k: KeyObject) => (k.export({ format: 'jwk' }) as { x: string }).x;
    pkKeyId = (
      await api.post('/v1/parties/PK/keys', t.pk, { jwk: { kty: 'OKP', crv: 'Ed25519', x: x(pkKey.publicKey) } })
    ).body.keyId;
    afKeyId = (
      await api.post('/v1/parties/AF/keys', t.af, { jwk: { kty: 'OKP', crv: 'Ed25519', x: x(afKey.publicKey) } })
    ).body.keyId;
    strict = (
      await api.post('/v1/agreements', t.tr, {
        ...agreementBody,
        terms: { ...agreementBody.terms, requireSignedSubmissions: true },
      })
    ).body.id;
  });
  afterAll(() => api.stop());

  it('records the signed bytes, key id and signature in the event, so the ledger leaf commits to them', async () => {
    const reply = await api.post(
      `/v1/agreements/${strict}/incidents`,
      t.pk,
      raidReport,
      signed(raidReport, pkKeyId, pkKey.privateKey),
    );
    expect(reply.status).toBe(201);
    const history = await api.get(`/v1/incidents/${reply.body.id}/history`, t.tr);
    const submission = history.body.events[0].submission;
    expect(submission.keyId).toBe(pkKeyId);
    expect(Buffer.from(submission.bytes, 'base64').toString('utf8')).toBe(canonicalize(raidReport));
  });

  it('refuses unsigned party writes where the agreement requires signatures, with a clear 401', async () => {
    const reply = await api.post(`/v1/agreements/${strict}/incidents`, t.pk, raidReport);
    expect(reply.status).toBe(401);
    expect(reply.body.message).toMatch(/requires signed party submissions/);
  });

  it("rejects a signature by another party's key, over another body, or by a revoked key", async () => {
    expect(
      (
        await api.post(
          `/v1/agreements/${strict}/incidents`,
          t.pk,
          raidReport,
          signed(raidReport, afKeyId, afKey.privateKey),
        )
      ).status,
    ).toBe(401);
    const other = { ...raidReport, description: 'changed after signing' };
    expect(
      (await api.post(`/v1/agreements/${strict}/incidents`, t.pk, other, signed(raidReport, pkKeyId, pkKey.privateKey)))
        .status,
    ).toBe(401);
    expect((await api.post(`/v1/parties/PK/keys/${pkKeyId}/revocation`, t.pk, { reason: 'rotated' })).status).toBe(201);
    const revoked = await api.post(
      `/v1/agreements/${strict}/incidents`,
      t.pk,
      raidReport,
      signed(raidReport, pkKeyId, pkKey.privateKey),
    );
    expect(revoked.status).toBe(401);
    expect(revoked.body.message).toMatch(/revoked/);
  });

  it('lets a party manage only its own keys and rejects a malformed header', async () => {
    const x = (generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }) as { x: string }).x;
    expect((await api.post('/v1/parties/AF/keys', t.pk, { jwk: { kty: 'OKP', crv: 'Ed25519', x } })).status).toBe(403);
    expect(
      (await api.post(`/v1/agreements/${strict}/incidents`, t.pk, raidReport, { 'submission-signature': 'nonsense' }))
        .status,
    ).toBe(400);
  });
});
