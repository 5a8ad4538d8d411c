import { agreementBody, raidReport } from './support/case-data';
import { type Reply, TestApi } from './support/test-api';

/** Every 4xx and 5xx is an RFC 9457 problem with the members a client relies on. */
const expectProblem = (reply: Reply, status: number, extra: Record<string, unknown> = {}) => {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({
    type: expect.stringMatching(/^(about:blank|urn:ceasefire-ledger:problem:[a-z0-9-]+)$/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
    instance: expect.stringMatching(/^\//),
    ...extra,
  });
  expect(reply.body).not.toHaveProperty('statusCode');
  expect(reply.body).not.toHaveProperty('message');
};

// Issue 16, part 2: one error format for validation, domain rules, store conflicts, auth, unknown routes, 413, 415, 429.
describe('problem details (RFC 9457)', () => {
  let api: TestApi;
  let t: Awaited<ReturnType<TestApi['caseCast']>>;
  let agreement: string;

  beforeAll(async () => {
    api = await TestApi.start({ WRITES_PER_MINUTE: '30' });
    t = await api.caseCast();
    agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
  });
  afterAll(() => api.stop());

  it('answers a validation failure with each field and its message', async () => {
    const reply = await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, { ...raidReport, category: 'NOPE' });
    expectProblem(reply, 400, { code: 'VALIDATION', instance: `/v1/agreements/${agreement}/incidents` });
    expect(reply.body.errors).toContainEqual({ field: 'category', message: expect.stringMatching(/^category /) });
  });

  it('names the array a bad element is in, whatever its message begins with', async () => {
    const reply = await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, {
      ...raidReport,
      provisionsCited: ['P2', 'not a provision id'],
    });
    expectProblem(reply, 400, { code: 'VALIDATION' });
    expect(reply.body.errors).toEqual([
      { field: 'provisionsCited', message: 'each cited provision must be a provision id' },
    ]);
  });

  it('names the field or header of every 400, not only those the DTO rules find', async () => {
    const a = `/v1/agreements/${agreement}`;
    const at = '2025-11-01T00:00:00Z';
    const beyond = '99999999999999999999';
    const incident = (await api.post(`${a}/incidents`, t.pk, raidReport)).body.id;
    const cases: [string, Record<string, string>, string][] = [
      [`/v1/incidents/${incident}/history?atPosition=${beyond}`, {}, 'atPosition'],
      [`${a}/compliance?asOf=${at}&atPosition=00000000000000000001`, {}, 'atPosition'],
      [`${a}/compliance?atPosition=${beyond}`, {}, 'atPosition'],
      [`${a}/compliance?from=${at}`, {}, 'to'],
      [`${a}/compliance?from=${at}&to=2025-12-01T00:00:00Z&windowDays=7`, {}, 'windowDays'],
      [`${a}/compliance?from=${at}&to=${at}`, {}, 'from'],
      ['/v1/ledger/proofs/inclusion?index=5&size=5', {}, 'index'],
      ['/v1/ledger/proofs/inclusion?index=0&size=100000', {}, 'size'],
      ['/v1/ledger/proofs/consistency?from=3&to=2', {}, 'from'],
      ['/v1/ledger/proofs/consistency?from=1&to=100000', {}, 'to'],
      ['/v1/ledger/entries?start=3&end=3', {}, 'end'],
      ['/v1/ledger/entries?start=0&end=100000', {}, 'end'],
      ['/v1/feeds/events?types=NoSuchEvent', {}, 'types'],
      ['/v1/feeds/events', { 'last-event-id': 'yesterday' }, 'Last-Event-ID'],
    ];
    for (const [path, headers, field] of cases) {
      const reply = await api.request('GET', path, { token: t.tr, headers });
      expectProblem(reply, 400, { code: 'VALIDATION' });
      expect([path, reply.body.errors]).toEqual([path, [{ field, message: expect.stringContaining(field) }]]);
    }
    const writes: [Record<string, string>, string][] = [
      [{ 'idempotency-key': 'a key with spaces' }, 'Idempotency-Key'],
      [{ 'if-match': 'seven' }, 'If-Match'],
      [{ 'submission-signature': 'not a signature' }, 'Submission-Signature'],
    ];
    for (const [headers, field] of writes) {
      const reply = await api.post(`${a}/incidents`, t.pk, raidReport, headers);
      expectProblem(reply, 400, { code: 'VALIDATION' });
      expect([field, reply.body.errors]).toEqual([field, [{ field, message: expect.stringContaining(field) }]]);
    }
  });

  it('names a field every object inherits as the other fields are named, nested or not', async () => {
    const path = `/v1/agreements/${agreement}/incidents`;
    const raw = '{"category":"NOPE","location":{"constructor":1}}';
    const reply = await api.request('POST', path, { token: t.pk, raw });
    expectProblem(reply, 400, { code: 'VALIDATION' });
    expect(reply.body.errors).toEqual([
      { field: 'location.constructor', message: 'location.constructor is not an accepted field name' },
    ]);
    const top = await api.request('POST', path, { token: t.pk, raw: '{"__proto__":{"x":1}}' });
    expect(top.body.errors).toEqual([{ field: '__proto__', message: '__proto__ is not an accepted field name' }]);
  });

  it('names the domain rule broken, and the store conflict', async () => {
    const id = (await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport)).body.id;
    const byParty = await api.post(`/v1/incidents/${id}/triage`, t.af, { decision: 'ADMISSIBLE', reason: 'Specific' });
    expectProblem(byParty, 403, { code: 'FORBIDDEN', rule: expect.any(String) });
    const stale = await api.request('POST', `/v1/incidents/${id}/triage`, {
      token: t.mon1,
      body: { decision: 'ADMISSIBLE', reason: 'Specific' },
      headers: { 'if-match': '"7"' },
    });
    expectProblem(stale, 412, { code: 'PRECONDITION_FAILED', expected: 7, actual: 0 });
  });

  it('challenges a missing or unknown token with WWW-Authenticate: Bearer', async () => {
    const missing = await api.get(`/v1/agreements/${agreement}`);
    expectProblem(missing, 401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="ceasefire-ledger"');
    const unknown = await api.get(`/v1/agreements/${agreement}`, 'x'.repeat(40));
    expectProblem(unknown, 401);
    expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer realm="ceasefire-ledger", error="invalid_token"$/);
  });

  it('answers a method a path does not take with 405 and the methods it does (Allow), an unknown path with 404', async () => {
    const deleted = await api.request('DELETE', '/v1/agreements', { token: t.tr });
    expectProblem(deleted, 405, { code: 'METHOD_NOT_ALLOWED' });
    expect(deleted.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(deleted.body.detail).toBe('DELETE is not a method of /v1/agreements: GET, HEAD, POST are');
    const put = await api.request('PUT', `/v1/agreements/${agreement}?x=1`, { token: t.tr, body: {} });
    expectProblem(put, 405, { code: 'METHOD_NOT_ALLOWED' });
    expect(put.headers.get('allow')).toBe('GET, HEAD');
    expectProblem(await api.request('DELETE', '/v1/nothing-here', { token: t.tr }), 404, { code: 'NOT_FOUND' });
  });

  it('answers an unknown route, a body too large and a media type it does not take', async () => {
    expectProblem(await api.get('/v1/no-such-route', t.tr), 404);
    const huge = await api.request('POST', `/v1/agreements/${agreement}/incidents`, {
      token: t.pk,
      raw: JSON.stringify({ ...raidReport, description: 'x'.repeat(300_000) }),
    });
    expectProblem(huge, 413, {
      code: 'BODY_TOO_LARGE',
      type: 'urn:ceasefire-ledger:problem:body-too-large',
      limit: 262144,
      detail: 'the body is larger than 262144 bytes',
    });
    const text = await api.request('POST', `/v1/agreements/${agreement}/incidents`, {
      token: t.pk,
      raw: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(text, 415, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      type: 'urn:ceasefire-ledger:problem:unsupported-media-type',
      detail: expect.stringMatching(/text\/plain.*application\/json/),
      accepted: ['application/json'],
    });
    const xml = await api.request('POST', `/v1/agreements/${agreement}/incidents`, {
      token: t.pk,
      raw: '<report/>',
      headers: { 'content-type': 'application/xml; charset=utf-8' },
    });
    expectProblem(xml, 415, { detail: expect.stringMatching(/^a body of type application\/xml is not accepted/) });
  });

  it('answers a spent write quota with 429 and Retry-After', async () => {
    let reply: Reply;
    do reply = await api.post(`/v1/agreements/${agreement}/incidents`, t.af, raidReport);
    while (reply.status === 201);
    expectProblem(reply, 429, {
      code: 'WRITE_QUOTA_EXCEEDED',
      type: 'urn:ceasefire-ledger:problem:write-quota-exceeded',
    });
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
