import { agreementBody, airIncursionReport, inDays, raidReport } from './support/case-data';
import { ADMIN_TOKEN, TestApi } from './support/test-api';

type Who = 'pk' | 'af' | 'monitor' | 'mediator' | 'auditor' | 'observer' | 'admin';
const EVERYONE: Who[] = ['pk', 'af', 'monitor', 'mediator', 'auditor', 'observer', 'admin'];

/**
 * Every write endpoint with who may use it. The case below is accused against AF and reported by PK,
 * its finding attributes to AF, and the commitment binds AF — so "the accused", "the affected" and
 * "the obligor" are concrete principals here.
 */
const ENDPOINTS: { name: string; allowed: Who[]; path: (ids: Ids) => string; body: (ids: Ids) => unknown }[] = [
  {
    name: 'register principal',
    allowed: ['admin'],
    path: () => '/v1/principals',
    body: () => ({ name: 'n', role: 'observer' }),
  },
  {
    name: 'register agreement',
    allowed: ['mediator', 'admin'],
    path: () => '/v1/agreements',
    body: () => agreementBody,
  },
  {
    name: 'reaffirm agreement',
    allowed: ['mediator', 'admin'],
    path: (i) => `/v1/agreements/${i.agreement}/reaffirmations`,
    body: () => ({ at: '2025-10-30T18:00:00Z', venue: 'Istanbul', statement: 's' }),
  },
  {
    name: 'suspend agreement',
    allowed: ['mediator'],
    path: (i) => `/v1/agreements/${i.spare}/suspension`,
    body: () => ({ reason: 'r' }),
  },
  {
    name: 'resume agreement',
    allowed: ['mediator'],
    path: (i) => `/v1/agreements/${i.spare}/resumption`,
    body: () => ({ reason: 'r' }),
  },
  {
    name: 'schedule meeting',
    allowed: ['mediator'],
    path: (i) => `/v1/agreements/${i.agreement}/meetings`,
    body: () => ({
      meetingId: `m${Math.random().toString(36).slice(2, 8)}`,
      scheduledFor: inDays(5),
      venue: 'Doha',
      agenda: ['a'],
    }),
  },
  {
    name: 'record meeting',
    allowed: ['mediator'],
    path: (i) => `/v1/agreements/${i.agreement}/meetings/never/record`,
    body: () => ({ heldAt: '2025-11-06T09:00:00Z', decisions: ['d'] }),
  },
  {
    name: 'report incident',
    allowed: ['pk', 'af', 'monitor', 'mediator'],
    path: (i) => `/v1/agreements/${i.agreement}/incidents`,
    body: () => raidReport,
  },
  {
    name: 'register evidence',
    allowed: ['pk', 'af', 'monitor', 'mediator'],
    path: (i) => `/v1/incidents/${i.incident}/evidence`,
    body: () => ({
      evidenceId: `e${Math.random().toString(36).slice(2, 8)}`,
      sha256: [...Array(64)].map(() => 'abcdef0123456789'[Math.floor(Math.random() * 16)]).join(''),
      mediaType: 'image/png',
      custodian: 'c',
      description: 'd',
    }),
  },
  {
    name: 'triage',
    allowed: ['monitor', 'mediator'],
    path: (i) => `/v1/incidents/${i.incident}/triage`,
    body: () => ({ decision: 'ADMISSIBLE', reason: 'r' }),
  },
  {
    name: 'respond',
    allowed: ['af'],
    path: (i) => `/v1/incidents/${i.incident}/responses`,
    body: () => ({ response: 'DENY', statement: 's' }),
  },
  {
    name: 'open investigation',
    allowed: ['monitor'],
    path: (i) => `/v1/incidents/${i.incident}/investigation`,
    body: () => ({}),
  },
  {
    name: 'record access denial',
    allowed: ['monitor'],
    path: (i) => `/v1/incidents/${i.incident}/access-denials`,
    body: () => ({
      denialId: `a${Math.random().toString(36).slice(2, 8)}`,
      deniedBy: 'AF',
      at: '2025-11-01T08:00:00Z',
      place: 'p',
      description: 'd',
    }),
  },
  {
    name: 'draft finding',
    allowed: ['monitor'],
    path: (i) => `/v1/incidents/${i.incident}/findings`,
    body: () => ({
      findingId: 'fx',
      outcome: 'NO_VIOLATION',
      attributedParties: [],
      confidence: 'VERIFIED',
      rationale: 'r',
    }),
  },
  {
    name: 'endorse finding',
    allowed: ['monitor'],
    path: (i) => `/v1/incidents/${i.incident}/findings/f1/endorsement`,
    body: () => ({}),
  },
  {
    name: 'adopt finding',
    allowed: ['mediator'],
    path: (i) => `/v1/incidents/${i.incident}/findings/f1/adoption`,
    body: () => ({}),
  },
  {
    name: 'record dissent',
    allowed: ['pk', 'af', 'monitor', 'mediator'],
    path: (i) => `/v1/incidents/${i.incident}/findings/f1/dissents`,
    body: () => ({ text: 't' }),
  },
  {
    name: 'file dispute',
    allowed: ['pk', 'af'],
    path: (i) => `/v1/incidents/${i.incident}/disputes`,
    body: () => ({ disputeId: 'dx', findingId: 'f1', grounds: 'PROCEDURE', statement: 's' }),
  },
  {
    name: 'rule on dispute',
    allowed: ['mediator'],
    path: (i) => `/v1/incidents/${i.incident}/disputes/none/ruling`,
    body: () => ({ ruling: 'UPHELD', rationale: 'r' }),
  },
  {
    name: 'record measure',
    allowed: ['mediator'],
    path: (i) => `/v1/incidents/${i.incident}/measures`,
    body: () => ({
      measureId: `m${Math.random().toString(36).slice(2, 8)}`,
      party: 'AF',
      level: 'L1',
      description: 'd',
    }),
  },
  {
    name: 'record measure fulfilment',
    allowed: ['monitor', 'mediator'],
    path: (i) => `/v1/incidents/${i.incident}/measures/none/fulfilment`,
    body: () => ({ note: 'n' }),
  },
  {
    name: 'close case',
    allowed: ['mediator'],
    path: (i) => `/v1/incidents/${i.other}/closure`,
    body: () => ({ reason: 'r' }),
  },
  {
    name: 'define commitment',
    allowed: ['mediator', 'admin'],
    path: (i) => `/v1/agreements/${i.agreement}/commitments`,
    body: () => ({
      obligor: 'AF',
      title: 't',
      indicator: 'i',
      target: 3,
      unit: 'u',
      dueAt: inDays(60),
      evidenceRequired: 'e',
    }),
  },
  {
    name: 'report progress',
    allowed: ['af'],
    path: (i) => `/v1/commitments/${i.commitment}/progress`,
    body: () => ({
      reportId: `r${Math.random().toString(36).slice(2, 8)}`,
      quantity: 1,
      description: 'd',
      evidence: [],
    }),
  },
  {
    name: 'verify progress',
    allowed: ['monitor'],
    path: (i) => `/v1/commitments/${i.commitment}/verification`,
    body: () => ({ reportId: 'none', verdict: 'ACCEPTED', acceptedQuantity: 1, note: 'n' }),
  },
];

