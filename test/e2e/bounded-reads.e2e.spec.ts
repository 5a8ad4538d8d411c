import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ceasefire/event-store';
import { agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

/** Counts the events the request thread reads from the log, and whose agreement they belong to. */
const countReads = (store: EventStore) => {
  const seen = {
    events: 0,
    agreements: new Map<string, number>(),
    streams: new Set<string>(),
    byStream: new Map<string, number>(),
  };
  const counted = <A extends unknown[]>(read: (...args: A) => AsyncIterable<RecordedEvent>) =>
    async function* (...args: A) {
      for await (const e of read(...args)) {
        seen.events += 1;
        const agreement = (e.data as { agreementId?: string }).agreementId ?? '-';
        seen.agreements.set(agreement, (seen.agreements.get(agreement) ?? 0) + 1);
        seen.streams.add(e.stream);
        seen.byStream.set(e.stream, (seen.byStream.get(e.stream) ?? 0) + 1);
        yield e;
      }
    };
  store.readAll = counted(store.readAll.bind(store));
  store.readStream = counted(store.readStream.bind(store));
  return {
    seen,
    reset: () => {
      seen.events = 0;
      seen.agreements.clear();
      seen.streams.clear();
      seen.byStream.clear();
    },
  };
};

/** Reads an SSE response until `count` messages arrived, then hangs up. */
const sseMessages = async (url: string, token: string, count: number): Promise<string[]> => {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  const ids: string[] = [];
  const decoder = new TextDecoder();
  let text = '';
  const timer = setTimeout(() => abort.abort(), 10_000);
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
        const id = /^id: (.*)$/m.exec(text.slice(0, end));
        if (id) ids.push(id[1]);
        text = text.slice(end + 2);
      }
      if (ids.length >= count) break;
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return ids;
};

