import { connect } from 'node:net';
import { agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

// Issue 17, part 6: limits an operator can count on.
describe('limits: SSE streams per principal and in all', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ FEED_MAX_STREAMS_PER_PRINCIPAL: '2', FEED_MAX_STREAMS: '3' });
  });
  afterAll(() => api.stop());

  const open = async (token: string) => {
    const abort = new AbortController();
    const response = await fetch(`${api.base}/v1/feeds/breaches`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    const body = response.status === 200 ? null : await response.json();
    if (response.status === 200) api.contract.check('GET', '/v1/feeds/breaches', 200, response.headers, null);
    else api.contract.check('GET', '/v1/feeds/breaches', response.status, response.headers, body);
    return {
      status: response.status,
      body,
      retryAfter: response.headers.get('retry-after'),
      close: () => abort.abort(),
    };
  };

  it('refuses a principal its third stream (429) and anyone a stream past the total (503), then admits again', async () => {
    const a = await api.principal('TR', 'mediator', 'TR');
    const b = await api.principal('QA', 'mediator', 'QA');
    const first = await open(a);
    const second = await open(a);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await open(a);
    expect(third).toMatchObject({ status: 429, retryAfter: '5', body: { code: 'TOO_MANY_STREAMS' } });
    const other = await open(b);
    expect(other.status).toBe(200);
    const past = await open(b);
    expect(past).toMatchObject({ status: 503, retryAfter: '5', body: { code: 'STREAMS_FULL' } });
    first.close();
    // Once the server has seen the close, there is room again.
    let again = await open(a);
    for (let i = 0; i < 50 && again.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 20));
      again = await open(a);
    }
    expect(again.status).toBe(200);
    again.close();
    [second, other].forEach((s) => s.close());
  });
});

