import { agreementBody, inDays, raidReport } from './support/case-data';
import { ADMIN_TOKEN, TestApi } from './support/test-api';

// Issue 16, part 4: Location on every 201 (test-api checks it on every e2e request; here, that it leads
// somewhere), and conditional reads of case files and compliance.
describe('API contract: Location and conditional reads', () => {
  let api: TestApi;
  let t: Awaited<ReturnType<TestApi['caseCast']>>;
  let agreement: string;

  beforeAll(async () => {
    api = await TestApi.start();
    t = await api.caseCast();
    agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
  });
  afterAll(() => api.stop());

  it('points each 201 at what it made: the resource, or the receipt of the event it recorded', async () => {
    const registered = await api.post('/v1/agreements', t.tr, agreementBody);
    expect(registered.headers.get('location')).toBe(`/v1/agreements/${registered.body.id}`);
    const reported = await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport);
    const caseUrl = reported.headers.get('location')!;
    expect(caseUrl).toBe(`/v1/incidents/${reported.body.id}`);
    expect((await api.get(`${caseUrl}?minPosition=${reported.body.position}`, t.tr)).status).toBe(200);
    const triaged = await api.post(`/v1/incidents/${reported.body.id}/triage`, t.mon1, {
      decision: 'ADMISSIBLE',
      reason: 'Specific',
    });
    expect(triaged.headers.get('location')).toBe(`/v1/events/${triaged.body.events[0].eventId}/receipt`);
    const principal = await api.post('/v1/principals', ADMIN_TOKEN, { name: 'Analyst', role: 'auditor' });
    expect(principal.headers.get('location')).toBe(`/v1/principals/${principal.body.id}`);
    const reply = await api.get(`/v1/principals/${principal.body.id}`, ADMIN_TOKEN);
    expect(reply.body).toMatchObject({ id: principal.body.id, role: 'auditor', status: 'ACTIVE' });
    expect(reply.body).not.toHaveProperty('tokenVerifier');
    expect((await api.get(`/v1/principals/${principal.body.id}`, t.tr)).status).toBe(403);
  });

  it('answers 304 to If-None-Match on a case file until the case changes', async () => {
    const reported = await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport);
    const url = `/v1/incidents/${reported.body.id}?minPosition=${reported.body.position}`;
    const first = await api.get(url, t.tr);
    const etag = first.headers.get('etag')!;
    expect(etag).toBe('"0"');
    const again = await api.request('GET', url, { token: t.tr, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    const triaged = await api.post(`/v1/incidents/${reported.body.id}/triage`, t.mon1, {
      decision: 'ADMISSIBLE',
      reason: 'Specific',
    });
    const changed = await api.request('GET', `/v1/incidents/${reported.body.id}?minPosition=${triaged.body.position}`, {
      token: t.tr,
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"1"');
  });

  it('answers 304 to If-None-Match on compliance while what it says stays the same', async () => {
    const head = (await api.get('/health')).body.store.head;
    const url = `/v1/agreements/${agreement}/compliance?minPosition=${head}`;
    const first = await api.get(url, t.tr);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect((await api.request('GET', url, { token: t.tr, headers: { 'if-none-match': etag } })).status).toBe(304);
    const reported = await api.post(`/v1/agreements/${agreement}/incidents`, t.af, raidReport);
    const after = await api.request(
      'GET',
      `/v1/agreements/${agreement}/compliance?minPosition=${reported.body.position}`,
      {
        token: t.tr,
        headers: { 'if-none-match': etag },
      },
    );
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});

// Issue 16, parts 3 and 4: the list routes that were missing, in the one pagination convention.
describe('API contract: agreements and commitments, paged', () => {
  let api: TestApi;
  let t: Awaited<ReturnType<TestApi['caseCast']>>;

  beforeAll(async () => {
    api = await TestApi.start();
    t = await api.caseCast();
  });
  afterAll(() => api.stop());

  it('lists agreements by party and status, page by page, each exactly once, with Link: rel="next"', async () => {
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await api.post('/v1/agreements', t.tr, agreementBody)).body.id);
    const other = await api.post('/v1/agreements', t.tr, {
      ...agreementBody,
      parties: [
        { code: 'PK', name: 'Pakistan' },
        { code: 'IN', name: 'India' },
      ],
      provisions: agreementBody.provisions.filter((p) => p.obligor === 'ALL'),
    });
    expect(other.status).toBe(201);
    const head = other.body.position;
    const seen: string[] = [];
    let url: string | null = `/v1/agreements?party=AF&limit=3&minPosition=${head}`;
    while (url) {
      const page = await api.get(url, t.pk);
      expect(page.status).toBe(200);
      seen.push(...page.body.agreements.map((a: { agreementId: string }) => a.agreementId));
      const link = page.headers.get('link');
      if (page.body.next) expect(link).toMatch(/^<\/v1\/agreements\?.*cursor=.*>; rel="next"$/);
      url = page.body.next ? /^<([^>]+)>/.exec(link!)![1] : null;
    }
    expect(seen).toEqual(made);
    const india = await api.get(`/v1/agreements?party=IN`, t.pk);
    expect(india.body.agreements.map((a: { agreementId: string }) => a.agreementId)).toEqual([other.body.id]);
    expect((await api.get('/v1/agreements?cursor=not-a-cursor', t.pk)).body).toMatchObject({
      status: 400,
      detail: expect.stringMatching(/cursor/),
    });
    expect((await api.get('/v1/agreements?limit=501', t.pk)).status).toBe(400);
  });

  it("lists an agreement's commitments, a party's own by obligor, to its parties and the mechanism only", async () => {
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
    const commitment = (obligor: string) => ({
      obligor,
      title: 'Withdraw heavy weapons 20 km from the line',
      indicator: 'Positions withdrawn',
      target: 10,
      unit: 'positions',
      dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      evidenceRequired: 'Monitor site visit',
    });
    const af = await api.post(`/v1/agreements/${agreement}/commitments`, t.tr, commitment('AF'));
    expect(af.status).toBe(201);
    expect(af.headers.get('location')).toBe(`/v1/commitments/${af.body.id}`);
    const pk = await api.post(`/v1/agreements/${agreement}/commitments`, t.tr, commitment('PK'));
    const own = await api.get(
      `/v1/agreements/${agreement}/commitments?obligor=AF&minPosition=${pk.body.position}`,
      t.af,
    );
    expect(own.body.commitments.map((c: { id: string }) => c.id)).toEqual([af.body.id]);
    const all = await api.get(`/v1/agreements/${agreement}/commitments`, t.mon1);
    expect(all.body.commitments.map((c: { id: string }) => c.id)).toEqual([af.body.id, pk.body.id]);
    const outsider = await api.principal('IN', 'party', 'IN');
    expect((await api.get(`/v1/agreements/${agreement}/commitments`, outsider)).status).toBe(404);
  });
});

describe('API contract: incidents, paged', () => {
  let api: TestApi;
  let t: Awaited<ReturnType<TestApi['caseCast']>>;
  beforeAll(async () => {
    api = await TestApi.start();
    t = await api.caseCast();
  });
  afterAll(() => api.stop());

  it('pages through 2,500 incidents and gets each exactly once, in a stable order', async () => {
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
    const made: string[] = [];
    let position = '';
    for (let batch = 0; batch < 50; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          api.post(`/v1/agreements/${agreement}/incidents`, batch % 2 ? t.pk : t.af, {
            ...raidReport,
            // Many share a time of occurrence: the order must still be total.
            occurredAt: new Date(
              Date.parse('2025-11-01T00:00:00Z') + ((batch * 50 + i) % 40) * 3_600_000,
            ).toISOString(),
          }),
        ),
      );
      for (const r of replies) {
        expect(r.status).toBe(201);
        made.push(r.body.id);
        if (r.body.position > position) position = r.body.position;
      }
    }
    const seen: string[] = [];
    let url: string | null = `/v1/agreements/${agreement}/incidents?limit=100&minPosition=${position}`;
    let pages = 0;
    while (url) {
      const page = await api.get(url, t.tr);
      expect(page.status).toBe(200);
      seen.push(...page.body.incidents.map((c: { incidentId: string }) => c.incidentId));
      url = page.body.next ? /^<([^>]+)>; rel="next"$/.exec(page.headers.get('link')!)![1] : null;
      pages += 1;
    }
    expect(pages).toBeGreaterThanOrEqual(25);
    expect(seen).toHaveLength(2500);
    expect(new Set(seen)).toEqual(new Set(made));
  }, 60_000);
});

