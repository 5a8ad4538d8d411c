import { DeadlineScheduler } from '../../apps/api/src/scheduler/deadline-scheduler';
import { agreementBody, inDays, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

describe('deadline scheduler', () => {
  let api: TestApi;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    api = await TestApi.start();
    tokens = {
      pk: await api.principal('PK', 'party', 'PK'),
      mon: await api.principal('Monitor', 'monitor'),
      tr: await api.principal('TR', 'mediator'),
    };
  });
  afterAll(() => api.stop());

  it('records each passed deadline once, through the command path, and nothing before it passes', async () => {
    const agreement = (
      await api.post('/v1/agreements', tokens.tr, {
        ...agreementBody,
        terms: { ...agreementBody.terms, responseWindowHours: 1, verificationDeadlineDays: 1 },
      })
    ).body.id;
    const incident = await api.post(`/v1/agreements/${agreement}/incidents`, tokens.pk, raidReport);
    await api.post(`/v1/incidents/${incident.body.id}/triage`, tokens.mon, { decision: 'ADMISSIBLE', reason: 'r' });
    const opened = await api.post(`/v1/incidents/${incident.body.id}/investigation`, tokens.mon, {});
    const commitment = await api.post(`/v1/agreements/${agreement}/commitments`, tokens.tr, {
      obligor: 'AF',
      title: 't',
      indicator: 'i',
      target: 1,
      unit: 'u',
      dueAt: inDays(1),
      evidenceRequired: 'e',
    });
    const scheduler = api.app.get(DeadlineScheduler);
    await api.get(`/v1/incidents/${incident.body.id}?minPosition=${commitment.body.position}`, tokens.mon);
    await api.get(`/v1/commitments/${commitment.body.id}?minPosition=${commitment.body.position}`, tokens.mon);

    expect(await scheduler.tick(new Date().toISOString())).toBe(0);
    const later = inDays(2);
    expect(await scheduler.tick(later)).toBe(3);
    const history = await api.get(`/v1/incidents/${incident.body.id}/history`, tokens.mon);
    expect(
      history.body.events.map((e: { type: string; principal: string }) => [e.type, e.principal]).slice(-2),
    ).toEqual([
      ['ResponseDeadlineMissed', 'system'],
      ['VerificationDeadlineMissed', 'system'],
    ]);
    const head = (await api.get('/health')).body.store.head;
    await api.get(`/v1/incidents/${incident.body.id}?minPosition=${head}`, tokens.mon);
    await api.get(`/v1/commitments/${commitment.body.id}?minPosition=${head}`, tokens.mon);
    expect(await scheduler.tick(later)).toBe(0);
    expect((await api.get('/health')).body.store.head).toBe(head);
    expect(opened.status).toBe(201);
    const compliance = await api.get(`/v1/agreements/${agreement}/compliance?minPosition=${head}`, tokens.tr);
    expect(compliance.body.parties.find((p: { party: string }) => p.party === 'AF').commitments.overdue).toBe(1);
  });

  it('lets no deadline run while the agreement is suspended (issue 13, defect 7)', async () => {
    const agreement = (
      await api.post('/v1/agreements', tokens.tr, {
        ...agreementBody,
        terms: { ...agreementBody.terms, responseWindowHours: 1, verificationDeadlineDays: 1 },
      })
    ).body.id;
    const qa = await api.principal('QA', 'mediator', 'QA');
    expect((await api.post(`/v1/agreements/${agreement}/suspension`, qa, { reason: 'Talks in Doha' })).status).toBe(
      201,
    );
    const incident = (await api.post(`/v1/agreements/${agreement}/incidents`, tokens.pk, raidReport)).body;
    await api.post(`/v1/incidents/${incident.id}/triage`, tokens.mon, { decision: 'ADMISSIBLE', reason: 'r' });
    const opened = await api.post(`/v1/incidents/${incident.id}/investigation`, tokens.mon, {});
    await api.get(`/v1/incidents/${incident.id}?minPosition=${opened.body.position}`, tokens.mon);
    const scheduler = api.app.get(DeadlineScheduler);
    await scheduler.tick(inDays(3));
    const types = async () =>
      (await api.get(`/v1/incidents/${incident.id}/history`, tokens.mon)).body.events.map(
        (e: { type: string }) => e.type,
      );
    expect(await types()).not.toEqual(expect.arrayContaining(['ResponseDeadlineMissed']));
    expect(await types()).not.toEqual(expect.arrayContaining(['VerificationDeadlineMissed']));
    const compliance = await api.get(
      `/v1/agreements/${agreement}/compliance?minPosition=${opened.body.position}`,
      tokens.tr,
    );
    expect(compliance.body.agreement).toMatchObject({ status: 'SUSPENDED' });
    // Resumed: the clocks run again from where they stopped.
    expect((await api.post(`/v1/agreements/${agreement}/resumption`, qa, { reason: 'Talks resumed' })).status).toBe(
      201,
    );
    await scheduler.tick(inDays(3));
    expect(await types()).toEqual(expect.arrayContaining(['ResponseDeadlineMissed', 'VerificationDeadlineMissed']));
  });
});