interface Ids {
  agreement: string;
  spare: string;
  incident: string;
  other: string;
  commitment: string;
}

describe('authorization matrix: every role × every write endpoint', () => {
  let api: TestApi;
  const tokens = {} as Record<Who, string>;
  const ids = {} as Ids;

  beforeAll(async () => {
    api = await TestApi.start();
    tokens.pk = await api.principal('PK', 'party', 'PK');
    tokens.af = await api.principal('AF', 'party', 'AF');
    tokens.monitor = await api.principal('Monitor', 'monitor');
    tokens.mediator = await api.principal('Mediator', 'mediator');
    tokens.auditor = await api.principal('Auditor', 'auditor');
    tokens.observer = await api.principal('Observer', 'observer');
    tokens.admin = ADMIN_TOKEN;
    const drafter = await api.principal('Drafting monitor', 'monitor');
    const second = await api.principal('Second mediator', 'mediator', 'QA');
    const ok = async (path: string, token: string, body: unknown) => {
      const reply = await api.post(path, token, body);
      if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body;
    };
    ids.agreement = (
      await ok('/v1/agreements', tokens.mediator, {
        ...agreementBody,
        terms: { ...agreementBody.terms, adoptionQuorum: 1 },
      })
    ).id;
    ids.spare = (await ok('/v1/agreements', tokens.mediator, agreementBody)).id;
    ids.incident = (await ok(`/v1/agreements/${ids.agreement}/incidents`, tokens.pk, raidReport)).id;
    ids.other = (await ok(`/v1/agreements/${ids.agreement}/incidents`, tokens.af, airIncursionReport)).id;
    await ok(`/v1/incidents/${ids.incident}/triage`, drafter, { decision: 'ADMISSIBLE', reason: 'r' });
    await ok(`/v1/incidents/${ids.incident}/investigation`, drafter, {});
    await ok(`/v1/incidents/${ids.incident}/findings`, drafter, {
      findingId: 'f1',
      outcome: 'VIOLATION_ATTRIBUTED',
      attributedParties: ['AF'],
      severity: 'S2',
      confidence: 'CREDIBLE',
      rationale: 'r',
    });
    void second;
    ids.commitment = (
      await ok(`/v1/agreements/${ids.agreement}/commitments`, tokens.mediator, {
        obligor: 'AF',
        title: 't',
        indicator: 'i',
        target: 3,
        unit: 'u',
        dueAt: inDays(60),
        evidenceRequired: 'e',
      })
    ).id;
  });
  afterAll(() => api.stop());

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.name}: allowed for ${endpoint.allowed.join(', ')}; 403 with a reason and nothing written for the rest`, async () => {
      for (const who of EVERYONE) {
        const before = (await api.get('/health')).body.store.head;
        const reply = await api.post(endpoint.path(ids), tokens[who], endpoint.body(ids));
        const after = (await api.get('/health')).body.store.head;
        if (endpoint.allowed.includes(who)) {
          expect({ who, status: reply.status }).not.toMatchObject({ status: 403 });
          expect(reply.status).toBeLessThan(500);
        } else {
          expect({ who, status: reply.status }).toEqual({ who, status: 403 });
          expect(typeof reply.body.detail).toBe('string');
          expect(after).toBe(before);
        }
      }
    });
  }
});
