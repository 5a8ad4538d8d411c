import { agreementBody, inDays, raidReport } from './support/case-data';
import { follow, type Received } from './support/feed-client';
import { ADMIN_TOKEN, TestApi } from './support/test-api';
import { until } from './support/until';

const violation = (party: string, severity = 'S3') => ({
  outcome: 'VIOLATION_ATTRIBUTED',
  attributedParties: [party],
  severity,
  confidence: 'CREDIBLE',
});
const noViolation = { outcome: 'NO_VIOLATION', attributedParties: [], confidence: 'CREDIBLE' };

// Issue 13 through the API: compliance that moves with every ruling, consequences that follow their
// breach, quorums of institutions, and the rulebook and reasons behind each status.
describe('compliance and governance', () => {
  let api: TestApi;
  let t: Awaited<ReturnType<TestApi['caseCast']>> & { tr2: string; obs: string };
  let agreement: string;

  beforeAll(async () => {
    api = await TestApi.start();
    t = {
      ...(await api.caseCast()),
      tr2: await api.principal('Türkiye, second account', 'mediator', 'TR'),
      obs: await api.principal('Breach service', 'auditor'),
    };
    agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
  });
  afterAll(() => api.stop());

  const statusOf = async (party: string, query = '') => {
    const head = (await api.get('/health')).body.store.head as string | null;
    const sep = query ? '&' : '?';
    const reply = await api.get(
      `/v1/agreements/${agreement}/compliance${query}${head ? `${sep}minPosition=${head}` : ''}`,
      t.tr,
    );
    expect(reply.status).toBe(200);
    return { report: reply.body, party: reply.body.parties.find((p: { party: string }) => p.party === party) };
  };

  /** A case up to an adopted finding with the given conclusion, both institutions adopting. */
  const adoptedCase = async (conclusion: object) => {
    const id = (await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport)).body.id as string;
    const step = async (path: string, token: string, body: unknown, status = 201) => {
      const reply = await api.post(`/v1/incidents/${id}/${path}`, token, body);
      expect({ path, status: reply.status, body: reply.body }).toMatchObject({ path, status });
      return reply;
    };
    await step('triage', t.mon1, { decision: 'ADMISSIBLE', reason: 'Specific' });
    await step('investigation', t.mon1, {});
    await step('findings', t.mon1, { findingId: 'f1', rationale: 'Tracks', ...conclusion });
    await step('findings/f1/endorsement', t.mon2, {});
    await step('findings/f1/adoption', t.tr, {});
    await step('findings/f1/adoption', t.qa, {});
    return { id, step };
  };

  it('counts a breach when a ruling amends "no violation" into one, as the breach feed does (defect 1)', async () => {
    const feed: Received[] = [];
    const follower = follow(`${api.base}/v1/feeds/breaches?agreement=${agreement}`, t.obs, (m) => feed.push(m));
    follower.listen('org.ceasefireledger.mvm.BreachConfirmed');
    follower.listen('org.ceasefireledger.mvm.BreachAmended');
    await new Promise((r) => setTimeout(r, 200));
    const { id, step } = await adoptedCase(noViolation);
    const before = (await statusOf('AF')).party.confirmedBreaches.total;
    await step('disputes', t.pk, { disputeId: 'd1', findingId: 'f1', grounds: 'NEW_EVIDENCE', statement: 'Footage' });
    const ruling = { ruling: 'AMENDED', rationale: 'Footage shows the raid', amendment: violation('AF', 'S2') };
    await step('disputes/d1/ruling', t.tr, ruling);
    await step('disputes/d1/ruling', t.qa, ruling);
    const af = (await statusOf('AF')).party;
    expect(af.confirmedBreaches.total).toBe(before + 1);
    expect(af.confirmedBreaches.findings).toContain(`${id}/f1`);
    await until(() => feed.some((m) => m.data.data.incidentId === id));
    follower.source.close();
    expect(feed.filter((m) => m.data.data.incidentId === id).map((m) => m.type)).toEqual([
      'org.ceasefireledger.mvm.BreachConfirmed',
    ]);
  });

  it('lapses the consequence of a vacated finding: no measure owed, no breach counted (defect 2)', async () => {
    const { id, step } = await adoptedCase(violation('PK', 'S1'));
    const measure = { measureId: 'm1', party: 'PK', level: 'L1', description: 'Formal demand', dueAt: inDays(1) };
    await step('measures', t.tr, measure);
    await step('measures', t.qa, measure);
    await step('disputes', t.pk, { disputeId: 'd1', findingId: 'f1', grounds: 'ATTRIBUTION', statement: 'Not ours' });
    await step('disputes/d1/ruling', t.tr, { ruling: 'VACATED', rationale: 'Unproven' });
    await step('disputes/d1/ruling', t.qa, { ruling: 'VACATED', rationale: 'Unproven' });
    const history = (await api.get(`/v1/incidents/${id}/history`, t.tr)).body.events.map(
      (e: { type: string }) => e.type,
    );
    expect(history).toEqual(expect.arrayContaining(['BreachVacated', 'MeasureLapsed']));
    const pk = (await statusOf('PK', `?asOf=${inDays(2)}`)).party;
    expect(pk).toMatchObject({ consequencesOutstanding: 0, consequencesOverdue: 0 });
    expect(pk.confirmedBreaches.findings).not.toContain(`${id}/f1`);
  });

  it('lets a measure be fulfilled after its case is closed (defect 3)', async () => {
    const { step } = await adoptedCase(violation('AF', 'S1'));
    const measure = { measureId: 'm1', party: 'AF', level: 'L2', description: 'Arrest the cell', dueAt: inDays(20) };
    await step('measures', t.tr, measure);
    await step('measures', t.qa, measure);
    await step('closure', t.tr, { reason: 'Finding adopted; measure recorded' });
    const owed = (await statusOf('AF')).party.consequencesOutstanding;
    await step('measures/m1/fulfilment', t.mon1, { note: 'Arrests documented' });
    expect((await statusOf('AF')).party.consequencesOutstanding).toBe(owed - 1);
    await step('measures/m1/lifting', t.tr, { reason: 'x' }, 409);
  });

  it('adopts only with two institutions: a second Türkiye account adds nothing (defect 5)', async () => {
    const id = (await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport)).body.id;
    await api.post(`/v1/incidents/${id}/triage`, t.mon1, { decision: 'ADMISSIBLE', reason: 'x' });
    await api.post(`/v1/incidents/${id}/investigation`, t.mon1, {});
    await api.post(`/v1/incidents/${id}/findings`, t.mon1, { findingId: 'f1', rationale: 'r', ...violation('AF') });
    await api.post(`/v1/incidents/${id}/findings/f1/endorsement`, t.mon2, {});
    expect((await api.post(`/v1/incidents/${id}/findings/f1/adoption`, t.tr, {})).status).toBe(201);
    const second = await api.post(`/v1/incidents/${id}/findings/f1/adoption`, t.tr2, {});
    expect(second).toMatchObject({ status: 409, body: { rule: 'InstitutionAlreadyVoted' } });
    expect((await api.get(`/v1/incidents/${id}`, t.tr)).body.findings[0].status).toBe('ENDORSED');
    // Nobody adopts: a mediator returns it and the case can go on.
    expect((await api.post(`/v1/incidents/${id}/findings/f1/withdrawal`, t.qa, { reason: 'No quorum' })).status).toBe(
      201,
    );
    const redraft = await api.post(`/v1/incidents/${id}/findings`, t.mon1, {
      findingId: 'f2',
      rationale: 'r',
      ...noViolation,
    });
    expect(redraft.status).toBe(201);
  });

  it('refuses a mediator principal with no institution, and a dissent signed as someone else', async () => {
    const reply = await api.post('/v1/principals', ADMIN_TOKEN, {
      name: 'No institution',
      role: 'mediator',
    });
    expect(reply).toMatchObject({ status: 422, body: { rule: 'InstitutionOnlyForMediators' } });
    const { id } = await adoptedCase(violation('AF', 'S0'));
    const typed = await api.post(`/v1/incidents/${id}/findings/f1/dissents`, t.af, {
      component: 'Mediator TR',
      text: 'x',
    });
    expect(typed.status).toBe(400);
    expect(JSON.stringify(typed.body)).toMatch(/component/);
    const signed = await api.post(`/v1/incidents/${id}/findings/f1/dissents`, t.af, { text: 'Attribution unproven' });
    expect(signed.status).toBe(201);
    const history = (await api.get(`/v1/incidents/${id}/history`, t.tr)).body.events;
    expect(history.find((e: { type: string }) => e.type === 'DissentRecorded').data.component).toBe('party:AF');
  });

  it('answers with the rulebook version and the reasons behind each status, and over a period', async () => {
    const { party: af, report } = await statusOf('AF');
    expect(report.rulebook.version).toBe('default-1');
    expect(af.status).not.toBe('COMPLIANT');
    expect(af.label).toBe(report.rulebook.labels[af.status]);
    expect(af.reasons[0]).toMatchObject({ level: af.status, rule: expect.stringMatching(/^[A-Z_]+\./) });
    for (const ref of af.reasons.flatMap((r: { refs: { href: string }[] }) => r.refs))
      expect((await api.get(ref.href, t.tr)).status).toBe(200);
    // The raids occurred 2025-10-31: a period before it counts none of them.
    const earlier = (await statusOf('AF', '?from=2025-10-19T00:00:00Z&to=2025-10-30T00:00:00Z')).party;
    expect(earlier).toMatchObject({ status: 'COMPLIANT', confirmedBreaches: { total: 0 } });
    const bad = await api.get(`/v1/agreements/${agreement}/compliance?from=2025-10-19T00:00:00Z`, t.tr);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/from and to/);
  });

  it('adopts a rulebook by quorum, applies it from its effective time and keeps earlier answers', async () => {
    const base = (await api.get(`/v1/agreements/${agreement}/rulebooks/default`, t.tr)).body;
    const strict = {
      ...base,
      version: 'istanbul-strict-1',
      minimumConfidence: 'UNVERIFIED',
      levels: { ...base.levels, SERIOUS_NON_COMPLIANCE: { breaches: { S0: 1, S1: 1, S2: 1, S3: 1 } } },
      labels: { ...base.labels, SERIOUS_NON_COMPLIANCE: 'Serious concern (Istanbul rules)' },
    };
    const effectiveFrom = inDays(1);
    const first = await api.post(`/v1/agreements/${agreement}/rulebooks`, t.tr, { rulebook: strict, effectiveFrom });
    expect(first.status).toBe(201);
    const again = await api.post(`/v1/agreements/${agreement}/rulebooks`, t.tr2, { rulebook: strict, effectiveFrom });
    expect(again).toMatchObject({ status: 409, body: { rule: 'InstitutionAlreadyVoted' } });
    expect(
      (await api.post(`/v1/agreements/${agreement}/rulebooks`, t.qa, { rulebook: strict, effectiveFrom })).status,
    ).toBe(201);
    expect((await statusOf('AF')).report.rulebook.version).toBe('default-1');
    const later = await statusOf('AF', `?windowDays=3650&asOf=${inDays(2)}`);
    expect(later.report.rulebook.version).toBe('istanbul-strict-1');
    expect(later.party).toMatchObject({ status: 'SERIOUS_NON_COMPLIANCE', label: 'Serious concern (Istanbul rules)' });
    const malformed = await api.post(`/v1/agreements/${agreement}/rulebooks`, t.tr, {
      rulebook: { ...strict, version: 'x2', atRiskDays: -3 },
      effectiveFrom,
    });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toMatch(/atRiskDays/);
  });

  it('publishes a compliance statement with the statuses the rulebook gives, readable without a token', async () => {
    const body = { statementId: 'istanbul-2025-11', text: 'The mechanism reports on the first month.' };
    expect((await api.post(`/v1/agreements/${agreement}/compliance-statements`, t.af, body)).status).toBe(403);
    const published = await api.post(`/v1/agreements/${agreement}/compliance-statements`, t.qa, body);
    expect(published.status).toBe(201);
    const { report } = await statusOf('AF');
    const open = await api.get(`/v1/public/agreements/${agreement}/compliance-statements`);
    expect(open.status).toBe(200);
    expect(open.body.statements).toEqual([
      expect.objectContaining({
        statementId: 'istanbul-2025-11',
        rulebookVersion: report.rulebook.version,
        statuses: report.parties.map((p: { party: string; status: string; label: string }) => ({
          party: p.party,
          status: p.status,
          label: p.label,
        })),
      }),
    ]);
    expect((await api.post(`/v1/agreements/${agreement}/compliance-statements`, t.qa, body)).status).toBe(409);
  });
});