// Issue 15: every read costs what it returns, not the size of the log. Checked by counting the events
// each request reads, with two agreements side by side: reads of A must not touch B.
describe('bounded reads', () => {
  let api: TestApi;
  let t: Awaited<ReturnType<TestApi['caseCast']>>;
  let a: string;
  let b: string;
  let reads: ReturnType<typeof countReads>;
  const head = async () => (await api.get('/health')).body.store.head as string;

  beforeAll(async () => {
    api = await TestApi.start({ MAX_STREAM_EVENTS: '1010' });
    t = await api.caseCast();
    a = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
    b = (await api.post('/v1/agreements', t.tr, { ...agreementBody, title: 'Another agreement' })).body.id;
    for (const agreement of [a, b, b, b])
      for (let i = 0; i < 5; i++) {
        const reply = await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport);
        expect(reply.status).toBe(201);
      }
    reads = countReads(api.app.get<EventStore>(EVENT_STORE));
  }, 60_000);
  afterAll(() => api.stop());

  it('answers compliance as of a time or a position from versioned rows: no event of the log is read', async () => {
    const at = await head();
    const live = await api.get(`/v1/agreements/${a}/compliance?minPosition=${at}`, t.tr);
    await api.post(`/v1/agreements/${a}/incidents`, t.pk, raidReport);
    reads.reset();
    const then = await api.get(`/v1/agreements/${a}/compliance?atPosition=${at}`, t.tr);
    expect(then.status).toBe(200);
    expect(then.body.source).toBe('versions');
    expect(then.body.parties).toEqual(live.body.parties);
    expect(then.body.pendingAllegations ?? then.body.parties).toEqual(
      live.body.pendingAllegations ?? live.body.parties,
    );
    const future = await api.get(`/v1/agreements/${a}/compliance?asOf=9999-01-01T00:00:00Z`, t.tr);
    expect(future.status).toBe(200);
    expect(reads.seen.events).toBe(0);
  });

  it('answers 404 for an unknown agreement before reading anything', async () => {
    reads.reset();
    const unknown = randomUUID();
    expect((await api.get(`/v1/agreements/${unknown}/compliance?asOf=9999-01-01T00:00:00Z`, t.tr)).status).toBe(404);
    expect((await api.get(`/v1/agreements/${unknown}/timeline`, t.tr)).status).toBe(404);
    expect(reads.seen.events).toBe(0);
  });

  it("exports one agreement's timeline reading none of another agreement's events", async () => {
    reads.reset();
    const timeline = await api.get(`/v1/agreements/${a}/timeline?format=ndjson`, t.tr);
    expect(timeline.status).toBe(200);
    const lines = (timeline.body as string).trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(reads.seen.agreements.get(b)).toBeUndefined();
    expect(reads.seen.events).toBe(lines.length);
  });

  it("catches a feed of one agreement up from its index, reading none of another's events", async () => {
    reads.reset();
    const expected = (await api.get(`/v1/agreements/${a}/timeline?format=ndjson`, t.tr)).body.trim().split('\n');
    reads.reset();
    const ids = await sseMessages(`${api.base}/v1/feeds/events?agreement=${a}`, t.tr, expected.length);
    expect(ids).toEqual(expected.map((l: string) => JSON.parse(l).position));
    expect(reads.seen.agreements.get(b)).toBeUndefined();
  });

  it("catches a party's whole feed up from its own agreements' indexes, reading none of another agreement's events", async () => {
    const india = await api.principal('IN', 'party', 'IN');
    // The same agreement between India and Afghanistan: Pakistan is not party to it.
    const between = JSON.parse(JSON.stringify(agreementBody).replaceAll('"PK"', '"IN"'));
    const elsewhere = (await api.post('/v1/agreements', t.tr, { ...between, title: 'Elsewhere' })).body.id as string;
    for (let i = 0; i < 5; i++)
      expect((await api.post(`/v1/agreements/${elsewhere}/incidents`, india, raidReport)).status).toBe(201);
    const at = await head();
    await api.get(`/v1/agreements/${a}/compliance?minPosition=${at}`, t.tr);
    // What Pakistan may read of each of its agreements, merged in log order.
    const exported = await Promise.all(
      [a, b].map(async (agreement) =>
        ((await api.get(`/v1/agreements/${agreement}/timeline?format=ndjson`, t.pk)).body as string)
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).position as string),
      ),
    );
    // India's signing key is under no agreement, and every party's key is everyone's to read.
    const { publicKey } = generateKeyPairSync('ed25519');
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: (publicKey.export({ format: 'jwk' }) as { x: string }).x };
    const key = await api.post('/v1/parties/IN/keys', india, { jwk });
    expect(key.status).toBe(201);
    const expected = [...exported.flat(), key.body.position as string].sort();
    reads.reset();
    const ids = await sseMessages(`${api.base}/v1/feeds/events`, t.pk, expected.length);
    expect(ids).toEqual(expected);
    expect(reads.seen.agreements.get(elsewhere)).toBeUndefined();
  });

  it("catches the public's whole feed up from the timeline's public entries, reading no event of a case that is not public", async () => {
    const observer = await api.principal('Observer', 'observer');
    const reported = async () => (await api.post(`/v1/agreements/${b}/incidents`, t.pk, raidReport)).body.id as string;
    const [published, withheld] = [await reported(), await reported()];
    const classified = await api.post(`/v1/incidents/${published}/classification`, t.tr, {
      level: 'PUBLIC',
      reason: 'the mediators publish it',
    });
    expect(classified.status).toBe(201);
    const at = await head();
    await api.get(`/v1/agreements/${a}/compliance?minPosition=${at}`, t.tr);
    // What the public may read of each agreement: only the published case (its report, then its classification).
    const types = 'IncidentReported,CaseClassified';
    const exported = await Promise.all(
      [a, b].map(async (agreement) => {
        const reply = await api.get(`/v1/agreements/${agreement}/timeline?format=ndjson`, observer);
        expect(reply.status).toBe(200);
        // Nothing at all of an agreement is an empty body.
        return ((reply.body as string | null) ?? '')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { position: string; stream: string; type: string })
          .filter((e) => types.split(',').includes(e.type));
      }),
    );
    const expected = exported.flat().sort((x, y) => x.position.localeCompare(y.position));
    expect(new Set(expected.map((e) => e.stream))).toEqual(new Set([`incident-${published}`]));
    expect(expected).toHaveLength(2);
    reads.reset();
    const ids = await sseMessages(`${api.base}/v1/feeds/events?types=${types}`, observer, expected.length);
    expect(ids).toEqual(expected.map((e) => e.position));
    expect(reads.seen.streams.has(`incident-${withheld}`)).toBe(false);
    expect(reads.seen.events).toBe(expected.length);
  });

  it('reads an agreement from its state at the last read or write, plus the events it gained since', async () => {
    await api.get(`/v1/agreements/${a}`, t.tr);
    reads.reset();
    const agreement = await api.get(`/v1/agreements/${a}`, t.tr);
    expect(agreement.status).toBe(200);
    expect(agreement.body.revision).toBeGreaterThanOrEqual(0);
    expect(reads.seen.byStream.get(`agreement-${a}`) ?? 0).toBe(0);
  });

  describe('a case of a thousand events', () => {
    let id: string;
    /** Evidence registered through the API; `series` keeps each test's ids and hashes apart. */
    const evidenceBody = (series: 'w' | 'x', n: number) => ({
      evidenceId: `${series}${n}`,
      sha256: n.toString(16).padStart(64, series === 'w' ? 'e' : 'f'),
      mediaType: 'image/jpeg',
      custodian: 'PK liaison office',
      description: 'Registered through the API',
    });
    beforeAll(async () => {
      id = (await api.post(`/v1/agreements/${a}/incidents`, t.pk, raidReport)).body.id;
      const store = api.app.get<EventStore>(EVENT_STORE);
      for (let batch = 0; batch < 10; batch++)
        await store.append(
          `incident-${id}`,
          Array.from({ length: 100 }, (_, i) => {
            const n = batch * 100 + i;
            return {
              id: randomUUID(),
              type: 'EvidenceRegistered',
              data: {
                incidentId: id,
                agreementId: a,
                evidenceId: `e${n}`,
                sha256: n.toString(16).padStart(64, '0'),
                mediaType: 'image/jpeg',
                custodian: 'PK liaison office',
                description: `Photograph ${n}`,
                registeredBy: 'pk',
              },
              metadata: { principal: 'pk' },
            };
          }),
        );
    }, 60_000);

    it('reads a history page with at most its page size, plus at most one snapshot interval of events', async () => {
      reads.reset();
      const page = await api.get(`/v1/incidents/${id}/history?after=700&limit=50`, t.tr);
      expect(page.status).toBe(200);
      expect(page.body.events).toHaveLength(50);
      expect(page.body.events[0].revision).toBe(701);
      expect(page.body.events[0].changes).toEqual([expect.objectContaining({ op: 'add', path: '/evidence/700' })]);
      expect(reads.seen.events).toBeLessThanOrEqual(50 + 64);
      const next = await api.get(`/v1/incidents/${id}/history?cursor=${page.body.next}&limit=1`, t.tr);
      expect(next.body.events[0].revision).toBe(751);
      expect((await api.get(`/v1/incidents/${id}/history?limit=201`, t.tr)).status).toBe(400);
    });

    it('pages through the whole case, each step exactly once, and gives the whole state of a chosen step', async () => {
      const revisions: number[] = [];
      let url: string | null = `/v1/incidents/${id}/history?limit=200`;
      while (url) {
        const page = await api.get(url, t.tr);
        revisions.push(...page.body.events.map((e: { revision: number }) => e.revision));
        // The one pagination convention: the opaque cursor in the body, the same page in Link: rel="next".
        expect(page.headers.get('link')).toBe(
          page.body.next ? `<${url.split('?')[0]}?limit=200&cursor=${page.body.next}>; rel="next"` : null,
        );
        url = page.body.next ? `/v1/incidents/${id}/history?limit=200&cursor=${page.body.next}` : null;
      }
      expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, i) => i));
      expect(revisions.length).toBeGreaterThanOrEqual(1001);
      reads.reset();
      const step = await api.get(`/v1/incidents/${id}/history/500`, t.tr);
      expect(step.body.stateAfter.evidence).toHaveLength(500);
      expect(reads.seen.events).toBeLessThanOrEqual(64 + 1);
    });

    it("folds a write to the case from what was appended since the case's last write, not from its first event", async () => {
      const evidence = (n: number) => evidenceBody('w', n);
      expect((await api.post(`/v1/incidents/${id}/evidence`, t.pk, evidence(1))).status).toBe(201);
      reads.reset();
      expect((await api.post(`/v1/incidents/${id}/evidence`, t.pk, evidence(2))).status).toBe(201);
      // The case's own previous write, and nothing before it.
      expect(reads.seen.byStream.get(`incident-${id}`) ?? 0).toBeLessThanOrEqual(1);
      // A retry of a write made before the case was last folded still finds its events.
      const key = { 'idempotency-key': 'evidence-3' };
      const first = await api.post(`/v1/incidents/${id}/evidence`, t.pk, evidence(3), key);
      await api.post(`/v1/incidents/${id}/evidence`, t.pk, evidence(4));
      const retried = await api.post(`/v1/incidents/${id}/evidence`, t.pk, evidence(3), key);
      expect(retried.status).toBe(first.status);
      const written = (reply: { body: { events: { eventId: string; revision: number }[] } }) =>
        reply.body.events.map(({ eventId, revision }) => ({ eventId, revision }));
      expect(written(retried)).toEqual(written(first));
    });

    it('refuses a write beyond the case size limit with a 409 naming the rule, writing nothing', async () => {
      const evidence = (n: number) => evidenceBody('x', n);
      let n = 0;
      let reply;
      let lastWritten = '';
      do {
        reply = await api.post(`/v1/incidents/${id}/evidence`, t.pk, evidence(n++));
        if (reply.status === 201) lastWritten = reply.body.position;
      } while (reply.status === 201 && n < 20);
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({ code: 'RECORD_FULL', rule: 'StreamRecordFull', limit: 1010 });
      const file = await api.get(`/v1/incidents/${id}?minPosition=${lastWritten}`, t.tr);
      expect(file.body.revision).toBe(1009);
    });
  });
});

describe('write quota', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ WRITES_PER_MINUTE: '5' });
  });
  afterAll(() => api.stop());

  it('answers 429 with Retry-After once a principal used its writes, and writes nothing', async () => {
    const t = await api.caseCast();
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
    const statuses = [];
    let last = '';
    for (let i = 0; i < 6; i++) {
      const reply = await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport);
      statuses.push(reply.status);
      if (reply.status === 201) last = reply.body.position;
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const refused = await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body).toMatchObject({ code: 'WRITE_QUOTA_EXCEEDED', limit: 5 });
    // Read after the last write, so a read model still applying it is not taken for a sixth write missing.
    const listed = await api.get(`/v1/agreements/${agreement}/incidents?minPosition=${last}`, t.tr);
    expect(listed.body.incidents).toHaveLength(5);
    // Another principal's quota is its own.
    expect((await api.post(`/v1/agreements/${agreement}/incidents`, t.af, raidReport)).status).toBe(201);
  });
});
