import fc from 'fast-check';
import { agreementBody, inDays, raidReport } from './support/case-data';
import { ADMIN_TOKEN, TestApi } from './support/test-api';

/** Valid bodies per write endpoint; the fuzzer breaks each in ways no valid request can take. */
const TEMPLATES: { path: (i: Record<string, string>) => string; body: Record<string, unknown> }[] = [
  { path: () => '/v1/principals', body: { name: 'n', role: 'observer' } },
  { path: () => '/v1/agreements', body: agreementBody },
  {
    path: (i) => `/v1/agreements/${i.agreement}/reaffirmations`,
    body: { at: '2025-10-30T18:00:00Z', venue: 'Istanbul', statement: 's' },
  },
  { path: (i) => `/v1/agreements/${i.agreement}/suspension`, body: { reason: 'r' } },
  {
    path: (i) => `/v1/agreements/${i.agreement}/meetings`,
    body: { meetingId: 'm1', scheduledFor: inDays(5), venue: 'Doha', agenda: ['a'] },
  },
  {
    path: (i) => `/v1/agreements/${i.agreement}/meetings/m1/record`,
    body: { heldAt: '2025-11-06T09:00:00Z', decisions: ['d'] },
  },
  { path: (i) => `/v1/agreements/${i.agreement}/incidents`, body: raidReport },
  {
    path: (i) => `/v1/incidents/${i.incident}/evidence`,
    body: { evidenceId: 'e1', sha256: 'a'.repeat(64), mediaType: 'image/png', custodian: 'c', description: 'd' },
  },
  { path: (i) => `/v1/incidents/${i.incident}/triage`, body: { decision: 'ADMISSIBLE', reason: 'r' } },
  { path: (i) => `/v1/incidents/${i.incident}/responses`, body: { response: 'DENY', statement: 's' } },
  {
    path: (i) => `/v1/incidents/${i.incident}/access-denials`,
    body: { denialId: 'a1', deniedBy: 'AF', at: '2025-11-01T08:00:00Z', place: 'p', description: 'd' },
  },
  {
    path: (i) => `/v1/incidents/${i.incident}/findings`,
    body: {
      findingId: 'f1',
      outcome: 'VIOLATION_ATTRIBUTED',
      attributedParties: ['AF'],
      severity: 'S2',
      confidence: 'CREDIBLE',
      rationale: 'r',
    },
  },
  { path: (i) => `/v1/incidents/${i.incident}/findings/f1/dissents`, body: { component: 'c', text: 't' } },
  {
    path: (i) => `/v1/incidents/${i.incident}/disputes`,
    body: { disputeId: 'd1', findingId: 'f1', grounds: 'PROCEDURE', statement: 's' },
  },
  { path: (i) => `/v1/incidents/${i.incident}/disputes/d1/ruling`, body: { ruling: 'UPHELD', rationale: 'r' } },
  {
    path: (i) => `/v1/incidents/${i.incident}/measures`,
    body: { measureId: 'm1', party: 'AF', level: 'L1', description: 'd' },
  },
  { path: (i) => `/v1/incidents/${i.incident}/measures/m1/fulfilment`, body: { note: 'n' } },
  { path: (i) => `/v1/incidents/${i.incident}/closure`, body: { reason: 'r' } },
  {
    path: (i) => `/v1/agreements/${i.agreement}/commitments`,
    body: { obligor: 'AF', title: 't', indicator: 'i', target: 3, unit: 'u', dueAt: inDays(60), evidenceRequired: 'e' },
  },
  {
    path: (i) => `/v1/commitments/${i.commitment}/progress`,
    body: { reportId: 'r1', quantity: 1, description: 'd', evidence: [] },
  },
  {
    path: (i) => `/v1/commitments/${i.commitment}/verification`,
    body: { reportId: 'r1', verdict: 'ACCEPTED', acceptedQuantity: 1, note: 'n' },
  },
];

