import { agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

// A remanded finding reopens the investigation with a new due date (issue 13, defect 4), through the API.
describe('a remanded finding', () => {
  let api: TestApi;
  let t: Awaited<ReturnType<TestApi['caseCast']>>;

  beforeAll(async () => {
    api = await TestApi.start();
    t = await api.caseCast();
  });
  afterAll(() => api.stop());

  it('reopens the investigation due a full verification period after the ruling, not at the old date', async () => {
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id;
    const id = (await api.post(`/v1/agreements/${agreement}/incidents`, t.pk, raidReport)).body.id;
    const step = async (path: string, token: string, body: unknown) => {
      const reply = await api.post(`/v1/incidents/${id}/${path}`, token, body);
      expect({ path, status: reply.status, body: reply.body }).toMatchObject({ path, status: 201 });
      return reply;
    };
    await step('triage', t.mon1, { decision: 'ADMISSIBLE', reason: 'Specific' });
    await step('investigation', t.mon1, {});
    const opened = (await api.get(`/v1/incidents/${id}`, t.tr)).body.investigation.dueAt as string;
    await step('findings', t.mon1, {
      findingId: 'f1',
      outcome: 'VIOLATION_ATTRIBUTED',
      attributedParties: ['AF'],
      severity: 'S3',
      confidence: 'CREDIBLE',
      rationale: 'Tracks',
    });
    await step('findings/f1/endorsement', t.mon2, {});
    await step('findings/f1/adoption', t.tr, {});
    await step('findings/f1/adoption', t.qa, {});
    await step('disputes', t.af, { disputeId: 'd1', findingId: 'f1', grounds: 'ATTRIBUTION', statement: 'Not ours' });
    const before = Date.now();
    await step('disputes/d1/ruling', t.tr, { ruling: 'REMANDED', rationale: 'Investigate the crossing' });
    const ruled = await step('disputes/d1/ruling', t.qa, { ruling: 'REMANDED', rationale: 'Investigate the crossing' });
    const caseFile = (await api.get(`/v1/incidents/${id}?minPosition=${ruled.body.position}`, t.tr)).body;
    expect(caseFile.status).toBe('UNDER_INVESTIGATION');
    const due = Date.parse(caseFile.investigation.dueAt);
    const period = agreementBody.terms.verificationDeadlineDays * 86_400_000;
    expect(due).toBeGreaterThanOrEqual(before + period - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + period);
    expect(caseFile.investigation).toMatchObject({ deadlineMissed: false });
    expect(due).toBeGreaterThanOrEqual(Date.parse(opened));
    // The ruling itself records the new due date, so a replay of the log gives the same one.
    const history = (await api.get(`/v1/incidents/${id}/history`, t.tr)).body.events;
    const ruling = history.find((e: { type: string }) => e.type === 'DisputeRuled');
    expect(ruling.data.investigationDueAt).toBe(caseFile.investigation.dueAt);
  });
});
