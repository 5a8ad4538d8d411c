import { agreementBody, airIncursionReport, inDays, raidReport } from './support/case-data';
import { ADMIN_TOKEN, TestApi } from './support/test-api';

describe('the MVM workflow over HTTP', () => {
  let api: TestApi;
  const t: Record<string, string> = {};
  let agreementId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    t.pk = await api.principal('Pakistan liaison', 'party', 'PK');
    t.af = await api.principal('Afghanistan liaison', 'party', 'AF');
    t.mon1 = await api.principal('Monitor 1', 'monitor');
    t.mon2 = await api.principal('Monitor 2', 'monitor');
    t.tr = await api.principal('Türkiye', 'mediator');
    t.qa = await api.principal('Qatar', 'mediator', 'QA');
    t.aud = await api.principal('Auditor', 'auditor');
    const created = await api.post('/v1/agreements', t.tr, agreementBody);
    expect(created.status).toBe(201);
    agreementId = created.body.id;
  });
  afterAll(() => api.stop());

  it('refuses requests without a valid token', async () => {
    expect((await api.get(`/v1/agreements/${agreementId}`)).status).toBe(401);
    expect((await api.get(`/v1/agreements/${agreementId}`, 'not-a-real-token-at-all')).status).toBe(401);
    expect((await api.get('/health')).status).toBe(200);
  });

  it('serves the agreement with its revision as ETag', async () => {
    const got = await api.get(`/v1/agreements/${agreementId}`, t.aud);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"0"');
    expect(got.body).toMatchObject({ status: 'ACTIVE', parties: agreementBody.parties, terms: agreementBody.terms });
  });

  it('drives a case from report to closed, and compliance follows', async () => {
    const reported = await api.post(`/v1/agreements/${agreementId}/incidents`, t.pk, raidReport);
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({
      revision: 0,
      events: [expect.objectContaining({ type: 'IncidentReported', hash: expect.stringMatching(/^[0-9a-f]{64}$/) })],
    });
    const id = reported.body.id;
    const step = async (path: string, token: string, body: unknown, status = 201) => {
      const reply = await api.post(`/v1/incidents/${id}/${path}`, token, body);
      expect({ path, status: reply.status, body: reply.body }).toMatchObject({ path, status });
      return reply;
    };
    await step('evidence', t.pk, {
      evidenceId: 'e1',
      sha256: 'a'.repeat(64),
      mediaType: 'image/jpeg',
      custodian: 'PK liaison office',
      description: 'Photo of the damaged post',
    });
    await step('responses', t.af, { response: 'DENY', statement: 'No group crossed from our side.' });
    await step('triage', t.mon1, { decision: 'ADMISSIBLE', reason: 'Specific, within mandate' });
    await step('investigation', t.mon1, {});
    await step('access-denials', t.mon1, {
      denialId: 'a1',
      deniedBy: 'AF',
      at: '2025-11-01T08:00:00Z',
      place: 'Road to the post',
      description: 'Checkpoint refused passage',
    });
    await step('findings', t.mon1, {
      findingId: 'f1',
      outcome: 'VIOLATION_ATTRIBUTED',
      attributedParties: ['AF'],
      severity: 'S3',
      confidence: 'CREDIBLE',
      rationale: 'Tracks and witness statements',
    });
    const unendorsed = await step('findings/f1/adoption', t.tr, {}, 409);
    expect(unendorsed.body).toMatchObject({ rule: 'AdoptEndorsedOnly' });
    await step('findings/f1/endorsement', t.mon2, {});
    const firstVote = await step('findings/f1/adoption', t.tr, {});
    expect(firstVote.body.events.map((e: { type: string }) => e.type)).toEqual(['FindingAdoptionVoted']);
    const adopted = await step('findings/f1/adoption', t.qa, {});
    expect(adopted.body.events.map((e: { type: string }) => e.type)).toEqual([
      'FindingAdoptionVoted',
      'FindingAdopted',
      'BreachConfirmed',
    ]);

    const compliance = await api.get(
      `/v1/agreements/${agreementId}/compliance?minPosition=${adopted.body.position}`,
      t.aud,
    );
    expect(compliance.status).toBe(200);
    const af = compliance.body.parties.find((p: { party: string }) => p.party === 'AF');
    expect(af).toMatchObject({
      status: 'NON_COMPLIANT',
      confirmedBreaches: { total: 1, bySeverity: { S3: 1 } },
      accessDenials: 1,
    });

    await step('disputes', t.af, {
      disputeId: 'd1',
      findingId: 'f1',
      grounds: 'ATTRIBUTION',
      statement: 'The group is not under our control',
    });
    const blocked = await step('closure', t.tr, { reason: 'done' }, 409);
    expect(blocked.body.rule).toBe('OpenDisputes');
    // The ruling quorum defaults to the adoption quorum: both mediator institutions back the same ruling.
    const amendedRuling = {
      ruling: 'AMENDED',
      rationale: 'Severity reduced',
      amendment: { outcome: 'VIOLATION_ATTRIBUTED', attributedParties: ['AF'], severity: 'S2', confidence: 'CREDIBLE' },
    };
    await step('disputes/d1/ruling', t.qa, amendedRuling);
    await step('disputes/d1/ruling', t.tr, amendedRuling);
    const measure = {
      measureId: 'm1',
      party: 'AF',
      level: 'L2',
      description: 'Formal demand for action against the group',
      dueAt: inDays(30),
    };
    await step('measures', t.tr, measure);
    await step('measures', t.qa, measure);
    const closed = await step('closure', t.tr, { reason: 'Finding adopted, dispute ruled, measure recorded' });

    const caseFile = await api.get(`/v1/incidents/${id}?minPosition=${closed.body.position}`, t.aud);
    expect(caseFile.body).toMatchObject({
      status: 'CLOSED',
      evidence: [expect.objectContaining({ sha256: 'a'.repeat(64) })],
      responses: [expect.objectContaining({ party: 'AF', response: 'DENY' })],
      findings: [expect.objectContaining({ findingId: 'f1', status: 'ADOPTED', severity: 'S2' })],
      disputes: [expect.objectContaining({ status: 'RULED', ruling: 'AMENDED' })],
      measures: [expect.objectContaining({ measureId: 'm1', level: 'L2' })],
    });
    expect(caseFile.headers.get('etag')).toBe(`"${closed.body.revision}"`);

    const history = await api.get(`/v1/incidents/${id}/history`, t.tr);
    expect(history.body.events.map((e: { type: string }) => e.type)).toContain('DisputeRuled');
    expect(history.body.events[0].prevHash).toBe('0'.repeat(64));
    expect(history.body.events[1].prevHash).toBe(history.body.events[0].hash);
    expect(history.body.events.at(-1).changes).toContainEqual({ op: 'replace', path: '/status', value: 'CLOSED' });
    expect(history.body.next).toBeNull();
    const cut = await api.get(`/v1/incidents/${id}/history?atPosition=${adopted.body.position}`, t.tr);
    expect(cut.body.events.at(-1)).toMatchObject({ type: 'BreachConfirmed' });
    const stoodThen = await api.get(`/v1/incidents/${id}/history/${cut.body.events.at(-1).revision}`, t.tr);
    expect(stoodThen.body).toMatchObject({ type: 'BreachConfirmed', stateAfter: { status: 'FINDING_ADOPTED' } });

    const then = await api.get(`/v1/agreements/${agreementId}/compliance?atPosition=${adopted.body.position}`, t.tr);
    expect(then.body).toMatchObject({ source: 'versions' });
    expect(
      then.body.parties.find((p: { party: string }) => p.party === 'AF').confirmedBreaches.bySeverity,
    ).toMatchObject({ S3: 1, S2: 0 });
    const now = await api.get(`/v1/agreements/${agreementId}/compliance?minPosition=${closed.body.position}`, t.tr);
    expect(
      now.body.parties.find((p: { party: string }) => p.party === 'AF').confirmedBreaches.bySeverity,
    ).toMatchObject({ S3: 0, S2: 1 });
  });

  it('keeps a second allegation pending, apart from confirmed breaches, and lists incidents by filter', async () => {
    const reported = await api.post(`/v1/agreements/${agreementId}/incidents`, t.af, airIncursionReport);
    expect(reported.status).toBe(201);
    const pk = (
      await api.get(`/v1/agreements/${agreementId}/compliance?minPosition=${reported.body.position}`, t.pk)
    ).body.parties.find((p: { party: string }) => p.party === 'PK');
    expect(pk).toMatchObject({ status: 'COMPLIANT', pendingAllegations: { total: 1 } });
    const listed = await api.get(
      `/v1/agreements/${agreementId}/incidents?party=PK&category=INCURSION_AIRSPACE&minPosition=${reported.body.position}`,
      t.aud,
    );
    expect(listed.body.incidents.map((i: { incidentId: string }) => i.incidentId)).toEqual([reported.body.id]);
    const none = await api.get(
      `/v1/agreements/${agreementId}/incidents?status=CLOSED&from=2025-11-02T00:00:00Z`,
      t.aud,
    );
    expect(none.body.incidents).toEqual([]);
  });

  it('exports the timeline as JSON, NDJSON and CSV with position, hash and prevHash', async () => {
    const json = await api.get(`/v1/agreements/${agreementId}/timeline`, t.aud);
    expect(json.status).toBe(200);
    expect(json.body.length).toBeGreaterThan(15);
    expect(json.body[0]).toMatchObject({ type: 'AgreementRegistered', revision: 0, prevHash: '0'.repeat(64) });
    const positions = json.body.map((r: { position: string }) => r.position);
    expect([...positions].sort()).toEqual(positions);
    const ndjson = await api.get(`/v1/agreements/${agreementId}/timeline?format=ndjson`, t.aud);
    expect(ndjson.headers.get('content-type')).toMatch(/x-ndjson/);
    expect(String(ndjson.body).trim().split('\n')).toHaveLength(json.body.length);
    const csv = await api.get(`/v1/agreements/${agreementId}/timeline?format=csv&from=2000-01-01T00:00:00Z`, t.aud);
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('position,stream,revision,eventId,type,recordedAt,principal,hash,prevHash,data');
    expect(lines.length).toBe(json.body.length + 1);
  });

  describe('concurrency and retries', () => {
    it('replays the first answer for a retried Idempotency-Key and appends nothing', async () => {
      const headers = { 'idempotency-key': 'report-42' };
      const first = await api.post(`/v1/agreements/${agreementId}/incidents`, t.pk, raidReport, headers);
      const again = await api.post(`/v1/agreements/${agreementId}/incidents`, t.pk, raidReport, headers);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ id: first.body.id, position: first.body.position, replayed: true });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const reused = await api.post(
        `/v1/agreements/${agreementId}/incidents`,
        t.pk,
        { ...raidReport, description: 'different' },
        headers,
      );
      expect(reused.status).toBe(422);
      const history = await api.get(`/v1/incidents/${first.body.id}/history`, t.pk);
      expect(history.body.events).toHaveLength(1);
    });

    it('honours If-Match with 412 and lets exactly one of two racing writers win', async () => {
      const reported = await api.post(`/v1/agreements/${agreementId}/incidents`, t.pk, raidReport);
      const id = reported.body.id;
      const stale = await api.post(
        `/v1/incidents/${id}/triage`,
        t.mon1,
        { decision: 'ADMISSIBLE', reason: 'x' },
        { 'if-match': '"5"' },
      );
      expect(stale.status).toBe(412);
      const evidence = (n: number) => ({
        evidenceId: `e${n}`,
        sha256: String(n)
          .repeat(64)
          .slice(0, 64)
          .replace(/[^0-9a-f]/g, 'a'),
        mediaType: 'image/png',
        custodian: 'c',
        description: 'd',
      });
      const racing = await Promise.all(
        [1, 2, 3, 4].map((n) => api.post(`/v1/incidents/${id}/evidence`, t.mon1, evidence(n), { 'if-match': '"0"' })),
      );
      const statuses = racing.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.every((s) => s === 201 || s === 409 || s === 412)).toBe(true);
    });
  });

  describe('bad input', () => {
    it('names the field and writes nothing', async () => {
      const before = (await api.get(`/v1/agreements/${agreementId}/timeline?format=ndjson`, t.aud)).body;
      const cases: [unknown, RegExp][] = [
        [{ ...raidReport, location: { ...raidReport.location, lat: 91 } }, /lat/],
        [{ ...raidReport, category: 'ALIENS' }, /category/],
        [{ ...raidReport, unexpected: true }, /unexpected/],
        [{ ...raidReport, casualties: { low: 'many', best: 1, high: 2 } }, /low/],
        [{ ...raidReport, occurredAt: 'yesterday' }, /occurredAt/],
      ];
      for (const [body, field] of cases) {
        const reply = await api.post(`/v1/agreements/${agreementId}/incidents`, t.pk, body);
        expect(reply.status).toBe(400);
        expect(JSON.stringify(reply.body.detail)).toMatch(field);
      }
      const future = await api.post(`/v1/agreements/${agreementId}/incidents`, t.pk, {
        ...raidReport,
        occurredAt: inDays(2),
      });
      expect(future).toMatchObject({ status: 422, body: { rule: 'OccurredInThePast' } });
      const malformed = await api.request('POST', `/v1/agreements/${agreementId}/incidents`, {
        token: t.pk,
        raw: '{"occurredAt": ',
      });
      expect(malformed.status).toBe(400);
      const huge = await api.post(`/v1/agreements/${agreementId}/incidents`, t.pk, {
        ...raidReport,
        description: 'x'.repeat(300 * 1024),
      });
      expect(huge.status).toBe(413);
      const after = (await api.get(`/v1/agreements/${agreementId}/timeline?format=ndjson`, t.aud)).body;
      expect(after).toEqual(before);
    });

    it('answers 403 with the rule when a party acts for another', async () => {
      const reported = await api.post(`/v1/agreements/${agreementId}/incidents`, t.pk, raidReport);
      const reply = await api.post(`/v1/incidents/${reported.body.id}/responses`, t.pk, {
        response: 'DENY',
        statement: 'x',
      });
      expect(reply).toMatchObject({ status: 403, body: { rule: 'RespondOnlyForYourself' } });
    });

    it('lets only the admin register principals', async () => {
      expect((await api.post('/v1/principals', t.tr, { name: 'x', role: 'monitor' })).status).toBe(403);
      expect((await api.post('/v1/principals', ADMIN_TOKEN, { name: 'x', role: 'party' })).status).toBe(422);
      expect((await api.post('/v1/principals', ADMIN_TOKEN, { name: 'x', role: 'king' })).status).toBe(400);
    });
  });
});