/** A value whose JSON type differs from the original's, so a field can never stay valid. */
const wrongType = (original: unknown) => {
  const choices = [
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.string(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.object({ maxDepth: 2 }),
  ];
  const kind = original === null ? 'null' : Array.isArray(original) ? 'array' : typeof original;
  const same: Record<string, number[]> = {
    number: [0, 1],
    boolean: [2],
    null: [3],
    string: [4],
    array: [5],
    object: [6],
  };
  return fc.oneof(...choices.filter((_, i) => !(same[kind] ?? []).includes(i)));
};

type Mutation =
  { kind: 'raw'; text: string } | { kind: 'json'; body: unknown } | { kind: 'path'; path: string; body: unknown };

const mutationOf = (template: Record<string, unknown>): fc.Arbitrary<Mutation> => {
  const keys = Object.keys(template);
  return fc.oneof(
    fc
      .record({
        key: fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k)),
        value: fc.jsonValue({ maxDepth: 2 }),
      })
      .map(({ key, value }) => ({ kind: 'json' as const, body: { ...template, [key]: value } })),
    fc.constantFrom(...keys).map((key) => {
      const { [key]: _dropped, ...rest } = template;
      return { kind: 'json' as const, body: rest };
    }),
    fc
      .constantFrom(...keys)
      .chain((key) =>
        wrongType(template[key]).map((value) => ({ kind: 'json' as const, body: { ...template, [key]: value } })),
      ),
    fc
      .oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.string(), fc.integer(), fc.constant(null))
      .map((body) => ({ kind: 'json' as const, body })),
    fc
      .oneof(
        fc.constant('{'),
        fc.constant('{"a":'),
        fc.constant('[1,'),
        fc.string({ maxLength: 20 }).map((s) => `{${s}`),
        fc.constant('{"__proto__": {"x": 1}}'),
      )
      .map((text) => ({ kind: 'raw' as const, text })),
    fc
      .constantFrom('not-a-uuid', '..', '%00', 'x'.repeat(300), '1;DROP TABLE events')
      .map((bad) => ({ kind: 'path' as const, path: bad, body: template })),
  );
};

describe('fuzz: malformed requests across every write endpoint', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await TestApi.start();
    const mediator = await api.principal('Mediator', 'mediator');
    ids.agreement = (await api.post('/v1/agreements', mediator, agreementBody)).body.id;
    ids.incident = (await api.post(`/v1/agreements/${ids.agreement}/incidents`, mediator, raidReport)).body.id;
    ids.commitment = (
      await api.post(`/v1/agreements/${ids.agreement}/commitments`, mediator, TEMPLATES[18].body)
    ).body.id;
  });
  afterAll(() => api.stop());

  it('answers 5,000+ malformed requests with 4xx, never 5xx, and appends nothing', async () => {
    const head = (await api.get('/health')).body.store.head;
    const statuses = new Map<number, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(TEMPLATES.length - 1).chain((t) => mutationOf(TEMPLATES[t].body).map((m) => ({ t, m }))),
        async ({ t, m }) => {
          const template = TEMPLATES[t];
          let path = template.path(ids);
          if (m.kind === 'path') {
            const id = /[0-9a-f]{8}-[0-9a-f-]{27}/;
            path = id.test(path)
              ? path.replace(id, encodeURIComponent(m.path))
              : `${path}/${encodeURIComponent(m.path)}`;
          }
          const reply =
            m.kind === 'raw'
              ? await api.request('POST', path, { token: ADMIN_TOKEN, raw: m.text })
              : await api.request('POST', path, { token: ADMIN_TOKEN, raw: JSON.stringify(m.body) });
          sent += 1;
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          if (reply.status >= 500 || reply.status < 400)
            throw new Error(`${path} ${JSON.stringify(m)} → ${reply.status} ${JSON.stringify(reply.body)}`);
        },
      ),
      { numRuns: 5200 },
    );
    expect(sent).toBeGreaterThanOrEqual(5000);
    expect((await api.get('/health')).body.store.head).toBe(head);
    console.log(`fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 300_000);
});