describe('API contract: security in the OpenAPI document', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('says which operations need a token, as the guard decides it: checked by calling each without one', async () => {
    const doc = (await api.get('/docs/openapi.json')).body;
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(doc.components.securitySchemes.bearer).not.toHaveProperty('bearerFormat');
    expect(doc.paths['/v1/streams'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(doc.paths['/v1/ledger/checkpoint'].get.security).toEqual([]);
    const checked: string[] = [];
    for (const [path, item] of Object.entries<Record<string, { security: unknown[] }>>(doc.paths)) {
      if (!item.get || path.includes('{')) continue;
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), 2000);
      const reply = await fetch(`${api.base}${path}`, { signal: abort.signal }).catch(() => undefined);
      clearTimeout(timer);
      abort.abort();
      const secured = item.get.security.length > 0;
      expect({ path, unauthorized: reply?.status === 401 }).toEqual({ path, unauthorized: secured });
      checked.push(path);
    }
    expect(checked.length).toBeGreaterThan(10);
  });
});

// Issue 16, part 4: a party's own view of what it owes now.
describe("API contract: a party's open obligations", () => {
  let api: TestApi;
  let t: Awaited<ReturnType<TestApi['caseCast']>>;

  beforeAll(async () => {
    api = await TestApi.start();
    t = await api.caseCast();
  });
  afterAll(() => api.stop());

  it('shows the party the responses, measures and commitments it owes, until it has answered, done or met them', async () => {
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
    const commitment = await api.post(`/v1/agreements/${agreement}/commitments`, t.tr, {
      obligor: 'AF',
      title: 'Dismantle camps',
      indicator: 'sites visited',
      target: 1,
      unit: 'sites',
      dueAt: inDays(30),
      evidenceRequired: 'site visits',
    });
    const raid = await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport);
    const obligations = async (token: string, party = 'AF', position = raid.body.position) =>
      api.get(`/v1/parties/${party}/obligations?minPosition=${position}`, token);

    const owed = (await obligations(t.af)).body;
    expect(owed.responsesDue).toEqual([
      expect.objectContaining({
        incidentId: raid.body.id,
        agreementId: agreement,
        href: `/v1/incidents/${raid.body.id}`,
        missed: false,
      }),
    ]);
    expect(owed.commitments).toEqual([
      expect.objectContaining({ commitmentId: commitment.body.id, status: 'OPEN', acceptedTotal: 0 }),
    ]);
    expect(owed.measures).toEqual([]);
    expect((await obligations(t.pk, 'PK')).body).toMatchObject({ responsesDue: [], commitments: [], measures: [] });

    // Other parties and observers may not look; the mechanism may.
    expect((await obligations(t.pk)).status).toBe(403);
    const observer = await api.principal('Observer', 'observer');
    expect((await obligations(observer)).status).toBe(403);
    expect((await obligations(t.tr)).body.responsesDue).toHaveLength(1);

    const answered = await api.post(`/v1/incidents/${raid.body.id}/responses`, t.af, {
      response: 'DENY',
      statement: 'No.',
    });
    expect((await obligations(t.af, 'AF', answered.body.position)).body.responsesDue).toEqual([]);

    const r = `/v1/incidents/${raid.body.id}`;
    await api.post(`${r}/triage`, t.mon1, { decision: 'ADMISSIBLE', reason: 'Specific' });
    await api.post(`${r}/investigation`, t.mon1, {});
    await api.post(`${r}/findings`, t.mon1, {
      findingId: 'f1',
      outcome: 'VIOLATION_ATTRIBUTED',
      attributedParties: ['AF'],
      severity: 'S2',
      confidence: 'CREDIBLE',
      rationale: 'Tracks',
    });
    await api.post(`${r}/findings/f1/endorsement`, t.mon2, {});
    await api.post(`${r}/findings/f1/adoption`, t.tr, {});
    await api.post(`${r}/findings/f1/adoption`, t.qa, {});
    const measure = {
      measureId: 'm1',
      findingId: 'f1',
      party: 'AF',
      level: 'L2',
      description: 'Formal demand',
      dueAt: inDays(21),
    };
    await api.post(`${r}/measures`, t.tr, measure);
    const decided = await api.post(`${r}/measures`, t.qa, measure);
    expect((await obligations(t.af, 'AF', decided.body.position)).body.measures).toEqual([
      { incidentId: raid.body.id, agreementId: agreement, href: r, measureId: 'm1', level: 'L2', dueAt: measure.dueAt },
    ]);
    const fulfilled = await api.post(`${r}/measures/m1/fulfilment`, t.tr, { note: 'Report received' });
    expect((await obligations(t.af, 'AF', fulfilled.body.position)).body.measures).toEqual([]);

    await api.post(`/v1/commitments/${commitment.body.id}/progress`, t.af, {
      reportId: 'r1',
      quantity: 1,
      description: 'Camp closed',
      evidence: ['3f'.repeat(32)],
    });
    const met = await api.post(`/v1/commitments/${commitment.body.id}/verification`, t.mon1, {
      reportId: 'r1',
      verdict: 'ACCEPTED',
      acceptedQuantity: 1,
      note: 'Visited',
    });
    expect((await obligations(t.af, 'AF', met.body.position)).body.commitments).toEqual([]);
  });
});