describe('limits: slow clients, connections, headers, CORS', () => {
  let api: TestApi;
  const origin = 'https://console.example.org';

  beforeAll(async () => {
    api = await TestApi.start({
      REQUEST_TIMEOUT_MS: '1000',
      HEADERS_TIMEOUT_MS: '500',
      MAX_CONNECTIONS: '60',
      CORS_ORIGINS: origin,
    });
  });
  afterAll(() => api.stop());

  const port = () => Number(new URL(api.base).port);
  /** A raw connection; resolves `closed` with the time the server closed it. */
  const socket = () => {
    const s = connect(port(), '127.0.0.1');
    const opened = Date.now();
    const closed = new Promise<number>((resolve) => s.once('close', () => resolve(Date.now() - opened)));
    s.on('error', () => undefined);
    return { s, closed };
  };

  it('cuts off 50 slow-body and slow-header clients within seconds, not minutes', async () => {
    const slowBodies = Array.from({ length: 40 }, () => {
      const c = socket();
      c.s.write(
        'POST /v1/principals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
      );
      const drip = setInterval(() => c.s.writable && c.s.write(' '), 200);
      void c.closed.then(() => clearInterval(drip));
      return c;
    });
    const slowHeaders = Array.from({ length: 10 }, () => {
      const c = socket();
      c.s.write('GET /health HTTP/1.1\r\nHost: x\r\n');
      const drip = setInterval(() => c.s.writable && c.s.write('X-Slow: 1\r\n'), 100);
      void c.closed.then(() => clearInterval(drip));
      return c;
    });
    const closedAfter = await Promise.all([...slowBodies, ...slowHeaders].map((c) => c.closed));
    expect(Math.max(...closedAfter)).toBeLessThan(5000);
    // The server still answers others.
    expect((await api.get('/health')).status).toBe(200);
  });

  /** What the server sent on a raw connection before it closed it. */
  const answerTo = async (request: string) => {
    const c = socket();
    let text = '';
    c.s.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    c.s.write(request);
    await c.closed;
    const [head, body] = text.split('\r\n\r\n');
    return {
      status: Number(head.split(' ')[1]),
      head,
      body: body ? (JSON.parse(body) as Record<string, unknown>) : null,
    };
  };

  it('answers a request too slow, malformed or with too large headers as a problem, then closes', async () => {
    const slow = await answerTo(
      'POST /v1/principals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    expect(slow.head).toMatch(/content-type: application\/problem\+json/i);
    expect(slow).toMatchObject({
      status: 408,
      body: { status: 408, code: 'REQUEST_TIMEOUT', type: 'urn:ceasefire-ledger:problem:request-timeout' },
    });
    expect(slow.body?.detail).toMatch(/1000 ms/);
    const garbage = await answerTo('NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatchObject({ status: 400, body: { status: 400, code: 'MALFORMED_REQUEST' } });
    const huge = await answerTo(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatchObject({ status: 431, body: { status: 431, code: 'HEADERS_TOO_LARGE' } });
    expect(huge.body?.detail).toMatch(/16384 bytes/);
  });

  it('refuses connections past MAX_CONNECTIONS and serves again once they close', async () => {
    const held = Array.from({ length: 60 }, () => socket());
    await new Promise((r) => setTimeout(r, 200));
    const extra = socket();
    expect(await Promise.race([extra.closed, new Promise((r) => setTimeout(() => r('open'), 2000))])).not.toBe('open');
    held.forEach((c) => c.s.destroy());
    await Promise.all(held.map((c) => c.closed));
    expect((await api.get('/health')).status).toBe(200);
  });

  it('sends security headers on every answer, and a no-script policy on API answers', async () => {
    const reply = await api.get('/health');
    expect(
      Object.fromEntries(
        ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'content-security-policy'].map((h) => [
          h,
          reply.headers.get(h),
        ]),
      ),
    ).toEqual({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    expect((await api.get('/v1/nothing-here')).headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers CORS for the configured origins only', async () => {
    const preflight = (from: string) =>
      fetch(`${api.base}/v1/agreements`, {
        method: 'OPTIONS',
        headers: {
          origin: from,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight(origin);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${api.base}/health`, { headers: { origin } });
    expect(read.headers.get('access-control-expose-headers')).toMatch(/etag/);
  });
});

describe('limits: CORS is off unless configured', () => {
  it('sends no CORS headers by default', async () => {
    const api = await TestApi.start();
    try {
      const read = await fetch(`${api.base}/health`, { headers: { origin: 'https://console.example.org' } });
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await api.stop();
    }
  });
});

describe('limits: webhooks per principal, deliveries kept', () => {
  it('refuses a principal its webhook past WEBHOOKS_PER_PRINCIPAL with a 409 naming the limit', async () => {
    const api = await TestApi.start({ WEBHOOKS_PER_PRINCIPAL: '2', WEBHOOK_ALLOW_PRIVATE: 'true' });
    try {
      const [a, b] = [await api.principal('TR', 'mediator', 'TR'), await api.principal('QA', 'mediator', 'QA')];
      const hook = { url: 'http://127.0.0.1:9/hook' };
      expect((await api.post('/v1/webhooks', a, hook)).status).toBe(201);
      const second = await api.post('/v1/webhooks', a, hook);
      expect(second.status).toBe(201);
      expect((await api.post('/v1/webhooks', a, hook)).body).toMatchObject({
        status: 409,
        code: 'WEBHOOK_LIMIT',
        detail: expect.stringContaining('WEBHOOKS_PER_PRINCIPAL'),
      });
      expect((await api.post('/v1/webhooks', b, hook)).status).toBe(201);
      expect((await api.request('DELETE', `/v1/webhooks/${second.body.id}`, { token: a })).status).toBe(204);
      expect((await api.post('/v1/webhooks', a, hook)).status).toBe(201);
    } finally {
      await api.stop();
    }
  });
});

describe('limits: rates per client address and on heavy reads', () => {
  it('counts the writes of every principal of one address together, and heavy reads apart, each with Retry-After', async () => {
    const api = await TestApi.start({
      WRITES_PER_MINUTE: '100',
      WRITES_PER_MINUTE_PER_IP: '4',
      HEAVY_READS_PER_MINUTE: '2',
      HEAVY_READS_PER_MINUTE_PER_IP: '100',
    });
    try {
      const t = await api.caseCast();
      const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id as string;
      const report = (token: string) => api.post(`/v1/agreements/${agreement}/incidents`, token, raidReport);
      // The agreement was the address's first write; three more pass, from two principals.
      expect([(await report(t.pk)).status, (await report(t.af)).status, (await report(t.pk)).status]).toEqual([
        201, 201, 201,
      ]);
      const refused = await report(t.af);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', limit: 4 });
      expect(refused.body.detail).toMatch(/this client address may make 4 writes a minute/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Nothing was written by the refused request.
      const head = (await api.get('/health')).body.store.head as string;
      const listed = await api.get(`/v1/agreements/${agreement}/incidents?minPosition=${head}`, t.tr);
      expect(listed.body.incidents).toHaveLength(3);

      // Heavy reads: two exports a minute for this principal; a plain read is not counted.
      const exportTimeline = () => api.get(`/v1/agreements/${agreement}/timeline`, t.tr);
      expect((await exportTimeline()).status).toBe(200);
      expect((await exportTimeline()).status).toBe(200);
      const third = await exportTimeline();
      expect(third.status).toBe(429);
      expect(third.body.detail).toMatch(/this principal may make 2 heavy reads a minute/);
      expect((await api.get(`/v1/agreements/${agreement}`, t.tr)).status).toBe(200);
      // Another principal has its own allowance.
      expect((await api.get(`/v1/agreements/${agreement}/timeline`, t.qa)).status).toBe(200);
    } finally {
      await api.stop();
    }
  });
});
