import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { cosign } from '@ceasefire/ledger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CheckpointSigner } from '../../apps/api/src/ledger/checkpoint-signer';
import { newWitnessKey, readWitnessKey } from '../../apps/cli/src/witness/witness-key';
import { agreementBody, inDays, raidReport } from './support/case-data';
import { ADMIN_TOKEN, type Reply, TestApi } from './support/test-api';
import { WebhookReceiver } from './support/webhook-receiver';

const jwkOf = (k: KeyObject) => ({ kty: 'OKP', crv: 'Ed25519', x: (k.export({ format: 'jwk' }) as { x: string }).x });

/**
 * Issue 16: every operation of the OpenAPI document, called once with a valid request and once with an
 * invalid one. TestApi checks each answer against the document (status, media type, headers, body), and
 * the walk fails if an operation of the document was left out, so a new route needs its place here.
 */
describe('the contract walk: every operation, valid and invalid, answered as documented', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  let document: Record<string, any>;

  beforeAll(async () => {
    api = await TestApi.start({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    receiver = await WebhookReceiver.start();
    document = (await api.get('/docs/openapi.json')).body;
  });
  afterAll(async () => {
    await api.stop();
    await receiver.stop();
  });

  const ok = async (reply: Promise<Reply>, status?: number): Promise<any> => {
    const answered = await reply;
    if (status ? answered.status !== status : answered.status >= 300)
      throw new Error(`expected ${status ?? '2xx'}, got ${answered.status}: ${JSON.stringify(answered.body)}`);
    return answered.body;
  };

  /** The SSE feeds never end: their answer is checked from the status and headers, then the stream is closed. */
  const openFeed = async (path: string, token: string) => {
    const abort = new AbortController();
    const response = await fetch(`${api.base}${path}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    api.contract.check('GET', path, response.status, response.headers, null);
    abort.abort();
    return response.status;
  };

  it('calls each operation validly, then invalidly, and covers the whole document', async () => {
    const t = await api.caseCast();
    const auditor = await api.principal('Auditor', 'auditor');
    const get = (path: string, token = t.tr) => ok(api.get(path, token));
    const post = (path: string, token: string, body: unknown, status?: number) =>
      ok(api.post(path, token, body), status);

    // Before anything is signed, the latest checkpoint is a 404 (it takes no input that could be wrong).
    expect((await api.get('/v1/ledger/checkpoint')).status).toBe(404);

    // Health and the access registry.
    await get('/health');
    await get('/health/live');
    await get('/metrics', '');
    expect(await post('/v1/read-models/incident_cases/resume', ADMIN_TOKEN, {})).toMatchObject({ parked: false });
    expect(await get('/health/ready')).toEqual({ ready: true, reasons: [] });
    const analyst = await post('/v1/principals', ADMIN_TOKEN, { name: 'Analyst', role: 'auditor' });
    await get('/v1/principals?limit=2', ADMIN_TOKEN);
    await get(`/v1/principals/${analyst.id}`, ADMIN_TOKEN);
    await post(`/v1/principals/${analyst.id}/suspension`, ADMIN_TOKEN, { reason: 'Leave' });
    await post(`/v1/principals/${analyst.id}/reinstatement`, ADMIN_TOKEN, { reason: 'Back' });
    await post(`/v1/principals/${analyst.id}/token-rotation`, ADMIN_TOKEN, {});
    await post(`/v1/principals/${analyst.id}/revocation`, ADMIN_TOKEN, { reason: 'Left the mechanism' });

    // The agreement and its life.
    const agreement = (await post('/v1/agreements', t.tr, agreementBody)).id as string;
    const a = `/v1/agreements/${agreement}`;
    await get('/v1/agreements?limit=5');
    await get(a);
    await post(`${a}/reaffirmations`, t.tr, {
      at: '2025-10-30T18:00:00Z',
      venue: 'Istanbul',
      statement: 'Reaffirmed.',
    });
    await post(`${a}/suspension`, t.tr, { reason: 'Talks paused' });
    await post(`${a}/resumption`, t.tr, { reason: 'Talks resumed' });
    await post(`${a}/meetings`, t.tr, {
      meetingId: 'jmc-1',
      scheduledFor: inDays(7),
      venue: 'Istanbul',
      agenda: ['MVM'],
    });
    await post(`${a}/meetings/jmc-1/record`, t.tr, { heldAt: inDays(0), decisions: ['Joint patrol'] });
    const rulebook = await get(`${a}/rulebooks/default`);
    await post(`${a}/rulebooks`, t.tr, { rulebook: { ...rulebook, version: 'istanbul-1' }, effectiveFrom: inDays(1) });

    // Commitments.
    const commitment = (
      await post(`${a}/commitments`, t.tr, {
        obligor: 'AF',
        title: 'Dismantle camps',
        indicator: 'sites visited',
        target: 3,
        unit: 'sites',
        dueAt: inDays(30),
        evidenceRequired: 'site visits',
      })
    ).id as string;
    await post(`/v1/commitments/${commitment}/progress`, t.af, {
      reportId: 'r1',
      quantity: 1,
      description: 'One camp closed',
      evidence: ['3f'.repeat(32)],
    });
    await post(`/v1/commitments/${commitment}/verification`, t.mon1, {
      reportId: 'r1',
      verdict: 'ACCEPTED',
      acceptedQuantity: 1,
      note: 'Visited',
    });
    await get(`/v1/commitments/${commitment}`);
    await get(`${a}/commitments?limit=5`);

    // A case through intake, investigation, findings, dispute and consequence.
    const raid = await post(`${a}/incidents`, t.pk, raidReport);
    const r = `/v1/incidents/${raid.id}`;
    await post(`${r}/evidence`, t.pk, {
      evidenceId: 'e1',
      sha256: 'a3'.repeat(32),
      mediaType: 'video/mp4',
      custodian: 'PK liaison office',
      description: 'Camera footage',
    });
    await post(`${r}/responses`, t.af, { response: 'DENY', statement: 'No group crossed.' });
    await post(`${r}/triage`, t.mon1, { decision: 'ADMISSIBLE', reason: 'Specific' });
    await post(`${r}/investigation`, t.mon1, {});
    await post(`${r}/access-denials`, t.mon1, {
      denialId: 'a1',
      deniedBy: 'AF',
      at: '2025-11-02T08:00:00Z',
      place: 'Approach road',
      description: 'Refused passage',
    });
    const source = await post('/v1/sources', t.mon1, {
      identity: 'Border guard, Torkham',
      consent: 'LIMITED',
      risk: 'HIGH',
    });
    await get(`/v1/sources/${source.sourceRef}`);
    const interview = await post(`${r}/interviews`, t.mon1, {
      interviewId: 'w1',
      witness: { name: 'Gul Khan', contact: '+93 70 123 4567' },
      summary: 'Saw armed men cross',
      sourceRef: source.sourceRef,
    });
    const finding = {
      outcome: 'VIOLATION_ATTRIBUTED',
      attributedParties: ['AF'],
      severity: 'S3',
      confidence: 'CREDIBLE',
      rationale: 'Footage and witnesses',
    };
    await post(`${r}/findings`, t.mon1, { ...finding, findingId: 'f0' });
    await post(`${r}/findings/f0/withdrawal`, t.mon1, { reason: 'Redrafted' });
    await post(`${r}/findings`, t.mon1, { ...finding, findingId: 'f1' });
    await post(`${r}/findings/f1/sharing`, t.mon1, {});
    await post(`${r}/findings/f1/dissents`, t.af, { text: 'We contest the tracks' });
    await post(`${r}/findings/f1/endorsement`, t.mon2, {});
    await post(`${r}/findings/f1/adoption`, t.tr, {});
    await post(`${r}/findings/f1/adoption`, t.qa, {});
    await post(`${r}/findings/f1/publication`, t.tr, {});
    await post(`${r}/disputes`, t.af, {
      disputeId: 'd1',
      findingId: 'f1',
      grounds: 'ATTRIBUTION',
      statement: 'Not ours',
    });
    const ruling = { ruling: 'UPHELD', rationale: 'Attribution stands' };
    await post(`${r}/disputes/d1/ruling`, t.tr, ruling);
    await post(`${r}/disputes/d1/ruling`, t.qa, ruling);
    const measure = {
      measureId: 'm1',
      findingId: 'f1',
      party: 'AF',
      level: 'L2',
      description: 'Formal demand',
      dueAt: inDays(21),
    };
    await post(`${r}/measures`, t.tr, measure);
    await post(`${r}/measures`, t.qa, measure);
    await post(`${r}/measures/m1/fulfilment`, t.tr, { note: 'Report received' });
    await post(`${r}/measures`, t.tr, { ...measure, measureId: 'm2' });
    await post(`${r}/measures`, t.qa, { ...measure, measureId: 'm2' });
    await post(`${r}/measures/m2/lifting`, t.tr, { reason: 'Superseded' });
    await post(`/v1/subject-keys/${interview.subjectKeyId}/shredding`, t.tr, { reason: 'Witness asked' });
    await post(`${r}/classification`, t.tr, { level: 'PUBLIC', reason: 'Published in full' });
    const closed = await post(`${r}/closure`, t.tr, { reason: 'Finding adopted, ruled, measures done' });
    const caseFile = await get(`${r}?minPosition=${closed.position}`);
    await get(`/v1/agreements/${agreement}/incidents?limit=5&minPosition=${closed.position}`);
    const history = await get(`${r}/history?limit=5`);
    await get(`${r}/history/${history.events[0].revision}`);
    expect(
      (await api.request('GET', r, { token: t.tr, headers: { 'if-none-match': `"${caseFile.revision}"` } })).status,
    ).toBe(304);

    // Compliance, statements and the public record.
    const compliance = await api.get(`${a}/compliance?minPosition=${closed.position}`, t.tr);
    expect(compliance.status).toBe(200);
    const etag = compliance.headers.get('etag')!;
    expect(
      (await api.request('GET', `${a}/compliance`, { token: t.tr, headers: { 'if-none-match': etag } })).status,
    ).toBe(304);
    await post(`${a}/compliance-statements`, t.tr, { statementId: 's1', text: 'First month', asOf: inDays(0) });
    await get(`/v1/public/agreements/${agreement}/compliance-statements`, '');
    await get(`/v1/public/agreements/${agreement}/cases?limit=5&minPosition=${closed.position}`, '');
    await get(`/v1/public/cases/${raid.id}`, '');
    await get(`${a}/timeline`, auditor);
    await get(`/v1/parties/AF/obligations?minPosition=${closed.position}`, t.af);

    // Party keys.
    const key = generateKeyPairSync('ed25519');
    const keyId = (await post('/v1/parties/PK/keys', t.pk, { jwk: jwkOf(key.publicKey) })).keyId as string;
    await get('/v1/parties/PK/keys');
    await post(`/v1/parties/PK/keys/${keyId}/acknowledgement`, t.tr, {});
    await post(`/v1/parties/PK/keys/${keyId}/revocation`, t.pk, { reason: 'rotated' });

    // The ledger: a signed checkpoint, proofs, entries, receipts, witnesses.
    const head = (await api.get('/health')).body.store.head;
    await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { projections: ['ledger'] });
    await api.app.get(CheckpointSigner).sign();
    const note = (await get('/v1/ledger/checkpoint', '')) as string;
    const size = Number(note.split('\n')[1]);
    await get(`/v1/ledger/checkpoints/${size}`, '');
    await get('/v1/ledger/key', '');
    await get(`/v1/ledger/proofs/inclusion?index=0&size=${size}`, auditor);
    await get(`/v1/ledger/proofs/consistency?from=1&to=${size}`, auditor);
    await get('/v1/ledger/entries?limit=3', auditor);
    await get(`/v1/events/${raid.events[0].eventId}/receipt`, auditor);
    await get(`${a}/checkpoint`, auditor);
    const witness = newWitnessKey('witness.mediator-tr.example');
    await post('/v1/ledger/witnesses', ADMIN_TOKEN, {
      name: 'witness.mediator-tr.example',
      key: witness.verifierKey,
      operator: 'TR',
    });
    const { name, privateKey } = readWitnessKey(witness.secret);
    const body = note.slice(0, note.indexOf('\n\n') + 1);
    await post('/v1/ledger/cosignatures', t.tr, {
      size,
      line: cosign(body, name, privateKey, Math.floor(Date.now() / 1000)),
    });

    // Webhooks, feeds and the log's streams.
    const hook = await post('/v1/webhooks', t.tr, { url: receiver.url, description: 'liaison alerts' });
    await get('/v1/webhooks?limit=5');
    await get(`/v1/webhooks/${hook.id}`);
    await ok(api.request('PATCH', `/v1/webhooks/${hook.id}`, { token: t.tr, body: { rotateSecret: true } }));
    await get(`/v1/webhooks/${hook.id}/deliveries?limit=5`);
    await post(`/v1/webhooks/${hook.id}/replay`, t.tr, { fromPosition: head }, 202);
    await ok(api.request('DELETE', `/v1/webhooks/${hook.id}`, { token: t.tr }), 204);
    expect(await openFeed('/v1/feeds/breaches', t.tr)).toBe(200);
    expect(await openFeed(`/v1/feeds/events?agreement=${agreement}`, t.tr)).toBe(200);
    await get('/v1/streams?category=incident&limit=5', auditor);

    // Each operation once more with an invalid request: a malformed body, path parameter or query, or no token.
    for (const [template, item] of Object.entries<Record<string, any>>(document.paths))
      for (const [method, operation] of Object.entries<Record<string, any>>(item)) {
        const declares4xx = Object.keys(operation.responses).some((s) => /^4/.test(s));
        const takesInput = (operation.parameters ?? []).some(
          (p: { in?: string }) => p.in === 'path' || p.in === 'query',
        );
        const secured = operation.security.length > 0;
        if (!declares4xx || !(takesInput || operation.requestBody || secured)) continue;
        const hasPathParameters = template.includes('{');
        const path = template.replace(
          /\{[^}]+\}/g,
          hasPathParameters && !operation.requestBody ? 'not%20an%20id!' : 'x',
        );
        const reply = operation.requestBody
          ? await api.request(method.toUpperCase(), path, { token: ADMIN_TOKEN, body: { unexpected: true } })
          : hasPathParameters
            ? await api.request(method.toUpperCase(), path, { token: ADMIN_TOKEN })
            : secured
              ? await api.request(method.toUpperCase(), path)
              : await api.request(method.toUpperCase(), `${path}?size=-1&unexpected=1`);
        expect([method, template, reply.status >= 400 && reply.status < 500]).toEqual([method, template, true]);
      }

    // Both were answered, as documented, for every operation the document has.
    const missing: string[] = [];
    for (const [template, item] of Object.entries<Record<string, any>>(document.paths))
      for (const [method, operation] of Object.entries<Record<string, any>>(item)) {
        const statuses = [...api.contract.seen]
          .filter((s) => s.startsWith(`${method.toUpperCase()} ${template} `))
          .map((s) => Number(s.split(' ').pop()));
        const declares4xx = Object.keys(operation.responses).some((s) => /^4/.test(s));
        if (!statuses.some((s) => s < 300)) missing.push(`${operation.operationId}: no valid call`);
        if (declares4xx && !statuses.some((s) => s >= 400 && s < 500))
          missing.push(`${operation.operationId}: no invalid call`);
      }
    expect(missing).toEqual([]);
  });
});
